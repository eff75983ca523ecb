// The runner's own files can fail too (a full disk on a self-hosted runner, a removed file): after
// the rotation, no failure to set an output or write the job summary may cost the secret. Either
// every target holds it, or the log carries a replay recipe that opens to it.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import {
  SECRET_WRITE,
  leaksOfAll,
  on,
  replayBodies,
  startScenario,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const refusePuts = on('PUT', SECRET_WRITE, { status: 422, body: { message: 'Unprocessable' } })

/** acme/app holds the rotated secret, or the printed recipe for it opens to it. */
function expectNotLost(result: RunResult): void {
  const secret = scenario.composio.currentSecret('ws_123')!
  expect(scenario.composio.rotations).toHaveLength(1)
  expect(leaksOfAll(result, scenario.composio)).toEqual([])
  if (scenario.github.secret('acme/app', NAME) === secret) return
  const body = replayBodies(result.stdout).get('acme/app')
  expect(body).toBeDefined()
  expect(scenario.github.open('acme/app', body!.encrypted_value)).toBe(secret)
}

describe('the runner’s files fail after the rotation', () => {
  // Setting an output throws when GITHUB_OUTPUT cannot be appended to (missing file, full disk).
  // After the rotation that is noted, not fatal: the writes happen, and the run fails at the end.
  test('GITHUB_OUTPUT cannot be written: the secret still reaches GitHub', async () => {
    scenario = await startScenario()
    const result = await scenario.run({}, { env: { GITHUB_OUTPUT: '/nonexistent/output' } })
    expectNotLost(result)
  })

  // A summary that cannot be written must not replace the error that carries the recipes.
  test('GITHUB_STEP_SUMMARY cannot be written and a PUT is refused: the recipe is still printed', async () => {
    scenario = await startScenario({ fault: refusePuts })
    const result = await scenario.run({}, { env: { GITHUB_STEP_SUMMARY: '/nonexistent/summary' } })
    expect(result.code).toBe(1)
    expectNotLost(result)
  })

  test('GITHUB_STEP_SUMMARY cannot be written, every PUT lands: nothing is lost', async () => {
    scenario = await startScenario()
    const result = await scenario.run({}, { env: { GITHUB_STEP_SUMMARY: '/nonexistent/summary' } })
    expect(scenario.github.secret('acme/app', NAME)).toBe(scenario.composio.currentSecret('ws_123'))
    expectNotLost(result)
  })
})
