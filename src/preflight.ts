// Step 2, before anything irreversible: prove every target writable by fetching its public key,
// and settle each organization secret's visibility. Any failure here leaves the old secret alive.
import type { Settings } from './inputs.js'
import type { GitHubClient } from './github/client.js'
import { describeGitHubError } from './github/errors.js'
import {
  getOrganizationAccess,
  getPublicKey,
  getRepositoryId,
  type OrganizationAccess,
  type PublicKey
} from './github/secrets.js'
import { formatTarget, type Target } from './targets.js'

export interface PreparedTarget {
  target: Target
  label: string
  key: PublicKey
  /** Organization targets: the visibility the write will send. */
  access?: OrganizationAccess
}

export class PreflightError extends Error {
  override name = 'PreflightError'
}

/** Every target in parallel (Octokit's throttling bounds concurrency); all failures reported together. */
export async function preflight(
  github: GitHubClient,
  settings: Settings
): Promise<PreparedTarget[]> {
  const results = await Promise.allSettled(
    settings.targets.map(target => prepare(github, settings, target))
  )
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected'
      ? [`  - ${formatTarget(settings.targets[index]!)}: ${(result.reason as Error).message}`]
      : []
  )
  if (failures.length > 0) {
    throw new PreflightError(
      `Nothing was rotated: ${failures.length} of ${results.length} targets cannot be written.\n${failures.join('\n')}`
    )
  }
  return results.map(result => (result as PromiseFulfilledResult<PreparedTarget>).value)
}

async function prepare(
  github: GitHubClient,
  settings: Settings,
  target: Target
): Promise<PreparedTarget> {
  const [key, access] = await Promise.all([
    explained('could not read the public key', target, settings, getPublicKey(github, target)),
    target.kind === 'organization' ? organizationAccess(github, settings, target) : undefined
  ])
  return { target, label: formatTarget(target), key, ...(access && { access }) }
}

/** The visibility to send: the one asked for, else the existing secret's, else private. Never wider than asked. */
async function organizationAccess(
  github: GitHubClient,
  settings: Settings,
  target: Target & { kind: 'organization' }
): Promise<OrganizationAccess> {
  const { org } = target
  switch (settings.visibility) {
    case 'all':
    case 'private':
      return { visibility: settings.visibility }
    case 'selected':
      return {
        visibility: 'selected',
        selectedRepositoryIds: await Promise.all(
          settings.selectedRepositories.map(repo =>
            explained(
              `could not find the selected repository ${org}/${repo}`,
              { kind: 'repository', owner: org, repo },
              settings,
              getRepositoryId(github, org, repo)
            )
          )
        )
      }
    case undefined: {
      const current = getOrganizationAccess(github, org, settings.secretName)
      const what = `could not read the current visibility of ${settings.secretName}`
      return (await explained(what, target, settings, current)) ?? { visibility: 'private' }
    }
  }
}

/** Awaits one request, turning its failure into `what: HTTP 404: … Hint: …` about `target`. */
async function explained<T>(
  what: string,
  target: Target,
  settings: Settings,
  work: Promise<T>
): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw new Error(`${what}: ${describeGitHubError(error, target, settings.timeoutMs)}`)
  }
}
