// The fake Composio under this project's schema of Composio's description: its own answers fit,
// injected ones are checked too (close() throws; expectViolations() excuses injected ones only),
// the auth rules, the masking styles and the secrets' shapes.
import { afterEach, describe, expect, test } from '@jest/globals'
import { checkAnswer } from './composio-schema.js'
import { composioError, startFakeComposio } from './composio.js'

type FakeComposio = Awaited<ReturnType<typeof startFakeComposio>>
let composio: FakeComposio | undefined
afterEach(async () => composio?.close())

const READ = '/api/v3.1/webhook_subscriptions/ws_123'
const ROTATE = '/api/v3/webhook_subscriptions/ws_123/rotate_secret'

async function call(method: string, path: string, headers: Record<string, string>) {
  const response = await fetch(`${composio!.url}${path}`, { method, headers })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('auth', () => {
  test('both keys: 401 HTTP_Unauthorized, as production answers', async () => {
    composio = await startFakeComposio()
    const both = { 'x-api-key': 'ak_fake_project_key', 'x-user-api-key': 'uak_fake_user_key' }
    const { status, body } = await call('GET', READ, both)
    expect(status).toBe(401)
    expect(body['error']).toMatchObject({
      slug: 'HTTP_Unauthorized',
      status: 401,
      message: expect.stringContaining('Multiple authentication modes were provided')
    })
  })

  test('a user key: accepted by the v3 rotation, refused by the v3.1 read unless told otherwise', async () => {
    composio = await startFakeComposio()
    const user = { 'x-user-api-key': 'uak_fake_user_key' }
    expect((await call('GET', READ, user)).status).toBe(401)
    expect((await call('POST', ROTATE, user)).status).toBe(200)
    await composio.close()
    composio = await startFakeComposio({ userKeyOnV31: true })
    expect((await call('GET', READ, user)).status).toBe(200)
  })
})

describe('secrets', () => {
  const key = { 'x-api-key': 'ak_fake_project_key' }

  test.each([
    ['hex', /^[0-9a-f]{64}$/],
    ['base64', /^[A-Za-z0-9+/]{43}=$/],
    ['base64url', /^[A-Za-z0-9_-]{43}$/]
  ] as const)('%s', async (secretShape, shape) => {
    composio = await startFakeComposio({ secretShape })
    expect(composio.currentSecret('ws_123')).toMatch(shape)
    expect((await call('POST', ROTATE, key)).body['secret']).toMatch(shape)
  })

  test.each([
    ['first4', (s: string) => `${s.slice(0, 4)}...`],
    ['xxxx', () => 'xxxx...'],
    ['redacted', () => 'REDACTED'],
    ['masked', (s: string) => `${s.slice(0, 4)}${'*'.repeat(56)}${s.slice(-4)}`],
    ['bullets', (s: string) => `${s.slice(0, 4)}${'\u2022'.repeat(56)}${s.slice(-4)}`],
    ['ellipsis', (s: string) => `${s.slice(0, 60)}\u2026`]
  ] as const)('the read masked as %s', async (readSecret, expected) => {
    composio = await startFakeComposio({ readSecret })
    const { body } = await call('GET', READ, key)
    expect(body['secret']).toBe(expected(composio.currentSecret('ws_123')!))
  })
})

describe('every answer is checked against the description', () => {
  test('injected answers that break it make close() throw, naming them', async () => {
    composio = await startFakeComposio({ fault: () => ({ status: 200, body: { id: 'ws_123' } }) })
    await call('POST', ROTATE, {})
    const closing = composio.close()
    composio = undefined
    await expect(closing).rejects.toThrow(
      /1 answer\(s\) that break Composio's description[\s\S]*injected POST .*rotate_secret: HTTP 200 body must have required property 'secret'/
    )
  })

  test('expectViolations() excuses injected answers', async () => {
    composio = await startFakeComposio({ fault: () => ({ status: 502, body: '<html>' }) })
    composio.expectViolations()
    await call('GET', READ, {}).catch(() => undefined)
    expect(composio.violations).toHaveLength(1)
  })

  test('an injected envelope that fits passes', async () => {
    composio = await startFakeComposio({ fault: () => composioError(503, 'Unavailable', 'down') })
    await call('GET', READ, {})
    expect(composio.violations).toEqual([])
  })
})

describe('checkAnswer', () => {
  const GET = 'getWebhookSubscriptionsById'
  const POST = 'postWebhookSubscriptionsByIdRotateSecret'
  const subscription = {
    id: 'ws_1',
    webhook_url: 'https://x.example',
    version: 'V3',
    enabled_events: [],
    secret: 's',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z'
  }
  const envelope = { error: { message: 'm', code: 1, slug: 's', status: 500 } }

  test.each<[string, string | undefined, number, unknown, boolean]>([
    ['the read', GET, 200, subscription, true],
    ['the read, version V4', GET, 200, { ...subscription, version: 'V4' }, false],
    ['the read without secret', GET, 200, { ...subscription, secret: undefined }, false],
    ['the rotation', POST, 200, { id: 'ws_1', secret: 's' }, true],
    ['the rotation, secret a number', POST, 200, { id: 'ws_1', secret: 1 }, false],
    ['a 201', POST, 201, { id: 'ws_1', secret: 's' }, false],
    ['the envelope', POST, 500, envelope, true],
    [
      'the envelope with every optional field',
      GET,
      401,
      { error: { ...envelope.error, request_id: 'r', suggested_fix: 'f', errors: ['e'] } },
      true
    ],
    ['the envelope, code a string', GET, 404, { error: { ...envelope.error, code: '1' } }, false],
    ['a bare message on 429', POST, 429, { message: 'slow down' }, true],
    ['a bare message on 500', POST, 500, { message: 'boom' }, false],
    ['HTML', POST, 502, '<html></html>', false],
    ['a redirect', GET, 302, undefined, false],
    ['an unknown route, 404 envelope', undefined, 404, envelope, true]
  ])('%s', (_name, operationId, status, body, fits) => {
    const problems = checkAnswer(operationId, status, body)
    expect(problems.length === 0).toBe(fits)
  })
})
