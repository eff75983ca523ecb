// The verify-receiver action's bundle (dist/verify-receiver/index.js), run as a runner runs it,
// against a fake receiver: real HTTP, real HMAC. Every row of the answer table, the refusals,
// the timeout's words, and the leak scan (printed output, summary, and every request body).
import { afterEach, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { startFakeReceiver, type FakeReceiver } from '../fakes/receiver.js'
import { NODE24, ROOT, runAction, type RunResult } from '../fakes/runner.js'
import { CONFIRMING_ROUNDS } from '../../src/receiver/verdict.js'
import { encodings, leaks } from '../support/scenario.js'

const SCRIPT = join(ROOT, 'dist', 'verify-receiver', 'index.js')
const OLD = randomBytes(32).toString('hex')
const NEW = randomBytes(32).toString('hex')

let receivers: FakeReceiver[] = []
afterEach(async () => {
  await Promise.all(receivers.map(receiver => receiver.close()))
  receivers = []
})

async function receiver(options: Parameters<typeof startFakeReceiver>[0]): Promise<FakeReceiver> {
  const started = await startFakeReceiver(options)
  receivers.push(started)
  return started
}

function verify(inputs: Record<string, string>, node?: string): Promise<RunResult> {
  return runAction({
    script: SCRIPT,
    ...(node && { node }),
    inputs: { secret: NEW, 'timeout-seconds': '2', 'interval-seconds': '1', ...inputs }
  })
}

/** Nothing printed, summarised or sent carries the secret (the one ::add-mask:: line aside). */
function expectNoLeak(result: RunResult, fake?: FakeReceiver): void {
  expect(leaks(result, NEW)).toEqual([])
  expect(result.stdout).toContain(`::add-mask::${NEW}`)
  for (const delivery of fake?.deliveries ?? []) {
    for (const encoded of encodings(NEW)) expect(delivery.rawBody).not.toContain(encoded)
  }
}

/** The deliveries, a pair per round (rounds follow each other, and so do a pair's two). */
type Delivered = FakeReceiver['deliveries'][number]
const pairsOf = (fake: FakeReceiver): [Delivered, Delivered][] =>
  fake.deliveries.flatMap((d, i, all) => (i % 2 === 0 ? [[d, all[i + 1]!] as const] : []))

/** What a log shows: the runner consumes its ::add-mask:: lines. */
const unmasked = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')

const errorLine = (result: RunResult): string =>
  result.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''

describe('confirmed', () => {
  test.each([
    ['machine Node', process.execPath],
    ['Node 24', NODE24]
  ])(
    'on %s: 2xx to the new secret, 4xx to the random one; outputs and summary',
    async (_, node) => {
      const fake = await receiver({ secret: NEW })
      const rotatedAt = new Date(Date.now() - 1500).toISOString()
      const result = await verify({ url: fake.url, 'rotated-at': rotatedAt }, node)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      // Enough rounds, the forged delivery first in some and second in others; each pair's two
      // one after the other, distinct events.
      expect(fake.deliveries.length).toBeGreaterThanOrEqual(2 * CONFIRMING_ROUNDS)
      expect(fake.deliveries.every(d => d.status === (d.verified ? 204 : 401))).toBe(true)
      const firsts = pairsOf(fake).map(([first]) => first.verified)
      expect(new Set(firsts)).toEqual(new Set([true, false]))
      const eventIds = fake.deliveries.map(d => (JSON.parse(d.rawBody) as { id: string }).id)
      expect(new Set(eventIds).size).toBe(fake.deliveries.length)
      const confirmedAt = result.outputs['confirmed-at']!
      expect(Date.parse(confirmedAt)).toBeGreaterThan(Date.parse(rotatedAt))
      const outage = Number(result.outputs['outage-seconds'])
      expect(outage).toBeCloseTo((Date.parse(confirmedAt) - Date.parse(rotatedAt)) / 1000, 3)
      // Each request's status and time in the summary, never a body.
      expect(result.summary).toMatch(/^<h2>✅ Composio webhook receiver confirmed/)
      expect(result.summary).toContain('<h3>Receiver check: confirmed</h3>')
      expect(result.summary).toMatch(
        /<td>1<\/td><td>[^<]+<\/td><td>new secret<\/td><td>HTTP 204<\/td><td>\d+ ms<\/td>/
      )
      expect(result.summary).toMatch(/<td>random secret<\/td><td>HTTP 401<\/td>/)
      expect(result.summary).not.toContain('invalid signature')
      expect(result.summary).toContain(`Outage: ${result.outputs['outage-seconds']} s`)
      // Every delivery says what it is.
      expect(new Set(fake.deliveries.map(d => d.headers['user-agent']))).toEqual(
        new Set(['rotate-composio-webhook-secret/1.0.0 receiver-check'])
      )
      expectNoLeak(result, fake)
    }
  )

  test('the receiver switches to the new secret during the check: confirmed from the next round on', async () => {
    const fake = await receiver({ secret: OLD })
    fake.switchTo(NEW, 1200)
    const result = await verify({ url: fake.url, 'timeout-seconds': '10' })
    expect(result.code).toBe(0)
    const rounds = fake.deliveries.length / 2
    expect(rounds).toBeGreaterThanOrEqual(2)
    const before = fake.deliveries.filter(d => d.at < fake.switchedAt()!)
    expect(before.length).toBeGreaterThanOrEqual(2)
    expect(before.every(d => d.status === 401)).toBe(true)
    // The pairs that arrived after the switch confirmed it, one right after the other.
    const pairs = pairsOf(fake).filter(pair => pair.every(d => d.at >= fake.switchedAt()!))
    expect(pairs.length).toBeGreaterThanOrEqual(CONFIRMING_ROUNDS)
    expect(
      pairs.every(
        pair =>
          pair
            .map(d => d.status)
            .sort()
            .join() === '204,401'
      )
    ).toBe(true)
    expect(pairs.at(-1)![0].at - pairs[0]![0].at).toBeLessThan(1000) // no interval between
    expect(result.outputs['outage-seconds']).toBeUndefined() // no rotated-at given
    expectNoLeak(result, fake)
  })

  test('a rotated-at later than the confirmation: no outage-seconds, never a negative one; a warning says why', async () => {
    const fake = await receiver({ secret: NEW })
    const rotatedAt = new Date(Date.now() + 3_600_000).toISOString()
    const result = await verify({ url: fake.url, 'rotated-at': rotatedAt }, NODE24)
    expect(result.code).toBe(0)
    expect(result.outputs['confirmed-at']).toBeDefined()
    expect(result.outputs['outage-seconds']).toBeUndefined()
    expect(result.stdout).not.toMatch(/Outage: -/)
    expect(result.summary).not.toContain('Outage:')
    expect(result.stdout).toContain(`::warning::rotated-at (${rotatedAt}) is later than`)
    expectNoLeak(result, fake)
  })

  test('a different 4xx (422 against 401): confirmed, with a note', async () => {
    const fake = await receiver({ secret: NEW, mode: 'refuse-unknown-events' })
    const result = await verify({ url: fake.url })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'then refused the check event itself (HTTP 422 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret): confirmed.'
    )
    expect(result.outputs['confirmed-at']).toBeDefined()
  })
})

describe('not confirmed', () => {
  test('the same 4xx until the timeout: fails with the words of the issue; one pair per round', async () => {
    const fake = await receiver({ secret: OLD })
    const result = await verify({ url: fake.url })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      'the receiver still rejects deliveries signed with the new secret after 2 s: redeploy it from the secret the rotation stored (not from the secret output, which ends with the job), then check it again with a run of rotate-composio-webhook-secret with rotate: false and verify-receiver (re-running the job would rotate again)'
    )
    // The action knows the new secret only as its input: it may be the wrong one.
    expect(errorLine(result)).toContain(
      "If the receiver holds the stored secret already, this step's secret input is another: pass it the main action's secret output of the same job."
    )
    expect(fake.deliveries).toHaveLength(6) // rounds at 0, 1 and 2 s, a pair each
    expect(result.outputs).toEqual({})
    // The failure heads the summary: the step after a green rotation is what a person reads last.
    expect(result.summary).toMatch(
      /^<h2>❌ Composio webhook receiver NOT confirmed: the receiver still rejects the new secret<\/h2>/
    )
    expect(result.summary).toContain('<h3>Receiver check: NOT confirmed</h3>')
    expectNoLeak(result, fake)
  })

  test('a receiver that accepts a forgery: fails at once, as a security finding', async () => {
    const fake = await receiver({ secret: NEW, mode: 'accept-all' })
    const result = await verify({ url: fake.url, 'timeout-seconds': '30' })
    expect(result.code).toBe(1)
    expect(fake.deliveries).toHaveLength(2)
    expect(errorLine(result)).toMatch(
      /^::error::Security finding: the receiver at http:\/\/127\.0\.0\.1:\d+\/hooks\/composio accepted a delivery signed with a random secret/
    )
    expectNoLeak(result, fake)
  })

  test('5xx: asked again each round; the timeout reports the last answers', async () => {
    const fake = await receiver({ secret: NEW, mode: 'error', status: 503 })
    const result = await verify({ url: fake.url })
    expect(result.code).toBe(1)
    expect(fake.deliveries).toHaveLength(6)
    expect(errorLine(result)).toContain(
      'no conclusive answer after 2 s (last answers: HTTP 503 to the delivery signed with the new secret, HTTP 503 to the one signed with a random secret)'
    )
  })

  test('a receiver that never answers: ends within the timeout and one request timeout', async () => {
    const fake = await receiver({ secret: NEW, mode: 'hang' })
    const started = Date.now()
    const result = await verify({ url: fake.url, 'timeout-seconds': '3' })
    const elapsed = Date.now() - started
    expect(result.code).toBe(1)
    // 3 s and one request (3 s at most), with room for starting Node; counting rounds took 12 s.
    expect(elapsed).toBeLessThan(9000)
    expect(errorLine(result)).toMatch(
      /no conclusive answer after [67] s \(last answers: (timed out after 3 s|no answer before the check's timeout) to the delivery signed with the new secret, (timed out after 3 s|no answer before the check's timeout) to the one signed with a random secret\)/
    )
  })

  test('a receiver that answers 500 to a bad signature: the timeout says to answer 401', async () => {
    const fake = await receiver({ secret: NEW, refusalStatus: 500 })
    const result = await verify({ url: fake.url })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      'The receiver answered 500 to a forged delivery; answer 401 so that it can be told apart from an outage.'
    )
  })

  test('a redirect is refused at once, and its target never contacted', async () => {
    const target = await receiver({ secret: NEW })
    const fake = await receiver({ secret: NEW, mode: 'redirect', location: target.url })
    const result = await verify({ url: fake.url, 'timeout-seconds': '30' })
    expect(result.code).toBe(1)
    expect(fake.deliveries).toHaveLength(2)
    expect(target.deliveries).toHaveLength(0)
    expect(errorLine(result)).toMatch(
      /the receiver answered HTTP 307, a redirect to http:\/\/127\.0\.0\.1:\d+, which is not followed/
    )
  })
})

describe('a receiver that verifies no signature is never confirmed', () => {
  test.each<[string, Parameters<typeof startFakeReceiver>[0]]>([
    ['200, then 409 to a repeated event id', { secret: NEW, mode: 'dedupe' }],
    ['200, then 429 to a burst', { secret: NEW, mode: 'burst' }],
    ['200, then 503 with retry-after to a burst', { secret: NEW, mode: 'burst', status: 503 }],
    ['2xx to the first of each pair, 401 to the second', { secret: NEW, mode: 'by-arrival' }],
    [
      '401 to the first of each pair, 2xx to the second',
      { secret: NEW, mode: 'by-arrival', answers: [401, 200] }
    ],
    [
      'by arrival, period 3: 2xx, 401, 401',
      { secret: NEW, mode: 'by-arrival', answers: [200, 401, 401] }
    ],
    ['2xx, then 408', { secret: NEW, mode: 'by-arrival', answers: [200, 408] }],
    ['a flaky 5xx', { secret: NEW, mode: 'by-arrival', answers: [200, 503, 200] }]
  ])('%s', async (_, options) => {
    const fake = await receiver(options)
    const result = await verify({ url: fake.url, 'timeout-seconds': '3' })
    expect(result.code).toBe(1)
    expect(result.outputs).toEqual({})
    expect(result.stdout).not.toContain('verifies deliveries with the new secret')
    expect(result.summary).toMatch(/^<h2>❌ Composio webhook receiver NOT confirmed/)
    // Distinct events, one after the other.
    const eventIds = fake.deliveries.map(d => (JSON.parse(d.rawBody) as { id: string }).id)
    expect(new Set(eventIds).size).toBe(fake.deliveries.length)
    expectNoLeak(result, fake)
  })
})

describe('refused before any request', () => {
  test('a near miss of an input name (timeout_seconds for timeout-seconds): refused, no delivery', async () => {
    const fake = await receiver({ secret: NEW })
    const result = await runAction({
      script: SCRIPT,
      node: NODE24,
      inputs: { secret: NEW, url: fake.url, timeout_seconds: '2', 'interval-seconds': '1' }
    })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toBe(
      "::error::Input 'timeout_seconds': is not an input of this action (the runner set INPUT_TIMEOUT_SECONDS); did you mean 'timeout-seconds'? Refused before anything is sent: the runner would only warn, and the run would go ahead without 'timeout-seconds'"
    )
    expect(fake.deliveries).toHaveLength(0)
    expectNoLeak(result, fake)
  })

  test.each([
    [
      'http to a non-loopback host',
      'http://hooks.example.com/composio',
      "::error::Input 'url': 'http://hooks.example.com/composio' must use https"
    ],
    [
      'a URL with credentials',
      'https://u:p@hooks.example.com/x',
      "::error::Input 'url': 'https://…@hooks.example.com' must not carry credentials"
    ]
  ])('%s', async (_, url, message) => {
    const result = await verify({ url })
    expect(result.code).toBe(1)
    expect(errorLine(result).startsWith(message)).toBe(true)
    // An invalid url heads a summary too.
    expect(result.summary).toMatch(/^<h2>❌ Composio webhook receiver NOT checked<\/h2>/)
    expectNoLeak(result)
  })

  test("the url's query is masked before anything is printed, and never shown", async () => {
    const fake = await receiver({ secret: NEW })
    const result = await verify({ url: `${fake.url}?token=t0k3n` })
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines.slice(0, 2)).toEqual([`::add-mask::${NEW}`, '::add-mask::token=t0k3n'])
    expect(unmasked(result.stdout) + result.stderr + result.summary).not.toContain('t0k3n')
    expect(result.stdout).toContain(`${fake.url}?…`)
  })

  test('an unparsable url is never echoed, its token neither', async () => {
    const result = await verify({ url: 'https://hooks example.com/x?token=t0k3n' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toBe(
      "::error::Input 'url': is not a URL (not shown: it may hold a token)"
    )
    // Not a URL: masked whole, for a token may sit anywhere in it.
    expect(result.stdout).toContain('::add-mask::https://hooks example.com/x?token=t0k3n')
    expect(unmasked(result.stdout) + result.stderr + result.summary).not.toContain('t0k3n')
  })

  test('an empty secret: the error says where it comes from; nothing is masked', async () => {
    const result = await verify({ secret: '', url: 'https://hooks.example.com/x' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      "Input 'secret': is required and was empty. Pass the main action's secret output"
    )
  })
})
