// GitHub's transient failures are retried by Octokit's own plugins (retry: 5xx and lost answers;
// throttling: primary and secondary rate limits), bounded in count and in wait. In-process with an
// instant backoff unit, so the waits that take seconds in production take none here; one test
// runs the bundle to show the same plugins are in it.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  SECRET_WRITE,
  leaks,
  replayBodies,
  requestsTo,
  startScenario,
  type Scenario
} from '../support/scenario.js'
import { runInProcess } from './in-process.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const PUT = 'PUT'
const SECRET_PATH = '/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET'
const KEY_PATH = '/repos/acme/app/actions/secrets/public-key'
type Fault = { method: string; path: string; attempt: number }
type Reply = { status: number; body?: object | string; headers?: Record<string, string> }

/** A fault on the PUT of the secret for its first `times` attempts (a function: built per request). */
const onPut =
  (reply: Reply | { reset: true } | (() => Reply), times = 1) =>
  ({ method, path, attempt }: Fault) =>
    method === PUT && path === SECRET_PATH && attempt <= times
      ? typeof reply === 'function'
        ? reply()
        : reply
      : undefined

const secondaryLimit: Reply = {
  status: 403,
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
  },
  headers: { 'retry-after': '1' }
}
/** Built when the request arrives: the reset is the next whole second (epoch seconds). */
const primaryLimit = (): Reply => ({
  status: 403,
  body: { message: 'API rate limit exceeded for installation ID 1.' },
  headers: {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1)
  }
})

/** The run stored the secret Composio holds now, and printed nothing it must not. */
function expectStored(result: Awaited<ReturnType<typeof runInProcess>>): void {
  const secret = scenario.composio.currentSecret('ws_123')!
  expect(result.error).toBeUndefined()
  expect(scenario.composio.rotations).toHaveLength(1)
  expect(scenario.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBe(secret)
  expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app'])
  expect(leaks(result, secret)).toEqual([])
}

describe('transient GitHub failures are retried to success', () => {
  test('PUT answers 502 once, then succeeds', async () => {
    scenario = await startScenario({ fault: onPut({ status: 502, body: 'Bad Gateway' }) })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
  })

  test('PUT loses its connection once (reset), then succeeds', async () => {
    scenario = await startScenario({ fault: onPut({ reset: true }) })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
  })

  test('the public-key read answers 503 once: the preflight is retried, then the run completes', async () => {
    scenario = await startScenario({
      fault: ({ method, path, attempt }: Fault) =>
        method === 'GET' && path === KEY_PATH && attempt === 1
          ? { status: 503, body: { message: 'Service Unavailable' } }
          : undefined
    })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, 'GET', /public-key$/)).toBe(2)
  })

  test('a secondary rate limit (403, retry-after: 1) on the PUT is waited out and retried', async () => {
    scenario = await startScenario({ fault: onPut(secondaryLimit) })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
    expect(result.stdout).toMatch(/::warning::GitHub secondary rate limit on PUT .*retrying in 1 s/)
  })

  test('a secondary rate limit answered as 429 is retried too', async () => {
    scenario = await startScenario({ fault: onPut({ ...secondaryLimit, status: 429 }) })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
  })

  test('a primary rate limit (x-ratelimit-remaining: 0, reset a second ahead) is waited out and retried', async () => {
    scenario = await startScenario({ fault: onPut(primaryLimit) })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
    // Octokit waits until a second after the reset (at most 2 s here), announced as such.
    expect(result.stdout).toMatch(
      /::warning::GitHub primary rate limit on PUT .*retrying in [12] s/
    )
  })

  // A 429 without GitHub's rate-limit markers is retried by the retry plugin (429 is not in its
  // doNotRetry list); a secondary-limit 429 is retried by the throttling plugin.
  test('a bare 429 (no rate-limit message) is retried', async () => {
    scenario = await startScenario({
      fault: onPut({
        status: 429,
        body: { message: 'Too Many Requests' },
        headers: { 'retry-after': '1' }
      })
    })
    const result = await runInProcess(scenario)
    expectStored(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
  })
})

describe('retries are bounded, and a write that never lands leaves a replay recipe', () => {
  /** The run failed after the rotation with a recipe that opens to the rotated secret. */
  function expectRecipe(result: Awaited<ReturnType<typeof runInProcess>>): void {
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*WAS ROTATED/)
    const body = replayBodies(result.stdout).get('acme/app')!
    expect(scenario.github.open('acme/app', body.encrypted_value)).toBe(secret)
    expect(scenario.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBeUndefined()
    expect(result.outputs['secret']).toBe(secret)
    expect(leaks(result, secret)).toEqual([])
  }

  test('a PUT that answers 502 every time: three attempts, then the recipe', async () => {
    scenario = await startScenario({ fault: onPut({ status: 502, body: 'Bad Gateway' }, 99) })
    const result = await runInProcess(scenario)
    expectRecipe(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(3)
    expect(result.stdout).toContain('HTTP 502')
  })

  test('a secondary rate limit every time: three attempts, then the recipe', async () => {
    scenario = await startScenario({ fault: onPut(secondaryLimit, 99) })
    const result = await runInProcess(scenario)
    expectRecipe(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(3)
    expect(result.stdout).toMatch(/secondary rate limit on PUT .*giving up/)
  })

  test('a rate limit that asks for more than a minute is not waited for', async () => {
    scenario = await startScenario({
      fault: onPut({ ...secondaryLimit, headers: { 'retry-after': '3600' } }, 99)
    })
    const result = await runInProcess(scenario)
    expectRecipe(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(1)
    expect(result.stdout).toMatch(/giving up/)
  })

  test('422 is not retried (a malformed request stays malformed)', async () => {
    scenario = await startScenario({
      fault: onPut({ status: 422, body: { message: 'Unprocessable' } }, 99)
    })
    const result = await runInProcess(scenario)
    expectRecipe(result)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(1)
  })
})

describe('hostile GitHub answers to the public-key read stop the run before the rotation', () => {
  const MARK = 'ZEBRA_9d2e'
  const html = `<html><title>Unicorn! ${MARK}</title></html>`
  test.each([
    [
      'an HTML 502 page (retried, then given up)',
      { status: 502, body: html, headers: { 'content-type': 'text/html' } },
      3
    ],
    [
      'an HTML page with 200',
      { status: 200, body: html, headers: { 'content-type': 'text/html' } },
      1
    ],
    ['JSON without key', { status: 200, body: { key_id: MARK } }, 1],
    ['a body that drips beyond the timeout', { dripMs: 300 }, 1]
  ] as const)('%s', async (_, reply, reads) => {
    scenario = await startScenario({
      fault: ({ path }: Fault) => (path === KEY_PATH ? reply : undefined)
    })
    const result = await runInProcess(scenario, { 'timeout-seconds': '1' })
    expect(result.code).toBe(1)
    expect(result.wallMs).toBeLessThan(3000)
    expect(result.stdout).toMatch(
      /::error::Nothing was rotated: .*acme\/app: could not read the public key/
    )
    expect(result.stdout).not.toContain(MARK)
    expect(result.stdout).not.toContain('<html')
    expect(requestsTo(scenario.github, 'GET', /public-key$/)).toBe(reads)
    expect(scenario.composio.rotations).toHaveLength(0)
  })

  // A key that is not a base64 32-byte X25519 key fails the preflight: nothing is rotated. Were
  // it found only when sealing, after the rotation, no target would be written.
  test.each([
    ['not base64', 'not base64!!'],
    ['31 bytes', Buffer.alloc(31, 7).toString('base64')]
  ])('a public key that is %s: nothing rotated', async (_, key) => {
    scenario = await startScenario({
      fault: ({ path }: Fault) =>
        path.includes('/environments/production/')
          ? { status: 200, body: { key_id: '1', key } }
          : undefined
    })
    const result = await runInProcess(scenario, {
      repository: '',
      targets: 'acme/app\nacme/app@production'
    })
    expect(result.code).toBe(1)
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(result.stdout).toMatch(/::error::Nothing was rotated/)
  })
})

describe('the bundle carries the same plugins', () => {
  test('dist: a PUT that answers 502 once is retried after Octokit’s real backoff', async () => {
    scenario = await startScenario({ fault: onPut({ status: 502, body: 'Bad Gateway' }) })
    const result = await scenario.run()
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(result.code).toBe(0)
    expect(requestsTo(scenario.github, PUT, SECRET_WRITE)).toBe(2)
    expect(scenario.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBe(secret)
    const [first, second] = scenario.github.requests.filter(
      r => r.method === PUT && SECRET_WRITE.test(r.path)
    )
    // Backoff unit 1 s in production: the first retry waits (0+1)² × 0.5 s.
    expect(second!.startedAt - first!.endedAt!).toBeGreaterThanOrEqual(400)
    expect(leaks(result, secret)).toEqual([])
  })
})
