import { describe, expect, test } from '@jest/globals'
import { describeGitHubError } from '../../src/github/errors.js'
import type { Target } from '../../src/targets.js'

const TOKEN = 'ghp_CREDENTIAL_token_0003'
const TIMEOUT_MS = 10_000

const repository: Target = { kind: 'repository', owner: 'acme', repo: 'app' }
const environment: Target = { kind: 'environment', owner: 'acme', repo: 'app', environment: 'prod' }
const organization: Target = { kind: 'organization', org: 'acme' }

/** Shaped like Octokit's RequestError, including what must never be printed. */
function requestError(status: number, data: unknown): Record<string, unknown> {
  return {
    name: 'HttpError',
    status,
    message: 'ignored',
    request: { headers: { authorization: `token ${TOKEN}` } },
    response: { status, headers: { 'x-github-request-id': 'ABC' }, data }
  }
}

describe('describeGitHubError: HTTP answers', () => {
  test('401 → invalid or expired token', () => {
    expect(
      describeGitHubError(requestError(401, { message: 'Bad credentials' }), repository, TIMEOUT_MS)
    ).toBe('HTTP 401: Bad credentials. Hint: the github-token is invalid or expired')
  })

  test.each<[Target, string[], string[]]>([
    [
      repository,
      ["repository permission 'Secrets: Read and write'", 'classic PAT: repo'],
      ['Environments', 'admin:org']
    ],
    [
      environment,
      ["'Environments: Read and write'", "'Secrets: Read and write'", 'classic PAT: repo'],
      ['admin:org']
    ],
    [
      organization,
      ["organization permission 'Secrets: Read and write'", 'classic PAT: admin:org'],
      ['Environments', 'classic PAT: repo']
    ]
  ])('403 on a %o target → GITHUB_TOKEN and the permission', (target, present, absent) => {
    const text = describeGitHubError(
      requestError(403, { message: 'Resource not accessible by integration' }),
      target,
      TIMEOUT_MS
    )
    expect(text.startsWith('HTTP 403: Resource not accessible by integration. Hint: ')).toBe(true)
    expect(text).toContain('GITHUB_TOKEN never can')
    for (const fragment of present) expect(text).toContain(fragment)
    for (const fragment of absent) expect(text).not.toContain(fragment)
  })

  test.each<[Target, string]>([
    [repository, 'the repository does not exist'],
    [environment, 'the repository or the environment does not exist'],
    [organization, 'the organization does not exist']
  ])('404 on a %o target', (target, fragment) => {
    const text = describeGitHubError(
      requestError(404, { message: 'Not Found' }),
      target,
      TIMEOUT_MS
    )
    expect(text.startsWith('HTTP 404: Not Found. Hint: ')).toBe(true)
    expect(text).toContain(fragment)
    expect(text).toContain('classic PAT without access gets 404')
  })

  test.each([
    [
      '422',
      requestError(422, { message: 'Bad key_id' }),
      'HTTP 422: Bad key_id. Hint: GitHub refused the request as malformed'
    ],
    [
      '500 with an answer',
      requestError(500, { message: 'Server Error' }),
      'HTTP 500: Server Error'
    ],
    ['an HTML body', requestError(502, '<html>Bad Gateway</html>'), 'HTTP 502'],
    ['a non-string message', requestError(400, { message: { nested: TOKEN } }), 'HTTP 400'],
    ['no data', requestError(503, undefined), 'HTTP 503']
  ])('%s', (_name, error, expected) => {
    expect(describeGitHubError(error, repository, TIMEOUT_MS)).toBe(expected)
  })

  test('never quotes request headers or other body fields', () => {
    const text = describeGitHubError(
      requestError(403, { message: 'Forbidden', token: TOKEN, documentation_url: 'x' }),
      repository,
      TIMEOUT_MS
    )
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('ABC')
    expect(text).not.toContain('ignored')
  })
})

describe('describeGitHubError: no answer', () => {
  test('status 500 without a response → network wording', () => {
    const text = describeGitHubError(
      { status: 500, message: 'fetch failed' },
      repository,
      TIMEOUT_MS
    )
    expect(text).toBe('network error: fetch failed')
    expect(text).not.toContain('HTTP 500')
  })

  test("status 500 without a response, with fetch's cause → its code and message", () => {
    const fetchError = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), {
        code: 'ECONNREFUSED'
      })
    })
    const error = Object.assign(new Error('fetch failed'), { status: 500, cause: fetchError })
    expect(describeGitHubError(error, environment, TIMEOUT_MS)).toBe(
      'network error: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:443'
    )
  })

  test('status 500 without a response, caused by a timeout → the timeout in seconds', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError'
    })
    const error = Object.assign(new Error('x'), { status: 500, cause: timeout })
    expect(describeGitHubError(error, organization, 2500)).toBe('no complete answer within 2.5 s')
  })
})

describe('describeGitHubError: not a request error', () => {
  test.each<[string, unknown, string]>([
    [
      'a plain Error',
      new Error('the public-key answer has no key_id and key'),
      'the public-key answer has no key_id and key'
    ],
    ['a thrown string', 'something odd', 'something odd'],
    ['a thrown number', 42, '42']
  ])('%s → its text', (_name, error, expected) => {
    expect(describeGitHubError(error, repository, TIMEOUT_MS)).toBe(expected)
  })
})
