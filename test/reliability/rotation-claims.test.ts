// Review of issue 22, items 10 and 11, on the bundle: "rotated" only for an answer that proves
// this subscription's rotation, "recovered" only for a read whose `updated_at` is an instant the
// runner's time zone cannot move, and "the old secret still works" never said as seen when a
// lagging read would show the same.
import { afterEach, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import {
  NAME,
  READ,
  ROTATE,
  SECRET_WRITE,
  errorOf,
  leaksOfAll,
  requestsTo,
  startScenario,
  type ComposioOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

type Fault = NonNullable<NonNullable<ComposioOptions>['fault']>
const stored = (): string | undefined => scenario.github.secret('acme/app', NAME)
const rotateRequests = (): number => requestsTo(scenario.composio, 'POST', ROTATE)
/** A secret of Composio's documented shape that this subscription never had. */
const FOREIGN = randomBytes(32).toString('hex')

/** Only the first rotation request gets `first`; everything else is the fake's own answer. */
const firstRotation =
  (first: ReturnType<Fault>): Fault =>
  ({ method, path, attempt }) =>
    method === 'POST' && ROTATE.test(path) && attempt === 1 ? first : undefined

describe('"rotated" only for the documented answer of this subscription', () => {
  test("a 200 naming another subscription: its secret is never stored; the read finds this one's rotation", async () => {
    const foreign = { status: 200, body: { id: 'ws_other', secret: FOREIGN } }
    scenario = await startScenario({}, { fault: firstRotation({ rotateThen: foreign }) })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.outputs['secret']).not.toBe(FOREIGN)
    expect(result.stdout).toContain("naming another subscription's id")
    expect(result.stdout).toContain("Composio's subscription now holds a new secret")
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
    expect(result.stdout).not.toContain(FOREIGN)
  })

  test('a 202 with a secret, nothing rotated: not stored, no `rotated`, nothing written', async () => {
    scenario = await startScenario(
      {},
      { fault: firstRotation({ status: 202, body: { id: 'ws_123', secret: FOREIGN } }) }
    )
    scenario.composio.expectViolations() // 202 is not among the rotation's documented answers
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(stored()).toBeUndefined()
    expect(result.outputs['rotated']).toBeUndefined()
    expect(errorOf(result)).toContain('answered HTTP 202, not the 200 of a done rotation')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(result.stdout).not.toContain(FOREIGN)
  })
})

describe('"recovered" only when updated_at is an instant', () => {
  test("a lagging read whose updated_at has no offset, on a runner west of UTC: not recovered, this run's own rotation stored", async () => {
    // The read after the lost answer shows a secret never seen, half an hour older than the
    // baseline, written without an offset: read as New York time it would look 4.5 h newer.
    const older = new Date(Date.now() - 30 * 60_000).toISOString().slice(0, -1)
    const lagging = {
      status: 200,
      body: {
        id: 'ws_123',
        webhook_url: 'https://receiver.example.com/hooks/ws_123',
        version: 'V3' as const,
        enabled_events: ['composio.trigger.message'],
        secret: FOREIGN,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: older
      }
    }
    const fault: Fault = request => {
      const { method, path, attempt } = request
      if (method === 'POST' && ROTATE.test(path) && attempt === 1)
        return { rotateThen: { reset: true as const } }
      return READ.test(path) && rotateRequests() === 1 ? lagging : undefined
    }
    scenario = await startScenario({}, { fault })
    scenario.composio.expectViolations() // an updated_at without an offset is not a date-time
    const result = await scenario.run({}, { env: { TZ: 'America/New_York' } })
    expect(result.code).toBe(0)
    expect(rotateRequests()).toBe(2)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(stored()).not.toBe(FOREIGN)
    expect(result.stdout).not.toContain("Composio's subscription now holds a new secret")
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('"recovered" only with a usable updated_at on both reads (else unknown: retried, never stored)', () => {
  const BASE = '2026-12-01T10:00:00Z'
  /** Composio's read, showing the subscription's true current secret with `updated_at` as given. */
  const readDated = (updated_at: string | undefined) => ({
    status: 200,
    body: {
      id: 'ws_123',
      webhook_url: 'https://receiver.example.com/hooks/ws_123',
      version: 'V3' as const,
      enabled_events: ['composio.trigger.message'],
      secret: scenario.composio.currentSecret('ws_123')!,
      created_at: '2026-01-01T00:00:00.000Z',
      ...(updated_at !== undefined && { updated_at })
    }
  })
  test.each([
    ['no updated_at in the read', BASE, undefined, false],
    ['an unparsable updated_at in the read', BASE, 'yesterday', false],
    ['no updated_at in the baseline', undefined, '2026-12-01T10:05:00Z', false],
    ['the read dated the baseline’s second, its secret different', BASE, BASE, false],
    ['Composio’s clock gone backwards', BASE, '2026-12-01T09:59:59Z', false],
    ['a later instant written with another offset', BASE, '2026-12-01T12:00:01+02:00', true]
  ])('the rotation happened, its answer lost; %s', async (_name, baselineAt, readAt, recovered) => {
    const fault: Fault = ({ method, path, attempt }) => {
      if (method === 'POST' && ROTATE.test(path) && attempt === 1)
        return { rotateThen: { reset: true as const } }
      if (!READ.test(path) || rotateRequests() > 1) return undefined
      return readDated(rotateRequests() === 0 ? baselineAt : readAt)
    }
    scenario = await startScenario({}, { fault })
    scenario.composio.expectViolations() // some reads leave out or garble updated_at
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(rotateRequests()).toBe(recovered ? 1 : 2)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.stdout.includes("Composio's subscription now holds a new secret")).toBe(recovered)
  })
})

describe('a read lagging behind every attempt', () => {
  test('shows the old secret each time: nothing stored, and "the old secret still works" is not said as seen', async () => {
    const fault: Fault = ({ method, path }) => {
      if (method === 'POST' && ROTATE.test(path)) return { rotateThen: { reset: true as const } }
      return rotateRequests() > 0 && READ.test(path) ? { readAsOf: 10 } : undefined
    }
    scenario = await startScenario({}, { fault })
    const before = scenario.composio.currentSecret('ws_123')
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(scenario.composio.rotations).toHaveLength(3) // Composio did rotate, three times
    expect(scenario.composio.currentSecret('ws_123')).not.toBe(before)
    expect(stored()).toBeUndefined()
    const error = errorOf(result)
    expect(error).not.toContain('the old secret still works')
    expect(error).toContain('A lagging read looks the same')
    expect(error).toContain('run this action with rotate: false in a few minutes')
  })
})

describe('the read alongside the writes, from a replica behind the baseline', () => {
  test('shows the secret from two rotations ago: a stale read (a warning, success), not "someone rotated during this run"', async () => {
    const fault: Fault = ({ path }) =>
      rotateRequests() > 0 && READ.test(path) ? { readAsOf: 2 } : undefined
    scenario = await startScenario({}, { fault })
    scenario.composio.rotateOutOfBand('ws_123')
    scenario.composio.rotateOutOfBand('ws_123')
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.stdout).toContain('still showed the previous secret, or an older one')
    expect(result.stdout).not.toContain('someone rotated the subscription during this run')
    expect(result.summary).not.toContain('someone rotated')
  })
})

describe('rotate: false from a lagging replica', () => {
  test('stores what the read showed, says "not rotated", and confirms nothing it did not see', async () => {
    scenario = await startScenario(
      {},
      { fault: ({ path }) => (READ.test(path) ? { readAsOf: 1 } : undefined) }
    )
    const lagging = scenario.composio.currentSecret('ws_123')!
    scenario.composio.rotateOutOfBand('ws_123')
    const result = await scenario.run({ rotate: 'false' })
    expect(result.code).toBe(0)
    expect(stored()).toBe(lagging) // the read's secret: no read can tell it is behind
    expect(result.outputs['rotated']).toBe('false')
    expect(rotateRequests()).toBe(0)
    expect(result.stdout).toContain('(not rotated)')
    for (const text of [result.stdout, result.summary]) {
      expect(text).not.toMatch(/confirm/i)
      expect(text).not.toMatch(/✅ rotated/)
    }
  })
})
