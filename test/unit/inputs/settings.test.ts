import { afterEach, describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/inputs/read.js'
import {
  DEFAULT_COMPOSIO_BASE_URL,
  DEFAULT_SECRET_NAME,
  readSettings,
  type Settings
} from '../../../src/inputs/settings.js'
import { merge, thrown, withInputs, type Inputs } from './with-inputs.js'

// Distinctive credential values: no error message may ever contain them.
const API_KEY = 'ak_CREDENTIAL_api_key_0001'
const USER_API_KEY = 'uak_CREDENTIAL_user_key_0002'
const TOKEN = 'ghp_CREDENTIAL_token_0003'
const CREDENTIALS = [API_KEY, USER_API_KEY, TOKEN]

const BASE: Inputs = { 'subscription-id': 'ws_sub_123', 'api-key': API_KEY, 'github-token': TOKEN }
const ENV = { GITHUB_REPOSITORY: 'acme/app' }

const settings = (inputs: Inputs = {}): Settings =>
  withInputs(merge(BASE, inputs), () => readSettings(ENV))

/** An InputError naming `name`, that never quotes a credential. */
function inputError(inputs: Inputs, name: string, fragment?: string | RegExp): string {
  const error = thrown(() => settings(inputs))
  expect(error).toBeInstanceOf(InputError)
  expect(error.message.startsWith(`Input '${name}': `)).toBe(true)
  for (const credential of CREDENTIALS) expect(error.message).not.toContain(credential)
  if (fragment !== undefined) expect(error.message).toMatch(fragment)
  return error.message
}

describe('readSettings: where it reads from', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const key of ['GITHUB_REPOSITORY', 'GITHUB_API_URL']) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  })

  test('a minimal run fills every default', () => {
    expect(settings()).toEqual({
      subscriptionId: 'ws_sub_123',
      composioAuth: { header: 'x-api-key', value: API_KEY },
      githubToken: TOKEN,
      secretName: 'COMPOSIO_WEBHOOK_SECRET',
      targets: [{ kind: 'repository', owner: 'acme', repo: 'app' }],
      visibility: undefined,
      selectedRepositories: [],
      rotate: true,
      dryRun: false,
      composioBaseUrl: 'https://backend.composio.dev',
      githubApiUrl: 'https://api.github.com',
      timeoutMs: 10000,
      failureIssue: false,
      verifyReceiver: undefined,
      verifyTiming: { timeoutMs: 300_000, intervalMs: 10_000 },
      redeploy: [],
      redeployTimeoutMs: 20 * 60_000,
      stores: [],
      cloudflare: undefined
    })
    expect(DEFAULT_SECRET_NAME).toBe('COMPOSIO_WEBHOOK_SECRET')
    expect(DEFAULT_COMPOSIO_BASE_URL).toBe('https://backend.composio.dev')
  })

  test('inputs come from process.env, never from the env argument', () => {
    const env = { ...ENV, 'INPUT_SUBSCRIPTION-ID': 'ws_from_argument' }
    const error = thrown(() =>
      withInputs(merge(BASE, { 'subscription-id': undefined }), () => readSettings(env))
    )
    expect(error.message).toBe("Input 'subscription-id': is required and was empty")
  })

  test('without an argument, GITHUB_REPOSITORY and GITHUB_API_URL come from process.env', () => {
    process.env['GITHUB_REPOSITORY'] = 'octo/hello'
    process.env['GITHUB_API_URL'] = 'https://ghes.example.com/api/v3/'
    const read = withInputs(BASE, () => readSettings())
    expect(read.targets).toEqual([{ kind: 'repository', owner: 'octo', repo: 'hello' }])
    expect(read.githubApiUrl).toBe('https://ghes.example.com/api/v3')
  })

  test('trims every input as the runner does', () => {
    const read = settings({
      'subscription-id': '  ws_sub_123\n',
      'api-key': ` ${API_KEY} `,
      'github-token': `\t${TOKEN}\n`
    })
    expect(read.subscriptionId).toBe('ws_sub_123')
    expect(read.composioAuth.value).toBe(API_KEY)
    expect(read.githubToken).toBe(TOKEN)
  })
})

describe('readSettings: required inputs', () => {
  test.each([
    ['subscription-id', 'missing', undefined],
    ['subscription-id', 'empty', ''],
    ['subscription-id', 'blank', '  \n '],
    ['github-token', 'missing', undefined],
    ['github-token', 'empty', ''],
    ['github-token', 'blank', ' ']
  ])("'%s' %s → error naming it", (name, _how, value) => {
    inputError({ [name]: value }, name, 'is required and was empty')
  })

  test('an empty github-token hints that secrets do not reach forks and Dependabot', () => {
    inputError({ 'github-token': '' }, 'github-token', /forks or by Dependabot$/)
  })
})

describe('readSettings: subscription-id', () => {
  test.each(['ws_1', 'A-z_09', 'x'.repeat(128), '-'])('%j is accepted', id => {
    expect(settings({ 'subscription-id': id }).subscriptionId).toBe(id)
  })

  // Printed in log lines and sent in a URL: anything else is refused, and never echoed.
  test.each([
    'ws_1\n::stop-commands::pwned',
    'ws 1',
    'ws/1',
    '../ws_1',
    'a?b#c',
    'wś_1',
    'ws_1%0A',
    'x'.repeat(129)
  ])('%j is refused without being quoted', id => {
    const message = inputError({ 'subscription-id': id }, 'subscription-id')
    expect(message).toBe(
      "Input 'subscription-id': must be a Composio webhook subscription ID: 1 to 128 letters, digits, '_' or '-'"
    )
  })
})

describe('readSettings: exactly one Composio key', () => {
  test.each<[string, Inputs, string, string]>([
    ['api-key only', {}, 'x-api-key', API_KEY],
    [
      'user-api-key only',
      { 'api-key': undefined, 'user-api-key': USER_API_KEY },
      'x-user-api-key',
      USER_API_KEY
    ],
    [
      'user-api-key with an empty api-key',
      { 'api-key': '', 'user-api-key': USER_API_KEY },
      'x-user-api-key',
      USER_API_KEY
    ],
    ['api-key with a blank user-api-key', { 'user-api-key': '  ' }, 'x-api-key', API_KEY]
  ])('%s → header %s', (_name, inputs, header, value) => {
    expect(settings(inputs).composioAuth).toEqual({ header, value })
  })

  test.each<[string, Inputs, string]>([
    ['both given', { 'user-api-key': USER_API_KEY }, 'both given; give exactly one'],
    ['neither given', { 'api-key': undefined }, 'both empty; give exactly one'],
    ['both blank', { 'api-key': ' ', 'user-api-key': '' }, 'both empty']
  ])('%s → error', (_name, inputs, fragment) => {
    const message = inputError(inputs, 'api-key', fragment)
    expect(message).toContain("'user-api-key'")
  })
})

describe('readSettings: credentials an HTTP header cannot carry', () => {
  // fetch would refuse them with an error quoting the value: refused here, never quoted.
  test.each([
    ['api-key', 'ak_CREDENTIAL_\n_second_line'],
    ['api-key', 'ak_CREDENTIAL with space'],
    ['api-key', 'ak_CREDENTIAL_clé'],
    ['user-api-key', 'uak_CREDENTIAL_\u0000nul'],
    ['github-token', 'ghp_CREDENTIAL_\ttab'],
    ['github-token', 'ghp_CREDENTIAL_\u00a0nbsp']
  ])('%s holding %j', (name, value) => {
    const inputs =
      name === 'user-api-key' ? { 'api-key': undefined, [name]: value } : { [name]: value }
    const message = inputError(inputs, name, 'holds a character an HTTP header cannot carry')
    expect(message).not.toContain('CREDENTIAL')
  })
})

describe('readSettings: credentials never appear in an error', () => {
  // One broken input at a time, with the key and the token filled in.
  test.each<[string, Inputs]>([
    ['subscription-id', { 'subscription-id': '' }],
    ['api-key', { 'user-api-key': USER_API_KEY }],
    ['secret-name', { 'secret-name': 'GITHUB_X' }],
    ['repository', { repository: 'x' }],
    ['targets', { targets: 'a/b\nbad line' }],
    ['visibility', { visibility: 'all' }],
    ['rotate', { rotate: 'maybe' }],
    ['dry-run', { 'dry-run': 'yes' }],
    ['composio-base-url', { 'composio-base-url': 'http://example.com' }],
    ['timeout-seconds', { 'timeout-seconds': '0' }]
  ])('%s', (name, inputs) => {
    inputError(inputs, name)
  })

  test('GITHUB_API_URL is named as an environment variable', () => {
    const error = thrown(() =>
      withInputs(BASE, () => readSettings({ ...ENV, GITHUB_API_URL: 'http://example.com' }))
    )
    expect(error.message.startsWith("Environment variable 'GITHUB_API_URL': ")).toBe(true)
    for (const credential of CREDENTIALS) expect(error.message).not.toContain(credential)
  })
})

describe('readSettings: every invalid input at once', () => {
  test('each refused input has its own line, in the order they are read', () => {
    const error = thrown(() =>
      settings({
        'subscription-id': 'ws 1',
        'github-token': '',
        targets: 'acme/app\nnot-a-repo\n# a comment\nacme/app@\nACME/APP',
        'secret-name': 'GITHUB_X',
        visibility: 'everyone',
        rotate: 'no',
        'timeout-seconds': '0'
      })
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error.message.split('\n')).toEqual([
      "Input 'subscription-id': must be a Composio webhook subscription ID: 1 to 128 letters, digits, '_' or '-'",
      "Input 'github-token': is required and was empty. If it comes from a secret, note that secrets are not passed to workflows triggered from forks or by Dependabot",
      "Input 'targets': line 2 ('not-a-repo'): 'not-a-repo' is not a repository; expected owner/name",
      "Input 'targets': line 4 ('acme/app@'): '' is not an environment name (1 to 255 characters, no control characters, no leading or trailing space)",
      "Input 'targets': line 5 ('ACME/APP'): duplicate of line 1",
      "Input 'secret-name': 'GITHUB_X' must not start with GITHUB_",
      "Input 'visibility': 'everyone' is not one of all, private, selected",
      "Input 'rotate': 'no' is not a boolean; use true or false",
      "Input 'timeout-seconds': '0' is not a number of seconds from 1 to 300"
    ])
    for (const credential of CREDENTIALS) expect(error.message).not.toContain(credential)
  })

  test('visibility is not judged against targets that were refused', () => {
    const error = thrown(() => settings({ targets: 'org:', visibility: 'private' }))
    expect(error.message).toBe("Input 'targets': line 1 ('org:'): '' is not an organization name")
  })
})

describe('readSettings: failure-issue', () => {
  test('true: the workflow repository, and the run link the runner gives', () => {
    const env = { ...ENV, GITHUB_SERVER_URL: 'https://ghes.example.com', GITHUB_RUN_ID: '77' }
    const read = withInputs(merge(BASE, { 'failure-issue': 'true' }), () => readSettings(env))
    expect(read.failureIssue).toEqual({
      owner: 'acme',
      repo: 'app',
      runUrl: 'https://ghes.example.com/acme/app/actions/runs/77'
    })
  })

  test('no run ID (a local run): no link; github.com when the server is not given', () => {
    const read = withInputs(merge(BASE, { 'failure-issue': 'true' }), () => readSettings(ENV))
    expect(read.failureIssue).toEqual({ owner: 'acme', repo: 'app', runUrl: undefined })
  })

  test('without GITHUB_REPOSITORY: an input error, listed with the others', () => {
    const error = thrown(() =>
      withInputs(merge(BASE, { 'failure-issue': 'true', repository: 'acme/app' }), () =>
        readSettings({})
      )
    )
    expect(error.message).toBe(
      "Input 'failure-issue': needs GITHUB_REPOSITORY (owner/name, which the runner sets): the issue goes to the workflow’s repository"
    )
  })

  test("'yes' is not a boolean", () => {
    inputError({ 'failure-issue': 'yes' }, 'failure-issue', /not a boolean/)
  })
})
