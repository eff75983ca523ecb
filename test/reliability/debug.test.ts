// Step debug logging (ACTIONS_STEP_DEBUG, RUNNER_DEBUG) may say more, but never a credential, a
// header, the secret in any encoding, or a sealed value outside the replay recipe.
import { afterEach, describe, expect, test } from '@jest/globals'
import { composioError } from '../fakes/composio.js'
import type { RunResult } from '../fakes/runner.js'
import {
  API_KEY,
  ROTATE,
  SECRET_WRITE,
  leaksOfAll,
  on,
  replayBodies,
  startScenario,
  TOKEN,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const DEBUG = { env: { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' } }

/** Everything a reader of the log or the summary could see, minus the lines the runner masks with. */
function visible(result: RunResult): string {
  const printed = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  return `${printed}\n${result.summary}`
}

/** The sealed values the run sent to GitHub. */
function sealedValues(): string[] {
  return scenario.github.requests
    .filter(r => r.method === 'PUT' && SECRET_WRITE.test(r.path))
    .map(r => (r.body as { encrypted_value: string }).encrypted_value)
}

function expectNoCredentials(result: RunResult): void {
  const text = visible(result)
  expect(text).not.toContain(TOKEN)
  expect(text).not.toContain(API_KEY)
  expect(text).not.toMatch(/x-api-key\s*["']?\s*[:=]/i)
  expect(text).not.toMatch(/authorization\s*["']?\s*[:=]\s*["']?(token|bearer) (?!\$GITHUB_TOKEN)/i)
  // Both credentials were masked, each on its own line, before anything else was printed.
  const lines = result.stdout.split('\n')
  expect(lines.slice(0, 2).sort()).toEqual(
    [`::add-mask::${API_KEY}`, `::add-mask::${TOKEN}`].sort()
  )
}

describe('with step debug logging on', () => {
  test('a successful run (after a Composio 500) prints no credential, header, secret or sealed value', async () => {
    scenario = await startScenario(
      {},
      {
        fault: on('POST', ROTATE, ({ attempt }) =>
          attempt === 1 ? composioError(500, 'Internal_ServerError', 'boom') : undefined
        )
      }
    )
    const result = await scenario.run({ environment: 'production' }, DEBUG)
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(result.code).toBe(0)
    expect(scenario.github.secret('acme/app@production', 'COMPOSIO_WEBHOOK_SECRET')).toBe(secret)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
    expectNoCredentials(result)
    const sealed = sealedValues()
    expect(sealed).toHaveLength(1)
    for (const value of sealed) expect(visible(result)).not.toContain(value)
  })

  test('a failed write prints the sealed value only inside its replay recipe', async () => {
    scenario = await startScenario({
      fault: on('PUT', SECRET_WRITE, { status: 422, body: { message: 'Unprocessable' } })
    })
    const result = await scenario.run({}, DEBUG)
    expect(result.code).toBe(1)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
    expectNoCredentials(result)
    const [sealed] = sealedValues()
    expect(replayBodies(result.stdout).get('acme/app')!.encrypted_value).toBe(sealed)
    // Once in the `::error::` recipe, once in the summary's; nowhere else.
    const withoutRecipes = visible(result)
      .replace(/-d '\{[^\n]*?\}'/g, '')
      .replace(/-d '\{[^\n]*?\}'/g, '')
    expect(withoutRecipes).not.toContain(sealed!)
    expect(visible(result).split(sealed!).length - 1).toBe(2)
  })
})
