import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  RedirectRefusedError,
  ResponseTooLargeError,
  createFetch,
  describeNetworkError,
  readTextCapped
} from '../../src/http/http.js'
import { listen, type LocalServer } from './local-server.js'

const KEY = 'ak_CREDENTIAL_api_key_0001'
let server: LocalServer
let elsewhere: LocalServer

beforeAll(async () => {
  elsewhere = await listen((_request, response) => response.end('here'))
  server = await listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x')
    const status = Number(url.searchParams.get('status') ?? 200)
    if (url.pathname === '/hang') return // never answers
    if (url.pathname === '/drip') return void response.writeHead(200).write('{"par') // never ends
    const location = url.searchParams.get('location')
    response.writeHead(status, location === null ? {} : { location }).end(`answer ${status}`)
  })
})

afterAll(async () => {
  await Promise.all([server.close(), elsewhere.close()])
})

/** What `work` rejects with. */
async function rejection(work: Promise<unknown>): Promise<Error> {
  return work.then(
    () => Promise.reject(new Error('expected a rejection')),
    (error: unknown) => error as Error
  )
}

describe('createFetch against a local server', () => {
  test.each([200, 204, 404, 500])('HTTP %d is answered as is', async status => {
    const response = await createFetch(2000)(`${server.origin}/x?status=${status}`, {
      headers: { 'x-api-key': KEY }
    })
    expect(response.status).toBe(status)
    expect(server.requests.at(-1)?.headers['x-api-key']).toBe(KEY)
  })

  test('no answer, or a body that never ends → timed out after 1 s (timeout-seconds)', async () => {
    const fetch = createFetch(1000)
    const started = Date.now()
    const [hang, drip] = await Promise.all([
      rejection(fetch(`${server.origin}/hang`)),
      rejection(fetch(`${server.origin}/drip`).then(response => readTextCapped(response, 1000)))
    ])
    expect(Date.now() - started).toBeLessThan(5000)
    expect(describeNetworkError(hang, 1000)).toBe('timed out after 1 s (timeout-seconds)')
    expect(describeNetworkError(drip, 1000)).toBe('timed out after 1 s (timeout-seconds)')
  })

  test("the caller's own signal still aborts", async () => {
    const controller = new AbortController()
    const pending = rejection(
      createFetch(10_000)(`${server.origin}/hang`, { signal: controller.signal })
    )
    controller.abort()
    expect((await pending).name).toBe('AbortError')
  })

  test.each([301, 302, 303, 307, 308])(
    'HTTP %d → RedirectRefusedError naming the origin only; the target receives nothing',
    async status => {
      const location = `${elsewhere.origin}/steal/path?token=abc#frag`
      const url = `${server.origin}/r?status=${status}&location=${encodeURIComponent(location)}`
      const error = await rejection(
        createFetch(2000)(url, { method: 'POST', headers: { 'x-api-key': KEY }, body: '{}' })
      )
      expect(error).toBeInstanceOf(RedirectRefusedError)
      expect((error as RedirectRefusedError).status).toBe(status)
      expect(error.message).toBe(
        `answered HTTP ${status}, a redirect to ${elsewhere.origin}, which is not followed (no credential goes with a redirect); check the URL`
      )
      expect(describeNetworkError(error, 2000)).toBe(error.message)
      expect(elsewhere.requests).toEqual([])
    }
  )

  test.each([
    ['no Location', null, 'nowhere (no Location)'],
    ['a relative Location', '/elsewhere?q=1', 'SERVER'],
    [
      'a Location with credentials',
      'https://user:pw@evil.example:8443/p',
      'https://evil.example:8443'
    ],
    ['an unreadable Location', 'http://[bad', 'an unreadable Location']
  ])('HTTP 302 with %s', async (_name, location, shown) => {
    const query = location === null ? '' : `&location=${encodeURIComponent(location)}`
    const error = await rejection(createFetch(2000)(`${server.origin}/r?status=302${query}`))
    const expected = shown === 'SERVER' ? server.origin : shown
    expect(error.message).toBe(
      `answered HTTP 302, a redirect to ${expected}, which is not followed (no credential goes with a redirect); check the URL`
    )
  })

  test('a header value fetch cannot send is refused without quoting it', async () => {
    const error = await rejection(
      createFetch(2000)(`${server.origin}/x`, { headers: { 'x-api-key': `${KEY}\n` + 'x: y' } })
    )
    const text = describeNetworkError(error, 2000)
    expect(text).toBe(
      'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)'
    )
  })

  test('a refused connection → network error with its code, never the URL', async () => {
    const closed = await listen(() => undefined)
    await closed.close()
    const error = await rejection(createFetch(2000)(`${closed.origin}/secret-path`))
    const text = describeNetworkError(error, 2000)
    expect(text).toMatch(/^network error: ECONNREFUSED/)
    expect(text).not.toContain('secret-path')
  })
})

describe('readTextCapped', () => {
  test('reads up to the cap, refuses more, and reads no body as empty', async () => {
    await expect(readTextCapped(new Response('0123456789'), 10)).resolves.toBe('0123456789')
    await expect(readTextCapped(new Response('héllo'), 100)).resolves.toBe('héllo')
    await expect(readTextCapped(new Response(null), 10)).resolves.toBe('')
    const error = await rejection(readTextCapped(new Response('0123456789x'), 10))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error.message).toBe('the response body exceeded 10 bytes')
    expect(describeNetworkError(error, 1000)).toBe('the response body exceeded 10 bytes')
  })
})
