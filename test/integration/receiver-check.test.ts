// The main action's receiver check (verify-receiver), bundled, against the fakes of Composio and
// GitHub and a fake receiver (real HTTP, real HMAC): after every write, never in a dry run, its
// URL checked before the rotation, and a failed check failing the run with the secret stored.
import { afterEach, describe, expect, test } from '@jest/globals'
import { startFakeReceiver, type FakeReceiver } from '../fakes/receiver.js'
import type { RunResult } from '../fakes/runner.js'
import { CONFIRMING_ROUNDS } from '../../src/receiver/verdict.js'
import {
  NAME,
  READ,
  ROTATE,
  encodings,
  leaksOfAll,
  on,
  requestsTo,
  startScenario,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario | undefined
let fake: FakeReceiver | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), fake?.close()])
  scenario = fake = undefined
})

/** A scenario whose receiver looks the subscription's current secret up at each delivery. */
async function start(
  mode: Parameters<typeof startFakeReceiver>[0]['mode'] = 'verify',
  webhookUrl?: (receiverUrl: string) => string
): Promise<{ scenario: Scenario; fake: FakeReceiver }> {
  let current: () => string | undefined = () => undefined
  fake = await startFakeReceiver({ secret: () => current(), mode, windowMs: 60_000 })
  scenario = await startScenario({}, webhookUrl ? { webhookUrl: webhookUrl(fake.url) } : {})
  const composio = scenario.composio
  current = () => composio.currentSecret('ws_123')
  return { scenario, fake }
}

/** What a log shows: the runner consumes its ::add-mask:: lines. */
const unmasked = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')

const errorLine = (result: RunResult): string =>
  result.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''

/** No secret Composio ever held is printed, summarised, or sent in a check delivery. */
function expectNoLeak(result: RunResult, s: Scenario, receiver: FakeReceiver): void {
  expect(leaksOfAll(result, s.composio)).toEqual([])
  for (const secret of s.composio.secretsHeld('ws_123')) {
    for (const delivery of receiver.deliveries) {
      for (const encoded of encodings(secret)) expect(delivery.rawBody).not.toContain(encoded)
    }
  }
}

describe('verify-receiver: a URL', () => {
  test('after every write, confirmed: receiver-confirmed-at, webhook-url, a summary section', async () => {
    const { scenario: s, fake: receiver } = await start()
    const result = await s.run({ 'verify-receiver': receiver.url })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const secret = s.composio.currentSecret('ws_123')!
    expect(s.github.secret('acme/app', NAME)).toBe(secret)
    // Pairs in both orders, sent once the write had been answered.
    expect(receiver.deliveries.length).toBeGreaterThanOrEqual(2 * CONFIRMING_ROUNDS)
    const write = s.github.requests.find(r => r.method === 'PUT' && r.path.endsWith(`/${NAME}`))!
    const writeAnsweredAt = performance.timeOrigin + write.endedAt!
    expect(Math.min(...receiver.deliveries.map(d => d.at))).toBeGreaterThanOrEqual(
      Math.floor(writeAnsweredAt) - 1
    )
    expect(result.outputs['webhook-url']).toBe('https://receiver.example.com/hooks/ws_123')
    expect(Date.parse(result.outputs['receiver-confirmed-at']!)).toBeGreaterThanOrEqual(
      Date.parse(result.outputs['rotated-at']!)
    )
    expect(result.summary).toContain('<h3>Receiver check: confirmed</h3>')
    expect(result.stdout).toContain(
      'verifies deliveries with the new secret (HTTP 204 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret), whichever of the two is sent first'
    )
    expectNoLeak(result, s, receiver)
  })

  test('a receiver still on the old secret: the run fails after the timeout, the secret stored', async () => {
    const { scenario: s, fake: receiver } = await start()
    const old = s.composio.currentSecret('ws_123')!
    receiver.switchTo(old) // it never picks up the new one
    const result = await s.run({
      'verify-receiver': receiver.url,
      'verify-timeout-seconds': '1',
      'verify-interval-seconds': '1'
    })
    expect(result.code).toBe(1)
    expect(s.github.secret('acme/app', NAME)).toBe(s.composio.currentSecret('ws_123'))
    const error = errorLine(result)
    // What failed, named first: in the error and at the head of the summary.
    expect(error).toContain(
      `${NAME} was stored in every target, but the receiver still rejects the new secret.`
    )
    expect(error).toContain(
      'the receiver still rejects deliveries signed with the new secret after 1 s: redeploy it from the secret the rotation stored (not from the secret output, which ends with the job), then check it again with a run of rotate-composio-webhook-secret with rotate: false and verify-receiver'
    )
    expect(result.outputs['receiver-confirmed-at']).toBeUndefined()
    expect(result.outputs['targets']).toBe('["acme/app"]')
    expect(result.summary).toMatch(
      /^<h2>❌ Composio webhook secret rotated and stored in every target, but the receiver still rejects the new secret<\/h2>/
    )
    expect(result.summary).toContain('<h3>Receiver check: NOT confirmed</h3>')
    expect(receiver.deliveries).toHaveLength(4)
    expectNoLeak(result, s, receiver)
  })

  test('a receiver that accepts a forgery: the run fails at once, the secret stored', async () => {
    const { scenario: s, fake: receiver } = await start('accept-all')
    const result = await s.run({ 'verify-receiver': receiver.url })
    expect(result.code).toBe(1)
    expect(receiver.deliveries).toHaveLength(2)
    expect(s.github.secret('acme/app', NAME)).toBe(s.composio.currentSecret('ws_123'))
    expect(errorLine(result)).toContain('Also: Security finding: the receiver at')
  })

  test.each<[string, Parameters<typeof start>[0], string]>([
    ['200, then 409 to a repeated event id', 'dedupe', 'the receiver accepts forged deliveries'],
    ['2xx to the first delivery of a burst, 429 to the next', 'burst', ''],
    ['2xx to the first of each pair, 401 to the second', 'by-arrival', '']
  ])('a receiver that verifies nothing, %s: never confirmed', async (_, mode, headline) => {
    const { scenario: s, fake: receiver } = await start(mode)
    const result = await s.run({
      'verify-receiver': receiver.url,
      'verify-timeout-seconds': '3',
      'verify-interval-seconds': '1'
    })
    expect(result.code).toBe(1)
    expect(result.outputs['receiver-confirmed-at']).toBeUndefined()
    expect(result.stdout).not.toContain('verifies deliveries with the new secret')
    expect(result.summary).toMatch(
      new RegExp(
        `^<h2>❌ Composio webhook secret rotated and stored in every target, but ${headline}`
      )
    )
    expectNoLeak(result, s, receiver)
  })

  test('a receiver that never answers: the check ends within its timeout and one request timeout', async () => {
    const { scenario: s, fake: receiver } = await start('hang')
    const result = await s.run({
      'verify-receiver': receiver.url,
      'verify-timeout-seconds': '3',
      'verify-interval-seconds': '1',
      'timeout-seconds': '3'
    })
    expect(result.code).toBe(1)
    // 3 s and one request timeout (3 s), with room for the run around it; counting rounds took 12 s.
    expect(result.wallMs).toBeLessThan(10_000)
    expect(errorLine(result)).toContain('but the receiver check got no conclusive answer.')
  })

  test('http to a non-loopback host: refused with the inputs, before any request', async () => {
    const { scenario: s, fake: receiver } = await start()
    const result = await s.run({ 'verify-receiver': 'http://hooks.example.com/composio' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      "::error::Input 'verify-receiver': 'http://hooks.example.com/composio' must use https"
    )
    expect(s.composio.requests).toHaveLength(0)
    expect(s.github.requests).toHaveLength(0)
    expect(receiver.deliveries).toHaveLength(0)
  })

  test('never in a dry run', async () => {
    const { scenario: s, fake: receiver } = await start()
    const result = await s.run({ 'verify-receiver': receiver.url, 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(receiver.deliveries).toHaveLength(0)
    expect(s.composio.rotations).toHaveLength(0)
    expect(result.stdout).toContain(
      'is not checked (a real run checks it once every write is done)'
    )
  })
})

describe('verify-receiver: subscription', () => {
  test("the read's webhook_url is checked: confirmed", async () => {
    const { scenario: s, fake: receiver } = await start('verify', url => url)
    const result = await s.run({ 'verify-receiver': 'subscription' })
    expect(result.code).toBe(0)
    expect(result.outputs['webhook-url']).toBe(receiver.url)
    expect(result.outputs['receiver-confirmed-at']).toBeDefined()
    expectNoLeak(result, s, receiver)
  })

  test.each([
    [
      'a private address',
      'https://10.1.2.3/hooks?token=t0k3n',
      "'https://10.1.2.3/hooks?…' is a private address"
    ],
    [
      'the cloud metadata address',
      'https://169.254.169.254/latest/meta-data',
      "'https://169.254.169.254/latest/meta-data' is a link-local address (the cloud metadata service lives there)"
    ],
    [
      'the metadata address in hex',
      'https://0xa9fea9fe/latest',
      "'https://169.254.169.254/latest' is a link-local address"
    ],
    [
      'the metadata address, IPv4-mapped',
      'https://[::ffff:169.254.169.254]/x',
      "'https://[::ffff:a9fe:a9fe]/x' is a link-local address"
    ],
    [
      'the metadata address, 6to4',
      'https://[2002:a9fe:a9fe::1]/x',
      "'https://[2002:a9fe:a9fe::1]/x' is a link-local address"
    ],
    [
      'a unique-local IPv6 address',
      'https://[fd12::1]/hooks',
      "'https://[fd12::1]/hooks' is a unique-local address"
    ],
    [
      'a name local to a network',
      'https://metadata.google.internal/x',
      "'https://metadata.google.internal/x' is a name under .internal"
    ]
  ])(
    'a webhook_url Composio cannot reach (%s): refused before the rotation, saying why',
    async (_, url, why) => {
      const { scenario: s } = await start('verify', () => url)
      const result = await s.run({ 'verify-receiver': 'subscription' })
      expect(result.code).toBe(1)
      expect(errorLine(result)).toContain('Nothing was rotated: the receiver cannot be checked.')
      expect(errorLine(result)).toContain(`the subscription's webhook_url ${why}`)
      expect(errorLine(result)).toContain('which Composio cannot deliver to')
      expect(requestsTo(s.composio, 'POST', ROTATE)).toBe(0)
      expect(s.github.requests.filter(r => r.method === 'PUT')).toHaveLength(0)
      expect(unmasked(result.stdout) + result.summary).not.toContain('t0k3n')
    }
  )

  test('a webhook_url that breaks the rule: nothing rotated', async () => {
    const { scenario: s } = await start('verify', () => 'http://hooks.example.com/composio')
    const result = await s.run({ 'verify-receiver': 'subscription' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain('Nothing was rotated: the receiver cannot be checked.')
    expect(errorLine(result)).toContain(
      "the subscription's webhook_url 'http://hooks.example.com/composio' must use https: Composio delivers over the internet"
    )
    expect(requestsTo(s.composio, 'POST', ROTATE)).toBe(0)
    expect(s.github.requests.filter(r => r.method === 'PUT')).toHaveLength(0)
  })

  test('an unparsable webhook_url is never echoed: not in the error, the summary or the failure issue', async () => {
    const { scenario: s } = await start('verify', () => 'https://hooks example.com/x?token=t0k3n')
    s.composio.expectViolations()
    const result = await s.run(
      { 'verify-receiver': 'subscription', 'failure-issue': 'true' },
      { env: { GITHUB_RUN_ID: '4242', GITHUB_SERVER_URL: 'https://github.com' } }
    )
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain(
      "the subscription's webhook_url is not a URL (not shown: it may hold a token)"
    )
    expect(s.github.issues).toHaveLength(1)
    const issue = JSON.stringify(s.github.issues)
    expect(issue).toContain('is not a URL')
    // Not a URL: the whole of it is masked, for it may hold a token anywhere.
    expect(result.stdout).toContain('::add-mask::https://hooks example.com/x?token=t0k3n')
    const shown = unmasked(result.stdout)
    expect(shown + result.stderr + result.summary + issue).not.toContain('t0k3n')
    expect(shown + result.summary + issue).not.toContain('hooks example')
  })

  test('a dry run never shows the query of the webhook_url', async () => {
    const { scenario: s } = await start('verify', () => 'https://hooks.example.com/x?token=t0k3n')
    const result = await s.run({ 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(result.summary).toContain('webhook_url: <code>https://hooks.example.com/x?…</code>')
    expect(unmasked(result.stdout) + result.stderr + result.summary).not.toContain('t0k3n')
  })

  test.each([
    ['a query', 'https://hooks.example.com/x?token=t0k3n', 'token=t0k3n'],
    ['a fragment', 'https://hooks.example.com/x#token=t0k3n', 'token=t0k3n'],
    ['user info', 'https://hook:t0k3n@hooks.example.com/x', 'hook:t0k3n']
  ])(
    'the webhook-url output is set whole, with %s masked first: a later step that prints it shows ***',
    async (_, url, masked) => {
      const { scenario: s } = await start('verify', () => url)
      const result = await s.run({})
      expect(result.code).toBe(0)
      expect(result.outputs['webhook-url']).toBe(url)
      expect(result.stdout.split('\n')).toContain(`::add-mask::${masked}`)
      expect(unmasked(result.stdout) + result.stderr + result.summary).not.toContain('t0k3n')
    }
  )

  test('no webhook_url in the read: nothing rotated', async () => {
    const { scenario: s } = await start()
    // Composio's description requires webhook_url: a read without one is a hostile answer.
    const now = new Date().toISOString()
    s.composio.setFault(
      on('GET', READ, () => ({
        status: 200,
        body: {
          id: 'ws_123',
          secret: s.composio.currentSecret('ws_123'),
          version: 'V3',
          enabled_events: [],
          created_at: now,
          updated_at: now
        }
      }))
    )
    s.composio.expectViolations()
    const result = await s.run({ 'verify-receiver': 'subscription' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain("Composio's read of the subscription gave no webhook_url")
    expect(requestsTo(s.composio, 'POST', ROTATE)).toBe(0)
  })
})
