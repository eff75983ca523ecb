// The fake Cloudflare under this project's schema of Cloudflare's description: requests that
// break it are refused and recorded, its own answers fit, injected answers are checked too
// (close() throws; expectViolations() excuses injected ones only), and its state.
import { afterEach, describe, expect, test } from '@jest/globals'
import { checkAnswer } from './cloudflare-schema.js'
import {
  ACCOUNT,
  CF_READ_TOKEN,
  CF_TOKEN,
  SCRIPT,
  cloudflareError,
  startFakeCloudflare
} from './cloudflare.js'

type FakeCloudflare = Awaited<ReturnType<typeof startFakeCloudflare>>
let cf: FakeCloudflare | undefined
afterEach(async () => {
  const closing = cf?.close()
  cf = undefined
  await closing
})

const SECRETS = `/accounts/${ACCOUNT}/workers/scripts/${SCRIPT}/secrets`

async function call(method: string, path: string, body?: unknown, token = CF_TOKEN) {
  const response = await fetch(`${cf!.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('requests are held to the schema', () => {
  test.each([
    ['no type', { name: 'X', text: 's' }],
    ['another type', { name: 'X', text: 's', type: 'plain_text' }],
    ['an extra field', { name: 'X', text: 's', type: 'secret_text', value: 's' }],
    ['no name', { text: 's', type: 'secret_text' }]
  ])('a PUT body with %s: refused, recorded, close() throws', async (_, body) => {
    cf = await startFakeCloudflare()
    const answer = await call('PUT', SECRETS, body)
    expect(answer.status).toBe(400)
    expect(cf.binding(ACCOUNT, SCRIPT, 'X')).toBeUndefined()
    const closing = cf.close()
    cf = undefined
    await expect(closing).rejects.toThrow("break Cloudflare's description")
  })

  test('a PUT without a bearer token: refused and recorded', async () => {
    cf = await startFakeCloudflare()
    const response = await fetch(`${cf.url}${SECRETS}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X', text: 's', type: 'secret_text' })
    })
    expect(response.status).toBe(400)
    expect(cf.violations[0]!.problems).toContain('no bearer token in Authorization')
    cf.violations.length = 0
  })
})

describe('answers', () => {
  test('its own fit: write, delete, the refusals', async () => {
    cf = await startFakeCloudflare()
    expect(await call('PUT', SECRETS, { name: 'X', text: 's', type: 'secret_text' })).toEqual({
      status: 200,
      body: { success: true, errors: [], messages: [], result: { name: 'X', type: 'secret_text' } }
    })
    expect(cf.binding(ACCOUNT, SCRIPT, 'X')).toBe('s')
    expect((await call('DELETE', `${SECRETS}/X`)).status).toBe(200)
    expect(cf.versions(ACCOUNT, SCRIPT)).toBe(3)
    const readOnly = await call(
      'PUT',
      SECRETS,
      { name: 'X', text: 's', type: 'secret_text' },
      CF_READ_TOKEN
    )
    expect(readOnly.status).toBe(403)
    expect(readOnly.body['errors']).toEqual([{ code: 10000, message: 'Authentication error' }])
    const noWorker = await call('PUT', `/accounts/${ACCOUNT}/workers/scripts/nope/secrets`, {
      name: 'X',
      text: 's',
      type: 'secret_text'
    })
    expect(noWorker.status).toBe(404)
    expect(cf.violations).toEqual([])
  })

  test('an injected answer that breaks the schema is recorded; expectViolations() excuses it', async () => {
    cf = await startFakeCloudflare()
    cf.setFault(() => ({ status: 403, body: { message: 'bare' } }))
    expect((await call('DELETE', `${SECRETS}/X`)).status).toBe(403)
    expect(cf.violations).toHaveLength(1)
    cf.expectViolations()
  })

  test.each([
    [200, { success: true, errors: [], messages: [] }, 'result'],
    [403, { success: false, errors: [], messages: [], result: null }, 'fewer than 1'],
    [
      403,
      { success: true, errors: [{ code: 10000, message: 'x' }], messages: [], result: null },
      'constant'
    ],
    [302, {}, 'not documented']
  ])('checkAnswer: HTTP %d %j', (status, body, problem) => {
    expect(checkAnswer('putScriptSecret', status, body).join('\n')).toContain(problem)
  })

  test('cloudflareError builds a valid failure', () => {
    const { status, body } = cloudflareError(429, 10429, 'slow down')
    expect(checkAnswer('putScriptSecret', status, body)).toEqual([])
  })
})
