// The optional inputs: secret-name, rotate, dry-run, timeout-seconds, and the URLs credentials
// go to (their rules in detail: urls.test.ts).
import { describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/inputs/read.js'
import { checkSecretName, readSettings, type Settings } from '../../../src/inputs/settings.js'
import { merge, thrown, withInputs, type Inputs } from './with-inputs.js'

const BASE: Inputs = { 'subscription-id': 'ws_1', 'api-key': 'ak_1', 'github-token': 'ghp_1' }

const settings = (inputs: Inputs, env: NodeJS.ProcessEnv = {}): Settings =>
  withInputs(merge(BASE, inputs), () => readSettings({ GITHUB_REPOSITORY: 'acme/app', ...env }))

function errorOf(inputs: Inputs, env: NodeJS.ProcessEnv = {}): string {
  const error = thrown(() => settings(inputs, env))
  expect(error).toBeInstanceOf(InputError)
  return error.message
}

describe('secret-name', () => {
  test.each([
    ['', 'COMPOSIO_WEBHOOK_SECRET'],
    ['   ', 'COMPOSIO_WEBHOOK_SECRET'],
    ['MY_SECRET', 'MY_SECRET'],
    ['lower_case_1', 'lower_case_1'],
    ['_LEADING_UNDERSCORE', '_LEADING_UNDERSCORE'],
    ['GITHUBX', 'GITHUBX'],
    ['MY_GITHUB_SECRET', 'MY_GITHUB_SECRET']
  ])('%j → %s', (value, expected) => {
    expect(settings({ 'secret-name': value }).secretName).toBe(expected)
  })

  test.each([
    ['MY-SECRET', 'may contain only letters, digits and underscores'],
    ['MY SECRET', 'may contain only letters, digits and underscores'],
    ['SECRÉT', 'may contain only letters, digits and underscores'],
    ['MY.SECRET', 'may contain only letters, digits and underscores'],
    ['1SECRET', 'must not start with a digit'],
    ['GITHUB_SECRET', 'must not start with GITHUB_'],
    ['github_secret', 'must not start with GITHUB_'],
    ['GitHub_Token', 'must not start with GITHUB_']
  ])('%j → error (%s)', (value, problem) => {
    expect(checkSecretName(value)).toBe(problem)
    expect(errorOf({ 'secret-name': value })).toBe(`Input 'secret-name': '${value}' ${problem}`)
  })
})

describe.each([
  ['rotate', 'rotate', true],
  ['dry-run', 'dryRun', false]
] as const)('%s (boolean)', (name, key, fallback) => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' true ', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('%j → %s', (value, expected) => {
    expect(settings({ [name]: value })[key]).toBe(expected)
  })

  test(`empty or absent → ${fallback}`, () => {
    expect(settings({ [name]: '' })[key]).toBe(fallback)
    expect(settings({ [name]: undefined })[key]).toBe(fallback)
  })

  test.each(['yes', 'no', '1', 'tRuE', 'on'])('%j → error', value => {
    expect(errorOf({ [name]: value })).toBe(
      `Input '${name}': '${value}' is not a boolean; use true or false`
    )
  })
})

describe('timeout-seconds', () => {
  test.each([
    [undefined, 10000],
    ['', 10000],
    ['2', 2000],
    ['1', 1000],
    ['2.5', 2500],
    ['300', 300000],
    [' 30 ', 30000]
  ])('%j → timeoutMs %d', (value, expected) => {
    expect(settings({ 'timeout-seconds': value }).timeoutMs).toBe(expected)
  })

  test.each(['0', '-1', 'abc', '301', '0.5', '1e1', '10s', '.5', 'Infinity'])(
    '%j → error',
    value => {
      expect(errorOf({ 'timeout-seconds': value })).toBe(
        `Input 'timeout-seconds': '${value}' is not a number of seconds from 1 to 300`
      )
    }
  )
})

describe('composio-base-url and GITHUB_API_URL', () => {
  test.each([
    ['', 'https://backend.composio.dev'],
    ['https://eu.composio.example/', 'https://eu.composio.example'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080']
  ])('composio-base-url %j → %s', (value, expected) => {
    expect(settings({ 'composio-base-url': value }).composioBaseUrl).toBe(expected)
  })

  test.each([
    [undefined, 'https://api.github.com'],
    ['', 'https://api.github.com'],
    ['https://ghes.example.com/api/v3/', 'https://ghes.example.com/api/v3']
  ])('GITHUB_API_URL %j → %s', (value, expected) => {
    expect(settings({}, { GITHUB_API_URL: value }).githubApiUrl).toBe(expected)
  })

  test('a path in composio-base-url is refused, naming the input', () => {
    expect(errorOf({ 'composio-base-url': 'https://backend.composio.dev/api/v3' })).toBe(
      "Input 'composio-base-url': 'https://backend.composio.dev/api/v3' must be an origin such as https://backend.composio.dev, without a path"
    )
  })

  test('plain http in GITHUB_API_URL is refused, naming the variable', () => {
    expect(errorOf({}, { GITHUB_API_URL: 'http://ghes.example.com/api/v3' })).toMatch(
      /^Environment variable 'GITHUB_API_URL': 'http:\/\/ghes\.example\.com\/api\/v3' must use https/
    )
  })

  test('a URL carrying a password is refused without echoing the password', () => {
    const message = errorOf({ 'composio-base-url': 'https://user:s3cr3t-pw@example.com' })
    expect(message).toBe(
      "Input 'composio-base-url': 'https://…@example.com' must not carry credentials"
    )
  })
})
