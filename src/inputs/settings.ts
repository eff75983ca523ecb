// Every input read and validated once, into one typed Settings value, before any request.
// Light on purpose: a bad input fails before Octokit or libsodium load.
import { MAIN_INPUTS, nearMisses } from './declared.js'
import { readFailureIssue, type FailureIssue } from './failure-issue.js'
import { InputError, InputReader, boolean, input, parsed, required, seconds } from './read.js'
import { readReceiverOptions, type ReceiverOptions } from './receiver-inputs.js'
import { readRedeployOptions, type RedeployOptions } from './redeploy.js'
import { readStoreOptions, type StoreOptions } from './store-inputs.js'
import { readOrganizationOptions, readTargets, type OrganizationOptions } from './target-inputs.js'
import type { Target } from './targets.js'
import { credentialUrl } from '../http/urls.js'

export interface ComposioAuth {
  header: 'x-api-key' | 'x-user-api-key'
  value: string
}

export interface Settings
  extends OrganizationOptions, ReceiverOptions, RedeployOptions, StoreOptions {
  subscriptionId: string
  composioAuth: ComposioAuth
  githubToken: string
  secretName: string
  /** GitHub's targets; the runtime stores are `stores`. */
  targets: Target[]
  /** false: store the subscription's current secret without rotating. */
  rotate: boolean
  dryRun: boolean
  composioBaseUrl: string
  githubApiUrl: string
  /** Bound on each HTTP attempt: connecting, and receiving the whole response. */
  timeoutMs: number
  /** failure-issue: false, or the repository a failed run opens its issue in. */
  failureIssue: FailureIssue | false
}

export const DEFAULT_SECRET_NAME = 'COMPOSIO_WEBHOOK_SECRET'
export const DEFAULT_COMPOSIO_BASE_URL = 'https://backend.composio.dev'
export const DEFAULT_TIMEOUT_SECONDS = 10
const MAX_TIMEOUT_SECONDS = 300

/** The inputs that carry credentials: masked before anything else. */
export const CREDENTIAL_INPUTS = [
  'github-token',
  'api-key',
  'user-api-key',
  'cloudflare-api-token'
] as const

// Secrets are not passed to workflows from forks nor to Dependabot runs: the likely cause of an
// empty credential input.
const EMPTY_SECRET_HINT =
  '. If it comes from a secret, note that secrets are not passed to workflows triggered from forks or by Dependabot'

/**
 * Reads the inputs, and GITHUB_API_URL and GITHUB_REPOSITORY, which the runner sets. Every reader
 * runs, so that all invalid inputs are reported together: a new input is one more
 * `name: inputs.read(() => readName())` line, its reader throwing an InputError.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const inputs = new InputReader()
  // The inputs come from process.env, where @actions/core reads them, whatever `env` is.
  inputs.refuse(nearMisses(process.env, MAIN_INPUTS))
  const subscriptionId = inputs.read(readSubscriptionId)
  const githubToken = inputs.read(() =>
    credential('github-token', required('github-token', EMPTY_SECRET_HINT))
  )
  const targetList = inputs.read(() => readTargets(env['GITHUB_REPOSITORY']))
  const targets = targetList?.targets
  const { organization, receiver, redeploy, stores, ...settings } = inputs.settled({
    subscriptionId,
    composioAuth: inputs.read(readComposioAuth),
    githubToken,
    secretName: inputs.read(readSecretName),
    targets,
    organization: inputs.read(() => readOrganizationOptions(targets)),
    rotate: inputs.read(() => boolean('rotate', true)),
    dryRun: inputs.read(() => boolean('dry-run', false)),
    composioBaseUrl: inputs.read(() => readOrigin('composio-base-url', DEFAULT_COMPOSIO_BASE_URL)),
    githubApiUrl: inputs.read(() => readGitHubApiUrl(env)),
    timeoutMs: inputs.read(
      () => seconds('timeout-seconds', DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS) * 1000
    ),
    redeploy: inputs.read(() => readRedeployOptions(targets)),
    failureIssue: inputs.read(() => readFailureIssue(env)),
    receiver: inputs.read(readReceiverOptions),
    stores: inputs.read(() => readStoreOptions(targetList?.stores, env, credential))
  })
  return { ...settings, ...organization, ...receiver, ...redeploy, ...stores }
}

/**
 * Composio's IDs are letters, digits, '_' and '-'. Anything else is refused unquoted: the ID is
 * printed in log lines and sent in a URL, and a newline in it could start a workflow command.
 */
function readSubscriptionId(): string {
  const id = required('subscription-id')
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
    throw new InputError(
      'subscription-id',
      "must be a Composio webhook subscription ID: 1 to 128 letters, digits, '_' or '-'"
    )
  }
  return id
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

function readComposioAuth(): ComposioAuth {
  const apiKey = input('api-key')
  const userApiKey = input('user-api-key')
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

function readSecretName(): string {
  const name = input('secret-name') || DEFAULT_SECRET_NAME
  const problem = checkSecretName(name)
  if (problem) throw new InputError('secret-name', `'${name}' ${problem}`)
  return name
}

/** An origin that credentials may be sent to: https, or plain http only to a loopback host. */
function readOrigin(name: string, fallback: string): string {
  const text = input(name) || fallback
  return parsed(name, () => credentialUrl(text, { allowPath: false }))
}

function readGitHubApiUrl(env: NodeJS.ProcessEnv): string {
  // Not an input: the runner sets GITHUB_API_URL (GitHub Enterprise Server: https://host/api/v3).
  const text = env['GITHUB_API_URL'] || 'https://api.github.com'
  return parsed(
    'GITHUB_API_URL',
    () => credentialUrl(text, { allowPath: true }),
    'Environment variable'
  )
}
