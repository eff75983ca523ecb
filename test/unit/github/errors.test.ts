import { describe, expect, test } from '@jest/globals'
import { describeGitHubError } from '../../../src/github/errors.js'
import type { Target } from '../../../src/inputs/targets.js'

const TOKEN = 'ghp_CREDENTIAL_token_0003'
const TIMEOUT_MS = 10_000

const repository: Target = { kind: 'repository', owner: 'acme', repo: 'app' }
const environment: Target = { kind: 'environment', owner: 'acme', repo: 'app', environment: 'prod' }
const organization: Target = { kind: 'organization', org: 'acme' }

/** Shaped like Octokit's RequestError, including what must never be printed. */
function requestError(
  status: number,
  data: unknown,
  headers: Record<string, string> = {}
): Record<string, unknown> {
  return {
    name: 'HttpError',
    status,
    message: 'ignored',
    request: { headers: { authorization: `token ${TOKEN}` } },
    response: { status, headers: { 'x-github-request-id': 'ABC', ...headers }, data }
  }
}

const describe403 = (target: Target, access: 'read' | 'write') =>
  describeGitHubError(
    requestError(403, { message: 'Resource not accessible by integration' }),
    target,
    TIMEOUT_MS,
    access
  )

describe('describeGitHubError: HTTP answers', () => {
  test('401 → invalid or expired token', () => {
    expect(
      describeGitHubError(requestError(401, { message: 'Bad credentials' }), repository, TIMEOUT_MS)
    ).toBe('HTTP 401: Bad credentials. Hint: the github-token is invalid or expired')
  })

  const PERMISSIONS: [Target, string[], string[]][] = [
    [
      repository,
      [
        "repository permission 'Secrets: Read and write'",
        "'secrets: write' (GitHub App)",
        'the repo scope (classic PAT)'
      ],
      ['Environments', 'admin:org', 'organization_secrets']
    ],
    [
      environment,
      [
        "'Environments: Read and write' and 'Secrets: Read and write' (fine-grained PAT)",
        "'environments: write' and 'secrets: write' (GitHub App)",
        'the repo scope (classic PAT)'
      ],
      ['admin:org', 'organization_secrets']
    ],
    [
      organization,
      [
        "organization permission 'Secrets: Read and write'",
        "'organization_secrets: write' (GitHub App)",
        'the admin:org scope (classic PAT)'
      ],
      ['Environments', 'the repo scope']
    ],
    [
      { ...repository, store: 'dependabot' },
      [
        "repository permission 'Dependabot secrets: Read and write'",
        "'dependabot_secrets: write' (GitHub App)",
        'the repo scope (classic PAT)'
      ],
      ["'Secrets: Read and write'", 'Codespaces', 'admin:org']
    ],
    [
      { ...organization, store: 'dependabot' },
      [
        "organization permission 'Organization dependabot secrets: Read and write'",
        "'organization_dependabot_secrets: write' (GitHub App)",
        'the admin:org scope (classic PAT)'
      ],
      ["'Secrets: Read and write'", 'Codespaces', 'the repo scope']
    ],
    [
      { ...repository, store: 'codespaces' },
      [
        "repository permission 'Codespaces secrets: Read and write'",
        "'codespaces_secrets: write' (GitHub App)",
        'the repo scope (classic PAT)'
      ],
      ["'Secrets: Read and write'", 'Dependabot', 'admin:org']
    ],
    [
      { ...organization, store: 'codespaces' },
      [
        "organization permission 'Organization codespaces secrets: Read and write'",
        "'organization_codespaces_secrets: write' (GitHub App)",
        'the admin:org scope (classic PAT)'
      ],
      ["'Secrets: Read and write'", 'Dependabot', 'the repo scope']
    ]
  ]

  /** How a 403's hint starts and ends for each access; the permission stands between. */
  const ACCESSES = [
    {
      access: 'read',
      verb: 'reading',
      outcome: 'GITHUB_TOKEN and the permission',
      starts:
        'HTTP 403: Resource not accessible by integration. Hint: the github-token may not manage these secrets. GITHUB_TOKEN never can (it cannot even read the public key). It needs ',
      ends: ' (classic PAT)'
    },
    {
      access: 'write',
      verb: 'writing',
      outcome: 'it reads but cannot write; the permission',
      starts:
        'HTTP 403: Resource not accessible by integration. Hint: the github-token can read this target but not write its secrets (a read-only token passes the public-key read). It needs ',
      ends: ' (classic PAT). GITHUB_TOKEN never can'
    }
  ] as const

  test.each(
    ACCESSES.flatMap(({ verb, outcome, ...hint }) =>
      PERMISSIONS.map(([target, present, absent]) => ({
        name: `403 ${verb} a ${JSON.stringify(target)} target → ${outcome}`,
        target,
        present,
        absent,
        ...hint
      }))
    )
  )('$name', ({ target, access, starts, ends, present, absent }) => {
    const text = describe403(target, access)
    expect(text.startsWith(starts)).toBe(true)
    expect(text.endsWith(ends)).toBe(true)
    for (const fragment of present) expect(text).toContain(fragment)
    for (const fragment of absent) expect(text).not.toContain(fragment)
  })

  test('the access defaults to read', () => {
    const error = requestError(403, { message: 'Resource not accessible by integration' })
    expect(describeGitHubError(error, repository, TIMEOUT_MS)).toBe(describe403(repository, 'read'))
  })

  test.each<[Target, string]>([
    [repository, 'the repository does not exist'],
    [environment, 'the repository or the environment does not exist'],
    [organization, 'the organization does not exist']
  ])('404 on a %j target', (target, fragment) => {
    const text = describeGitHubError(
      requestError(404, { message: 'Not Found' }),
      target,
      TIMEOUT_MS
    )
    expect(text.startsWith(`HTTP 404: Not Found. Hint: ${fragment}`)).toBe(true)
    expect(
      text.endsWith('or the github-token cannot see it (a classic PAT without access gets 404 too)')
    ).toBe(true)
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
    ['no data', requestError(503, undefined), 'HTTP 503'],
    [
      'a message with a newline',
      requestError(500, { message: 'a\n::add-mask::b' }),
      'HTTP 500: a ::add-mask::b'
    ]
  ])('%s', (_name, error, expected) => {
    expect(describeGitHubError(error, repository, TIMEOUT_MS)).toBe(expected)
  })

  test('never quotes request headers or other body fields', () => {
    const text = describeGitHubError(
      requestError(403, { message: 'Forbidden', token: TOKEN, documentation_url: 'x' }),
      repository,
      TIMEOUT_MS,
      'write'
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
    expect(describeGitHubError(error, organization, 2500, 'write')).toBe(
      'timed out after 2.5 s (timeout-seconds)'
    )
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

describe('describeGitHubError: rate limits are not permission problems', () => {
  const RATE_LIMITED = 'Hint: GitHub rate-limited this request (not a permission problem): '
  test.each<[string, number, string, Record<string, string>, string]>([
    [
      'secondary limit with retry-after',
      403,
      'You have exceeded a secondary rate limit.',
      { 'retry-after': '120' },
      'it asks to wait 120 s (retry-after)'
    ],
    [
      'primary limit: x-ratelimit-remaining 0',
      403,
      'API rate limit exceeded for installation ID 1.',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' },
      'it asks to wait until 2027-01-15T08:00:00.000Z (x-ratelimit-reset)'
    ],
    [
      'retry-after alone, whatever the message',
      403,
      'Resource not accessible by integration',
      { 'retry-after': '30' },
      'it asks to wait 30 s (retry-after)'
    ],
    [
      'a message that says so, no header',
      403,
      'You have exceeded a secondary rate limit.',
      {},
      'it did not say how long to wait (a secondary limit usually lifts within minutes)'
    ],
    [
      '429 with retry-after',
      429,
      'Too Many Requests',
      { 'retry-after': '5' },
      'it asks to wait 5 s'
    ]
  ])('%s', (_name, status, message, headers, wait) => {
    for (const access of ['read', 'write'] as const) {
      const text = describeGitHubError(
        requestError(status, { message }, headers),
        repository,
        TIMEOUT_MS,
        access
      )
      expect(text).toContain(`${RATE_LIMITED}${wait}`)
      expect(text).not.toMatch(/can read this target|may not manage these secrets/)
    }
  })

  test('a 403 without any rate-limit sign keeps the permission hint', () => {
    expect(describe403(repository, 'write')).toContain('can read this target but not write')
  })
})
