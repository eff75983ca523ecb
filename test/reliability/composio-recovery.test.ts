// Issue 15, defects 2 and 3, on the bundle, with Composio as a hostile or lagging server would
// be: a recovery needs a secret from before the rotation to compare with (read once more right
// before rotating when the preflight had none); without one, a read after a lost answer proves
// nothing; a recovered secret is confirmed by a second read; `rotated` is true only when this
// run's rotation is known to have happened; each attempt's outcome is its own, a cancelled one
// included.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { composioError } from '../fakes/composio.js'
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
const unavailable = composioError(503, 'Service_Unavailable', 'Service unavailable')
const stored = (): string | undefined => scenario.github.secret('acme/app', NAME)
const oldSecret = (): string => scenario.composio.secretsHeld('ws_123')[0]!

/** The v3.1 read as Composio describes it, showing `secret` (a lagging replica's, say). */
const readShowing = (secret: string) => ({
  status: 200,
  body: {
    id: 'ws_123',
    webhook_url: 'https://receiver.example.com/hooks/ws_123',
    version: 'V3' as const,
    enabled_events: ['composio.trigger.message'],
    secret,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z'
  }
})

/** Every read before the first rotation request answers 503: no baseline at all. */
function noBaseline(rotation: Fault, afterwards?: Fault): Fault {
  let rotationAsked = false
  return request => {
    if (request.method === 'POST' && ROTATE.test(request.path)) {
      rotationAsked = true
      return rotation(request)
    }
    if (!READ.test(request.path)) return undefined
    return rotationAsked ? afterwards?.(request) : unavailable
  }
}

describe('no secret from before the rotation: a read after a lost answer proves nothing', () => {
  test('(a) preflight and baseline reads 503, every rotation 503 with nothing rotated: "may have been rotated", nothing written, not `rotated`', async () => {
    scenario = await startScenario({}, { fault: noBaseline(() => unavailable) })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.composio, 'GET', READ)).toBe(4) // 3 in preflight, 1 baseline
    expect(errorOf(result)).toContain('may have been rotated')
    expect(errorOf(result)).toContain('run this action again')
    expect(result.stdout).not.toContain('Rotated subscription')
    expect(result.outputs['rotated']).toBeUndefined()
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  })

  test('(a) then the second rotation answers: its own secret stored, one rotation, `rotated`', async () => {
    const rotation: Fault = ({ attempt }) => (attempt === 1 ? unavailable : undefined)
    scenario = await startScenario({}, { fault: noBaseline(rotation) })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(stored()).not.toBe(oldSecret())
    expect(result.outputs['rotated']).toBe('true')
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })

  test('(b) rotated, answered 504, a lagging read shows the old secret: never stored, rotated again', async () => {
    const rotation: Fault = ({ attempt }) =>
      attempt === 1
        ? { rotateThen: composioError(504, 'Gateway_Timeout', 'Gateway timeout') }
        : undefined
    // Between the two rotation requests, reads come from a replica that lags behind.
    const lag: Fault = () =>
      requestsTo(scenario.composio, 'POST', ROTATE) < 2 ? readShowing(oldSecret()) : undefined
    scenario = await startScenario({}, { fault: noBaseline(rotation, lag) })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(2)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(stored()).not.toBe(oldSecret())
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('the preflight read had no full secret, the read right before the rotation had', () => {
  const lostOnce: Fault = ({ method, path, attempt }) =>
    method === 'POST' && ROTATE.test(path) && attempt === 1
      ? { rotateThen: { reset: true as const } }
      : undefined
  const preflightDown: Fault = request =>
    READ.test(request.path) && request.attempt <= 3 ? unavailable : lostOnce(request)

  test('it is the baseline: the lost answer recovered, then confirmed by the read after the writes', async () => {
    scenario = await startScenario({}, { fault: preflightDown })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.outputs['rotated']).toBe('true')
    expect(result.stdout).toContain("The answer was lost, but Composio's subscription now holds")
    // 3 preflight, 1 baseline, 1 after the lost answer, 1 confirming after the writes.
    expect(requestsTo(scenario.composio, 'GET', READ)).toBe(6)
    expect(result.summary).toContain('Composio confirmed the rotation')
  })

  test('the confirming read fails: success, with a warning that the recovered secret may be stale', async () => {
    const fault: Fault = request =>
      READ.test(request.path) && request.attempt >= 6 ? unavailable : preflightDown(request)
    scenario = await startScenario({}, { fault: fault })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.stdout).toMatch(
      /::warning::The secret recovered after the lost answer .*may be stale/
    )
    expect(result.summary).toContain('may be stale')
  })
})

describe('each attempt tells its own story', () => {
  test('attempt 1 rotated nothing (the read shows the old secret); attempt 2 rotated, answered 502 slowly, and the run was cancelled meanwhile: "may have been rotated"', async () => {
    const slow502 = { ...composioError(502, 'Bad_Gateway', 'Bad gateway'), dripMs: 15 }
    const rotation: Fault = ({ method, path, attempt }) =>
      method !== 'POST' || !ROTATE.test(path)
        ? undefined
        : attempt === 1
          ? composioError(502, 'Bad_Gateway', 'Bad gateway')
          : { rotateThen: slow502 }
    scenario = await startScenario({}, { fault: rotation })
    const onSpawn = (child: ChildProcess): void => {
      const poll = setInterval(() => {
        if (requestsTo(scenario.composio, 'POST', ROTATE) < 2) return
        clearInterval(poll)
        child.kill('SIGINT')
      }, 10)
      child.on('exit', () => clearInterval(poll))
    }
    const result = await scenario.run({}, { onSpawn })
    expect(scenario.composio.rotations).toHaveLength(1) // attempt 2 did rotate
    expect(result.code).toBe(1)
    const error = errorOf(result)
    expect(error).toContain('may have been rotated')
    expect(error).not.toContain('did not take effect')
    expect(error).not.toContain('the old secret still works')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('issue 22, item 10: a recovered secret must be newer than the baseline', () => {
  /** Every rotation rotates and loses its answer; every read after one lags `behind` rotations. */
  const lagging =
    (behind: number): Fault =>
    ({ method, path }) => {
      if (method === 'POST' && ROTATE.test(path)) return { rotateThen: { reset: true as const } }
      const rotating = requestsTo(scenario.composio, 'POST', ROTATE) > 0
      return rotating && READ.test(path) ? { readAsOf: behind } : undefined
    }

  test('a lagging replica shows the secret from two rotations ago: nothing stored, no "rotated", exit 1 with the advice', async () => {
    scenario = await startScenario({}, { fault: lagging(2) })
    // Two rotations before this run: the replica has older secrets than the baseline to show.
    scenario.composio.rotateOutOfBand('ws_123')
    scenario.composio.rotateOutOfBand('ws_123')
    const baseline = scenario.composio.currentSecret('ws_123')!
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(stored()).toBeUndefined()
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(result.outputs['rotated']).toBeUndefined()
    expect(result.outputs['secret']).toBeUndefined()
    expect(result.stdout).not.toContain('Rotated subscription')
    expect(result.stdout).not.toContain('The answer was lost, but')
    expect(result.summary).not.toMatch(/✅|rotated and stored/)
    const error = errorOf(result)
    expect(error).toContain('not provably the newest rotation')
    expect(error).toContain('Run this action with rotate: false in a few minutes')
    expect(error).not.toContain('the old secret still works')
    expect(scenario.composio.currentSecret('ws_123')).not.toBe(baseline)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })

  test('a replica one rotation behind, after several lost attempts, shows an earlier attempt’s secret: not stored', async () => {
    scenario = await startScenario({}, { fault: lagging(1) })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(scenario.composio.rotations).toHaveLength(3)
    expect(stored()).toBeUndefined()
    expect(result.outputs['rotated']).toBeUndefined()
    expect(errorOf(result)).toContain('Run this action with rotate: false in a few minutes')
  })

  test('the same read, up to date, after one lost answer: recovered as before', async () => {
    const once: Fault = ({ method, path, attempt }) =>
      method === 'POST' && ROTATE.test(path) && attempt === 1
        ? { rotateThen: { reset: true as const } }
        : undefined
    scenario = await startScenario({}, { fault: once })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(stored()).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.stdout).toContain("The answer was lost, but Composio's subscription now holds")
  })
})
