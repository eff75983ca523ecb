// The bundle, as the runner runs it, with the write checks' traffic under faults: the writes of
// the secret go out as soon as the rotation answers, whatever the probe deletes and their retries
// do. Runs that need real minutes (80 targets) are in write-budget.test.ts, in-process.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import {
  NAME,
  PROBE,
  ROTATE,
  SECRET_WRITE,
  on,
  startScenario,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const STAGES = Array.from({ length: 26 }, (_, i) => `stage-${i}`)
const ROTATION_MS = 1000

const requests = (method: string, path: RegExp) =>
  scenario.github.requests.filter(r => r.method === method && path.test(r.path))

describe('26 targets, the first attempt of each probe DELETE answers 502, a rotation of 1 s', () => {
  test('every write of the secret starts within a round trip of the answer (the retried deletes wait instead)', async () => {
    scenario = await startScenario(
      {
        repositories: { 'acme/app': { environments: STAGES } },
        fault: on('DELETE', PROBE, ({ attempt }) =>
          attempt === 1 ? { status: 502, body: { message: 'Server Error' } } : undefined
        )
      },
      { latencyMs: ROTATION_MS }
    )
    // The retried deletes wait about a minute for GitHub's write budget: the run is stopped once
    // every write was answered, or 10 s after the rotation's answer (today's main: 24 writes
    // still queued behind the retried deletes then).
    const onSpawn = (child: ChildProcess): void => {
      const poll = setInterval(() => {
        const answered = scenario.composio.requests.find(r => ROTATE.test(r.path))?.endedAt
        const written = requests('PUT', SECRET_WRITE).filter(r => r.status !== undefined)
        const late = answered !== undefined && performance.now() - answered > 10_000
        if (written.length < STAGES.length && !late) return
        clearInterval(poll)
        child.kill('SIGKILL')
      }, 20)
      child.on('exit', () => clearInterval(poll))
    }
    const targets = STAGES.map(stage => `acme/app@${stage}`).join('\n')
    await scenario.run({ repository: '', targets }, { onSpawn })
    const answered = scenario.composio.requests.find(r => ROTATE.test(r.path))!.endedAt!
    const writes = requests('PUT', SECRET_WRITE)
    expect(writes).toHaveLength(STAGES.length)
    expect(Math.max(...writes.map(r => r.startedAt)) - answered).toBeLessThan(ROTATION_MS)
    const secret = scenario.composio.currentSecret('ws_123')!
    for (const stage of STAGES)
      expect(scenario.github.secret(`acme/app@${stage}`, NAME)).toBe(secret)
    // The deletes went out during the rotation; their retries yielded to the writes.
    expect(requests('DELETE', PROBE).filter(r => r.attempt === 1)).toHaveLength(STAGES.length)
  }, 30_000)
})
