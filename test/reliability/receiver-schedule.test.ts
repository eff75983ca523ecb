// The receiver check inside a run of the main action, in this process against the fakes (the
// clock skips the waits): when it runs, what it sets, and how a failure fails the run.
import { afterEach, describe, expect, test } from '@jest/globals'
import { startFakeReceiver, type FakeReceiver } from '../fakes/receiver.js'
import { NAME, startScenario, type Scenario } from '../support/scenario.js'
import { runInProcess } from './in-process.js'

let scenario: Scenario | undefined
let receiver: FakeReceiver | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), receiver?.close()])
  scenario = receiver = undefined
})

async function start() {
  let current: () => string | undefined = () => undefined
  receiver = await startFakeReceiver({ secret: () => current() })
  scenario = await startScenario()
  const composio = scenario.composio
  current = () => composio.currentSecret('ws_123')
  return { s: scenario, r: receiver }
}

describe('verify-receiver in a run', () => {
  test('confirmed after the writes: receiver-confirmed-at and the summary section', async () => {
    const { s, r } = await start()
    const result = await runInProcess(s, { 'verify-receiver': r.url })
    expect(result.error).toBeUndefined()
    expect(s.github.secret('acme/app', NAME)).toBe(s.composio.currentSecret('ws_123'))
    expect(result.outputs['receiver-confirmed-at']).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(result.outputs['webhook-url']).toBe('https://receiver.example.com/hooks/ws_123')
    expect(result.summary).toContain('<h3>Receiver check: confirmed</h3>')
  })

  test('still on the old secret: rounds every interval until the timeout, then the run fails', async () => {
    const { s, r } = await start()
    r.switchTo(s.composio.currentSecret('ws_123')!)
    const result = await runInProcess(s, {
      'verify-receiver': r.url,
      'verify-timeout-seconds': '30',
      'verify-interval-seconds': '10'
    })
    expect(r.deliveries).toHaveLength(8) // rounds at 0, 10, 20 and 30 s
    expect(result.sleeps.filter(ms => ms > 9000 && ms <= 10_000)).toHaveLength(3)
    expect(String((result.error as Error).message)).toContain(
      'Also: Receiver check of http://127.0.0.1:'
    )
    expect(result.outputs['receiver-confirmed-at']).toBeUndefined()
  })

  test('skipped, and said so, when a write failed: the recipes come first', async () => {
    const { s, r } = await start()
    s.github.setFault(request =>
      request.method === 'PUT' && request.path.endsWith(`/${NAME}`) ? { status: 500 } : undefined
    )
    const result = await runInProcess(s, { 'verify-receiver': r.url })
    expect(result.error).toBeDefined()
    expect(r.deliveries).toHaveLength(0)
    expect(result.stdout).toContain('skipped: not every target was written')
  })
})
