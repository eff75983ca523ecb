// The check's loop at the fetch boundary, with a clock that each wait moves forward: one pair per
// round, rounds on a fixed schedule, the decision and its words.
import { describe, expect, test } from '@jest/globals'
import { checkReceiver, type CheckDeps } from '../../../src/receiver/check.js'
import { RedirectRefusedError } from '../../../src/http.js'

const URL = 'https://hooks.example.com/composio?token=t0k3n'
const SECRET = 'new_secret_value_0005'
type Reply = number | Error

/** Answers each round's pair from `rounds` (the last one repeats); a pair costs 40 ms. */
function harness(rounds: [Reply, Reply][]) {
  let clock = Date.parse('2026-12-03T08:00:00.000Z')
  const requests: { url: string; headers: Record<string, string>; body: string }[] = []
  const sleeps: number[] = []
  const lines: string[] = []
  const deps: CheckDeps = {
    fetch: async (url, init) => {
      const headers = init?.headers as Record<string, string>
      requests.push({ url, headers, body: init?.body as string })
      const round = rounds[Math.min(Math.floor((requests.length - 1) / 2), rounds.length - 1)]!
      const reply = round[(requests.length - 1) % 2]!
      const first = requests.length % 2 === 1
      await Promise.resolve()
      if (first) clock += 40 // the pair goes out at once, and is answered together
      if (reply instanceof Error) throw reply
      return new Response(reply === 204 ? null : 'a body that is never read', { status: reply })
    },
    sleep: ms => {
      sleeps.push(ms)
      clock += ms
      return Promise.resolve()
    },
    now: () => new Date(clock),
    requestTimedOut: 'timed out after 10 s (timeout-seconds)',
    log: line => lines.push(line)
  }
  return { deps, requests, sleeps, lines }
}

const timing = { timeoutMs: 30_000, intervalMs: 10_000 }

describe('checkReceiver', () => {
  test('confirmed on the round the receiver switches; one pair per round', async () => {
    const h = harness([
      [401, 401],
      [401, 401],
      [204, 401]
    ])
    const outcome = await checkReceiver(URL, SECRET, timing, h.deps)
    expect(h.requests).toHaveLength(6)
    expect(outcome.rounds.map(round => round.verdict)).toEqual(['not yet', 'not yet', 'confirmed'])
    // On a fixed schedule: each wait ends one interval after the previous round started.
    expect(h.sleeps).toEqual([10_000 - 40, 10_000 - 40])
    expect(outcome.confirmedAt?.toISOString()).toBe('2026-12-03T08:00:20.040Z')
    expect(outcome.message).toBe(
      'The receiver at https://hooks.example.com/composio?… verifies deliveries with the new secret (HTTP 204 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret).'
    )
    expect(h.lines[0]).toBe(
      'Receiver check, round 1: HTTP 401 to the delivery signed with the new secret (40 ms), HTTP 401 to the one signed with a random secret (40 ms): not yet.'
    )
    // Every request goes to the URL as given, a POST of the check event; the token never printed.
    expect(new Set(h.requests.map(r => r.url))).toEqual(new Set([URL]))
    expect(h.lines.join('\n')).not.toContain('t0k3n')
    expect(h.requests.every(r => !r.body.includes(SECRET))).toBe(true)
  })

  test("the same 4xx until the timeout: the issue's words, with the last answers", async () => {
    const h = harness([[401, 401]])
    const outcome = await checkReceiver(URL, SECRET, timing, h.deps)
    expect(outcome.rounds).toHaveLength(4) // at 0, 10, 20 and 30 s
    expect(outcome.confirmedAt).toBeUndefined()
    expect(outcome.message).toBe(
      'Receiver check of https://hooks.example.com/composio?…: the receiver still rejects deliveries signed with the new secret after 30 s: redeploy it with the new secret (last answers: HTTP 401 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret).'
    )
  })

  test('5xx, network errors and timeouts are asked again; the timeout reports the last answers', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError'
    })
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
    })
    const h = harness([
      [503, 503],
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
    expect(h.requests).toHaveLength(2)
    expect(outcome.confirmedAt).toBeUndefined()
    expect(outcome.message).toMatch(
      /^Security finding: the receiver at https:\/\/hooks\.example\.com\/composio\?… accepted a delivery signed with a random secret \(HTTP 204 to the delivery signed with the new secret, HTTP 200 to the one signed with a random secret\)\. It does not verify Composio's signatures/
    )
  })

  test('different 4xx: confirmed, with a note', async () => {
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
          await h.deps.sleep(1200) // a slow receiver: 1.2 s per request
          return response
        }
      }
    )
    expect(h.sleeps.filter(ms => ms !== 1200)).toEqual([0, 0]) // rounds at 0, 1 and 2 s
  })
})
