// failure-issue: a failed run opens one issue in the workflow's repository (or comments on the
// open one, found by its label); the next run that stores the secret everywhere comments and
// closes it; a failure to do either is a warning; no issue ever holds the secret or a recipe.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import {
  SECRET_WRITE,
  encodings,
  on,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const LABEL = 'composio-webhook-secret'
const RUN = { env: { GITHUB_RUN_ID: '4242', GITHUB_SERVER_URL: 'https://github.com' } }
const RUN_URL = 'https://github.com/acme/app/actions/runs/4242'
const KEY_404 = on('GET', /\/public-key$/, { status: 404, body: { message: 'Not Found' } })
const ISSUES = /\/repos\/acme\/app\/issues/

const run = (inputs: Record<string, string> = {}): Promise<RunResult> =>
  scenario.run({ 'failure-issue': 'true', ...inputs }, RUN)

const lines = (result: RunResult, prefix: string): string[] =>
  result.stdout.split('\n').filter(line => line.startsWith(prefix))

/** An issue a previous failed run opened (or another, or one closed since). */
function openIssue(labels = [LABEL], state: 'open' | 'closed' = 'open'): void {
  scenario.github.issues.push({
    number: scenario.github.issues.length + 1,
    repository: 'acme/app',
    title: 'Composio webhook secret: a run for subscription ws_123 failed',
    body: 'earlier',
    state,
    stateReason: null,
    labels,
    comments: []
  })
}

async function start(github: GitHubOptions = {}): Promise<void> {
  scenario = await startScenario(github)
}

describe('a failed run', () => {
  test('opens one labelled issue: what happened, what is left to do, the run', async () => {
    await start({ fault: KEY_404 })
    const result = await run()
    expect(result.code).toBe(1)
    expect(lines(result, '::error::')).toHaveLength(1)
    expect(scenario.github.issues).toHaveLength(1)
    const [issue] = scenario.github.issues
    expect(issue).toMatchObject({ state: 'open', labels: [LABEL], comments: [] })
    expect(issue!.title).toBe('Composio webhook secret: a run for subscription ws_123 failed')
    expect(issue!.body).toContain(`A run of rotate-composio-webhook-secret failed: ${RUN_URL}.`)
    expect(issue!.body).toContain(
      '```text\n❌ Nothing was rotated: 1 of 1 targets cannot be written\nacme/app: could not read the public key: HTTP 404'
    )
    expect(issue!.body).toContain('**What is left to do:** The old secret still works.')
  })

  test('comments on the open issue instead of opening another', async () => {
    await start({ fault: KEY_404 })
    openIssue()
    const result = await run()
    expect(result.code).toBe(1)
    expect(scenario.github.issues).toHaveLength(1)
    expect(scenario.github.issues[0]!.comments).toHaveLength(1)
    expect(scenario.github.issues[0]!.comments[0]).toContain('1 of 1 targets cannot be written')
  })

  test('an open issue without the label, or a closed one with it, is not it: a new one is opened', async () => {
    await start({ fault: KEY_404 })
    openIssue(['bug'])
    openIssue([LABEL], 'closed')
    await run()
    expect(scenario.github.issues.map(issue => [issue.labels, issue.state])).toEqual([
      [['bug'], 'open'],
      [[LABEL], 'closed'],
      [[LABEL], 'open']
    ])
    expect(scenario.github.issues.map(issue => issue.comments)).toEqual([[], [], []])
  })

  test('after the rotation: the issue says what is not written, and never holds the secret or a recipe', async () => {
    await start({ fault: on('PUT', SECRET_WRITE, { status: 422, body: { message: 'No' } }) })
    const result = await run()
    expect(result.code).toBe(1)
    const [issue] = scenario.github.issues
    expect(issue!.body).toContain('acme/app: NOT WRITTEN (HTTP 422: No.')
    expect(issue!.body).toContain('run this action again with rotate: false')
    for (const secret of scenario.composio.secretsHeld('ws_123'))
      for (const encoded of encodings(secret)) expect(issue!.body).not.toContain(encoded)
    expect(issue!.body).not.toMatch(/curl|encrypted_value|key_id/)
  })

  test('a failure to open the issue is a warning; the run fails for its own reason only', async () => {
    await start({
      fault: request =>
        KEY_404(request) ??
        on('POST', ISSUES, { status: 403, body: { message: 'Resource not accessible' } })(request)
    })
    const result = await run()
    expect(result.code).toBe(1)
    const [error] = lines(result, '::error::')
    expect(error).toMatch(/^::error::Nothing was rotated: 1 of 1 targets cannot be written/)
    expect(lines(result, '::warning::')).toEqual([
      "::warning::Could not open or update the failure issue in acme/app (HTTP 403: Resource not accessible). Hint: failure-issue needs a github-token with 'Issues: Read and write' on acme/app (issues: write)."
    ])
    expect(scenario.github.issues).toHaveLength(0)
  })
})

describe('a successful run', () => {
  test('comments on the open issue and closes it', async () => {
    await start()
    openIssue()
    const result = await run()
    expect(result.code).toBe(0)
    expect(scenario.github.issues[0]).toMatchObject({
      state: 'closed',
      stateReason: 'completed',
      comments: [`A later run stored the secret in every target ([run](${RUN_URL})): closing.`]
    })
  })

  test('with no open issue, only looks', async () => {
    await start()
    const result = await run()
    expect(result.code).toBe(0)
    expect(scenario.github.requests.filter(r => ISSUES.test(r.path)).map(r => r.method)).toEqual([
      'GET'
    ])
  })

  test('a failure to close it is a warning; the run still succeeds', async () => {
    await start({ fault: on('PATCH', ISSUES, { status: 403, body: { message: 'Forbidden' } }) })
    openIssue()
    const result = await run()
    expect(result.code).toBe(0)
    expect(lines(result, '::warning::')).toEqual([
      "::warning::Could not close the failure issue in acme/app (HTTP 403: Forbidden). Hint: failure-issue needs a github-token with 'Issues: Read and write' on acme/app (issues: write)."
    ])
  })
})

test('without failure-issue (the default), no issue is looked at', async () => {
  await start({ fault: KEY_404 })
  const result = await scenario.run({}, RUN)
  expect(result.code).toBe(1)
  expect(scenario.github.requests.filter(r => ISSUES.test(r.path))).toEqual([])
})
