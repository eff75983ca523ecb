// Issue 15, item 4, on the bundle: Composio's contract as its description and reference pages
// give it. A user API key on the v3.1 read (its description lists project keys only), a scoped
// key without the "Webhooks" permission, and a 429 to the rotation with a bare message and
// Retry-After (nothing was rotated: retried after the wait, within the run's bounds).
import { afterEach, describe, expect, test } from '@jest/globals'
import { composioError } from '../fakes/composio.js'
import {
  NAME,
  READ,
  ROTATE,
  errorOf,
  leaksOfAll,
  on,
  requestsTo,
  startScenario,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

describe('keys', () => {
  test('a user API key refused with 401: the hint says the current description accepts project API keys only; nothing rotated', async () => {
    scenario = await startScenario() // the fake follows the v3.1 description: x-api-key only
    const result = await scenario.run({ 'api-key': '', 'user-api-key': 'uak_fake_user_key' })
    expect(result.code).toBe(1)
    const error = errorOf(result)
    expect(error).toContain('HTTP 401 UserApiKey_Unauthorized')
    expect(error).toContain(
      "Hint: Composio's current API description accepts only project API keys (x-api-key) for webhook subscriptions: give a project API key in 'api-key' instead of 'user-api-key'"
    )
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
  })

  test('a wrong project API key: the hint to check the key', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ 'api-key': 'ak_wrong' })
    expect(errorOf(result)).toContain(
      'HTTP 401 APIKey_InvalidAPIKey: Invalid API key (request_id: req_'
    )
    expect(errorOf(result)).toContain(
      "Hint: check the Composio key: 'api-key' is a project API key"
    )
  })

  test('a scoped key without Read on "Webhooks" (a write-only key): the preflight read fails with the permission hint, nothing rotated', async () => {
    const forbidden = composioError(
      403,
      'APIKey_InsufficientPermissions',
      'Insufficient permissions'
    )
    scenario = await startScenario({}, { fault: on('GET', READ, forbidden) })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    const error = errorOf(result)
    expect(error).toMatch(/^::error::Nothing was rotated: Composio's subscription cannot be read\./)
    expect(error).toContain(
      'a scoped project API key needs Composio\'s "Webhooks" permission, Read for the reads of the subscription and Write for the rotation (a write-only key fails the first read: give it Read and write)'
    )
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
  })

  test('a read-only key: the rotation refused with the same hint, the old secret still works', async () => {
    const forbidden = composioError(
      403,
      'APIKey_InsufficientPermissions',
      'Insufficient permissions'
    )
    scenario = await startScenario({}, { fault: on('POST', ROTATE, forbidden) })
    const result = await scenario.run()
    const error = errorOf(result)
    expect(error).toContain('"Webhooks" permission')
    expect(error).toContain('Nothing was rotated and nothing written: the old secret still works.')
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(1)
  })
})

describe('a 429 to the rotation: a bare {"message"} with Retry-After', () => {
  const limited = (retryAfter: string) =>
    on('POST', ROTATE, ({ attempt }) =>
      attempt === 1
        ? {
            status: 429,
            body: { message: 'Rate limit exceeded' },
            headers: { 'retry-after': retryAfter }
          }
        : undefined
    )

  test('Retry-After: 1 → retried no sooner than 1 s later, one rotation, stored', async () => {
    scenario = await startScenario({}, { fault: limited('1') })
    const result = await scenario.run()
    expect(result.code).toBe(0)
    const [first, second] = scenario.composio.requests.filter(r => ROTATE.test(r.path))
    expect(second!.startedAt - first!.endedAt!).toBeGreaterThanOrEqual(1000)
    expect(result.stdout).toMatch(
      /::warning::.*rotate_secret.*HTTP 429: Rate limit exceeded; retrying in 1 s/
    )
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(scenario.github.secret('acme/app', NAME)).toBe(scenario.composio.currentSecret('ws_123'))
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })

  test('Retry-After beyond the 30 s bound → not waited for: nothing rotated, the old secret still works', async () => {
    scenario = await startScenario({}, { fault: limited('31') })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(1)
    expect(errorOf(result)).toContain(
      'HTTP 429: Rate limit exceeded\nNothing was rotated and nothing written: the old secret still works.'
    )
    expect(result.wallMs).toBeLessThan(30_000)
  })
})
