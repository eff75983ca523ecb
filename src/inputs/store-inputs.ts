// The inputs a runtime-store target needs: its credential and where its API is, and for
// Secrets Manager the region. Checked with every other input, before any request.
import { InputError, InputReader, input, parsed } from './read.js'
import { AWS_REGION, formatStoreTarget, type StoreTarget } from './store-targets.js'
import { credentialUrl } from '../http/urls.js'

export const DEFAULT_CLOUDFLARE_API_URL = 'https://api.cloudflare.com/client/v4'

export interface CloudflareSettings {
  /** https (plain http only to loopback), without a trailing slash. */
  apiUrl: string
  token: string
}

/** A store target with everything it needs known: Secrets Manager's region settled. */
export type ResolvedStoreTarget =
  | (StoreTarget & { kind: 'cloudflare' })
  | { kind: 'aws-secretsmanager'; secretId: string; region: string }

export interface StoreOptions {
  stores: ResolvedStoreTarget[]
  /** Set when a cloudflare: target is given. */
  cloudflare: CloudflareSettings | undefined
}

/**
 * `stores` undefined: `targets` was refused, and reported; the store inputs are still checked
 * for form. `credential` checks a credential's characters, as settings.ts does for the others.
 */
export function readStoreOptions(
  stores: StoreTarget[] | undefined,
  env: NodeJS.ProcessEnv,
  credential: (name: string, value: string) => string
): StoreOptions {
  // Every problem at once: the URL's, the token's, each region's.
  const inputs = new InputReader()
  const apiUrl = inputs.read(() =>
    parsed('cloudflare-api-url', () =>
      credentialUrl(input('cloudflare-api-url') || DEFAULT_CLOUDFLARE_API_URL, { allowPath: true })
    )
  )
  const resolved = (stores ?? []).map(target => inputs.read(() => withRegion(target, env)))
  // The SDK's endpoint variables are input too: a bad one stops the run before any request.
  if (stores?.some(target => target.kind === 'aws-secretsmanager'))
    inputs.read(() => configuredAwsEndpoint(env))
  const needsToken = resolved.some(target => target?.kind === 'cloudflare')
  const token = inputs.read(() => (needsToken ? readToken(credential) : undefined))
  const settled = inputs.settled({ apiUrl, resolved, token: token ?? '' })
  return {
    stores: settled.resolved as ResolvedStoreTarget[],
    cloudflare: needsToken ? { apiUrl: settled.apiUrl, token: settled.token } : undefined
  }
}

function readToken(credential: (name: string, value: string) => string): string {
  const token = input('cloudflare-api-token')
  if (token === '') {
    throw new InputError(
      'cloudflare-api-token',
      'is required for cloudflare: targets and was empty. If it comes from a secret, note that secrets are not passed to workflows triggered from forks or by Dependabot'
    )
  }
  return credential('cloudflare-api-token', token)
}

/** The ARN's region, else AWS_REGION (the variable the AWS SDK and configure-aws-credentials use). */
function withRegion(target: StoreTarget, env: NodeJS.ProcessEnv): ResolvedStoreTarget {
  if (target.kind === 'cloudflare' || target.region !== undefined) {
    return target as ResolvedStoreTarget
  }
  const region = env['AWS_REGION'] ?? ''
  const label = formatStoreTarget(target)
  if (region === '') {
    throw new InputError(
      'targets',
      `${label} names no region: give the secret's ARN, or set AWS_REGION (aws-actions/configure-aws-credentials sets it)`
    )
  }
  if (!AWS_REGION.test(region)) {
    throw new InputError(
      'AWS_REGION',
      `'${region}' is not an AWS region (such as us-east-1)`,
      'Environment variable'
    )
  }
  return { ...target, region }
}

/**
 * The endpoint the AWS SDK takes from the environment, held to the credential rule: https, or
 * plain http only to this machine. Undefined when none is set (the regional endpoint).
 */
export function configuredAwsEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true') return undefined
  const name = ['AWS_ENDPOINT_URL_SECRETS_MANAGER', 'AWS_ENDPOINT_URL'].find(
    variable => env[variable]
  )
  if (name === undefined) return undefined
  return parsed(name, () => credentialUrl(env[name]!, { allowPath: true }), 'Environment variable')
}
