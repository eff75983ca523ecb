// The check's loop at the fetch boundary, with a clock that each request and wait moves forward:
// a pair per round sent one after the other, confirmed only in both orders, rounds on a fixed
// schedule, a timeout of wall time, the decision and its words.
import { describe, expect, test } from '@jest/globals'
import { RedirectRefusedError } from '../../../src/http/http.js'
import { checkReceiver, type CheckDeps } from '../../../src/receiver/check.js'
import { signature } from '../../../src/receiver/delivery.js'
import { CONFIRMING_ROUNDS } from '../../../src/receiver/verdict.js'

const URL = 'https://hooks.example.com/composio?token=t0k3n'
const SECRET = 'new_secret_value_0005'
type Reply = number | Error
interface Sent {
  url: string
  headers: Record<string, string>
  body: string
  genuine: boolean
  startedAt: number
}

/** Whether a delivery is signed with SECRET: what a receiver that verifies sees. */
function isGenuine(headers: Record<string, string>, body: string): boolean {
  const [id, timestamp] = [headers['webhook-id']!, headers['webhook-timestamp']!]
  return headers['webhook-signature'] === signature(SECRET, id, timestamp, body)
}

/**
 * A receiver that answers each round's [genuine, forged] from `rounds` (the last one repeats),
 * or, with `answer`, whatever it decides from what it saw; each request costs 20 ms.
 */
function harness(rounds: [Reply, Reply][], answer?: (sent: Sent[]) => Reply) {
  let clock = Date.parse('2026-12-03T08:00:00.000Z')
  const requests: Sent[] = []
  const sleeps: number[] = []
  const lines: string[] = []
  let inFlight = 0
  const deps: CheckDeps = {
    fetch: async (url, init) => {
      const headers = init?.headers as Record<string, string>
      const body = init?.body as string
      const genuine = isGenuine(headers, body)
      requests.push({ url, headers, body, genuine, startedAt: clock })
      inFlight++
      expect(inFlight).toBe(1) // never two at once
      await Promise.resolve()
      clock += 20
      inFlight--
      const round = rounds[Math.min(Math.floor((requests.length - 1) / 2), rounds.length - 1)]
      const reply = answer ? answer(requests) : round![genuine ? 0 : 1]
      if (reply instanceof Error) throw reply
      return new Response(reply === 204 ? null : 'a body that is never read', { status: reply })
    },
    sleep: ms => {
      sleeps.push(ms)
      clock += ms
      return Promise.resolve()
    },
    now: () => new Date(clock),
    requestTimeoutMs: 10_000,
    requestTimedOut: 'timed out after 10 s (timeout-seconds)',
    log: line => lines.push(line)
  }
  return { deps, requests, sleeps, lines }
}

const timing = { timeoutMs: 30_000, intervalMs: 10_000 }

describe('checkReceiver', () => {
  test('confirmed once verified in both orders, round after round, without waiting', async () => {
    const h = harness([
      [401, 401],
      [401, 401],
      [204, 401]
    ])
    const outcome = await checkReceiver(URL, SECRET, timing, h.deps)
    const verdicts = outcome.rounds.map(round => round.verdict)
    expect(verdicts.slice(0, 2)).toEqual(['not yet', 'not yet'])
    const verified = outcome.rounds.slice(2)
    expect(verified.length).toBeGreaterThanOrEqual(CONFIRMING_ROUNDS)
    expect(verified.every(round => round.verdict === 'verified')).toBe(true)
    expect(new Set(verified.map(round => round.forgedFirst))).toEqual(new Set([true, false]))
    // On a fixed schedule; after a verified round, no wait.
    expect(h.sleeps).toEqual([10_000 - 40, 10_000 - 40, ...verified.slice(1).map(() => 0)])
    expect(outcome.confirmedAt?.getTime()).toBe(
      Date.parse('2026-12-03T08:00:20.000Z') + verified.length * 40
    )
    expect(outcome.message).toBe(
      'The receiver at https://hooks.example.com/composio?… verifies deliveries with the new secret (HTTP 204 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret), whichever of the two is sent first.'
    )
    expect(h.lines[0]).toMatch(
      /^Receiver check, round 1 \((random|new)-secret one sent first\): HTTP 401 to the delivery signed with the new secret \(20 ms\), HTTP 401 to the one signed with a random secret \(20 ms\): not yet\.$/
    )
    // One after the other: each pair's second goes out once the first is answered.
    expect(h.requests[1]!.startedAt - h.requests[0]!.startedAt).toBe(20)
    // Distinct events, each with its own webhook-id.
    const ids = h.requests.map(r => (JSON.parse(r.body) as { id: string }).id)
    expect(new Set(ids).size).toBe(h.requests.length)
    expect(new Set(h.requests.map(r => r.headers['webhook-id'])).size).toBe(h.requests.length)
    // Every request goes to the URL as given; the token never printed; the secret never sent.
    expect(new Set(h.requests.map(r => r.url))).toEqual(new Set([URL]))
    expect(h.lines.join('\n')).not.toContain('t0k3n')
    expect(h.requests.every(r => !r.body.includes(SECRET))).toBe(true)
  })

  test.each<[string, (sent: Sent[]) => Reply]>([
    [
      '2xx to the first of each pair, 401 to the second',
      sent => (sent.length % 2 === 1 ? 200 : 401)
    ],
    [
      '401 to the first of each pair, 2xx to the second',
      sent => (sent.length % 2 === 1 ? 401 : 200)
    ],
    [
      '2xx, then 409 to an event id seen before',
      sent => {
        const id = (body: string) => (JSON.parse(body) as { id: string }).id
        const last = id(sent.at(-1)!.body)
        return sent.slice(0, -1).some(earlier => id(earlier.body) === last) ? 409 : 200
      }
    ],
    ['2xx, then 429 to a burst', sent => (sent.length % 2 === 1 ? 200 : 429)],
    ['2xx, then 503 with retry-after', sent => (sent.length % 2 === 1 ? 200 : 503)],
    ['408 to the second', sent => (sent.length % 2 === 1 ? 200 : 408)],
    ['flaky 5xx', sent => (sent.length % 3 === 0 ? 500 : 200)]
  ])('never confirmed: a receiver that verifies nothing, %s', async (_, answer) => {
    for (let run = 0; run < 8; run++) {
      const outcome = await checkReceiver(URL, SECRET, timing, harness([], answer).deps)
      expect(outcome.confirmedAt).toBeUndefined()
    }
  })

  test('the same refusal until the timeout: what to do that works after the job', async () => {
    const h = harness([[401, 401]])
    const outcome = await checkReceiver(URL, SECRET, timing, h.deps)
    expect(outcome.rounds).toHaveLength(4) // at 0, 10, 20 and 30 s
    expect(outcome.confirmedAt).toBeUndefined()
    expect(outcome.failed).toBe('the receiver still rejects the new secret')
    expect(outcome.message).toBe(
      'Receiver check of https://hooks.example.com/composio?…: the receiver still rejects deliveries signed with the new secret after 30 s: redeploy it from the secret the rotation stored (not from the secret output, which ends with the job), then check it again with a run of rotate-composio-webhook-secret with rotate: false and verify-receiver (re-running the job would rotate again) (last answers: HTTP 401 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret).'
    )
  })

  test('5xx to the forged delivery: the timeout says to answer 401', async () => {
    const outcome = await checkReceiver(URL, SECRET, timing, harness([[204, 500]]).deps)
    expect(outcome.confirmedAt).toBeUndefined()
    expect(outcome.message).toContain(
      'no conclusive answer after 30 s (last answers: HTTP 204 to the delivery signed with the new secret, HTTP 500 to the one signed with a random secret). The receiver answered 500 to a forged delivery; answer 401 so that it can be told apart from an outage.'
    )
  })

  test.each([
    [429, 'which says "not now" (a rate limit, a duplicate), not "bad signature"'],
    [422, 'only 400, 401, 403 are read as refusing it (docs/receiver.md): answer 401.']
  ])('%s to the forged delivery: the timeout says why it proves nothing', async (status, note) => {
    const outcome = await checkReceiver(URL, SECRET, timing, harness([[204, status]]).deps)
    expect(outcome.confirmedAt).toBeUndefined()
    expect(outcome.message).toContain(`The receiver answered ${status} to a forged delivery`)
    expect(outcome.message).toContain(note)
  })

  test('5xx, network errors and timeouts are asked again; the timeout reports the last answers', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError'
    })
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
    })
    const h = harness([
      [503, 401],
      [refused, refused],
      [timeout, 401]
    ])
    const outcome = await checkReceiver(
      URL,
      SECRET,
      { timeoutMs: 20_000, intervalMs: 10_000 },
      h.deps
    )
    expect(outcome.rounds.map(round => round.verdict)).toEqual([
      'no answer',
      'no answer',
      'no answer'
    ])
    expect(outcome.message).toBe(
      'Receiver check of https://hooks.example.com/composio?…: no conclusive answer after 20 s (last answers: timed out after 10 s (timeout-seconds) to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret).'
    )
    expect(h.lines[1]).toContain(
      'network error: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9 to the delivery'
    )
  })

  test('a forgery accepted fails at once, said as a security finding', async () => {
    const h = harness([[204, 200]])
    const outcome = await checkReceiver(URL, SECRET, timing, h.deps)
    expect(outcome.rounds).toHaveLength(1)
    expect(outcome.confirmedAt).toBeUndefined()
    expect(outcome.failed).toBe('the receiver accepts forged deliveries')
    expect(outcome.message).toMatch(
      /^Security finding: the receiver at https:\/\/hooks\.example\.com\/composio\?… accepted a delivery signed with a random secret \(HTTP 204 to the delivery signed with the new secret, HTTP 200 to the one signed with a random secret\)\. It does not verify Composio's signatures/
    )
  })

  test('a different 4xx (422 against 401): confirmed, with a note', async () => {
    const outcome = await checkReceiver(URL, SECRET, timing, harness([[422, 401]]).deps)
    expect(outcome.confirmedAt).toBeDefined()
    expect(outcome.message).toContain(
      'verified the delivery signed with the new secret, then refused the check event itself (HTTP 422 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret): confirmed.'
    )
  })

  test('a redirect fails at once, and names where it pointed, not the path', async () => {
    const redirect = new RedirectRefusedError(307, 'https://elsewhere.example/x?y=1', URL)
    const h = harness([[redirect, redirect]])
    const outcome = await checkReceiver(URL, SECRET, timing, h.deps)
    expect(h.requests).toHaveLength(2)
    expect(outcome.message).toBe(
      'Receiver check of https://hooks.example.com/composio?…: the receiver answered HTTP 307, a redirect to https://elsewhere.example, which is not followed (no credential goes with a redirect); check the URL. Give the URL it redirects to.'
    )
  })

  test('cancelled: no new round', async () => {
    const controller = new AbortController()
    const h = harness([[401, 401]])
    const outcome = await checkReceiver(URL, SECRET, timing, {
      ...h.deps,
      signal: controller.signal,
      log: () => controller.abort()
    })
    expect(outcome.rounds).toHaveLength(1)
    expect(outcome.failed).toBe('the receiver check was cancelled')
    expect(outcome.message).toBe(
      'Receiver check of https://hooks.example.com/composio?…: cancelled after 0 s, not confirmed.'
    )
  })

  test('rounds slower than the interval are not pushed back: the next starts at once', async () => {
    const h = harness([[401, 401]])
    await checkReceiver(
      URL,
      SECRET,
      { timeoutMs: 2000, intervalMs: 1000 },
      {
        ...h.deps,
        fetch: async (url, init) => {
          const response = await h.deps.fetch(url, init)
          await h.deps.sleep(600) // a slow receiver: 0.6 s per request, 1.2 s per round
          return response
        }
      }
    )
    expect(h.sleeps.filter(ms => ms !== 600)).toEqual([0]) // rounds at 0 and 1.24 s; none after 2 s
  })
})

describe('the timeout is wall time', () => {
  test('a receiver that never answers: ends within the timeout and one request timeout', async () => {
    const lines: string[] = []
    const started = Date.now()
    const outcome = await checkReceiver(
      URL,
      SECRET,
      { timeoutMs: 300, intervalMs: 100 },
      {
        // Never answers; only the check's own bound ends a request (no request timeout here).
        fetch: (_, init) =>
          new Promise((_resolve, reject) => {
            const signal = init!.signal!
            if (signal.aborted) reject(signal.reason as Error) // as fetch does
            signal.addEventListener('abort', () => reject(signal.reason as Error))
          }),
        sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
        now: () => new Date(),
        requestTimeoutMs: 200,
        requestTimedOut: 'timed out after 0.2 s',
        log: line => lines.push(line)
      }
    )
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(450)
    expect(elapsed).toBeLessThan(300 + 200 + 1000) // generous: the bound, not a stopwatch
    expect(outcome.rounds).toHaveLength(1)
    expect(outcome.message).toContain("no answer before the check's timeout")
  })
})
