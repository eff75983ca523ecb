// The runner's own files can fail too (a full disk on a self-hosted runner, a removed file): after
// the rotation, no failure to set an output or write the job summary may cost the secret. Either
// every target holds it, or the log carries a replay recipe that opens to it.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import { leaks, replayBodies, startScenario, type Scenario } from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const refusePuts = ({ method }: { method: string }) =>
  method === 'PUT' ? { status: 422, body: { message: 'Unprocessable' } } : undefined

/** acme/app holds the rotated secret, or the printed recipe for it opens to it. */
function expectNotLost(result: RunResult): void {
  const secret = scenario.composio.currentSecret('ws_123')!
  expect(scenario.composio.rotations).toHaveLength(1)
  expect(leaks(result, secret)).toEqual([])
  if (scenario.github.secret('acme/app', NAME) === secret) return
  const body = replayBodies(result.stdout).get('acme/app')
  expect(body).toBeDefined()
  expect(scenario.github.open('acme/app', body!.encrypted_value)).toBe(secret)
}

describe('the runner’s files fail after the rotation', () => {
  // FAILING (src/action.ts, not ours to edit): rotate() sets the outputs right after the rotation,
  // and core.setOutput throws when GITHUB_OUTPUT cannot be appended to ("Missing file at path",
  // or ENOSPC on a full disk). The throw escapes before sealing: nothing is written, no recipe is
  // printed, and the error does not even say the subscription was rotated. The secret is lost.
  // Fix: after the rotation, treat output and summary failures as reportable, not fatal: wrap
  // the three io.setOutput calls (and io.writeSummary) in try/catch that warns and makes the run
  // fail at the end, so that the writes and the recipes always happen.
  test.failing('GITHUB_OUTPUT cannot be written: the secret still reaches GitHub', async () => {
    scenario = await startScenario()
    const result = await scenario.run({}, { env: { GITHUB_OUTPUT: '/nonexistent/output' } })
    expectNotLost(result)
  })

  // FAILING (src/action.ts): with a write refused, `await io.writeSummary(…)` runs before the
  // error that carries the replay recipes; when the summary file cannot be written, its error
  // replaces them, and the unwritten target's secret is lost. Fix: as above, catch the summary
  // failure (warn) and throw the recipes' error regardless.
  test.failing(
    'GITHUB_STEP_SUMMARY cannot be written and a PUT is refused: the recipe is still printed',
    async () => {
      scenario = await startScenario({ fault: refusePuts })
      const result = await scenario.run(
        {},
        { env: { GITHUB_STEP_SUMMARY: '/nonexistent/summary' } }
      )
      expect(result.code).toBe(1)
      expectNotLost(result)
    }
  )

  test('GITHUB_STEP_SUMMARY cannot be written, every PUT lands: nothing is lost', async () => {
    scenario = await startScenario()
    const result = await scenario.run({}, { env: { GITHUB_STEP_SUMMARY: '/nonexistent/summary' } })
    expect(scenario.github.secret('acme/app', NAME)).toBe(scenario.composio.currentSecret('ws_123'))
    expectNotLost(result)
  })
})
