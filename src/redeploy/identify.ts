// Which run a dispatch started, when the server did not say (older GHES answer 204 without
// `return_run_details`). A run is ours only when it is the one candidate: a `workflow_dispatch`
// run of the workflow, on the dispatched ref, created since the dispatch by GitHub's clock. Two
// candidates (another dispatch of the same workflow at the same time) are never guessed between.
import type { Octokit } from '../github/client.js'
import type { PreparedRedeploy } from './check.js'
import { listCandidateRuns, type Dispatched } from './github.js'

/**
 * Subtracted from the dispatch answer's `Date`: that header is cut to the second, and it is
 * stamped when the answer leaves, after the run was created while the request was handled. A
 * wider window can only find more candidates, which ends in "not identified", never a wrong run.
 */
export const DISPATCH_SKEW_MS = 5_000
/** Without a `Date` header, the runner's clock, which may be minutes off GitHub's. */
export const RUNNER_CLOCK_SKEW_MS = 120_000

/** The run, none yet, or how many could be ours. */
export type Identified = { runId: number } | { candidates: number }

/** The earliest creation time a run of this dispatch can show. */
export function earliestCreation(dispatched: Dispatched, runnerSentAt: Date): Date {
  return dispatched.at
    ? new Date(Math.floor(dispatched.at.getTime() / 1000) * 1000 - DISPATCH_SKEW_MS)
    : new Date(runnerSentAt.getTime() - RUNNER_CLOCK_SKEW_MS)
}

/** Asked at every poll until the run completes: a second candidate appearing later undoes a claim. */
export async function identifyRun(
  octokit: Octokit,
  line: PreparedRedeploy,
  from: Date
): Promise<Identified> {
  const where = { owner: line.owner, repo: line.repo }
  const ids = await listCandidateRuns(octokit, where, line.workflowId, line.dispatchRef, from)
  return ids.length === 1 ? { runId: ids[0]! } : { candidates: ids.length }
}

/** Where a person finds a run this action could not identify: the workflow's runs page. */
export function runsList(line: PreparedRedeploy): string {
  return line.runsUrl ? `the runs list, ${line.runsUrl}` : `the workflow's runs list`
}
