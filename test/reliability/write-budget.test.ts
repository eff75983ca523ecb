// GitHub accepts about 80 content-creating requests a minute, and the write checks are writes
// too. The writes after the rotation must never be the ones that wait: the rotation waits until
// the budget can take all of them at once. In-process, on a clock that each wait moves forward
// at once, so a minute of budget takes no time.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  NAME,
  PROBE,
  ROTATE,
  SECRET_WRITE,
  startScenario,
  type Scenario
} from '../support/scenario.js'
import { runInProcess } from './in-process.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const stages = (n: number): string[] => Array.from({ length: n }, (_, i) => `stage-${i}`)

async function runWith(n: number, composioLatencyMs = 0) {
  scenario = await startScenario(
    { repositories: { 'acme/app': { environments: stages(n) } } },
    { latencyMs: composioLatencyMs }
  )
  const targets = stages(n).map(stage => `acme/app@${stage}`)
  const result = await runInProcess(scenario, { repository: '', targets: targets.join('\n') })
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
