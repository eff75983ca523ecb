// Every input read and validated once, into one typed settings object, before any request.
// Dependency-free on purpose: a bad input fails before Octokit or libsodium load.
import { InputError, input, parsed, required, type Env } from './input-reader.js'
import { readOrganizationOptions, readTargets, type OrganizationOptions } from './target-inputs.js'
import type { Target } from './targets.js'
import { credentialUrl } from './urls.js'

// readSettings throws InputError: callers and tests need it from here.
export { InputError } from './input-reader.js'
export type { Visibility } from './target-inputs.js'

export interface ComposioAuth {
  header: 'x-api-key' | 'x-user-api-key'
  value: string
}

export interface Settings extends OrganizationOptions {
  subscriptionId: string
  composioAuth: ComposioAuth
  githubToken: string
  secretName: string
  targets: Target[]
  dryRun: boolean
  composioBaseUrl: string
  githubApiUrl: string
  /** Bound on each HTTP attempt: connecting, and receiving the whole response. */
  timeoutMs: number
}

export const DEFAULT_SECRET_NAME = 'COMPOSIO_WEBHOOK_SECRET'
export const DEFAULT_COMPOSIO_BASE_URL = 'https://backend.composio.dev'
export const DEFAULT_TIMEOUT_SECONDS = 10
const MAX_TIMEOUT_SECONDS = 300

/** The inputs that carry credentials. */
export const CREDENTIAL_INPUTS = ['github-token', 'api-key', 'user-api-key'] as const

// Secrets are not passed to workflows from forks nor to Dependabot runs: the likely cause of an
// empty credential input.
const EMPTY_SECRET_HINT =
  '. If it comes from a secret, note that secrets are not passed to workflows triggered from forks or by Dependabot'

export function readSettings(env: Env): Settings {
  const subscriptionId = required(env, 'subscription-id')
  const githubToken = credential('github-token', required(env, 'github-token', EMPTY_SECRET_HINT))
  const targets = readTargets(env)
  return {
    subscriptionId,
    composioAuth: readComposioAuth(env),
    githubToken,
    secretName: readSecretName(env),
    targets,
    ...readOrganizationOptions(env, targets),
    dryRun: readBoolean(env, 'dry-run'),
    composioBaseUrl: readOrigin(env, 'composio-base-url', DEFAULT_COMPOSIO_BASE_URL),
    githubApiUrl: readGitHubApiUrl(env),
    timeoutMs: readTimeoutSeconds(env) * 1000
  }
}

/**
 * Credentials travel in HTTP headers: visible ASCII only. fetch would refuse anything else in an
 * error that quotes the value, so refuse it here, without quoting it.
 */
function credential(name: string, value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new InputError(
      name,
      'holds a character an HTTP header cannot carry (a space, newline, control or non-ASCII character, often from a bad paste); store the secret again'
    )
  }
  return value
}

function readComposioAuth(env: Env): ComposioAuth {
  const apiKey = input(env, 'api-key')
  const userApiKey = input(env, 'user-api-key')
  // Composio answers 401 when both headers are sent, so exactly one is allowed.
  if (apiKey !== '' && userApiKey !== '') {
    throw new InputError('api-key', "and 'user-api-key' were both given; give exactly one")
  }
  if (apiKey !== '') return { header: 'x-api-key', value: credential('api-key', apiKey) }
  if (userApiKey !== '')
    return { header: 'x-user-api-key', value: credential('user-api-key', userApiKey) }
  throw new InputError(
    'api-key',
    `and 'user-api-key' were both empty; give exactly one${EMPTY_SECRET_HINT}`
  )
}

export function checkSecretName(name: string): string | undefined {
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'may contain only letters, digits and underscores'
  if (/^[0-9]/.test(name)) return 'must not start with a digit'
  if (/^GITHUB_/i.test(name)) return 'must not start with GITHUB_'
  return undefined
}

function readSecretName(env: Env): string {
  const name = input(env, 'secret-name') || DEFAULT_SECRET_NAME
  const problem = checkSecretName(name)
  if (problem) throw new InputError('secret-name', `'${name}' ${problem}`)
  return name
}

function readBoolean(env: Env, name: string): boolean {
  // The same spellings @actions/core's getBooleanInput accepts (YAML 1.2 core schema).
  const value = input(env, name)
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE', ''].includes(value)) return false
  throw new InputError(name, `'${value}' is not a boolean; use true or false`)
}

function readTimeoutSeconds(env: Env): number {
  const text = input(env, 'timeout-seconds')
  if (text === '') return DEFAULT_TIMEOUT_SECONDS
  const seconds = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new InputError(
      'timeout-seconds',
      `'${text}' is not a number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`
    )
  }
  return seconds
}

/** An origin that credentials may be sent to: https, or plain http only to a loopback host. */
function readOrigin(env: Env, name: string, fallback: string): string {
  const text = input(env, name) || fallback
  return parsed(name, () => credentialUrl(text, { allowPath: false }))
}

function readGitHubApiUrl(env: Env): string {
  // Not an input: the runner sets GITHUB_API_URL (GitHub Enterprise Server: https://host/api/v3).
  const text = env['GITHUB_API_URL'] || 'https://api.github.com'
  return parsed(
    'GITHUB_API_URL',
    () => credentialUrl(text, { allowPath: true }),
    'Environment variable'
  )
}
