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
  NAME,
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

describe('the debug lines: one per HTTP request', () => {
  /** The `::debug::` lines of the request log, without their timing. */
  const requestLines = (result: RunResult): string[] =>
    result.stdout
      .split('\n')
      .filter(line => line.startsWith('::debug::HTTP '))
      .map(line => line.replace(/ (in|after) \d+ ms$/, ''))

  test('say method, URL path and status, exactly as the fakes saw them, and nothing more', async () => {
    scenario = await startScenario(
      {
        repositories: { 'acme/app': { environments: ['production'] } },
        organizations: {
          // An existing organization secret whose selection is read page by page: a query.
          acme: {
            repositories: ['app'],
            secrets: { [NAME]: { visibility: 'selected', selectedRepositories: ['app'] } }
          }
        }
      },
      {
        fault: on('POST', ROTATE, ({ attempt }) =>
          attempt === 1 ? composioError(500, 'Internal_ServerError', 'boom') : undefined
        )
      }
    )
    const result = await scenario.run({ targets: 'acme/app@production\norg:acme' }, DEBUG)
    expect(result.code).toBe(0)

    const seen = [
      ...scenario.composio.requests.map(r => ({ ...r, origin: scenario.composio.url })),
      ...scenario.github.requests.map(r => ({ ...r, origin: scenario.github.url }))
    ].map(r => `::debug::HTTP ${r.method} ${r.origin}${r.path}: ${r.status}`)
    expect(requestLines(result).sort()).toEqual(seen.sort())
    // Among them the retried rotation, and a read whose query is not shown.
    const rotate = `::debug::HTTP POST ${scenario.composio.url}/api/v3/webhook_subscriptions/ws_123/rotate_secret`
    expect(requestLines(result).filter(line => line.startsWith(rotate))).toEqual([
      `${rotate}: 500`,
      `${rotate}: 200`
    ])
    expect(scenario.github.requests.some(r => r.query['per_page'] === '100')).toBe(true)
    expect(result.stdout).toContain(`/orgs/acme/actions/secrets/${NAME}/repositories: 200 in `)
    for (const line of result.stdout.split('\n').filter(l => l.startsWith('::debug::HTTP '))) {
      expect(line).toMatch(
        /^::debug::HTTP [A-Z]+ http:\/\/127\.0\.0\.1:\d+\/[^?#{}"\s]*: \d{3} in \d+ ms$/
      )
    }

    expect(leaksOfAll(result, scenario.composio)).toEqual([])
    expectNoCredentials(result)
    for (const value of sealedValues()) expect(visible(result)).not.toContain(value)
  })

  test('are not printed without step debug logging', async () => {
    scenario = await startScenario()
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(scenario.github.requests.length).toBeGreaterThan(0)
    expect(result.stdout).not.toContain('::debug::')
  })
})
