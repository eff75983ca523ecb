// Composio's v3.1 read of the subscription, on the bundle: a preflight that checks the key and
// the subscription, a rotation confirmed, a lost answer recovered, and storing without rotating.
// The leak scan covers every secret the fake ever held, the one before the rotation included.
import { afterEach, describe, expect, test } from '@jest/globals'
import { composioError } from '../fakes/composio.js'
import {
  NAME,
  PROBE,
  READ,
  ROTATE,
  SECRET_WRITE,
  errorOf,
  leaksOfAll,
  on,
  replayBodies,
  requestsTo,
  sha256Prefix,
  startScenario,
  type ComposioOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const TWO = { repository: '', targets: 'acme/app\nacme/app@production' }
const before = (): string => scenario.composio.secretsHeld('ws_123')[0]!
const reads = (): number => requestsTo(scenario.composio, 'GET', READ)
const rotations = (): number => requestsTo(scenario.composio, 'POST', ROTATE)

function expectStoredEverywhere(secret: string): void {
  for (const target of ['acme/app', 'acme/app@production'])
    expect(scenario.github.secret(target, NAME)).toBe(secret)
}

async function start(composio: ComposioOptions = {}): Promise<Scenario> {
  return startScenario({ repositories: { 'acme/app': { environments: ['production'] } } }, composio)
}

describe('the preflight read', () => {
  test.each([
    [401, 'APIKey_InvalidAPIKey', 'Invalid API key'],
    [403, 'APIKey_InsufficientPermissions', 'Insufficient permissions'],
    [404, 'WebhookSubscription_NotFound', 'Webhook subscription ws_123 not found']
  ])(
    '%s fails the run before any rotation, quoting Composio, listed with the target problems',
    async (status, slug, message) => {
      scenario = await start({ fault: on('GET', READ, composioError(status, slug, message)) })
      const result = await scenario.run({ ...TWO, targets: 'acme/app\nacme/app@nope' })
      const error = errorOf(result)
      expect(result.code).toBe(1)
      expect(rotations()).toBe(0)
      expect(reads()).toBe(1) // not retried
      expect(error).toMatch(/^::error::Nothing was rotated: 1 of 2 targets cannot be written\./)
      expect(error).toContain(
        `Composio read of subscription 'ws_123' failed: HTTP ${status} ${slug}: ${message}`
      )
      expect(error).toMatch(/acme\/app@nope: could not read the public key: HTTP 404/)
      expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
    }
  )

  test('a dry run checks the Composio key too', async () => {
    scenario = await start()
    const result = await scenario.run({ 'dry-run': 'true', 'api-key': 'ak_wrong' })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /Composio's subscription cannot be read.*HTTP 401 APIKey_InvalidAPIKey/s
    )
  })

  test.each([
    ['a 500', composioError(500, 'Internal_ServerError', 'boom')],
    ['no answer (timeout)', { hang: true as const }]
  ])(
    '%s does not stop a rotation: a warning, the rotation, the read after it still tried',
    async (_, fault) => {
      scenario = await start({
        fault: on('GET', READ, ({ attempt }) => (attempt <= 3 ? fault : undefined))
      })
      const result = await scenario.run({ ...TWO, 'timeout-seconds': '1' })
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(
        /::warning::Composio read of subscription 'ws_123' failed: .*Going on/
      )
      expect(rotations()).toBe(1)
      // Three in preflight, one right before the rotation (its baseline), one after it.
      expect(reads()).toBe(5)
      expect(result.summary).toContain('Composio confirmed the rotation')
      expectStoredEverywhere(scenario.composio.currentSecret('ws_123')!)
      expect(leaksOfAll(result, scenario.composio)).toEqual([])
    },
    20_000
  )

  test('a 500 stops a run with rotate: false: nothing written', async () => {
    scenario = await start({
      fault: on('GET', READ, composioError(500, 'Internal_ServerError', 'boom'))
    })
    const result = await scenario.run({ ...TWO, rotate: 'false' })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /^::error::Nothing was written: Composio's subscription cannot be read\./
    )
    expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
    expect(rotations()).toBe(0)
  })
})

describe('after a successful rotation, Composio is read again', () => {
  test('the same secret: confirmed, in one read alongside the writes (2 reads in all)', async () => {
    scenario = await start()
    const result = await scenario.run(TWO)
    expect(result.code).toBe(0)
    expect(reads()).toBe(2)
    expect(rotations()).toBe(1)
    const [, second] = scenario.composio.requests.filter(r => READ.test(r.path))
    const firstWrite = scenario.github.requests.find(
      r => r.method === 'PUT' && SECRET_WRITE.test(r.path)
    )!
    // In parallel with the writes: sent before the first write was answered.
    expect(second!.startedAt).toBeLessThan(firstWrite.endedAt!)
    expect(result.summary).toContain('Composio confirmed the rotation')
  })

  test('masked: success, and the summary says it could not be confirmed', async () => {
    scenario = await start({ readSecret: 'masked' })
    const result = await scenario.run(TWO)
    expect(result.code).toBe(0)
    expect(result.summary).toContain('The rotation could not be confirmed')
    expect(result.stdout).not.toContain('whsec_****')
    expectStoredEverywhere(scenario.composio.currentSecret('ws_123')!)
  })

  test('unavailable: success, not confirmed', async () => {
    scenario = await start({
      fault: on('GET', READ, ({ attempt }) =>
        attempt >= 2 ? composioError(503, 'Service_Unavailable', 'down') : undefined
      )
    })
    const result = await scenario.run(TWO)
    expect(result.code).toBe(0)
    expect(result.summary).toContain('The rotation could not be confirmed')
    expect(result.stdout).toMatch(/::warning::Could not read the subscription back/)
  })

  test('the secret from before the rotation (a stale read): a warning, success', async () => {
    scenario = await start({
      fault: on('GET', READ, ({ attempt }) =>
        attempt === 2
          ? {
              status: 200,
              body: {
                id: 'ws_123',
                webhook_url: 'https://x',
                version: 'V3',
                enabled_events: [],
                secret: before(),
                created_at: '',
                updated_at: ''
              }
            }
          : undefined
      )
    })
    const result = await scenario.run(TWO)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /::warning::Composio's read after the rotation still showed the previous secret, or an older one/
    )
    expectStoredEverywhere(scenario.composio.currentSecret('ws_123')!)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })

  test('a third secret (someone rotated around this run): every target written, then the run fails, saying run again with rotate: false', async () => {
    scenario = await start({ fault: on('POST', ROTATE, { rotateAgainAfterAnswer: true as const }) })
    const result = await scenario.run(TWO)
    const [, rotated, third] = scenario.composio.secretsHeld('ws_123')
    expect(third).toBe(scenario.composio.currentSecret('ws_123'))
    expect(result.code).toBe(1)
    expectStoredEverywhere(rotated!)
    const error = errorOf(result)
    expect(error).toContain('someone rotated the subscription during this run')
    expect(error).toContain('rotate: false')
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('the rotation happened but its answer was lost', () => {
  test.each([
    ['a 500 after rotating', { rotateThen: composioError(500, 'Internal_ServerError', 'boom') }],
    ['the connection cut', { rotateThen: { reset: true as const } }],
    ['no answer within the timeout', { rotateThen: { hang: true as const } }],
    ['a 200 without a secret', { rotateThen: { status: 200, body: { id: 'ws_123' } } }]
  ])(
    '%s: the read finds a new secret, stored everywhere, not rotated again, exit 0',
    async (_, fault) => {
      scenario = await start({ fault: on('POST', ROTATE, fault) })
      scenario.composio.expectViolations() // a 200 without a secret breaks the description
      const result = await scenario.run({ ...TWO, 'timeout-seconds': '1' })
      const secret = scenario.composio.currentSecret('ws_123')!
      expect(result.code).toBe(0)
      expect(scenario.composio.rotations).toHaveLength(1)
      expect(rotations()).toBe(1)
      expectStoredEverywhere(secret)
      expect(result.stdout).toMatch(
        /::warning::.*The answer was lost, but Composio's subscription now holds a new secret/
      )
      expect(result.outputs['secret']).toBe(secret)
      expect(result.outputs['fingerprint']).toBe(sha256Prefix(secret))
      expect(result.outputs['rotated']).toBe('true')
      expect(result.outputs['rotated-at']).toBeDefined()
      expect(result.summary).toContain("The rotation's answer was lost")
      expect(leaksOfAll(result, scenario.composio)).toEqual([])
    }
  )

  test('the read still shows the old secret: the rotation is retried, and a success stored', async () => {
    scenario = await start({
      fault: on('POST', ROTATE, ({ attempt }) =>
        attempt === 1 ? composioError(502, 'Bad_Gateway', 'upstream') : undefined
      )
    })
    const result = await scenario.run(TWO)
    expect(result.code).toBe(0)
    expect(rotations()).toBe(2)
    expect(scenario.composio.rotations).toHaveLength(1)
    expectStoredEverywhere(scenario.composio.currentSecret('ws_123')!)
  })

  test('the read still shows the old secret every time: "did not take effect", nothing written, the old secret works', async () => {
    scenario = await start({
      fault: on('POST', ROTATE, composioError(500, 'Internal_ServerError', 'boom'))
    })
    const result = await scenario.run(TWO)
    const error = errorOf(result)
    expect(result.code).toBe(1)
    expect(rotations()).toBe(3)
    expect(scenario.composio.currentSecret('ws_123')).toBe(before())
    expect(error).toContain('The rotation did not take effect')
    expect(error).toContain('nothing written; the old secret should still work. A lagging read')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  })

  test('the read is masked: as before the read-back, "may have been rotated", nothing written', async () => {
    scenario = await start({
      readSecret: 'masked',
      fault: on('POST', ROTATE, { rotateThen: { reset: true as const } })
    })
    const result = await scenario.run(TWO)
    const error = errorOf(result)
    expect(result.code).toBe(1)
    expect(error).toContain('may have been rotated')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('rotate: false', () => {
  test('stores the current secret in every target without rotating, with outputs and summary', async () => {
    scenario = await start()
    const current = scenario.composio.currentSecret('ws_123')!
    const result = await scenario.run({ ...TWO, rotate: 'false' })
    expect(result.code).toBe(0)
    expect(rotations()).toBe(0)
    expect(reads()).toBe(1)
    expectStoredEverywhere(current)
    // Nothing irreversible to protect: no write check.
    expect(requestsTo(scenario.github, 'PUT', PROBE)).toBe(0)
    expect(result.outputs['secret']).toBe(current)
    expect(result.outputs['fingerprint']).toBe(sha256Prefix(current))
    expect(result.outputs['rotated']).toBe('false')
    expect(result.outputs['rotated-at']).toBeUndefined()
    expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app', 'acme/app@production'])
    expect(result.summary).toContain('Composio webhook secret stored (not rotated)')
    expect(result.stdout).toContain('Read the current secret of subscription ws_123 (not rotated)')
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })

  test('a masked secret: a clear error, nothing written', async () => {
    scenario = await start({ readSecret: 'masked' })
    const result = await scenario.run({ ...TWO, rotate: 'false' })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain(
      "Composio did not return the subscription's full secret (it came masked, empty or missing), so storing it without rotating is impossible"
    )
    expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
  })

  // It was read: the secret came back masked. Never "cannot be read".
  test('with dry-run and a masked secret: says the read worked and the secret came masked', async () => {
    scenario = await start({ readSecret: 'masked' })
    const result = await scenario.run({ ...TWO, rotate: 'false', 'dry-run': 'true' })
    expect(result.code).toBe(1)
    const headline =
      "Nothing was written: Composio's subscription was read, but its secret came back masked"
    expect(errorOf(result)).toMatch(new RegExp(`^::error::${headline}\\.`))
    expect(result.summary).toMatch(new RegExp(`^<h2>❌ ${headline}</h2>`))
    expect(`${result.stdout}\n${result.summary}`).not.toContain('cannot be read')
    expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
  })

  test('with dry-run: checks everything (the write check included) and writes nothing', async () => {
    scenario = await start()
    const result = await scenario.run({ ...TWO, rotate: 'false', 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(rotations()).toBe(0)
    expect(requestsTo(scenario.github, 'PUT', PROBE)).toBe(2)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(result.summary).toContain('without rotating')
    expect(result.outputs['secret']).toBeUndefined()
  })

  test('repairs a target after a partial failure: the recipe also names the simpler repair', async () => {
    const production = /\/environments\/production\/secrets\/COMPOSIO_WEBHOOK_SECRET$/
    scenario = await startScenario({
      repositories: { 'acme/app': { environments: ['production'] } },
      fault: on('PUT', production, ({ attempt }) =>
        attempt === 1 ? { status: 422, body: { message: 'Unprocessable' } } : undefined
      )
    })
    const failed = await scenario.run(TWO)
    expect(failed.code).toBe(1)
    expect(errorOf(failed)).toContain('run this action again with rotate: false')
    expect(replayBodies(failed.stdout).has('acme/app@production')).toBe(true)
    const repaired = await scenario.run({ ...TWO, rotate: 'false' })
    expect(repaired.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(1)
    expectStoredEverywhere(scenario.composio.currentSecret('ws_123')!)
  })
})
