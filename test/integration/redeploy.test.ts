// Redeploys: each repository's workflow checked before the rotation, started the moment its own
// targets hold the new secret, and followed to its end; every outcome reported.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  NAME,
  SECRET_WRITE,
  leaks,
  on,
  requestsTo,
  row,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'
import type { RunResult } from '../fakes/runner.js'
import type { WorkflowOptions } from '../fakes/github-workflows.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const DISPATCH = /\/actions\/workflows\/[^/]+\/dispatches$/
const world = (overrides: GitHubOptions = {}): GitHubOptions => ({
  repositories: { 'acme/app': { environments: ['production'] }, 'acme/worker': {} },
  workflows: {
    'acme/app': [{ file: 'deploy.yml', id: 111 }],
    'acme/worker': [{ file: 'ship.yml', refs: ['main', 'release'] }]
  },
  ...overrides
})
const TARGETS = 'acme/app\nacme/app@production\nacme/worker'
const REDEPLOY = 'acme/app: deploy.yml\nacme/worker: ship.yml@release'

/** When the last write of the secret to `repository` (any scope) was answered. */
function lastWriteEnded(repository: string): number {
  const writes = scenario.github.requests.filter(
    r => r.method === 'PUT' && SECRET_WRITE.test(r.path) && r.path.includes(`/repos/${repository}/`)
  )
  expect(writes.length).toBeGreaterThan(0)
  return Math.max(...writes.map(r => r.endedAt ?? Infinity))
}

describe('a dispatch per repository, after its own writes', () => {
  test('both repositories redeployed; each dispatch after its writes; reported', async () => {
    scenario = await startScenario(world())
    const result = await scenario.run({ targets: TARGETS, redeploy: REDEPLOY })
    expect(result.code).toBe(0)
    const secret = scenario.composio.currentSecret('ws_123')!
    for (const scope of ['acme/app', 'acme/app@production', 'acme/worker'])
      expect(scenario.github.secret(scope, NAME)).toBe(secret)
    const { dispatches } = scenario.github
    expect(dispatches.map(d => [d.repository, d.file, d.ref])).toEqual(
      expect.arrayContaining([
        ['acme/app', 'deploy.yml', 'main'],
        ['acme/worker', 'ship.yml', 'release']
      ])
    )
    expect(dispatches).toHaveLength(2)
    for (const dispatch of dispatches) {
      expect(dispatch.at).toBeGreaterThanOrEqual(lastWriteEnded(dispatch.repository))
      // Never the secret, nor its fingerprint: no inputs at all.
      expect(dispatch.inputs).toBeUndefined()
    }
    const redeploys = JSON.parse(result.outputs['redeploys']!) as Record<string, unknown>[]
    expect(redeploys).toEqual([
      {
        repository: 'acme/app',
        workflow: 'deploy.yml',
        run_url: `https://github.com/acme/app/actions/runs/${dispatches.find(d => d.repository === 'acme/app')!.runId}`,
        conclusion: 'success'
      },
      {
        repository: 'acme/worker',
        workflow: 'ship.yml',
        run_url: `https://github.com/acme/worker/actions/runs/${dispatches.find(d => d.repository === 'acme/worker')!.runId}`,
        conclusion: 'success'
      }
    ])
    expect(result.summary).toContain('<h3>Redeploys</h3>')
    expect(result.summary).toMatch(
      /<td>acme\/worker<\/td><td>ship\.yml on release<\/td><td><a href="https:\/\/github\.com\/acme\/worker\/actions\/runs\/\d+">run<\/a><\/td><td>success<\/td>/
    )
    expect(result.stdout).toContain(
      'Redeploy checked: acme/app will start .github/workflows/deploy.yml on main (it declares workflow_dispatch).'
    )
    expect(leaks(result, secret)).toEqual([])
  })

  test('a repository does not wait for the writes of another', async () => {
    // acme/worker's write answers slowly: its 201 body, '{}', one byte every 500 ms.
    const worker = new RegExp(`/repos/acme/worker/actions/secrets/${NAME}$`)
    scenario = await startScenario(world({ fault: on('PUT', worker, { dripMs: 500 }) }))
    const result = await scenario.run({ targets: TARGETS, redeploy: REDEPLOY })
    expect(result.code).toBe(0)
    const write = scenario.github.requests.find(r => r.method === 'PUT' && worker.test(r.path))!
    const dispatched = (repository: string) =>
      scenario.github.dispatches.find(d => d.repository === repository)!.at
    // The write's answer is complete no earlier than its second byte, 2 × 500 ms after it came.
    const answered = write.startedAt + 1000
    expect(dispatched('acme/app')).toBeLessThan(answered)
    expect(dispatched('acme/worker')).toBeGreaterThanOrEqual(answered)
  })

  test('a repository whose write failed is not dispatched, and the summary says why', async () => {
    scenario = await startScenario(
      world({
        fault: on('PUT', new RegExp(`/repos/acme/app/environments/production/secrets/${NAME}$`), {
          status: 422,
          body: { message: 'no' }
        })
      })
    )
    const result = await scenario.run({ targets: TARGETS, redeploy: REDEPLOY })
    expect(result.code).toBe(1)
    expect(scenario.github.dispatches.map(d => d.repository)).toEqual(['acme/worker'])
    const why =
      'not started: acme/app@production did not receive the secret, so a deploy would ship the old one'
    expect(result.summary).toContain(
      row('acme/app', 'deploy.yml on main', 'none', `not_dispatched: ${why}`)
    )
    expect(result.stdout).toContain(`acme/app was not redeployed (deploy.yml on main): ${why}`)
    expect(JSON.parse(result.outputs['redeploys']!)).toContainEqual({
      repository: 'acme/app',
      workflow: 'deploy.yml',
      run_url: null,
      conclusion: 'not_dispatched'
    })
  })
})

describe('refused before the rotation', () => {
  test('a workflow missing, disabled, or without workflow_dispatch: every line named, nothing rotated', async () => {
    scenario = await startScenario({
      repositories: { 'acme/app': {}, 'acme/worker': {}, 'acme/site': {} },
      workflows: {
        'acme/app': [{ file: 'deploy.yml' }],
        'acme/worker': [{ file: 'ship.yml', state: 'disabled_manually', id: 4242 }],
        'acme/site': [{ file: 'pages.yml', text: 'on: [push, pull_request]\njobs: {}\n' }]
      }
    })
    const result = await scenario.run({
      targets: 'acme/app\nacme/worker\nacme/site',
      redeploy: 'acme/app: missing.yml\nacme/worker: ship.yml\nacme/site: pages.yml'
    })
    expect(result.code).toBe(1)
    const error = result.stdout.replace(/%0A/g, '\n')
    expect(error).toContain('Nothing was rotated: 3 of 3 redeploys cannot start.')
    expect(error).toContain(
      "- Input 'redeploy', line 'acme/app: missing.yml': could not read the workflow: HTTP 404: Not Found. Hint: no such workflow in this repository"
    )
    expect(error).toContain(
      "- Input 'redeploy', line 'acme/worker: ship.yml': the workflow .github/workflows/ship.yml is disabled_manually, not active; enable it (gh workflow enable 4242 -R acme/worker)"
    )
    expect(error).toContain(
      "- Input 'redeploy', line 'acme/site: pages.yml': .github/workflows/pages.yml at main cannot be started by hand: its on: declares push, pull_request but not workflow_dispatch; add it"
    )
    expect(error).toContain(
      "(Starting a workflow also takes 'actions: write', which only a dispatch can prove.)"
    )
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(requestsTo(scenario.github, 'POST', DISPATCH)).toBe(0)
  })

  test('with a target that cannot be written, both problems are named together', async () => {
    scenario = await startScenario(world())
    const result = await scenario.run({
      targets: `${TARGETS}\nacme/ghost`,
      redeploy: 'acme/app: missing.yml'
    })
    expect(result.code).toBe(1)
    const error = result.stdout.replace(/%0A/g, '\n')
    expect(error).toContain('Nothing was rotated: 1 of 4 targets cannot be written.')
    expect(error).toContain('- acme/ghost: could not read the public key: HTTP 404')
    expect(error).toContain(
      "- Input 'redeploy', line 'acme/app: missing.yml': could not read the workflow: HTTP 404"
    )
    expect(scenario.composio.rotations).toHaveLength(0)
  })

  test('a dry run checks the redeploys too, and dispatches nothing', async () => {
    scenario = await startScenario(world())
    const bad = await scenario.run({
      targets: TARGETS,
      redeploy: 'acme/worker: ship.yml@nope',
      'dry-run': 'true'
    })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain(
      "Input 'redeploy', line 'acme/worker: ship.yml@nope': could not read .github/workflows/ship.yml: HTTP 404: Not Found. Hint: the file is not at that ref"
    )
    const good = await scenario.run({ targets: TARGETS, redeploy: REDEPLOY, 'dry-run': 'true' })
    expect(good.code).toBe(0)
    expect(good.stdout).toContain(
      'Redeploy checked: acme/worker will start .github/workflows/ship.yml on release'
    )
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(scenario.github.dispatches).toHaveLength(0)
  })

  test('a workflow given by its numeric ID: its file is read from its path', async () => {
    scenario = await startScenario(world())
    const result = await scenario.run({ targets: TARGETS, redeploy: 'acme/app: 111' })
    expect(result.code).toBe(0)
    expect(
      requestsTo(scenario.github, 'GET', /\/contents\/\.github%2Fworkflows%2Fdeploy\.yml$/)
    ).toBe(1)
    expect(scenario.github.dispatches.map(d => d.file)).toEqual(['deploy.yml'])
  })
})

describe('following the runs: anything but success fails the run, after everything else', () => {
  type Check = (result: RunResult) => void
  /** acme/app's run goes as `app` says; acme/worker's succeeds. */
  const failing = (
    name: string,
    expected: string,
    app: Omit<WorkflowOptions, 'file'>,
    minutes: string,
    check: Check
  ) =>
    test(name, async () => {
      scenario = await startScenario(
        world({
          workflows: {
            'acme/app': [{ file: 'deploy.yml', ...app }],
            'acme/worker': [{ file: 'ship.yml', refs: ['main', 'release'] }]
          }
        })
      )
      const result = await scenario.run({
        targets: TARGETS,
        redeploy: REDEPLOY,
        'redeploy-timeout-minutes': minutes
      })
      expect(result.code).toBe(1)
      // Everything else reported first: stored everywhere, the other repository redeployed.
      const secret = scenario.composio.currentSecret('ws_123')!
      expect(scenario.github.secret('acme/worker', NAME)).toBe(secret)
      const redeploys = JSON.parse(result.outputs['redeploys']!) as { conclusion: string }[]
      expect(redeploys.map(r => r.conclusion)).toEqual([expected, 'success'])
      const error = result.stdout.split('\n').find(line => line.startsWith('::error::'))!
      expect(error).toContain('stored in every target, but the run did not finish cleanly')
      expect(error).toContain(
        `Also: acme/app was not redeployed (deploy.yml on main, https://github.com/acme/app/actions/runs/`
      )
      expect(error).toContain(
        "Redeploy by hand once the cause is fixed: gh workflow run 'deploy.yml' -R 'acme/app' --ref 'main'"
      )
      expect(leaks(result, secret)).toEqual([])
      check(result)
    })

  failing('a failed deploy', 'failure', { conclusion: 'failure' }, '20', result => {
    expect(result.stdout).toContain('the run ended: failure')
  })

  failing(
    'a run waiting for approval is said at once, and reported as waiting',
    'waiting',
    { statuses: ['queued', 'waiting'] },
    '0.05',
    result => {
      expect(result.stdout).toMatch(
        /::warning::acme\/app: run https:\/\/github\.com\/acme\/app\/actions\/runs\/\d+ is waiting for an environment's approval; the receiver keeps the old secret until it is approved and deploys\. Following it up to 0\.05 min/
      )
      expect(result.stdout).toContain("still waiting for an environment's approval after 0.05 min")
    }
  )

  failing(
    'a run still going at the timeout',
    'in_progress',
    { statuses: ['in_progress'] },
    '0.02',
    result => {
      expect(result.stdout).toContain('still in_progress after 0.02 min (redeploy-timeout-minutes)')
    }
  )
})

describe('GitHub Enterprise Server without return_run_details', () => {
  test('dispatched again without it, and the run found among those created since', async () => {
    scenario = await startScenario(world({ returnRunDetails: false }))
    const result = await scenario.run({ targets: TARGETS, redeploy: REDEPLOY })
    expect(result.code).toBe(0)
    const posts = scenario.github.requests.filter(r => r.method === 'POST' && DISPATCH.test(r.path))
    // Per repository: refused with the parameter (422, nothing started), then accepted without.
    expect(posts.map(r => [r.status, 'return_run_details' in (r.body as object)])).toEqual([
      [422, true],
      [422, true],
      [204, false],
      [204, false]
    ])
    expect(scenario.github.dispatches).toHaveLength(2)
    const redeploys = JSON.parse(result.outputs['redeploys']!) as {
      run_url: string
      conclusion: string
    }[]
    for (const [index, repository] of ['acme/app', 'acme/worker'].entries()) {
      const runId = scenario.github.dispatches.find(d => d.repository === repository)!.runId
      expect(redeploys[index]).toEqual({
        repository,
        workflow: index === 0 ? 'deploy.yml' : 'ship.yml',
        run_url: `https://github.com/${repository}/actions/runs/${runId}`,
        conclusion: 'success'
      })
    }
    // Per repository: the runs there before the dispatch without the parameter, then the one
    // list that finds its run.
    expect(requestsTo(scenario.github, 'GET', /\/actions\/workflows\/[^/]+\/runs$/)).toBe(4)
  })
})
