// failure-issue: a failed run opens one issue per subscription in the workflow's repository (or
// comments on the open one, found by its marker); the next run that stores the secret everywhere comments and
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

describe('issue 22, item 12: one issue per subscription, found by its marker', () => {
  const marker = (id: string): string =>
    `<!-- rotate-composio-webhook-secret:subscription=${id} -->`
  /** An issue a run for `id` opened: its marker, its title, and the label unless GitHub dropped it. */
  function issueOf(id: string, labels = [LABEL]): void {
    scenario.github.issues.push({
      number: scenario.github.issues.length + 1,
      repository: 'acme/app',
      title: `Composio webhook secret: a run for subscription ${id} failed`,
      body: `${marker(id)}\nearlier`,
      state: 'open',
      stateReason: null,
      labels,
      comments: []
    })
  }

  test("B's failure leaves A's issue alone and opens B's own, with B's marker and title", async () => {
    await start({ fault: KEY_404 })
    issueOf('ws_other')
    await run()
    const [other, mine] = scenario.github.issues
    expect(other).toMatchObject({ state: 'open', comments: [] })
    expect(mine!.title).toBe('Composio webhook secret: a run for subscription ws_123 failed')
    expect(mine!.body.startsWith(`${marker('ws_123')}\n`)).toBe(true)
    expect(mine).toMatchObject({ state: 'open', labels: [LABEL] })
  })

  test("B's success closes none of A's issues", async () => {
    await start()
    issueOf('ws_other')
    issueOf('ws_1234') // a longer id that starts with this one is another subscription
    const result = await run()
    expect(result.code).toBe(0)
    for (const issue of scenario.github.issues)
      expect(issue).toMatchObject({ state: 'open', comments: [] })
  })

  test('an issue GitHub opened without the label (a token without push access) is found by its marker', async () => {
    await start({ fault: KEY_404, dropIssueLabels: true })
    await run()
    await run()
    expect(scenario.github.issues).toHaveLength(1)
    expect(scenario.github.issues[0]).toMatchObject({ state: 'open', labels: [] })
    expect(scenario.github.issues[0]!.comments).toHaveLength(1)
  })
})

describe('issue 22, item 13: runs failing together converge on one issue', () => {
  test('three failing at once: one open issue, the oldest; the others closed as its duplicates', async () => {
    // Until one run has opened an issue, the list answers slowly (as it was when asked): the
    // three look before any opens one, as runs that fail together do.
    const opened = (): boolean =>
      scenario.github.requests.some(r => r.method === 'POST' && /\/issues$/.test(r.path))
    await start({
      fault: request =>
        KEY_404(request) ??
        (request.method === 'GET' && ISSUES.test(request.path) && !opened()
          ? { dripMs: 300 }
          : undefined)
    })
    const results = await Promise.all([run(), run(), run()])
    expect(results.map(result => result.code)).toEqual([1, 1, 1])
    expect(scenario.github.issues.length).toBeGreaterThanOrEqual(2) // the race happened
    const open = scenario.github.issues.filter(issue => issue.state === 'open')
    expect(open).toHaveLength(1)
    const [oldest] = open
    expect(oldest!.number).toBe(Math.min(...scenario.github.issues.map(issue => issue.number)))
    const duplicates = scenario.github.issues.filter(issue => issue !== oldest)
    for (const duplicate of duplicates) {
      expect(duplicate).toMatchObject({ state: 'closed', stateReason: 'not_planned' })
      expect(duplicate.comments.at(-1)).toMatch(new RegExp(`^Duplicate of #${oldest!.number}: `))
    }
    // Every failure is told on the one that stays open: in its body, or a comment per other run.
    expect(oldest!.comments).toHaveLength(2)
    for (const result of results)
      expect(lines(result, '::warning::').filter(l => l.includes('failure issue'))).toEqual([])
  }, 60_000) // three runs at once, each with its writes a second apart (Octokit's write queue)

  test('the next success closes every open issue of this subscription, and none of another', async () => {
    await start()
    openIssue() // opened before the marker existed: the label and this subscription's title
    scenario.github.issues.push({
      number: 2,
      repository: 'acme/app',
      title: 'Composio webhook secret: a run for subscription ws_123 failed',
      body: '<!-- rotate-composio-webhook-secret:subscription=ws_123 -->\nearlier',
      state: 'open',
      stateReason: null,
      labels: [], // GitHub dropped the label
      comments: []
    })
    scenario.github.issues.push({
      number: 3,
      repository: 'acme/app',
      title: 'Composio webhook secret: a run for subscription ws_other failed',
      body: '<!-- rotate-composio-webhook-secret:subscription=ws_other -->\nearlier',
      state: 'open',
      stateReason: null,
      labels: [LABEL],
      comments: []
    })
    const result = await run()
    expect(result.code).toBe(0)
    expect(scenario.github.issues.map(issue => [issue.number, issue.state])).toEqual([
      [1, 'closed'],
      [2, 'closed'],
      [3, 'open']
    ])
    expect(scenario.github.issues[2]!.comments).toEqual([])
  })

  test('more than one page of open issues: the marker is found on the second', async () => {
    await start()
    scenario.github.issues.push({
      number: 1,
      repository: 'acme/app',
      title: 'renamed by someone',
      body: '<!-- rotate-composio-webhook-secret:subscription=ws_123 -->\nearlier',
      state: 'open',
      stateReason: null,
      labels: [],
      comments: []
    })
    for (let n = 2; n <= 131; n++) openIssue(['bug']) // newer: the first page, newest first
    await run()
    expect(
      scenario.github.issues.filter(issue => issue.state === 'closed').map(i => i.number)
    ).toEqual([1])
  })
})

describe('review of issue 22, items 12-13: an issue counts only when a trusted author opened it', () => {
  const MARKER = '<!-- rotate-composio-webhook-secret:subscription=ws_123 -->'
  const TITLE = 'Composio webhook secret: a run for subscription ws_123 failed'
  type Author = NonNullable<(typeof scenario.github.issues)[number]['author']>
  const OUTSIDER: Author = { login: 'mallory', type: 'User', association: 'NONE' }
  const PAST_CONTRIBUTOR: Author = { login: 'mallory', type: 'User', association: 'CONTRIBUTOR' }
  const ACTIONS_BOT: Author = { login: 'github-actions[bot]', type: 'Bot', association: 'NONE' }
  /** An open issue with this subscription's marker, title and label, opened by `author`. */
  function issueBy(author: Author): number {
    const number = scenario.github.issues.length + 1
    scenario.github.issues.push({
      number,
      repository: 'acme/app',
      title: TITLE,
      body: `${MARKER}\ncopied`,
      state: 'open',
      stateReason: null,
      labels: [LABEL],
      comments: [],
      author
    })
    return number
  }

  test.each([
    ['an outsider', OUTSIDER],
    ['a past contributor', PAST_CONTRIBUTOR]
  ])(
    "a failure: the copy %s opened is neither commented on nor made the one that stays open; the run's own is",
    async (_name, author) => {
      await start({ fault: KEY_404 })
      issueBy(author)
      await run()
      const [spoof, own] = scenario.github.issues
      expect(spoof).toMatchObject({ state: 'open', comments: [] })
      expect(own).toMatchObject({ state: 'open', title: TITLE, comments: [] })
    }
  )

  test('a success: the copy an outsider opened is left alone', async () => {
    await start()
    issueBy(OUTSIDER)
    const result = await run()
    expect(result.code).toBe(0)
    expect(scenario.github.issues[0]).toMatchObject({ state: 'open', comments: [] })
  })

  test("GITHUB_TOKEN's issue (github-actions[bot], not a collaborator) is the run's: closed on success", async () => {
    await start()
    issueBy(ACTIONS_BOT)
    expect((await run()).code).toBe(0)
    expect(scenario.github.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' })
  })

  test('over 1,000 open issues, the failure issue the newest: found, commented on, no second one', async () => {
    await start({ fault: KEY_404 })
    for (let n = 1; n <= 1050; n++) openIssue(['bug'])
    const own = issueBy(ACTIONS_BOT)
    await run()
    expect(scenario.github.issues).toHaveLength(own)
    expect(scenario.github.issues[own - 1]!.comments).toHaveLength(1)
  }, 30_000)
})

test('without failure-issue (the default), no issue is looked at', async () => {
  await start({ fault: KEY_404 })
  const result = await scenario.run({}, RUN)
  expect(result.code).toBe(1)
  expect(scenario.github.requests.filter(r => ISSUES.test(r.path))).toEqual([])
})
