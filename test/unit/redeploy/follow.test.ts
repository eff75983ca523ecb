// The follow loop over the real Octokit, with an injected clock and sleep: minutes pass in no
// time, and every wait the loop asks for is recorded.
import { describe, expect, test } from '@jest/globals'
import type { Run } from '../../../src/context/run.js'
import type { PreparedRedeploy } from '../../../src/redeploy/check.js'
import { dispatchAndFollow, pollDelay } from '../../../src/redeploy/follow.js'
import { fakeGitHub, type Reply, type Sent } from '../github/fake-github.js'

const LINE: PreparedRedeploy = {
  line: 'acme/app: deploy.yml',
  owner: 'acme',
  repo: 'app',
  workflow: 'deploy.yml',
  ref: undefined,
  labels: ['acme/app'],
  workflowId: 111,
  workflowPath: '.github/workflows/deploy.yml',
  dispatchRef: 'main',
  runsUrl: 'https://github.com/acme/app/actions/workflows/deploy.yml'
}
const RUN_URL = 'https://github.com/acme/app/actions/runs/5'
const DISPATCHED: Reply = {
  status: 200,
  body: { workflow_run_id: 5, run_url: 'https://api.github.test/x', html_url: RUN_URL }
}
/** What makes a run the dispatch's: LINE's workflow, ref and event. */
const OURS = { workflow_id: 111, head_branch: 'main', event: 'workflow_dispatch' }
const status = (status: string, conclusion: string | null = null): Reply => ({
  status: 200,
  body: { ...OURS, id: 5, html_url: RUN_URL, status, conclusion }
})

/** A run over `answer`, its clock starting at 0 and moved only by the loop's sleeps. */
function harness(
  answer: (request: Sent) => Reply,
  timeoutMinutes = 20,
  cancel = new AbortController()
) {
  const github = fakeGitHub(answer)
  const sleeps: number[] = []
  const log: string[] = []
  let clock = 0
  const run = {
    settings: { redeployTimeoutMs: timeoutMinutes * 60_000, timeoutMs: 10_000 },
    deps: {
      now: () => new Date(Date.UTC(2026, 11, 3) + clock),
      sleep: (ms: number) => (sleeps.push(ms), (clock += ms), Promise.resolve())
    },
    io: {
      info: (message: string) => void log.push(`info: ${message}`),
      warning: (message: string) => void log.push(`warning: ${message}`)
    },
    github: github.client,
    guard: { signal: cancel.signal }
  } as unknown as Run
  return { run, sleeps, log, sent: github.sent }
}

/** Answers the dispatch, then each read of the run with the next status, the last one repeated. */
const script =
  (...reads: Reply[]) =>
  (request: Sent): Reply => {
    if (request.method === 'POST') return DISPATCHED
    return reads.length > 1 ? reads.shift()! : reads[0]!
  }

test('pollDelay: 1, 2, 4, 8 s, then every 10 s, never more', () => {
  expect([0, 1, 2, 3, 4, 5, 50].map(pollDelay)).toEqual([
    1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000
  ])
})

describe('dispatchAndFollow', () => {
  test('polls after 1 s, then 2 s, … until the run completes', async () => {
    const { run, sleeps, sent } = harness(
      script(status('queued'), status('in_progress'), status('completed', 'success'))
    )
    await expect(dispatchAndFollow(run, LINE)).resolves.toEqual({
      repository: 'acme/app',
      workflow: 'deploy.yml',
      ref: 'main',
      runUrl: RUN_URL,
      runId: 5,
      conclusion: 'success'
    })
    expect(sleeps).toEqual([1_000, 2_000])
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/repos/acme/app/actions/workflows/111/dispatches',
      body: { ref: 'main', return_run_details: true }
    })
    expect(sent.slice(1).map(r => r.path)).toEqual(Array(3).fill('/repos/acme/app/actions/runs/5'))
  })

  test('a run that waits for approval is said once, at once; at the timeout it is reported waiting', async () => {
    const { run, sleeps, log } = harness(script(status('waiting')), 1)
    const result = await dispatchAndFollow(run, LINE)
    expect(result).toMatchObject({
      conclusion: 'waiting',
      runUrl: RUN_URL,
      detail: "still waiting for an environment's approval after 1 min"
    })
    const warnings = log.filter(line => line.startsWith('warning:'))
    expect(warnings).toHaveLength(1)
    // Said after the first read, before any wait.
    expect(log.indexOf(warnings[0]!)).toBe(2)
    // 1 + 2 + 4 + 8 s, then 10 s, fill the minute exactly; the last read comes at the deadline.
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000, 5_000])
  })

  test('the last wait is cut to the deadline', async () => {
    const { run, sleeps } = harness(script(status('in_progress')), 0.2)
    const result = await dispatchAndFollow(run, LINE)
    expect(result.conclusion).toBe('in_progress')
    // 12 s: 1 + 2 + 4 s, then the 8 s wait cut to the 5 s left.
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 5_000])
  })

  test('a cancelled job stops following at once: no polling until the deadline', async () => {
    const cancel = new AbortController()
    cancel.abort()
    const { run, sleeps, sent } = harness(script(status('in_progress')), 20, cancel)
    await expect(dispatchAndFollow(run, LINE)).resolves.toMatchObject({ conclusion: 'in_progress' })
    expect(sleeps).toEqual([])
    expect(sent).toHaveLength(2)
  })

  test('a read that fails is retried at the next poll, and named if it was the last', async () => {
    let reads = 0
    const { run } = harness(request => {
      if (request.method === 'POST') return DISPATCHED
      reads++
      return reads === 1
        ? { status: 404, body: { message: 'Not Found' } }
        : status('completed', 'cancelled')
    })
    await expect(dispatchAndFollow(run, LINE)).resolves.toMatchObject({
      conclusion: 'cancelled',
      detail: 'the run ended: cancelled'
    })
    const stuck = harness(
      request =>
        request.method === 'POST' ? DISPATCHED : { status: 404, body: { message: 'Not Found' } },
      0.1
    )
    await expect(dispatchAndFollow(stuck.run, LINE)).resolves.toMatchObject({
      conclusion: 'not_found',
      detail:
        'the dispatch was sent, but no run of it could be identified within 0.1 min (last status request: HTTP 404: Not Found); find it in the runs list, https://github.com/acme/app/actions/workflows/deploy.yml'
    })
  })

  describe("without run details (GHES): by GitHub's clock, only the one candidate", () => {
    // GitHub's clock, 90 s behind the runner's (which starts at 2026-12-03T00:00:00Z).
    const GITHUB_NOW = Date.UTC(2026, 11, 3) - 90_000
    const created = (seconds: number) => new Date(GITHUB_NOW + seconds * 1000).toISOString()
    const run = (id: number, seconds: number, more: object = {}) => ({
      id,
      created_at: created(seconds),
      event: 'workflow_dispatch',
      head_branch: 'main',
      ...more
    })
    /** `runs` are listed after the dispatch; before it, only `others` were. */
    const ghes = (runs: object[]) => {
      let lists = 0
      return harness(request => {
        if (request.method === 'POST')
          return 'return_run_details' in (request.body as object)
            ? { status: 422, body: { message: 'Invalid request.' } }
            : { status: 204, headers: { date: new Date(GITHUB_NOW).toUTCString() } }
        if (request.path.includes('/workflows/111/runs')) {
          const listed = lists++ === 0 ? others : runs
          return { status: 200, body: { total_count: listed.length, workflow_runs: listed } }
        }
        return status('completed', 'success')
      })
    }
    // Older than the dispatch by more than the allowance, another branch, another event.
    const others = [
      run(3, -60),
      run(4, 0, { head_branch: 'release' }),
      run(6, 0, { event: 'push' })
    ]

    test('the one run created since the dispatch, on its ref, is followed', async () => {
      const { run: action, sent } = ghes([run(5, 1), ...others])
      await expect(dispatchAndFollow(action, LINE)).resolves.toMatchObject({
        conclusion: 'success',
        runUrl: RUN_URL
      })
      expect(sent.map(r => `${r.method} ${r.path}`)).toEqual([
        'POST /repos/acme/app/actions/workflows/111/dispatches',
        // The runs there before the dispatch without run details: never taken for its run.
        'GET /repos/acme/app/actions/workflows/111/runs?event=workflow_dispatch&per_page=100',
        'POST /repos/acme/app/actions/workflows/111/dispatches',
        'GET /repos/acme/app/actions/workflows/111/runs?event=workflow_dispatch&per_page=100',
        'GET /repos/acme/app/actions/runs/5'
      ])
    })

    test('two candidates: the dispatch was sent, the run not identified, never a success', async () => {
      const { run: action, sent } = ghes([run(7, 2), run(5, 0), ...others])
      const result = await dispatchAndFollow(action, LINE)
      expect(result).toMatchObject({ conclusion: 'not_identified', runUrl: undefined })
      expect(result.detail).toBe(
        'the dispatch was sent, but its run could not be identified: 2 workflow_dispatch runs on main were created since (another dispatch of this workflow at the same time?), and this server does not say which run a dispatch started; find it in the runs list, https://github.com/acme/app/actions/workflows/deploy.yml'
      )
      expect(sent.some(r => r.path.includes('/actions/runs/'))).toBe(false)
    })

    test('a run listed before the dispatch, inside the allowance, is never taken for its run', async () => {
      // Run 8 was created 1 s before GitHub answered, and was there when the runs were listed.
      others.push(run(8, -1))
      const { run: action, sent } = ghes([run(5, 1), ...others])
      await expect(dispatchAndFollow(action, LINE)).resolves.toMatchObject({
        conclusion: 'success',
        runUrl: RUN_URL
      })
      expect(sent.some(r => r.path.endsWith('/actions/runs/8'))).toBe(false)
      others.pop()
    })

    test("no Date header: the runner's clock less 2 min, and a run listed before is still not taken", async () => {
      let lists = 0
      const before = [run(8, -1)]
      const { run: action, sent } = harness(request => {
        if (request.method === 'POST')
          return 'return_run_details' in (request.body as object)
            ? { status: 422, body: { message: 'Invalid request.' } }
            : { status: 204 }
        if (request.path.includes('/workflows/111/runs')) {
          const listed = lists++ === 0 ? before : [run(5, 1), ...before]
          return { status: 200, body: { total_count: listed.length, workflow_runs: listed } }
        }
        return status('completed', 'success')
      })
      await expect(dispatchAndFollow(action, LINE)).resolves.toMatchObject({
        conclusion: 'success',
        runUrl: RUN_URL
      })
      expect(sent.some(r => r.path.endsWith('/actions/runs/8'))).toBe(false)
    })

    test('the runs before the dispatch not listed: the run is not identified, never guessed', async () => {
      const { run: action, sent } = harness(request => {
        if (request.method === 'POST')
          return 'return_run_details' in (request.body as object)
            ? { status: 422, body: { message: 'Invalid request.' } }
            : { status: 204 }
        return { status: 404, body: { message: 'Not Found' } }
      })
      const result = await dispatchAndFollow(action, LINE)
      expect(result).toMatchObject({ conclusion: 'not_identified', runUrl: undefined })
      expect(result.detail).toBe(
        'the dispatch was sent, but its run cannot be identified: the runs there before it could not be listed (HTTP 404: Not Found), and a run listed after the dispatch cannot be told from one that was there before; find it in the runs list, https://github.com/acme/app/actions/workflows/deploy.yml'
      )
      expect(sent.filter(r => r.method === 'POST')).toHaveLength(2)
    })
  })

  test.each([
    ['another workflow', { workflow_id: 112 }],
    ['another branch', { head_branch: 'release' }],
    ['another event', { event: 'push' }]
  ])('the answer names a run of %s: not ours, never a success', async (_, field) => {
    const { run, sent } = harness(request =>
      request.method === 'POST'
        ? DISPATCHED
        : { status: 200, body: { ...status('completed', 'success').body!, ...field } }
    )
    const result = await dispatchAndFollow(run, LINE)
    expect(result).toMatchObject({ conclusion: 'not_identified', runUrl: undefined })
    expect(result.detail).toContain(
      "GitHub named run 5 as the dispatch's run, but that run is not of .github/workflows/deploy.yml on main started by workflow_dispatch"
    )
    expect(sent).toHaveLength(2)
  })

  test('a refused dispatch is a result naming the permission, and is never retried', async () => {
    const { run, sent } = harness(() => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    }))
    const result = await dispatchAndFollow(run, LINE)
    expect(result.conclusion).toBe('dispatch_failed')
    expect(result.detail).toContain(
      "the dispatch failed: HTTP 403: Resource not accessible by integration. Hint: starting a workflow needs 'Actions: Read and write'"
    )
    expect(result.detail).toContain('cannot prove this without starting a run')
    expect(sent).toHaveLength(1)
  })

  test('a 5xx on the dispatch is not retried either: a second dispatch could deploy twice', async () => {
    const { run, sent } = harness(() => ({ status: 502, body: { message: 'Bad Gateway' } }))
    await expect(dispatchAndFollow(run, LINE)).resolves.toMatchObject({
      conclusion: 'dispatch_failed'
    })
    expect(sent).toHaveLength(1)
  })
})
