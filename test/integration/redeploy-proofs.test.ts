// Redeploys claim only what they saw (issue 22, items 5–8): a run is ours only when provably so,
// a workflow that cannot start and a repository that cannot read the secret are refused before
// the rotation, and GitHub's text never starts a workflow command. The bundle, as a runner runs it.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  NAME,
  SECRET_WRITE,
  errorOf,
  requestsTo,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'
import { NODE24, type RunResult } from '../fakes/runner.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const DISPATCH = /\/actions\/workflows\/[^/]+\/dispatches$/
const APP = { 'acme/app': [{ file: 'deploy.yml' }] }
const RUNS_LIST = 'https://github.com/acme/app/actions/workflows/deploy.yml'
type Redeploy = { repository: string; run_url: string | null; conclusion: string }
const redeploysOf = (result: RunResult) => JSON.parse(result.outputs['redeploys']!) as Redeploy[]
/** The bundle on the runner's Node. */
const run = (inputs: Record<string, string>) => scenario.run(inputs, { node: NODE24 })
const runUrl = (id: number) => `https://github.com/acme/app/actions/runs/${id}`

describe('without return_run_details (older GHES), a run is claimed only when provably ours', () => {
  test('another dispatch of the same workflow at the same time: not identified, never a success', async () => {
    let foreign: number | undefined
    const options: GitHubOptions = {
      returnRunDetails: false,
      workflows: APP,
      // Another rotation's dispatch lands just before ours (its run fails).
      fault: request => {
        if (request.method === 'POST' && DISPATCH.test(request.path) && request.attempt === 2)
          foreign = scenario.github.startRun('acme/app', 'deploy.yml', 'main', 'failure')
        return undefined
      }
    }
    scenario = await startScenario(options)
    const result = await run({ targets: 'acme/app', redeploy: 'acme/app: deploy.yml' })
    expect(foreign).toBeDefined()
    expect(scenario.github.dispatches).toHaveLength(1)
    expect(result.code).toBe(1)
    expect(redeploysOf(result)).toEqual([
      {
        repository: 'acme/app',
        workflow: 'deploy.yml',
        run_url: null,
        conclusion: 'not_identified'
      }
    ])
    const error = errorOf(result)
    expect(error).toContain(
      `acme/app may not be redeployed (deploy.yml on main): the dispatch was sent, but its run could not be identified: 2 workflow_dispatch runs on main were created since`
    )
    expect(error).toContain(`find it in the runs list, ${RUNS_LIST}`)
    // Neither run is claimed: not the other's, and not ours by a guess.
    for (const id of [foreign!, scenario.github.dispatches[0]!.runId])
      expect(result.stdout + result.summary).not.toContain(runUrl(id))
    expect(result.summary).not.toMatch(/<td>success<\/td>/)
  })

  test('two rotations at once: no run is claimed by both, and none by the one that did not start it', async () => {
    scenario = await startScenario({ returnRunDetails: false, workflows: APP })
    const inputs = { targets: 'acme/app', redeploy: 'acme/app: deploy.yml' }
    const results = await Promise.all([run(inputs), run(inputs)])
    expect(scenario.github.dispatches).toHaveLength(2)
    const claimed = results.flatMap(redeploysOf).filter(r => r.run_url !== null)
    // Distinct runs, each a dispatched one; the rest are said as not identified. (The later
    // dispatch may claim its run: the earlier one's was listed before it and is never a candidate.)
    expect(new Set(claimed.map(r => r.run_url)).size).toBe(claimed.length)
    const dispatched = scenario.github.dispatches.map(d => runUrl(d.runId))
    for (const r of claimed) expect(dispatched).toContain(r.run_url)
    for (const result of results)
      for (const r of redeploysOf(result))
        expect(r.run_url === null ? r.conclusion : 'claimed').toMatch(/^(claimed|not_identified)$/)
  })

  test("the runner's clock 2 s ahead of GitHub's: its own run, the only candidate, is found", async () => {
    scenario = await startScenario({
      returnRunDetails: false,
      workflows: APP,
      clockOffsetMs: -2000
    })
    const result = await run({
      targets: 'acme/app',
      redeploy: 'acme/app: deploy.yml',
      'redeploy-timeout-minutes': '0.1'
    })
    expect(result.code).toBe(0)
    const runId = scenario.github.dispatches[0]!.runId
    expect(redeploysOf(result)).toEqual([
      {
        repository: 'acme/app',
        workflow: 'deploy.yml',
        run_url: runUrl(runId),
        conclusion: 'success'
      }
    ])
  })
})

describe('refused before the rotation', () => {
  test('a workflow_dispatch input required without a default, named', async () => {
    const text = `on:
  workflow_dispatch:
    inputs:
      environment:
        required: true
      dry:
        required: true
        default: 'false'
jobs: {}
`
    scenario = await startScenario({ workflows: { 'acme/app': [{ file: 'deploy.yml', text }] } })
    const result = await run({ targets: 'acme/app', redeploy: 'acme/app: deploy.yml' })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain(
      "- Input 'redeploy', line 'acme/app: deploy.yml': .github/workflows/deploy.yml at main cannot be started by hand: its workflow_dispatch input 'environment' is required without a default, and a redeploy sends no inputs; give it a default or make it optional"
    )
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.github, 'POST', DISPATCH)).toBe(0)
  })

  const org = (
    secret: { visibility: 'private' | 'selected'; selectedRepositories?: string[] } | undefined,
    app: 'public' | 'private'
  ): GitHubOptions => ({
    repositories: { 'acme/app': { visibility: app } },
    organizations: {
      acme: {
        repositories: ['api'],
        secrets: secret ? { [NAME]: { ...secret, value: 'old' } } : {}
      }
    },
    workflows: APP
  })
  const refusedReach = (result: RunResult, why: string) => {
    expect(result.code).toBe(1)
    const error = errorOf(result)
    expect(error).toContain('Nothing was rotated: 1 of 1 redeploys cannot start.')
    expect(error).toContain(
      `- Input 'redeploy', line 'acme/app: deploy.yml': acme/app could not read the secret, so its deploy would ship the old one: org:acme's secret ${why}`
    )
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  }

  test('an organization secret for selected repositories that do not include the redeployed one', async () => {
    scenario = await startScenario(org(undefined, 'private'))
    const result = await run({
      targets: 'org:acme',
      visibility: 'selected',
      'selected-repositories': 'api',
      redeploy: 'acme/app: deploy.yml'
    })
    refusedReach(
      result,
      'will be visible to selected repositories only, and this repository is not one of them (selected-repositories)'
    )
  })

  test('a private visibility kept from the existing secret reaches no public repository', async () => {
    scenario = await startScenario(org({ visibility: 'private' }, 'public'))
    const result = await run({ targets: 'org:acme', redeploy: 'acme/app: deploy.yml' })
    refusedReach(
      result,
      "will be visible to private and internal repositories only (visibility: private), and this repository is public (visibility not given: the existing secret's is kept, private for a new one)"
    )
  })

  test('the same secret reaches a private repository: checked, and a dry run says what it would dispatch', async () => {
    scenario = await startScenario(org({ visibility: 'private' }, 'private'))
    const result = await run({
      targets: 'org:acme',
      redeploy: 'acme/app: deploy.yml',
      'dry-run': 'true'
    })
    expect(result.code).toBe(0)
    expect(result.summary).toContain('<h3>Redeploys</h3>')
    expect(result.summary).toContain(
      '<tr><td>acme/app</td><td><code>.github/workflows/deploy.yml</code></td><td><code>main</code></td><td>org:acme</td></tr>'
    )
    expect(scenario.github.dispatches).toHaveLength(0)
  })
})

describe("GitHub's text is data", () => {
  const INJECTED = '\n::error::INJECTED\n::warning::INJECTED\n::stop-commands::INJECTED'
  test('a workflow path and a run URL with line breaks start no workflow command; the URL is not shown', async () => {
    scenario = await startScenario({
      workflows: {
        'acme/app': [
          {
            file: 'deploy.yml',
            reportedPath: `.github/workflows/deploy.yml${INJECTED}`,
            runHtmlUrl: `https://github.com/acme/app/actions/runs/1${INJECTED}`,
            statuses: ['queued', 'waiting'],
            conclusion: 'success'
          }
        ]
      }
    })
    const result = await run({
      targets: 'acme/app',
      redeploy: 'acme/app: deploy.yml',
      'redeploy-timeout-minutes': '0.02'
    })
    expect(result.code).toBe(1) // still waiting at the timeout
    const lines = `${result.stdout}\n${result.stderr}`.split('\n')
    expect(lines.filter(line => /^::(error|warning|stop-commands)::INJECTED/.test(line))).toEqual(
      []
    )
    expect(lines.filter(line => line.startsWith('::stop-commands::'))).toEqual([])
    expect(result.stdout).toContain('acme/app: run (not shown) is waiting for an environment')
    expect(redeploysOf(result)[0]!.run_url).toBeNull()
    expect(result.summary).toMatch(/<td>run \d+ \(URL not shown\)<\/td>/)
  })

  test('a run URL that is not https is not shown', async () => {
    scenario = await startScenario({
      workflows: { 'acme/app': [{ file: 'deploy.yml', runHtmlUrl: 'http://github.example/run' }] }
    })
    const result = await run({ targets: 'acme/app', redeploy: 'acme/app: deploy.yml' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('acme/app: following run (not shown)')
    expect(result.stdout + result.summary).not.toContain('github.example')
    expect(redeploysOf(result)[0]!.run_url).toBeNull()
  })
})
