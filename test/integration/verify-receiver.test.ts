// The verify-receiver action's bundle (dist/verify-receiver/index.js), run as a runner runs it,
// against a fake receiver: real HTTP, real HMAC. Every row of the answer table, the refusals,
// the timeout's words, and the leak scan (printed output, summary, and every request body).
import { afterEach, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { startFakeReceiver, type FakeReceiver } from '../fakes/receiver.js'
import { NODE24, ROOT, runAction, type RunResult } from '../fakes/runner.js'
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

/** The deliveries, a pair per round (rounds follow each other; a pair's two go out at once). */
const pairsOf = (fake: FakeReceiver) =>
  fake.deliveries.flatMap((d, i, all) => (i % 2 === 0 ? [[d, all[i + 1]!]] : []))

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
      // The pair goes out at once: in either order.
      expect(fake.deliveries.map(d => [d.verified, d.status]).sort()).toEqual([
        [false, 401],
        [true, 204]
      ])
      const confirmedAt = result.outputs['confirmed-at']!
      expect(Date.parse(confirmedAt)).toBeGreaterThan(Date.parse(rotatedAt))
      const outage = Number(result.outputs['outage-seconds'])
      expect(outage).toBeCloseTo((Date.parse(confirmedAt) - Date.parse(rotatedAt)) / 1000, 3)
      // Each request's status and time in the summary, never a body.
      expect(result.summary).toContain('<h3>Receiver check: confirmed</h3>')
      expect(result.summary).toMatch(
        /<td>1<\/td><td>[^<]+<\/td><td>new secret<\/td><td>HTTP 204<\/td><td>\d+ ms<\/td>/
      )
      expect(result.summary).toMatch(/<td>random secret<\/td><td>HTTP 401<\/td>/)
      expect(result.summary).not.toContain('invalid signature')
      expect(result.summary).toContain(`Outage: ${result.outputs['outage-seconds']} s`)
      // Both deliveries say what they are.
      expect(fake.deliveries.map(d => d.headers['user-agent'])).toEqual([
        'rotate-composio-webhook-secret/1.0.0 receiver-check',
        'rotate-composio-webhook-secret/1.0.0 receiver-check'
      ])
      expectNoLeak(result, fake)
    }
  )

  test('the receiver switches to the new secret during the check: confirmed on the next round', async () => {
    const fake = await receiver({ secret: OLD })
    fake.switchTo(NEW, 1200)
    const result = await verify({ url: fake.url, 'timeout-seconds': '10' })
    expect(result.code).toBe(0)
    const rounds = fake.deliveries.length / 2
    expect(rounds).toBeGreaterThanOrEqual(2)
    expect(fake.deliveries.slice(0, -2).every(d => d.status === 401)).toBe(true)
    // The first pair that arrived after the switch confirmed it: no round was wasted.
    const pairs = pairsOf(fake).filter(pair => pair.every(d => d.at >= fake.switchedAt()!))
    expect(pairs.map(pair => pair.map(d => d.status).sort())).toEqual([[204, 401]])
    expect(result.outputs['outage-seconds']).toBeUndefined() // no rotated-at given
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
      'the receiver still rejects deliveries signed with the new secret after 2 s: redeploy it with the new secret'
    )
    expect(fake.deliveries).toHaveLength(6) // rounds at 0, 1 and 2 s, a pair each
    expect(result.outputs).toEqual({})
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

  test('a receiver that never answers: each request times out', async () => {
    const fake = await receiver({ secret: NEW, mode: 'hang' })
    const result = await verify({ url: fake.url, 'timeout-seconds': '1' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      'last answers: timed out after 1 s to the delivery signed with the new secret, timed out after 1 s to the one signed with a random secret'
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
    expectNoLeak(result)
  })

  test('an empty secret: the error says where it comes from; nothing is masked', async () => {
    const result = await verify({ secret: '', url: 'https://hooks.example.com/x' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      "Input 'secret': is required and was empty. Pass the main action's secret output"
    )
  })
})
