// Whether a dispatched run can read the secret at all: a repository's own secret always reaches
// it; an environment's only a job that runs in that environment; an organization secret only as
// its visibility will be after the write (asked for, or kept from the existing secret). Pure:
// facts in, a problem (or none) out.
import type { OrganizationAccess } from '../github/secrets.js'
import type { RedeployLine } from '../inputs/redeploy.js'
import type { Target } from '../inputs/targets.js'
import type { RepositoryFacts } from '../github/workflows.js'

/** A target as the preflight prepared it: for an organization, the visibility the write sends. */
export interface TargetAccess {
  target: Target
  label: string
  access?: OrganizationAccess
}

/** Undefined when a run of the line's repository reads one of the targets written for it. */
export function reachProblem(
  line: RedeployLine & { workflowPath: string },
  /** Read whenever the line has an organization target. */
  repository: RepositoryFacts | undefined,
  targets: TargetAccess[],
  visibilityKept: boolean,
  /** The environments the workflow's jobs run in; undefined: the file cannot settle it. */
  environments?: string[]
): string | undefined {
  // A dispatched run reads Actions secrets only (the input already refused lines with none).
  const mine = targets.filter(t => line.labels.includes(t.label) && t.target.store === undefined)
  const ranIn = (name: string) =>
    environments?.some(used => used.toLowerCase() === name.toLowerCase()) ?? true
  const readable = ({ target, access }: TargetAccess) =>
    target.kind === 'organization'
      ? repository !== undefined && reads(access, repository)
      : target.kind !== 'environment' || ranIn(target.environment)
  if (mine.length === 0 || mine.some(readable)) return undefined
  const kept = visibilityKept
    ? " (visibility not given: the existing secret's is kept, private for a new one)"
    : ''
  const why = mine.map(({ target, label, access }) =>
    target.kind === 'environment'
      ? `${label}'s secret is an environment's, and no job of ${line.workflowPath} runs in environment '${target.environment}'`
      : `${label}'s secret ${unreached(access, repository)}${kept}`
  )
  return `${line.owner}/${line.repo} could not read the secret, so its deploy would ship the old one: ${why.join('; ')}. Add ${line.owner}/${line.repo} to targets, run the deploy job in the environment, or widen the organization secret's visibility`
}

function reads(access: OrganizationAccess | undefined, repository: RepositoryFacts): boolean {
  switch (access?.visibility ?? 'private') {
    case 'all':
      return true
    case 'private':
      return repository.visibility !== 'public'
    case 'selected':
      return access?.selectedRepositoryIds?.includes(repository.id) ?? false
  }
}

function unreached(
  access: OrganizationAccess | undefined,
  repository: RepositoryFacts | undefined
): string {
  return access?.visibility === 'selected'
    ? 'will be visible to selected repositories only, and this repository is not one of them (selected-repositories)'
    : `will be visible to private and internal repositories only (visibility: private), and this repository is ${repository?.visibility ?? 'not known'}`
}
