// The failure-issue input, and what the runner says about the run: the workflow's repository,
// where the issue goes, and the link to this run.
import { InputError, boolean } from './read.js'
import { parseRepository } from './targets.js'

export interface FailureIssue {
  owner: string
  repo: string
  /** This run's page, when the runner says which run it is. */
  runUrl: string | undefined
}

/** false, or where a failed run opens its issue (GITHUB_REPOSITORY). */
export function readFailureIssue(env: NodeJS.ProcessEnv): FailureIssue | false {
  if (!boolean('failure-issue', false)) return false
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  let where: { owner: string; repo: string }
  try {
    where = parseRepository(repository)
  } catch {
    throw new InputError(
      'failure-issue',
      'needs GITHUB_REPOSITORY (owner/name, which the runner sets): the issue goes to the workflow’s repository'
    )
  }
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com'
  const runId = env['GITHUB_RUN_ID'] ?? ''
  const runUrl =
    /^\d+$/.test(runId) && /^https?:\/\/[^\s/]+$/.test(server)
      ? `${server}/${where.owner}/${where.repo}/actions/runs/${runId}`
      : undefined
  return { ...where, runUrl }
}
