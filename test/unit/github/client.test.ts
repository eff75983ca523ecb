// createGitHubClient as built for a run: @octokit/plugin-throttling must schedule through the
// queues we give it (throttle.global, throttle.write, throttle.retryLimiter). It reads them with
// `??`, and only `write` is in its public types: these tests fail if an upgrade stops reading
// them, and pin how the throttling and retry plugins share a rate-limited answer.
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { getPublicKey, putSecret } from '../../../src/github/secrets.js'
import { createGitHubClient } from '../../../src/github/client.js'
import { RetryScheduler } from '../../../src/github/limits.js'
import type { Target } from '../../../src/inputs/targets.js'
import { fakeGitHub, type Reply, type Sent } from './fake-github.js'

const KEY = Buffer.alloc(32, 7).toString('base64')
const repo = (n: number): Target => ({ kind: 'repository', owner: 'acme', repo: `app-${n}` })
const put = (n: number) => ({ target: repo(n), name: 'S', encryptedValue: 'c2VhbGVk', keyId: '1' })
const SECONDARY = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
}

/**
 * Holds every answer until `count` requests are in flight at once (or 500 ms have passed: a
 * queue that lets fewer through shows as a lower peak, not as a hang).
 */
function gate(count: number, reply: Reply) {
  let inFlight = 0
  let peak = 0
  const waiting: (() => void)[] = []
  const open = (): void => waiting.splice(0).forEach(go => go())
  const timer = setTimeout(open, 500)
  const answer = async (): Promise<Reply> => {
    peak = Math.max(peak, ++inFlight)
    if (inFlight >= count) open()
    else await new Promise<void>(resolve => waiting.push(resolve))
    inFlight--
    return reply
  }
  return { answer, peak: () => peak, done: () => clearTimeout(timer) }
}

afterEach(() => {
  jest.restoreAllMocks()
})

describe('the queues the throttling plugin is given', () => {
  test('global: 20 parallel requests run at once (the plugin alone allows 10)', async () => {
    const requests = gate(20, { status: 200, body: { key_id: '1', key: KEY } })
    const { client, sent } = fakeGitHub(requests.answer)
    const keys = await Promise.all(
      Array.from({ length: 20 }, (_, n) => getPublicKey(client.octokit, repo(n)))
    )
    requests.done()
    expect(keys).toHaveLength(20)
    expect(sent).toHaveLength(20)
    expect(requests.peak()).toBe(20)
  }, 5000) // Bottleneck's queues, were they used instead, take far longer

  test('write: parallel PUTs all start at once (the plugin alone sends one a second), counted by writes', async () => {
    const writes = gate(10, { status: 201 })
    const { client, sent } = fakeGitHub(writes.answer)
    expect(client.writes.delayFor(80)).toBe(0)
    await Promise.all(Array.from({ length: 10 }, (_, n) => putSecret(client.octokit, put(n))))
    writes.done()
    expect(writes.peak()).toBe(10)
    expect(sent.every(r => r.method === 'PUT')).toBe(true)
    // 10 of the 80 a minute are taken: 70 more could start now, 80 only once the 10 leave.
    expect(client.writes.limit).toBe(80)
    expect(client.writes.delayFor(70)).toBe(0)
    expect(client.writes.delayFor(71)).toBeGreaterThan(59_000)
    expect(client.writes.delayFor(80)).toBeGreaterThan(59_000)
  }, 5000)

  test('retryLimiter: a secondary rate limit (403, retry-after) is retried through our scheduler', async () => {
    const schedule = jest.spyOn(RetryScheduler.prototype, 'schedule')
    const on = jest.spyOn(RetryScheduler.prototype, 'on')
    let calls = 0
    const { client, sent, warnings, sleeps } = fakeGitHub(() =>
      ++calls === 1
        ? { status: 403, body: SECONDARY, headers: { 'retry-after': '1' } }
        : { status: 201 }
    )
    await expect(putSecret(client.octokit, put(1))).resolves.toBe('created')
    expect(sent.map(r => r.method)).toEqual(['PUT', 'PUT'])
    expect(schedule).toHaveBeenCalledTimes(1)
    expect(on.mock.calls.map(([event]) => event)).toEqual(['failed'])
    expect(sleeps).toEqual([1]) // retry-after 1 s, at 1 ms a unit
    expect(warnings).toEqual([
      'GitHub secondary rate limit on PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}; retrying in 1 s'
    ])
  })
})

describe('rate-limited answers: throttling decides, plugin-retry does not resend', () => {
  const countRequests = (reply: (n: number) => Reply) => {
    let n = 0
    return fakeGitHub((_request: Sent) => reply(++n))
  }

  const WRITE = 'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}'

  // A write answered `reply` every time: it fails with that status after `sent` requests.
  test.each<{ title: string; reply: Reply; sent: number; warnings: string[] }>([
    {
      title: 'a secondary limit asking for 600 s: given up at once, exactly one request',
      reply: { status: 429, body: SECONDARY, headers: { 'retry-after': '600' } },
      sent: 1,
      warnings: [`GitHub secondary rate limit on ${WRITE}; giving up (it asks for 600 s)`]
    },
    {
      title: 'a secondary limit retried twice, then given up: three requests in all',
      reply: { status: 403, body: SECONDARY, headers: { 'retry-after': '1' } },
      sent: 3,
      warnings: [
        `GitHub secondary rate limit on ${WRITE}; retrying in 1 s`,
        `GitHub secondary rate limit on ${WRITE}; retrying in 1 s`,
        `GitHub secondary rate limit on ${WRITE}; giving up (it asks for 1 s)`
      ]
    },
    {
      title: 'a bare 429 (no rate-limit header) is retried by plugin-retry: three requests in all',
      reply: { status: 429, body: { message: 'Too Many Requests' } },
      sent: 3,
      warnings: []
    },
    {
      // The throttling plugin reads retry-after only when the message says "secondary rate"; any
      // other 429 would fall through to plugin-retry's 0.5 s backoff, but src/github/retry-after.ts
      // gives up on a wait longer than a minute.
      title: 'a 429 with retry-after: 600 but another message is not re-sent early',
      reply: {
        status: 429,
        body: { message: 'Too Many Requests' },
        headers: { 'retry-after': '600' }
      },
      sent: 1,
      warnings: [`GitHub asks to wait 600 s on ${WRITE}; giving up`]
    }
  ])('$title', async ({ reply, sent: count, warnings: expected }) => {
    const { client, sent, warnings } = countRequests(() => reply)
    await expect(putSecret(client.octokit, put(1))).rejects.toMatchObject({ status: reply.status })
    expect(sent).toHaveLength(count)
    expect(warnings).toEqual(expected)
  })

  test('a primary limit (x-ratelimit-remaining: 0) reset in an hour: exactly one request', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    const { client, sent, warnings } = countRequests(() => ({
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    }))
    await expect(getPublicKey(client.octokit, repo(1))).rejects.toMatchObject({ status: 403 })
    expect(sent).toHaveLength(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^GitHub primary rate limit on GET .*; giving up \(it asks for 36\d\d s\)$/
    )
  })

  test('a 5xx is retried twice; a 4xx is not retried', async () => {
    const flaky = countRequests(n => (n < 3 ? { status: 502 } : { status: 204 }))
    await expect(putSecret(flaky.client.octokit, put(1))).resolves.toBe('updated')
    expect(flaky.sent).toHaveLength(3)
    const refused = countRequests(() => ({ status: 422, body: { message: 'Bad key_id' } }))
    await expect(putSecret(refused.client.octokit, put(1))).rejects.toMatchObject({ status: 422 })
    expect(refused.sent).toHaveLength(1)
  })
})

describe('each request keeps its own retry state', () => {
  // Octokit hands every request the same `request` options object unless it brings its own,
  // and the plugins write their retry state into it.
  test('a rate limit given up on one write does not stop another write from being retried', async () => {
    const { client, sent } = fakeGitHub(request =>
      request.path.includes('/app-1/')
        ? { status: 403, body: SECONDARY, headers: { 'retry-after': '600' } }
        : sent.filter(s => s.path === request.path).length < 2
          ? { status: 502 }
          : { status: 204 }
    )
    await expect(putSecret(client.octokit, put(1))).rejects.toMatchObject({ status: 403 })
    await expect(putSecret(client.octokit, put(2))).resolves.toBe('updated')
    expect(sent.filter(s => s.path.includes('/app-2/'))).toHaveLength(2)
  })

  test('two writes failing together each get the first backoff, not a shared count', async () => {
    const sentAt: Record<string, number[]> = {}
    const { octokit } = createGitHubClient({
      baseUrl: 'https://api.github.test',
      token: 't',
      warn: () => undefined,
      backoffUnitMs: 200, // plugin-retry waits (n+1)² × 100 ms: 100 ms, then 400 ms
      sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
      now: Date.now,
      fetch: url => {
        const times = (sentAt[url] ??= [])
        times.push(performance.now())
        return Promise.resolve(new Response(null, { status: times.length < 2 ? 502 : 204 }))
      }
    })
    await Promise.all([putSecret(octokit, put(1)), putSecret(octokit, put(2))])
    const gaps = Object.values(sentAt).map(([first, second]) => second! - first!)
    expect(gaps).toHaveLength(2)
    // A shared count would make one of them wait for the second backoff (400 ms).
    for (const gap of gaps) expect(gap).toBeLessThan(300)
  })
})
