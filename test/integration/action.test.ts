// The bundled action, run as the runner runs it, against the local fakes with real crypto.
import { afterEach, describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { composioError } from '../fakes/composio.js'
import { NODE24 } from '../fakes/runner.js'
import {
  NAME,
  PROBE,
  READ,
  ROTATE,
  SECRET_WRITE,
  leaks,
  leaksOfAll,
  on,
  replayBodies,
  requestsTo,
  row,
  sha256Prefix,
  startScenario,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const PUBLIC_KEY = /\/public-key$/
const requestAt = (
  fake: Pick<Scenario['github'] | Scenario['composio'], 'requests'>,
  method: string,
  path: RegExp
) => fake.requests.find(r => r.method === method && path.test(r.path))!

describe('a successful rotation', () => {
  const nodes = [
    ['machine Node', process.execPath],
    ['Node 24', NODE24]
  ] as const
  test.each(nodes)(
    'on %s: preflight, write check, rotate once, store a value GitHub opens to the secret',
    async (_, node) => {
      expect(existsSync(node)).toBe(true)
      scenario = await startScenario()
      const before = scenario.composio.currentSecret('ws_123')!
      const result = await scenario.run({}, { node })
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)

      const secret = scenario.composio.currentSecret('ws_123')!
      expect(secret).not.toBe(before)
      expect(scenario.composio.rotations).toHaveLength(1)
      expect(scenario.github.secret('acme/app', NAME)).toBe(secret)
      // The probe proved the write and is gone.
      expect(scenario.github.secretEntry('acme/app', `${NAME}_WRITE_CHECK`)).toBeUndefined()
      const sent = scenario.github.requests.map(r => `${r.method} ${r.path}`)
      expect(sent.sort()).toEqual(
        [
          'GET /repos/acme/app/actions/secrets/public-key',
          `PUT /repos/acme/app/actions/secrets/${NAME}_WRITE_CHECK`,
          `PUT /repos/acme/app/actions/secrets/${NAME}`,
          `DELETE /repos/acme/app/actions/secrets/${NAME}_WRITE_CHECK`
        ].sort()
      )
      // Composio: the read in preflight, one rotation, the read that confirms it.
      expect(scenario.composio.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        'GET /api/v3.1/webhook_subscriptions/ws_123',
        'POST /api/v3/webhook_subscriptions/ws_123/rotate_secret',
        'GET /api/v3.1/webhook_subscriptions/ws_123'
      ])
      const rotate = requestAt(scenario.composio, 'POST', ROTATE)
      expect(rotate.headers['x-api-key']).toBe('ak_fake_project_key')
      expect(rotate.headers['x-user-api-key']).toBeUndefined()

      expect(result.outputs['secret']).toBe(secret)
      expect(result.outputs['fingerprint']).toBe(sha256Prefix(secret))
      expect(result.outputs['rotated']).toBe('true')
      expect(new Date(result.outputs['rotated-at']!).toISOString()).toBe(
        result.outputs['rotated-at']
      )
      expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app'])
      expect(result.summary).toMatch(
        /^<h2>✅ Composio webhook secret rotated and stored in 1 target<\/h2>/
      )
      expect(result.summary).toContain(`fingerprint <code>${sha256Prefix(secret)}</code>`)
      expect(result.summary).toContain(row('✅ created', 'acme/app'))
      expect(result.summary).toContain('Composio confirmed the rotation')
      // Masked on the line after parsing, before anything else is printed about it.
      const lines = result.stdout.split('\n')
      const mask = lines.indexOf(`::add-mask::${secret}`)
      expect(mask).toBeGreaterThan(-1)
      expect(lines[mask + 1]).toMatch(/^Rotated subscription ws_123/)
      // Neither the new secret nor the one before it is printed anywhere.
      expect(leaksOfAll(result, scenario.composio)).toEqual([])
    }
  )

  test('in time: key read, then the write check, then the rotation, then the write', async () => {
    scenario = await startScenario()
    await scenario.run()
    const keyRead = requestAt(scenario.github, 'GET', PUBLIC_KEY)
    const probe = requestAt(scenario.github, 'PUT', PROBE)
    const rotate = requestAt(scenario.composio, 'POST', ROTATE)
    const put = requestAt(scenario.github, 'PUT', SECRET_WRITE)
    // Both fakes log performance.now() of their own (this) process.
    expect(keyRead.endedAt!).toBeLessThanOrEqual(probe.startedAt)
    expect(probe.endedAt!).toBeLessThanOrEqual(rotate.startedAt)
    expect(rotate.endedAt!).toBeLessThanOrEqual(put.startedAt)
  })

  // The v3.1 description lists project keys only for the read; the older v3 reference, and this
  // fake when told so, accept a user key too.
  test('an environment secret, with a user API key, updating an existing value', async () => {
    scenario = await startScenario({}, { userKeyOnV31: true })
    const inputs = { environment: 'production', 'api-key': '', 'user-api-key': 'uak_fake_user_key' }
    const first = await scenario.run(inputs)
    const second = await scenario.run(inputs)
    expect([first.code, second.code]).toEqual([0, 0])
    for (const request of scenario.composio.requests) {
      expect(request.headers['x-user-api-key']).toBe('uak_fake_user_key')
      expect(request.headers['x-api-key']).toBeUndefined()
    }
    expect(scenario.github.secret('acme/app@production', 'COMPOSIO_WEBHOOK_SECRET')).toBe(
      scenario.composio.currentSecret('ws_123')
    )
    expect(scenario.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBeUndefined()
    expect(second.summary).toContain(row('✅ updated', 'acme/app@production'))
    expect(JSON.parse(second.outputs['targets']!)).toEqual(['acme/app@production'])
  })

  test('dry-run checks every target, with a write, reads Composio, and rotates and stores nothing', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.composio, 'GET', READ)).toBe(1)
    expect(requestsTo(scenario.github, 'GET', PUBLIC_KEY)).toBe(1)
    expect(requestsTo(scenario.github, 'PUT', PROBE)).toBe(1)
    expect(requestsTo(scenario.github, 'DELETE', PROBE)).toBe(1)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(scenario.github.secretEntry('acme/app', `${NAME}_WRITE_CHECK`)).toBeUndefined()
    expect(result.stdout).toContain('Dry run')
    expect(result.summary).toMatch(/^<h2>✅ Dry run: every target accepted a test write/)
    // The subscription, so users see which receiver the secret belongs to.
    expect(result.summary).toContain('https://receiver.example.com/hooks/ws_123')
    expect(result.summary).toContain('composio.trigger.message')
    expect(result.outputs['secret']).toBeUndefined()
    expect(result.outputs['rotated']).toBe('false')
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('bad input fails before any request', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['missing subscription-id', { 'subscription-id': '' }, /Input 'subscription-id'/],
    ['missing github-token', { 'github-token': '' }, /Input 'github-token'.*forks/],
    ['no Composio key', { 'api-key': '' }, /Input 'api-key'.*exactly one/],
    ['both Composio keys', { 'user-api-key': 'uak_fake_user_key' }, /Input 'api-key'.*exactly one/],
    ['bad secret name', { 'secret-name': 'GITHUB_X' }, /Input 'secret-name'.*GITHUB_/],
    ['bad repository', { repository: 'not-a-repo' }, /Input 'repository'.*owner\/name/],
    [
      'plain http Composio',
      { 'composio-base-url': 'http://composio.example.com' },
      /Input 'composio-base-url'.*https/
    ],
    ['bad dry-run', { 'dry-run': 'yes' }, /Input 'dry-run'/],
    ['bad rotate', { rotate: 'no' }, /Input 'rotate'/],
    [
      'a subscription-id that would start a workflow command',
      { 'subscription-id': 'ws_1\n::stop-commands::pwned' },
      /Input 'subscription-id': must be a Composio webhook subscription ID/
    ],
    ['bad timeout', { 'timeout-seconds': '0' }, /Input 'timeout-seconds'/]
  ]
  test.each(cases)('%s', async (_, inputs, message) => {
    scenario = await startScenario()
    const result = await scenario.run(inputs)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`::error::${message.source}`))
    expect(scenario.composio.requests).toHaveLength(0)
    expect(scenario.github.requests).toHaveLength(0)
    // Credentials are masked even when another input is bad, and appear nowhere else.
    const lines = result.stdout.split('\n')
    if (inputs['api-key'] !== '') expect(lines).toContain('::add-mask::ak_fake_project_key')
    const shown = lines.filter(line => !line.startsWith('::add-mask::')).join('\n')
    expect(shown).not.toContain('ak_fake_project_key')
    expect(shown).not.toContain('ghs_fake_token')
    // Nothing an input said starts a line of the log.
    expect(lines.some(line => line.startsWith('::stop-commands::'))).toBe(false)
  })
})

describe('a target that cannot be written stops the run before the rotation', () => {
  test('403 on the public key: hint about GITHUB_TOKEN, nothing rotated', async () => {
    scenario = await startScenario({
      fault: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } })
    })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /Nothing was rotated.*acme\/app.*HTTP 403: Resource not accessible by integration.*GITHUB_TOKEN/
    )
    expect(result.stdout).toContain("'Secrets: Read and write'")
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
  })

  test('404 on an environment that does not exist: nothing rotated', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ environment: 'nope' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/acme\/app@nope.*HTTP 404.*environment does not exist/)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
  })
})

describe('Composio failures', () => {
  test('401 (on the preflight read): message, slug, request_id and suggested_fix quoted; not retried; nothing rotated or written', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ 'api-key': 'ak_wrong' })
    expect(result.code).toBe(1)
    const request = scenario.composio.requests[0]!
    expect(scenario.composio.requests).toHaveLength(1)
    expect(request.method).toBe('GET')
    expect(request.status).toBe(401)
    expect(result.stdout).toMatch(
      /HTTP 401 APIKey_InvalidAPIKey: Invalid API key \(request_id: req_[0-9a-f]+\)\. Suggested fix: /
    )
    expect(result.stdout).toContain('Nothing was rotated')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  })

  test('404 subscription: not retried', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ 'subscription-id': 'ws_missing' })
    expect(result.code).toBe(1)
    expect(scenario.composio.requests).toHaveLength(1)
    expect(result.stdout).toContain('WebhookSubscription_NotFound')
  })

  test('500, 500, 200: retried to success, rotated by the third attempt', async () => {
    scenario = await startScenario(
      {},
      {
        fault: on('POST', ROTATE, ({ attempt }) =>
          attempt <= 2 ? composioError(500, 'Internal_ServerError', 'boom') : undefined
        )
      }
    )
    const result = await scenario.run()
    expect(result.code).toBe(0)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(3)
    // A 5xx may have rotated: each is followed by a read, which still shows the old secret.
    expect(requestsTo(scenario.composio, 'GET', READ)).toBe(4)
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(scenario.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBe(
      scenario.composio.currentSecret('ws_123')
    )
  })
})

describe('a write that fails after the rotation', () => {
  test('fails loudly with a replay recipe that GitHub can open to the rotated secret', async () => {
    scenario = await startScenario({
      fault: on('PUT', SECRET_WRITE, { status: 422, body: { message: 'Unprocessable' } })
    })
    const result = await scenario.run()
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*WAS ROTATED/)
    const bodies = replayBodies(result.stdout)
    const body = bodies.get('acme/app')!
    expect(body.key_id).toBe(scenario.github.publicKey('acme/app').key_id)
    expect(scenario.github.open('acme/app', body.encrypted_value)).toBe(secret)
    expect(result.stdout).toContain(
      `'${scenario.github.url}/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET'`
    )
    expect(result.stdout).toContain('acme/app: NOT WRITTEN (HTTP 422: Unprocessable.')
    expect(result.stdout).toContain('rotate: false')
    // A later step can still finish by hand.
    expect(result.outputs['secret']).toBe(secret)
    expect(result.outputs['fingerprint']).toBe(sha256Prefix(secret))
    expect(JSON.parse(result.outputs['targets']!)).toEqual([])
    expect(result.summary).toContain('NOT WRITTEN')
    expect(result.summary).toContain('Finish by hand')
    expect(leaks(result, secret)).toEqual([])
  })
})
