// What a failed GitHub request means for the user, with the likely fix. Status and GitHub's
// `message` only, and the numbers of the rate-limit headers: never another header or a body,
// which may carry a token or a sealed value.
import { describeNetworkError, serverText } from '../http/http.js'
import type { Store, Target } from '../inputs/targets.js'

/** What writing a secret of each scope takes. */
const PERMISSIONS: Record<Target['kind'], string> = {
  repository:
    "the repository permission 'Secrets: Read and write' (fine-grained PAT), 'secrets: write' (GitHub App), or the repo scope (classic PAT)",
  environment:
    "the repository permissions 'Environments: Read and write' and 'Secrets: Read and write' (fine-grained PAT), 'environments: write' and 'secrets: write' (GitHub App), or the repo scope (classic PAT)",
  organization:
    "the organization permission 'Secrets: Read and write' (fine-grained PAT), 'organization_secrets: write' (GitHub App), or the admin:org scope (classic PAT)"
}

/** The same for Dependabot and Codespaces secrets, which have no environments. */
const STORE_PERMISSIONS: Record<Store, Record<'repository' | 'organization', string>> = {
  dependabot: {
    repository:
      "the repository permission 'Dependabot secrets: Read and write' (fine-grained PAT), 'dependabot_secrets: write' (GitHub App), or the repo scope (classic PAT)",
    organization:
      "the organization permission 'Organization dependabot secrets: Read and write' (fine-grained PAT), 'organization_dependabot_secrets: write' (GitHub App), or the admin:org scope (classic PAT)"
  },
  codespaces: {
    repository:
      "the repository permission 'Codespaces secrets: Read and write' (fine-grained PAT), 'codespaces_secrets: write' (GitHub App), or the repo scope (classic PAT)",
    organization:
      "the organization permission 'Organization codespaces secrets: Read and write' (fine-grained PAT), 'organization_codespaces_secrets: write' (GitHub App), or the admin:org scope (classic PAT)"
  }
}

function permission(target: Target): string {
  return target.store && target.kind !== 'environment'
    ? STORE_PERMISSIONS[target.store][target.kind]
    : PERMISSIONS[target.kind]
}

/** Reading a public key, or writing (the write check and the real write). */
export type Access = 'read' | 'write'

function hint(status: number, target: Target, access: Access): string | undefined {
  switch (status) {
    case 401:
      return 'the github-token is invalid or expired'
    case 403:
      return access === 'write'
        ? `the github-token can read this target but not write its secrets (a read-only token passes the public-key read). It needs ${permission(target)}. GITHUB_TOKEN never can`
        : `the github-token may not manage these secrets. GITHUB_TOKEN never can (it cannot even read the public key). It needs ${permission(target)}`
    case 404:
      return target.kind === 'environment'
        ? 'the repository or the environment does not exist, or the github-token cannot see it (a classic PAT without access gets 404 too)'
        : `the ${target.kind} does not exist, or the github-token cannot see it (a classic PAT without access gets 404 too)`
    case 422:
      return 'GitHub refused the request as malformed'
    default:
      return undefined
  }
}

type Headers = Record<string, string | number | undefined> | undefined

/**
 * A 403 or 429 that GitHub marks as a rate limit (`retry-after`, `x-ratelimit-remaining: 0`, or
 * a message that says so) is one, whatever else it says: the fix is to wait, not a permission.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
function rateLimitHint(status: number, message: string, headers: Headers): string | undefined {
  if (status !== 403 && status !== 429) return undefined
  const retryAfter = Number(headers?.['retry-after'])
  const reset = Number(headers?.['x-ratelimit-reset'])
  const exhausted = String(headers?.['x-ratelimit-remaining']) === '0'
  if (!(retryAfter > 0 || exhausted || /\brate limit/i.test(message))) return undefined
  const wait =
    retryAfter > 0
      ? `it asks to wait ${retryAfter} s (retry-after)`
      : exhausted && reset > 0
        ? `it asks to wait until ${new Date(reset * 1000).toISOString()} (x-ratelimit-reset)`
        : 'it did not say how long to wait (a secondary limit usually lifts within minutes)'
  return `GitHub rate-limited this request (not a permission problem): ${wait}. Try again after that`
}

/** `HTTP 403: Resource not accessible by integration. Hint: …`, or why no answer came. */
export function describeGitHubError(
  error: unknown,
  target: Target,
  timeoutMs: number,
  access: Access = 'read'
): string {
  return describeGitHubAnswer(error, timeoutMs, status => hint(status, target, access))
}

/** The same, for any GitHub request, with the caller's hint for a status. */
export function describeGitHubAnswer(
  error: unknown,
  timeoutMs: number,
  hintFor: (status: number) => string | undefined
): string {
  const { status, response, cause } = error as {
    status?: number
    response?: { data?: unknown; headers?: Headers }
    cause?: unknown
  }
  // Octokit's RequestError without a response: the request got no answer.
  if (status !== undefined && response === undefined)
    return describeNetworkError(cause ?? error, timeoutMs)
  if (status === undefined) return error instanceof Error ? error.message : String(error)
  const data = response?.data as { message?: unknown } | undefined
  const said = typeof data?.message === 'string' ? serverText(data.message) : undefined
  const message = said === undefined ? '' : `: ${said}`
  const why = rateLimitHint(status, said ?? '', response?.headers) ?? hintFor(status)
  return `HTTP ${status}${message}${why ? `. Hint: ${why}` : ''}`
}
