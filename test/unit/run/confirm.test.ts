// confirmRotation: Composio read once more after the rotation. Its texts: summary.test.ts.
import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { Run } from '../../../src/context/run.js'
import { confirmRotation } from '../../../src/rotation/confirm.js'
import type { Obtained } from '../../../src/rotation/rotate.js'
import { harness, json, type Step } from '../composio/harness.js'
import { rotated } from './results.js'

// Random, as a read secret must be to count (src/composio/secret-shape.ts).
const random = (): string => randomBytes(32).toString('hex')
const [NEW, BEFORE, THIRD] = [random(), random(), random()]

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

const obtained = (
  how: 'rotated' | 'recovered' | 'current',
  before: string | undefined = BEFORE
): Obtained => ({ secret: NEW, source: { ...rotated, how }, before })

describe('confirmRotation', () => {
  test('current: not needed, nothing read', async () => {
    const { run, calls } = runReading(json(200, { secret: NEW }))
    await expect(confirmRotation(run, obtained('current'))).resolves.toBe('not needed')
    expect(calls).toEqual([])
  })

  test('a cancelled run: not needed, nothing read', async () => {
    const { run, calls } = runReading(json(200, { secret: NEW }), { cancelled: true })
    await expect(confirmRotation(run, obtained('rotated'))).resolves.toBe('not needed')
    expect(calls).toEqual([])
  })

  test.each([
    ['the new secret', NEW, 'confirmed'],
    ['a masked secret', 'new-****', 'unconfirmed'],
    ['a secret in Composio’s abcd... style', 'new-...', 'unconfirmed'],
    ['no secret', undefined, 'unconfirmed'],
    ['someone else’s secret', THIRD, 'changed']
  ])('the read shows %s → %s', async (_name, secret, expected) => {
    const { run, warnings, calls } = runReading(json(200, { secret }))
    await expect(confirmRotation(run, obtained('rotated'))).resolves.toBe(expected)
    expect(calls.map(call => call.method)).toEqual(['GET'])
    expect(warnings).toEqual([])
  })

  test('the previous secret → stale, with a warning', async () => {
    const { run, warnings } = runReading(json(200, { secret: BEFORE }))
    await expect(confirmRotation(run, obtained('rotated'))).resolves.toBe('stale')
    expect(warnings).toEqual([
      "Composio's read after the rotation still showed the previous secret (a stale read); the rotation's answer is the secret stored."
    ])
  })

  test('a failed read → unconfirmed, with a warning that never shows the secret', async () => {
    const { run, warnings } = runReading({ status: 401, body: `{"secret":"${NEW}"}` })
    await expect(confirmRotation(run, obtained('rotated', undefined))).resolves.toBe('unconfirmed')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^Could not read the subscription back: Composio read of subscription 'ws_1' failed: HTTP 401\. Hint: /
    )
    expect(warnings[0]).not.toContain(NEW)
  })

  // A secret recovered by a read after a lost answer is stored only if a second read agrees.
  test.each([
    ['the recovered secret (two reads agree)', NEW, 'confirmed', 0],
    ['a masked secret', 'REDACTED', 'possibly stale', 1],
    ['the secret from before the rotation', BEFORE, 'possibly stale', 1],
    ['a third secret', THIRD, 'changed', 0]
  ])('recovered, the second read shows %s → %s', async (_name, secret, expected, warned) => {
    const { run, warnings, calls } = runReading(json(200, { secret }))
    await expect(confirmRotation(run, obtained('recovered'))).resolves.toBe(expected)
    expect(calls.map(call => call.method)).toEqual(['GET'])
    expect(warnings).toHaveLength(warned)
    if (warned) expect(warnings[0]).toMatch(/may be stale.*rotate: false/)
  })

  test('recovered, the second read fails → possibly stale, two warnings', async () => {
    const { run, warnings } = runReading({ status: 503 })
    await expect(confirmRotation(run, obtained('recovered'))).resolves.toBe('possibly stale')
    expect(warnings[0]).toMatch(/^Could not read the subscription back: .*HTTP 503/)
    expect(warnings[1]).toContain('may be stale')
  })
})
