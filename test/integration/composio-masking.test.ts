// Issue 15, defect 1, on the bundle: a secret Composio's read shows masked, in Composio's own
// styles (`abcd...`, `xxxx...`, `REDACTED`) or others (`*`, `•`, `…`), is never stored, neither
// by `rotate: false` nor as a secret recovered after a lost answer; secrets of every real shape
// are. The rule itself, case by case: test/unit/composio/subscription.test.ts.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  NAME,
  ROTATE,
  SECRET_WRITE,
  leaksOfAll,
  on,
  requestsTo,
  startScenario,
  type ComposioOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

type ReadSecret = NonNullable<NonNullable<ComposioOptions>['readSecret']>
const COMPOSIO_STYLES: ReadSecret[] = ['first4', 'xxxx', 'redacted']
const OTHER_STYLES: ReadSecret[] = ['masked', 'bullets', 'ellipsis']
/** Issue 22: masks without a common mark, refused by their shape. */
const SHAPELESS: ReadSecret[] = ['hashes', 'zeros', 'dashes', 'hidden']

describe('rotate: false with a masked read: nothing written, a clear error', () => {
  test.each([...COMPOSIO_STYLES, ...OTHER_STYLES, ...SHAPELESS])('%s', async readSecret => {
    scenario = await startScenario({}, { readSecret })
    const result = await scenario.run({ rotate: 'false' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      "Composio did not return the subscription's full secret (it came masked, empty or missing), so storing it without rotating is impossible"
    )
    expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
    expect(scenario.github.secret('acme/app', NAME)).toBeUndefined()
    expect(result.outputs['secret']).toBeUndefined()
  })
})

describe('rotate: false stores a full secret of any shape', () => {
  test.each(['hex', 'base64', 'base64url', 'whsec', 'base64-xXxX'] as const)(
    '%s',
    async secretShape => {
      scenario = await startScenario({}, { secretShape })
      const result = await scenario.run({ rotate: 'false' })
      expect(result.code).toBe(0)
      expect(scenario.github.secret('acme/app', NAME)).toBe(
        scenario.composio.currentSecret('ws_123')
      )
      expect(leaksOfAll(result, scenario.composio)).toEqual([])
    }
  )

  test("Composio's one example shape is the fake's default: 64 lowercase hex digits", async () => {
    scenario = await startScenario()
    expect(scenario.composio.currentSecret('ws_123')).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('a lost answer while the read shows the secret masked', () => {
  test.each([...COMPOSIO_STYLES, ...SHAPELESS])(
    '%s: no recovery from a masked read; the rotation is retried and its own answer stored',
    async readSecret => {
      scenario = await startScenario(
        {},
        {
          readSecret,
          fault: on('POST', ROTATE, ({ attempt }) =>
            attempt === 1 ? { rotateThen: { reset: true as const } } : undefined
          )
        }
      )
      const result = await scenario.run()
      const newest = scenario.composio.currentSecret('ws_123')!
      expect(result.code).toBe(0)
      expect(scenario.composio.rotations).toHaveLength(2)
      expect(scenario.github.secret('acme/app', NAME)).toBe(newest)
      expect(result.outputs['secret']).toBe(newest)
      expect(result.stdout).not.toContain('The answer was lost, but')
      expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(1)
      expect(leaksOfAll(result, scenario.composio)).toEqual([])
    }
  )
})
