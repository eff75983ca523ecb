// What a failed GitHub request means for the user, with the likely fix. Status and GitHub's
// `message` only: never a header or a body, which may carry a token or a sealed value.
import { describeNetworkError } from '../http.js'
import type { Target } from '../targets.js'

const PERMISSIONS: Record<Target['kind'], string> = {
  repository:
    "a fine-grained PAT or GitHub App token with the repository permission 'Secrets: Read and write' (classic PAT: repo)",
  environment:
    "a fine-grained PAT or GitHub App token with the repository permissions 'Environments: Read and write' and 'Secrets: Read and write' (classic PAT: repo)",
  organization:
    "a fine-grained PAT or GitHub App token with the organization permission 'Secrets: Read and write' (classic PAT: admin:org)"
}

function hint(status: number, target: Target): string | undefined {
  switch (status) {
    case 401:
      return 'the github-token is invalid or expired'
    case 403:
      return `the github-token may not manage these secrets. GITHUB_TOKEN never can (it cannot even read the public key): use ${PERMISSIONS[target.kind]}`
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

/** `HTTP 403: Resource not accessible by integration. Hint: …`, or why no answer came. */
export function describeGitHubError(error: unknown, target: Target, timeoutMs: number): string {
  const { status, response, cause } = error as {
    status?: number
    response?: { data?: unknown }
    cause?: unknown
  }
  // Octokit's RequestError without a response: the request got no answer.
  if (status !== undefined && response === undefined)
    return describeNetworkError(cause ?? error, timeoutMs)
  if (status === undefined) return error instanceof Error ? error.message : String(error)
  const data = response?.data as { message?: unknown } | undefined
  const message = typeof data?.message === 'string' ? `: ${data.message}` : ''
  const why = hint(status, target)
  return `HTTP ${status}${message}${why ? `. Hint: ${why}` : ''}`
}
