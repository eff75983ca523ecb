// confirmRotation: Composio read once more after the rotation. Its texts: summary.test.ts.
import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { Run } from '../../../src/context/run.js'
import { confirmRotation } from '../../../src/rotation/confirm.js'
import type { Reading } from '../../../src/rotation/read-back.js'
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

/** The baseline's `updated_at`: a read no later than it is from before the rotation. */
const BASELINE_AT = '2026-12-01T10:00:00.000Z'
const obtained = (
  how: 'rotated' | 'recovered' | 'current',
  before: Reading | undefined = { secret: BEFORE, updatedAt: Date.parse(BASELINE_AT) }
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
      "Composio's read after the rotation still showed the previous secret, or an older one (a stale read); the rotation's answer is the secret stored."
    ])
  })

  // Review of issue 22, item 10: a replica further behind than the baseline shows an older
  // secret; that is a stale read, not "someone rotated during this run".
  test.each([
    ['rotated', 'an updated_at before the baseline’s', '2026-12-01T09:00:00.000Z', 'stale'],
    ['rotated', 'the baseline’s updated_at', BASELINE_AT, 'stale'],
    ['rotated', 'a later updated_at', '2026-12-01T10:00:01.000Z', 'changed'],
    ['rotated', 'no updated_at', undefined, 'changed'],
    ['rotated', 'an updated_at without offset', '2026-12-01T09:00:00', 'changed'],
    [
      'recovered',
      'an updated_at before the baseline’s',
      '2026-12-01T09:00:00.000Z',
      'possibly stale'
    ],
    ['recovered', 'a later updated_at', '2026-12-01T10:00:01.000Z', 'changed']
  ] as const)(
    '%s, the read shows a third secret with %s → %s',
    async (how, _name, updated_at, expected) => {
      const { run, warnings } = runReading(json(200, { secret: THIRD, updated_at }))
      await expect(confirmRotation(run, obtained(how))).resolves.toBe(expected)
      expect(warnings).toHaveLength(expected === 'changed' ? 0 : 1)
    }
  )

  test('no baseline read: a third secret, however old, is a change', async () => {
    const { run } = runReading(json(200, { secret: THIRD, updated_at: '2020-01-01T00:00:00Z' }))
    const withoutBaseline: Obtained = { ...obtained('rotated'), before: undefined }
    await expect(confirmRotation(run, withoutBaseline)).resolves.toBe('changed')
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
