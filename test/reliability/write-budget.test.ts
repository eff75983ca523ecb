// GitHub accepts about 80 content-creating requests a minute, and the write checks are writes
// too. The writes after the rotation must never be the ones that wait: the rotation waits until
// the budget can take all of them at once, and the probe deletes (and their retries) take only
// the places the writes leave. In-process, on a clock that each wait moves forward at once, so a
// minute of budget takes no time; under faults, on one that skips only idle time
// (test/support/idle-clock.js), so that a write that waited shows it.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  NAME,
  PROBE,
  ROTATE,
  SECRET_WRITE,
  on,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'
import { idleClock, type IdleClock } from '../support/idle-clock.js'
import { runInProcess } from './in-process.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const stages = (n: number): string[] => Array.from({ length: n }, (_, i) => `stage-${i}`)

async function runWith(
  n: number,
  composioLatencyMs = 0,
  { fault, clock }: { fault?: NonNullable<GitHubOptions>['fault']; clock?: IdleClock } = {}
) {
  scenario = await startScenario(
    { repositories: { 'acme/app': { environments: stages(n) } }, ...(fault && { fault }) },
    { latencyMs: composioLatencyMs }
  )
  const targets = stages(n).map(stage => `acme/app@${stage}`)
  const inputs = { repository: '', targets: targets.join('\n') }
  const result = await runInProcess(scenario, inputs, {}, clock && { clock })
  const lines = result.stdout.split('\n')
  const waited = lines.findIndex(line => line.startsWith('Waiting '))
  const rotated = lines.findIndex(line => line.startsWith('Rotated subscription'))
  const secret = scenario.composio.currentSecret('ws_123')!
  for (const target of targets) expect(scenario.github.secret(target, NAME)).toBe(secret)
  for (const target of targets)
    expect(scenario.github.secretEntry(target, `${NAME}_WRITE_CHECK`)).toBeUndefined()
  return { result, lines, waited, rotated }
}

const requests = (method: string, path: RegExp) =>
  scenario.github.requests.filter(r => r.method === method && path.test(r.path))

describe('the write budget', () => {
  test('26 targets: no wait, and the write checks are deleted alongside the rotation', async () => {
    // Composio answers in 300 ms: time enough to see the deletes go out during the rotation.
    const { result, waited } = await runWith(26, 300)
    expect(result.code).toBe(0)
    expect(waited).toBe(-1)
    expect(result.stdout).toContain(
      `Every target accepted a test write (${NAME}_WRITE_CHECK, deleted again while the secret is rotated).`
    )
    expect(result.sleeps.filter(ms => ms >= 1000)).toEqual([])
    const rotate = scenario.composio.requests.find(r => ROTATE.test(r.path))!
    const deletes = requests('DELETE', PROBE)
    expect(deletes).toHaveLength(26)
    // Sent before the rotation's answer: not in the writes' way.
    for (const remove of deletes) expect(remove.startedAt).toBeLessThan(rotate.endedAt!)
  })

  test('40 targets: no wait (40 checks + 40 writes fit in 80); the deletes go behind the writes', async () => {
    const { result, waited } = await runWith(40)
    expect(result.code).toBe(0)
    expect(waited).toBe(-1)
    const lastWrite = Math.max(...requests('PUT', SECRET_WRITE).map(r => r.startedAt))
    const rotate = scenario.composio.requests.find(r => ROTATE.test(r.path))!
    for (const remove of requests('DELETE', PROBE))
      expect(remove.startedAt).toBeGreaterThan(rotate.endedAt!)
    expect(lastWrite).toBeGreaterThan(rotate.endedAt!)
  })

  test('41 targets: the rotation waits about a minute, then all 41 writes go out at once', async () => {
    const { result, lines, waited, rotated } = await runWith(41)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      `Every target accepted a test write (${NAME}_WRITE_CHECK, deleted again as GitHub's write budget leaves room beside the 41 writes of the secret, some up to a minute after them).`
    )
    expect(waited).toBeGreaterThan(-1)
    expect(waited).toBeLessThan(rotated)
    expect(lines[waited]).toMatch(
      /^Waiting (59|60) s before rotating: GitHub accepts about 80 secret writes a minute/
    )
    // The first long wait is the rotation's (the fake clock skips it; the deletes' come after);
    // the writes started within a moment of each other, in real time.
    expect(result.sleeps.find(ms => ms >= 1000)).toBeGreaterThan(59_000)
    const starts = requests('PUT', SECRET_WRITE).map(r => r.startedAt)
    expect(starts).toHaveLength(41)
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1000)
  })

  test('81 targets: a warning that the writes past the 80th start about a minute later', async () => {
    const { result, lines } = await runWith(81)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /::warning::81 targets: GitHub accepts about 80 secret writes a minute, so the last 1 writes after the rotation start about a minute after the others\./
    )
    expect(lines.some(line => line.startsWith('Waiting '))).toBe(true)
  }, 30_000)
})

const badGateway = { status: 502, body: { message: 'Server Error' } }
/** The rotation's answer, as the fake Composio logged it (performance.now()). */
const rotationAnswered = () => scenario.composio.requests.find(r => ROTATE.test(r.path))!.endedAt!

describe('under faults, the writes of the secret never wait behind a write check', () => {
  test('26 targets, the first attempt of each probe DELETE answers 502: every write starts at the answer, the retried deletes wait', async () => {
    const clock = idleClock()
    const fault = on('DELETE', PROBE, ({ attempt }) => (attempt === 1 ? badGateway : undefined))
    const { result } = await runWith(26, 300, { fault, clock })
    expect(result.code).toBe(0)
    const answered = rotationAnswered()
    const writes = requests('PUT', SECRET_WRITE)
    expect(writes).toHaveLength(26)
    // Not a moment of waiting between the answer and the last write's start.
    expect(clock.skippedBetween(answered, Math.max(...writes.map(r => r.startedAt)))).toBe(0)
    // The deletes went out during the rotation; most of their retries had no place left beside
    // the 26 writes, and waited (about a minute) for the write checks to leave GitHub's window.
    const retried = requests('DELETE', PROBE).filter(r => r.attempt === 2)
    expect(retried).toHaveLength(26)
    const lastRetry = Math.max(...retried.map(r => r.startedAt))
    expect(clock.skippedBetween(answered, lastRetry)).toBeGreaterThan(50_000)
  })

  test('80 targets, one write answers 502 at first: its retry does not wait behind the 80 probe deletes', async () => {
    const clock = idleClock()
    const stage7 = new RegExp(`/environments/stage-7/secrets/${NAME}$`)
    const fault = on('PUT', stage7, ({ attempt }) => (attempt === 1 ? badGateway : undefined))
    const { result } = await runWith(80, 0, { fault, clock })
    expect(result.code).toBe(0)
    const answered = rotationAnswered()
    const writes = requests('PUT', SECRET_WRITE)
    expect(writes).toHaveLength(81)
    expect(clock.skippedBetween(answered, Math.max(...writes.map(r => r.startedAt)))).toBe(0)
    const [first, retry] = writes.filter(r => stage7.test(r.path))
    // Its own backoff (0.5 ms in this harness) at most.
    expect(clock.skippedBetween(first!.endedAt!, retry!.startedAt)).toBeLessThan(5)
    // The deletes had no place beside the 80 writes: they went after the retry.
    const deletes = requests('DELETE', PROBE)
    expect(deletes).toHaveLength(80)
    for (const remove of deletes) expect(remove.startedAt).toBeGreaterThan(retry!.startedAt)
  }, 30_000)
})
