// Which run a redeploy follows, attacked (issue 22, item 5): a run is "ours" only when it is of the
// workflow dispatched, on the ref dispatched, started by workflow_dispatch, and, without the run's
// id in the dispatch's answer, not one that was there before the dispatch. The bundle, on Node 24.
import { afterEach, describe, expect, test } from '@jest/globals'
import { startScenario, type GitHubOptions, type Scenario } from '../support/scenario.js'
import { NODE24, type RunResult } from '../fakes/runner.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const DISPATCH = /\/actions\/workflows\/[^/]+\/dispatches$/
const RUNS = /\/actions\/workflows\/[^/]+\/runs$/
type Redeploy = { repository: string; run_url: string | null; conclusion: string }
const redeploysOf = (result: RunResult) => JSON.parse(result.outputs['redeploys']!) as Redeploy[]
const runUrl = (id: number) => `https://github.com/acme/app/actions/runs/${id}`
const run = () =>
  scenario.run(
    { targets: 'acme/app', redeploy: 'acme/app: deploy.yml', 'redeploy-timeout-minutes': '0.1' },
    { node: NODE24 }
  )
/** The run named nowhere as ours: not in the output, the log or the summary. */
const notClaimed = (result: RunResult, id: number) => {
  expect(redeploysOf(result)[0]!.run_url).not.toBe(runUrl(id))
  expect(result.stdout + result.summary).not.toContain(runUrl(id))
}

describe('with return_run_details: the run the answer names must be of the dispatch', () => {
  /** A careless or hostile server answers 200 naming the run `started()` returns. */
  const naming = (
    started: () => number,
    workflows: NonNullable<GitHubOptions>['workflows']
  ): GitHubOptions => ({
    workflows,
    fault: request => {
      if (request.method !== 'POST' || !DISPATCH.test(request.path)) return undefined
      const id = started()
      return { status: 200, body: { workflow_run_id: id, html_url: runUrl(id) } }
    }
  })

  test('a successful run of another workflow of the repository is not ours', async () => {
    let other = 0
    scenario = await startScenario(
      naming(() => (other = scenario.github.startRun('acme/app', 'lint.yml', 'main', 'success')), {
        'acme/app': [{ file: 'deploy.yml' }, { file: 'lint.yml' }]
      })
    )
    const result = await run()
    expect(result.code).toBe(1)
    expect(redeploysOf(result)[0]!.conclusion).toBe('not_identified')
    notClaimed(result, other)
    expect(result.stderr + result.stdout).toContain(
      `GitHub named run ${other} as the dispatch's run, but that run is not of .github/workflows/deploy.yml on main started by workflow_dispatch`
    )
  })

  test('a successful run of the workflow on another branch is not ours', async () => {
    let release = 0
    scenario = await startScenario(
      naming(
        () => (release = scenario.github.startRun('acme/app', 'deploy.yml', 'release', 'success')),
        { 'acme/app': [{ file: 'deploy.yml', refs: ['main', 'release'] }] }
      )
    )
    const result = await run()
    expect(result.code).toBe(1)
    expect(redeploysOf(result)[0]!.conclusion).toBe('not_identified')
    notClaimed(result, release)
  })
})

describe('without return_run_details: a run there before the dispatch is never ours', () => {
  /**
   * Another's dispatch lands 1 s before ours, its run done at once; GitHub answers ours 204 and
   * lists its run only at the `late`-th read of the runs list (never, for 0).
   */
  const foreignFirst = (late: number, date: (now: number) => string) => {
    const ids = { foreign: 0, ours: 0 }
    const options: GitHubOptions = {
      returnRunDetails: false,
      workflows: { 'acme/app': [{ file: 'deploy.yml' }] },
      fault: request => {
        const { github } = scenario
        if (request.method === 'POST' && DISPATCH.test(request.path)) {
          // The first dispatch is refused (older GHES): the other run starts meanwhile.
          if (request.attempt === 1) ids.foreign = github.startRun('acme/app', 'deploy.yml', 'main')
          if (request.attempt !== 2) return undefined
          return { status: 204, headers: { date: date(Date.now() + 1000) } }
        }
        if (request.method === 'GET' && RUNS.test(request.path) && request.attempt === late)
          ids.ours = github.startRun('acme/app', 'deploy.yml', 'main')
        return undefined
      }
    }
    return { ids, options }
  }
  const utc = (at: number) => new Date(at).toUTCString()

  test('a run created 1 s before ours, inside the 5 s allowance, while ours is listed late: ours is followed', async () => {
    const { ids, options } = foreignFirst(3, utc)
    scenario = await startScenario(options)
    const result = await run()
    notClaimed(result, ids.foreign)
    expect(redeploysOf(result)).toEqual([
      {
        repository: 'acme/app',
        workflow: 'deploy.yml',
        run_url: runUrl(ids.ours),
        conclusion: 'success'
      }
    ])
  })

  const dates: [string, (at: number) => string][] = [
    ['garbage', () => 'yesterday-ish'],
    ['in 1970', () => utc(0)],
    ['a day ahead', at => utc(at + 86_400_000)]
  ]
  test.each(dates)(
    "GitHub's Date header %s, and our run never listed: the other run is never claimed",
    async (_, date) => {
      const { ids, options } = foreignFirst(0, date)
      scenario = await startScenario(options)
      const result = await run()
      expect(result.code).toBe(1)
      notClaimed(result, ids.foreign)
      expect(redeploysOf(result)[0]!.conclusion).toBe('not_found')
    }
  )
})

describe('an environment secret reaches only a job that runs in that environment (item 7)', () => {
  const deploy = (environment: string) => `on: workflow_dispatch
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{ run: make }]
  deploy:
    runs-on: ubuntu-latest
    ${environment}
    steps: [{ run: ./deploy.sh }]
`

  test('no job of the workflow runs in it: refused before the rotation, naming the environment', async () => {
    scenario = await startScenario({
      workflows: { 'acme/app': [{ file: 'deploy.yml', text: deploy('environment: staging') }] }
    })
    const result = await scenario.run(
      { targets: 'acme/app@production', redeploy: 'acme/app: deploy.yml' },
      { node: NODE24 }
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      "acme/app could not read the secret, so its deploy would ship the old one: acme/app@production's secret is an environment's, and no job of .github/workflows/deploy.yml runs in environment 'production'"
    )
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(scenario.github.dispatches).toHaveLength(0)
  })

  test.each([
    ['by name', 'environment: Production'],
    ['as a mapping', 'environment: { name: production, url: https://app.example }'],
    ['by an expression, which the file cannot settle', 'environment: ${{ vars.TARGET_ENV }}']
  ])('a job runs in it %s: checked, and redeployed', async (_, environment) => {
    scenario = await startScenario({
      workflows: { 'acme/app': [{ file: 'deploy.yml', text: deploy(environment) }] }
    })
    const result = await scenario.run(
      { targets: 'acme/app@production', redeploy: 'acme/app: deploy.yml' },
      { node: NODE24 }
    )
    expect(result.code).toBe(0)
    expect(redeploysOf(result)[0]!.conclusion).toBe('success')
  })
})
