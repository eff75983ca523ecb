// The inputs that say where the secret goes: targets, or repository and environment, and how an
// organization secret is shared.
import { InputError, input, parsed } from './read.js'
import type { StoreTarget } from './store-targets.js'
import {
  githubTargetsOf,
  isRepositoryName,
  isStoreTarget,
  parseRepository,
  parseTarget,
  parseTargetLines,
  type Target
} from './targets.js'

export type Visibility = 'all' | 'private' | 'selected'

export interface OrganizationOptions {
  /** Organization targets only; undefined keeps an existing secret's visibility. */
  visibility: Visibility | undefined
  /** Repository names in the organization, for `visibility: selected`. */
  selectedRepositories: string[]
}

/** The targets, GitHub's and the runtime stores', each in the order given. */
export interface TargetList {
  targets: Target[]
  stores: StoreTarget[]
}

/** `targets`, or `repository` (default: the workflow's, GITHUB_REPOSITORY) and `environment`. */
export function readTargets(workflowRepository: string | undefined): TargetList {
  const lines = input('targets')
  const repository = input('repository')
  const environment = input('environment')
  if (lines !== '') {
    // The runner fills `repository` with its default (github.repository) even when the user did
    // not set it, so only a different repository counts as given.
    if (repository !== '' && repository !== workflowRepository) {
      throw new InputError('targets', "cannot be combined with 'repository'; list it in targets")
    }
    if (environment !== '') {
      throw new InputError(
        'targets',
        "cannot be combined with 'environment'; write owner/name@environment"
      )
    }
    const all = parsed('targets', () => parseTargetLines(lines))
    return {
      targets: githubTargetsOf(all),
      stores: all.filter(isStoreTarget)
    }
  }
  const fullName = repository || workflowRepository || ''
  if (fullName === '')
    throw new InputError('repository', 'is required (owner/name) when targets is empty')
  const { owner, repo } = parsed('repository', () => parseRepository(fullName))
  const target = parsed('environment', () =>
    parseTarget(environment ? `${owner}/${repo}@${environment}` : `${owner}/${repo}`)
  )
  return { targets: [target], stores: [] }
}

/** `targets` undefined: that input was refused, so whether one is an organization is unknown. */
export function readOrganizationOptions(targets: Target[] | undefined): OrganizationOptions {
  const visibility = input('visibility')
  const selected = input('selected-repositories')
    .split(/[\s,]+/)
    .filter(name => name !== '')
  if (visibility !== '' && !['all', 'private', 'selected'].includes(visibility)) {
    throw new InputError('visibility', `'${visibility}' is not one of all, private, selected`)
  }
  if (visibility !== '' && targets && !targets.some(target => target.kind === 'organization')) {
    throw new InputError('visibility', 'applies only to organization targets (org:NAME)')
  }
  if (visibility === 'selected' && selected.length === 0) {
    throw new InputError('selected-repositories', "is required when visibility is 'selected'")
  }
  if (visibility !== 'selected' && selected.length > 0) {
    throw new InputError('selected-repositories', "is allowed only with visibility 'selected'")
  }
  for (const name of selected) {
    if (!isRepositoryName(name)) {
      throw new InputError('selected-repositories', `'${name}' is not a repository name`)
    }
  }
  return {
    visibility: (visibility || undefined) as Visibility | undefined,
    selectedRepositories: selected
  }
}
