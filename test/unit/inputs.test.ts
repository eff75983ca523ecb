import { describe, expect, test } from '@jest/globals'
import {
  DEFAULT_COMPOSIO_BASE_URL,
  DEFAULT_SECRET_NAME,
  InputError,
  readSettings
} from '../../src/inputs.js'

// Distinctive credential values: no error message may ever contain them.
const API_KEY = 'ak_CREDENTIAL_api_key_0001'
const USER_API_KEY = 'uak_CREDENTIAL_user_key_0002'
const TOKEN = 'ghp_CREDENTIAL_token_0003'
const CREDENTIALS = [API_KEY, USER_API_KEY, TOKEN]

type Env = Record<string, string | undefined>

const BASE: Env = {
  'INPUT_SUBSCRIPTION-ID': 'ws_sub_123',
  'INPUT_API-KEY': API_KEY,
  'INPUT_GITHUB-TOKEN': TOKEN,
  GITHUB_REPOSITORY: 'acme/app'
}

/** BASE with overrides; an override of undefined removes the key. */
function env(overrides: Env = {}): Env {
  const merged: Env = { ...BASE, ...overrides }
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key]
  return merged
}

function errorOf(e: Env): InputError {
  try {
    readSettings(e)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('readSettings did not throw')
}

/** Every input error: starts with the input's name and never quotes a credential. */
function expectInputError(e: Env, name: string, fragment?: string | RegExp): InputError {
  const error = errorOf(e)
  const kind = name === 'GITHUB_API_URL' ? 'Environment variable' : 'Input'
  expect(error.message.startsWith(`${kind} '${name}'`)).toBe(true)
  for (const credential of CREDENTIALS) expect(error.message).not.toContain(credential)
  if (typeof fragment === 'string') expect(error.message).toContain(fragment)
  else if (fragment) expect(error.message).toMatch(fragment)
  return error
}

describe('readSettings: a minimal valid run', () => {
  test('fills every default', () => {
    expect(readSettings(env())).toEqual({
      subscriptionId: 'ws_sub_123',
      composioAuth: { header: 'x-api-key', value: API_KEY },
      githubToken: TOKEN,
      secretName: 'COMPOSIO_WEBHOOK_SECRET',
      targets: [{ kind: 'repository', owner: 'acme', repo: 'app' }],
      visibility: undefined,
      selectedRepositories: [],
      dryRun: false,
      composioBaseUrl: 'https://backend.composio.dev',
      githubApiUrl: 'https://api.github.com',
      timeoutMs: 10000
    })
    expect(DEFAULT_SECRET_NAME).toBe('COMPOSIO_WEBHOOK_SECRET')
    expect(DEFAULT_COMPOSIO_BASE_URL).toBe('https://backend.composio.dev')
  })

  test('trims every input as the runner does', () => {
    const settings = readSettings(
      env({
        'INPUT_SUBSCRIPTION-ID': '  ws_sub_123\n',
        'INPUT_API-KEY': ` ${API_KEY} `,
        'INPUT_GITHUB-TOKEN': `\t${TOKEN}\n`
      })
    )
    expect(settings.subscriptionId).toBe('ws_sub_123')
    expect(settings.composioAuth.value).toBe(API_KEY)
    expect(settings.githubToken).toBe(TOKEN)
  })
})

describe('readSettings: required inputs', () => {
  test.each([
    ['subscription-id', 'missing', { 'INPUT_SUBSCRIPTION-ID': undefined }],
    ['subscription-id', 'empty', { 'INPUT_SUBSCRIPTION-ID': '' }],
    ['subscription-id', 'blank', { 'INPUT_SUBSCRIPTION-ID': '  \n ' }],
    ['github-token', 'missing', { 'INPUT_GITHUB-TOKEN': undefined }],
    ['github-token', 'empty', { 'INPUT_GITHUB-TOKEN': '' }],
    ['github-token', 'blank', { 'INPUT_GITHUB-TOKEN': ' ' }]
  ])("'%s' %s → error naming it", (name, _how, overrides) => {
    expectInputError(env(overrides), name, 'is required')
  })

  test('an empty github-token hints that secrets do not reach forks and Dependabot', () => {
    expectInputError(env({ 'INPUT_GITHUB-TOKEN': '' }), 'github-token', /forks.*Dependabot/)
  })
})

describe('readSettings: exactly one Composio key', () => {
  test.each([
    ['api-key only', { 'INPUT_API-KEY': API_KEY }, 'x-api-key', API_KEY],
    [
      'user-api-key only',
      { 'INPUT_API-KEY': undefined, 'INPUT_USER-API-KEY': USER_API_KEY },
      'x-user-api-key',
      USER_API_KEY
    ],
    [
      'user-api-key with an empty api-key',
      { 'INPUT_API-KEY': '', 'INPUT_USER-API-KEY': USER_API_KEY },
      'x-user-api-key',
      USER_API_KEY
    ],
    [
      'api-key with a blank user-api-key',
      { 'INPUT_API-KEY': API_KEY, 'INPUT_USER-API-KEY': '  ' },
      'x-api-key',
      API_KEY
    ]
  ])('%s → header %s', (_name, overrides, header, value) => {
    expect(readSettings(env(overrides)).composioAuth).toEqual({ header, value })
  })

  test.each([
    ['both given', { 'INPUT_USER-API-KEY': USER_API_KEY }, 'both given'],
    ['neither given', { 'INPUT_API-KEY': undefined }, 'both empty'],
    ['both blank', { 'INPUT_API-KEY': ' ', 'INPUT_USER-API-KEY': '' }, 'both empty']
  ])('%s → error', (_name, overrides, fragment) => {
    const error = expectInputError(env(overrides), 'api-key', fragment)
    expect(error.message).toContain("'user-api-key'")
  })
})

describe('readSettings: secret-name', () => {
  test.each([
    ['', 'COMPOSIO_WEBHOOK_SECRET'],
    ['   ', 'COMPOSIO_WEBHOOK_SECRET'],
    ['MY_SECRET', 'MY_SECRET'],
    ['lower_case_1', 'lower_case_1'],
    ['_LEADING_UNDERSCORE', '_LEADING_UNDERSCORE'],
    ['GITHUBX', 'GITHUBX'],
    ['MY_GITHUB_SECRET', 'MY_GITHUB_SECRET']
  ])('%j → %s', (value, expected) => {
    expect(readSettings(env({ 'INPUT_SECRET-NAME': value })).secretName).toBe(expected)
  })

  test.each([
    ['MY-SECRET', 'letters, digits and underscores'],
    ['MY SECRET', 'letters, digits and underscores'],
    ['SECRÉT', 'letters, digits and underscores'],
    ['MY.SECRET', 'letters, digits and underscores'],
    ['1SECRET', 'must not start with a digit'],
    ['GITHUB_SECRET', 'must not start with GITHUB_'],
    ['github_secret', 'must not start with GITHUB_'],
    ['GitHub_Token', 'must not start with GITHUB_']
  ])('%j → error (%s)', (value, fragment) => {
    const error = expectInputError(env({ 'INPUT_SECRET-NAME': value }), 'secret-name', fragment)
    expect(error.message).toContain(`'${value}'`)
  })
})

describe('readSettings: repository and environment', () => {
  test.each([
    [
      'empty repository → GITHUB_REPOSITORY',
      {},
      { kind: 'repository', owner: 'acme', repo: 'app' }
    ],
    [
      'explicit repository',
      { INPUT_REPOSITORY: 'other-org/other.repo' },
      { kind: 'repository', owner: 'other-org', repo: 'other.repo' }
    ],
    [
      'repository without GITHUB_REPOSITORY',
      { INPUT_REPOSITORY: 'x1/y_2', GITHUB_REPOSITORY: undefined },
      { kind: 'repository', owner: 'x1', repo: 'y_2' }
    ],
    [
      'environment → environment target in GITHUB_REPOSITORY',
      { INPUT_ENVIRONMENT: 'production' },
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'production' }
    ],
    [
      'environment with spaces inside, in an explicit repository',
      { INPUT_REPOSITORY: 'o/r', INPUT_ENVIRONMENT: 'staging eu 1' },
      { kind: 'environment', owner: 'o', repo: 'r', environment: 'staging eu 1' }
    ]
  ])('%s', (_name, overrides, target) => {
    expect(readSettings(env(overrides)).targets).toEqual([target])
  })

  test('no repository and no GITHUB_REPOSITORY → error', () => {
    expectInputError(env({ GITHUB_REPOSITORY: undefined }), 'repository', 'is required')
  })

  test.each(['x', 'a/b/c', '/b', 'a/', 'a/..', 'a/.', '-a/b', 'a-/b', 'a b/c', 'a/b c', 'a/b@c'])(
    'repository %j → error',
    value => {
      const error = expectInputError(env({ INPUT_REPOSITORY: value }), 'repository')
      expect(error.message).toContain(`'${value}'`)
    }
  )

  test('a bad GITHUB_REPOSITORY fallback is reported against repository', () => {
    expectInputError(env({ GITHUB_REPOSITORY: 'nonsense' }), 'repository', "'nonsense'")
  })

  test.each(['prod\u0001', 'a\u007fb', 'x'.repeat(256)])('environment %j → error', value => {
    expectInputError(env({ INPUT_ENVIRONMENT: value }), 'environment')
  })

  test('a bad repository with a valid environment → the error names repository', () => {
    expectInputError(env({ INPUT_REPOSITORY: 'x', INPUT_ENVIRONMENT: 'production' }), 'repository')
  })
})

describe('readSettings: targets', () => {
  test('multi-line targets with comments and blank lines', () => {
    const targets = readSettings(
      env({
        INPUT_TARGETS: '# where the secret goes\nacme/app\n\nacme/app@production # prod\norg:acme\n'
      })
    ).targets
    expect(targets).toEqual([
      { kind: 'repository', owner: 'acme', repo: 'app' },
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'production' },
      { kind: 'organization', org: 'acme' }
    ])
  })

  test.each([
    [
      'repository equal to GITHUB_REPOSITORY (the runner default)',
      { INPUT_REPOSITORY: 'acme/app' }
    ],
    ['empty repository', { INPUT_REPOSITORY: '' }],
    ['no GITHUB_REPOSITORY at all', { GITHUB_REPOSITORY: undefined }]
  ])('targets with %s → accepted', (_name, overrides) => {
    expect(readSettings(env({ INPUT_TARGETS: 'o/r', ...overrides })).targets).toEqual([
      { kind: 'repository', owner: 'o', repo: 'r' }
    ])
  })

  test.each([
    ['a different repository', { INPUT_REPOSITORY: 'acme/other' }, "'repository'"],
    [
      'a repository while GITHUB_REPOSITORY is unset',
      { INPUT_REPOSITORY: 'acme/app', GITHUB_REPOSITORY: undefined },
      "'repository'"
    ],
    ['an environment', { INPUT_ENVIRONMENT: 'production' }, "'environment'"]
  ])('targets with %s → error', (_name, overrides, fragment) => {
    expectInputError(env({ INPUT_TARGETS: 'o/r', ...overrides }), 'targets', fragment)
  })

  test.each([
    ['a bad line', 'acme/app\nnot-a-target', /line 2.*not-a-target/],
    ['only comments', '# nothing\n\n  # here', 'no targets'],
    ['a duplicate', 'acme/app\nACME/APP', /line 2.*duplicate of line 1/]
  ])('targets with %s → error', (_name, value, fragment) => {
    expectInputError(env({ INPUT_TARGETS: value }), 'targets', fragment)
  })
})

describe('readSettings: visibility and selected-repositories', () => {
  const ORG = { INPUT_TARGETS: 'org:acme' }

  test.each([
    ['no visibility', {}, undefined, []],
    ['all', { INPUT_VISIBILITY: 'all' }, 'all', []],
    ['private', { INPUT_VISIBILITY: 'private' }, 'private', []],
    [
      'selected, comma separated',
      { INPUT_VISIBILITY: 'selected', 'INPUT_SELECTED-REPOSITORIES': 'app, web,api' },
      'selected',
      ['app', 'web', 'api']
    ],
    [
      'selected, newline separated',
      { INPUT_VISIBILITY: 'selected', 'INPUT_SELECTED-REPOSITORIES': 'app\nweb\r\n\napi\n' },
      'selected',
      ['app', 'web', 'api']
    ],
    [
      'selected, both separators',
      { INPUT_VISIBILITY: 'selected', 'INPUT_SELECTED-REPOSITORIES': 'app,\nweb.site' },
      'selected',
      ['app', 'web.site']
    ]
  ])('%s', (_name, overrides, visibility, selected) => {
    const settings = readSettings(env({ ...ORG, ...overrides }))
    expect(settings.visibility).toBe(visibility)
    expect(settings.selectedRepositories).toEqual(selected)
  })

  test('visibility with an org target among others is accepted', () => {
    const settings = readSettings(
      env({ INPUT_TARGETS: 'acme/app\norg:acme', INPUT_VISIBILITY: 'private' })
    )
    expect(settings.visibility).toBe('private')
  })

  test.each([
    ['visibility', 'unknown value', { ...ORG, INPUT_VISIBILITY: 'public' }, "'public'"],
    ['visibility', 'wrong case', { ...ORG, INPUT_VISIBILITY: 'All' }, "'All'"],
    ['visibility', 'no org target', { INPUT_VISIBILITY: 'all' }, 'organization targets'],
    [
      'visibility',
      'only repository and environment targets',
      { INPUT_TARGETS: 'acme/app\nacme/app@prod', INPUT_VISIBILITY: 'private' },
      'organization targets'
    ],
    [
      'selected-repositories',
      'selected without a list',
      { ...ORG, INPUT_VISIBILITY: 'selected' },
      'is required'
    ],
    [
      'selected-repositories',
      'selected with only separators',
      { ...ORG, INPUT_VISIBILITY: 'selected', 'INPUT_SELECTED-REPOSITORIES': ' ,\n, ' },
      'is required'
    ],
    [
      'selected-repositories',
      'a list with visibility all',
      { ...ORG, INPUT_VISIBILITY: 'all', 'INPUT_SELECTED-REPOSITORIES': 'app' },
      "only with visibility 'selected'"
    ],
    [
      'selected-repositories',
      'a list without visibility',
      { ...ORG, 'INPUT_SELECTED-REPOSITORIES': 'app' },
      "only with visibility 'selected'"
    ],
    [
      'selected-repositories',
      'an owner/name instead of a name',
      { ...ORG, INPUT_VISIBILITY: 'selected', 'INPUT_SELECTED-REPOSITORIES': 'app, acme/web' },
      "'acme/web'"
    ],
    [
      'selected-repositories',
      "'..'",
      { ...ORG, INPUT_VISIBILITY: 'selected', 'INPUT_SELECTED-REPOSITORIES': '..' },
      "'..'"
    ]
  ])('%s: %s → error', (name, _how, overrides, fragment) => {
    expectInputError(env(overrides), name, fragment)
  })
})

describe('readSettings: dry-run', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', false],
    [' true ', true]
  ])('%j → %s', (value, expected) => {
    expect(readSettings(env({ 'INPUT_DRY-RUN': value })).dryRun).toBe(expected)
  })

  test('absent → false', () => {
    expect(readSettings(env({ 'INPUT_DRY-RUN': undefined })).dryRun).toBe(false)
  })

  test.each(['yes', 'no', '1', 'tRuE', 'on'])('%j → error', value => {
    expectInputError(env({ 'INPUT_DRY-RUN': value }), 'dry-run', `'${value}'`)
  })
})

describe('readSettings: composio-base-url', () => {
  test.each([
    ['', 'https://backend.composio.dev'],
    ['https://backend.composio.dev', 'https://backend.composio.dev'],
    ['https://eu.composio.example/', 'https://eu.composio.example'],
    ['https://composio.example:8443', 'https://composio.example:8443'],
    ['HTTPS://Composio.Example', 'https://composio.example'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost', 'http://localhost'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:9000', 'http://[::1]:9000']
  ])('%j → %s', (value, expected) => {
    expect(readSettings(env({ 'INPUT_COMPOSIO-BASE-URL': value })).composioBaseUrl).toBe(expected)
  })

  test.each([
    ['plain http to a remote host', 'http://example.com', 'must use https'],
    ['plain http to a look-alike of loopback', 'http://127.0.0.1.example.com', 'must use https'],
    ['plain http to localhost.example', 'http://localhost.example', 'must use https'],
    ['another scheme', 'ftp://example.com', 'must use https'],
    ['a path', 'https://backend.composio.dev/api/v3', 'without a path'],
    ['a path on loopback', 'http://localhost:8080/x', 'without a path'],
    ['credentials', 'https://user:pass@example.com', 'credentials'],
    ['a user name only', 'https://user@example.com', 'credentials'],
    ['a query', 'https://example.com/?a=1', 'a query'],
    ['a fragment', 'https://example.com/#top', 'a fragment'],
    ['not a URL', 'backend.composio.dev', 'is not a URL']
  ])('%s (%j) → error', (_name, value, fragment) => {
    expectInputError(env({ 'INPUT_COMPOSIO-BASE-URL': value }), 'composio-base-url', fragment)
  })

  // The error must not print the credentials it refuses.
  test('a URL carrying a password is refused without echoing the password', () => {
    const error = errorOf(env({ 'INPUT_COMPOSIO-BASE-URL': 'https://user:s3cr3t-pw@example.com' }))
    expect(error.message).not.toContain('s3cr3t-pw')
  })
})

describe('readSettings: GITHUB_API_URL', () => {
  test.each([
    [undefined, 'https://api.github.com'],
    ['', 'https://api.github.com'],
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['https://ghes.example.com/api/v3', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/api/v3/', 'https://ghes.example.com/api/v3'],
    ['http://localhost:3000/api/v3', 'http://localhost:3000/api/v3'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000']
  ])('%j → %s', (value, expected) => {
    expect(readSettings(env({ GITHUB_API_URL: value })).githubApiUrl).toBe(expected)
  })

  test.each([
    ['http://ghes.example.com/api/v3', 'must use https'],
    ['http://api.github.com', 'must use https'],
    ['https://x:y@ghes.example.com/api/v3', 'credentials'],
    ['https://ghes.example.com/api/v3?x=1', 'a query'],
    ['not a url', 'is not a URL']
  ])('%j → error', (value, fragment) => {
    expectInputError(env({ GITHUB_API_URL: value }), 'GITHUB_API_URL', fragment)
  })
})

describe('readSettings: timeout-seconds', () => {
  test.each([
    [undefined, 10000],
    ['', 10000],
    ['2', 2000],
    ['1', 1000],
    ['2.5', 2500],
    ['300', 300000],
    [' 30 ', 30000]
  ])('%j → timeoutMs %d', (value, expected) => {
    expect(readSettings(env({ 'INPUT_TIMEOUT-SECONDS': value })).timeoutMs).toBe(expected)
  })

  test.each(['0', '-1', 'abc', '301', '0.5', '1e1', '10s', '.5', 'Infinity'])(
    '%j → error',
    value => {
      expectInputError(env({ 'INPUT_TIMEOUT-SECONDS': value }), 'timeout-seconds', `'${value}'`)
    }
  )
})

describe('readSettings: credentials never appear in an error', () => {
  // One broken input at a time, with the key and the token filled in.
  test.each([
    ['subscription-id', { 'INPUT_SUBSCRIPTION-ID': '' }],
    ['api-key', { 'INPUT_USER-API-KEY': USER_API_KEY }],
    ['secret-name', { 'INPUT_SECRET-NAME': 'GITHUB_X' }],
    ['repository', { INPUT_REPOSITORY: 'x' }],
    ['targets', { INPUT_TARGETS: 'a/b\nbad line' }],
    ['visibility', { INPUT_VISIBILITY: 'all' }],
    ['dry-run', { 'INPUT_DRY-RUN': 'yes' }],
    ['composio-base-url', { 'INPUT_COMPOSIO-BASE-URL': 'http://example.com' }],
    ['GITHUB_API_URL', { GITHUB_API_URL: 'http://example.com' }],
    ['timeout-seconds', { 'INPUT_TIMEOUT-SECONDS': '0' }]
  ])('%s', (name, overrides) => {
    expectInputError(env(overrides), name)
  })
})
