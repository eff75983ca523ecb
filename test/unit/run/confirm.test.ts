// confirmRotation: Composio read once more after the rotation. Its texts: summary.test.ts.
import { describe, expect, test } from '@jest/globals'
import { confirmRotation } from '../../../src/run/confirm.js'
import type { Run } from '../../../src/run/context.js'
import type { Obtained } from '../../../src/run/rotate.js'
import { harness, json, type Step } from '../composio/harness.js'
import { rotated } from './results.js'

const NEW = 'new-secret-0001'
const BEFORE = 'old-secret-0000'

/** Just what the confirmation uses of a run: Composio's client, the warnings, the guard. */
function runReading(step: Step, { cancelled = false } = {}) {
  const h = harness([step], { maxAttempts: 1 })
  const warnings: string[] = []
  const controller = new AbortController()
  if (cancelled) controller.abort()
  const run = {
    composio: h.options,
    settings: { subscriptionId: 'ws_1' },
    io: { warning: (message: string) => void warnings.push(message) },
    guard: { signal: controller.signal }
  } as unknown as Run
  return { run, warnings, calls: h.calls }
}

const obtained = (how: 'rotated' | 'recovered' | 'current'): Obtained => ({
  secret: NEW,
  source: { ...rotated, how }
})

describe('confirmRotation', () => {
  test.each(['recovered', 'current'] as const)('%s: not needed, nothing read', async how => {
    const { run, calls } = runReading(json(200, { secret: NEW }))
    await expect(confirmRotation(run, obtained(how), BEFORE)).resolves.toBe('not needed')
    expect(calls).toEqual([])
  })

  test('a cancelled run: not needed, nothing read', async () => {
    const { run, calls } = runReading(json(200, { secret: NEW }), { cancelled: true })
    await expect(confirmRotation(run, obtained('rotated'), BEFORE)).resolves.toBe('not needed')
    expect(calls).toEqual([])
  })

  test.each([
    ['the new secret', NEW, 'confirmed'],
    ['a masked secret', 'new-****', 'unconfirmed'],
    ['no secret', undefined, 'unconfirmed'],
    ['someone else’s secret', 'third-secret-0002', 'changed']
  ])('the read shows %s → %s', async (_name, secret, expected) => {
    const { run, warnings, calls } = runReading(json(200, { secret }))
    await expect(confirmRotation(run, obtained('rotated'), BEFORE)).resolves.toBe(expected)
    expect(calls.map(call => call.method)).toEqual(['GET'])
    expect(warnings).toEqual([])
  })

  test('the previous secret → stale, with a warning', async () => {
    const { run, warnings } = runReading(json(200, { secret: BEFORE }))
    await expect(confirmRotation(run, obtained('rotated'), BEFORE)).resolves.toBe('stale')
    expect(warnings).toEqual([
      "Composio's read after the rotation still showed the previous secret (a stale read); the rotation's answer is the secret stored."
    ])
  })

  test('a failed read → unconfirmed, with a warning that never shows the secret', async () => {
    const { run, warnings } = runReading({ status: 401, body: `{"secret":"${NEW}"}` })
    await expect(confirmRotation(run, obtained('rotated'), undefined)).resolves.toBe('unconfirmed')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^Could not read the subscription back: Composio read of subscription 'ws_1' failed: HTTP 401\. Hint: /
    )
    expect(warnings[0]).not.toContain(NEW)
  })
})
