// The main action's receiver check (verify-receiver), bundled, against the fakes of Composio and
// GitHub and a fake receiver (real HTTP, real HMAC): after every write, never in a dry run, its
// URL checked before the rotation, and a failed check failing the run with the secret stored.
import { afterEach, describe, expect, test } from '@jest/globals'
import { startFakeReceiver, type FakeReceiver } from '../fakes/receiver.js'
import type { RunResult } from '../fakes/runner.js'
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
  fake = await startFakeReceiver({ secret: () => current(), mode })
  scenario = await startScenario({}, webhookUrl ? { webhookUrl: webhookUrl(fake.url) } : {})
  const composio = scenario.composio
  current = () => composio.currentSecret('ws_123')
  return { scenario, fake }
}

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
    // One pair, sent once the write had been answered.
    expect(receiver.deliveries).toHaveLength(2)
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
      'verifies deliveries with the new secret (HTTP 204 to the delivery signed with the new secret, HTTP 401 to the one signed with a random secret)'
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
    expect(error).toContain(
      `${NAME} was stored in every target, but the run did not finish cleanly.`
    )
    expect(error).toContain(
      'the receiver still rejects deliveries signed with the new secret after 1 s: redeploy it with the new secret'
    )
    expect(result.outputs['receiver-confirmed-at']).toBeUndefined()
    expect(result.outputs['targets']).toBe('["acme/app"]')
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

  test('a webhook_url that breaks the rule: nothing rotated', async () => {
    const { scenario: s } = await start('verify', () => 'http://hooks.example.com/composio')
    const result = await s.run({ 'verify-receiver': 'subscription' })
    expect(result.code).toBe(1)
    expect(errorLine(result)).toContain('Nothing was rotated: the receiver cannot be checked.')
    expect(errorLine(result)).toContain(
      "the subscription's webhook_url 'http://hooks.example.com/composio' must use https"
    )
    expect(requestsTo(s.composio, 'POST', ROTATE)).toBe(0)
    expect(s.github.requests.filter(r => r.method === 'PUT')).toHaveLength(0)
  })

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
