// Which run a dispatch started. With `return_run_details` the answer names it; older GHES answer
// 204 without it. A run is then ours only when it is the one candidate: a `workflow_dispatch` run
// of the workflow, on the dispatched ref, created since the dispatch by GitHub's clock, and not
// listed before the dispatch was sent. Two candidates (another dispatch of the same workflow at
// the same time) are never guessed between. Whichever way it was found, a run that is not of the
// workflow, ref and event dispatched is not ours.
import type { Octokit } from '../github/client.js'
import type { PreparedRedeploy } from './check.js'
import {
  branchOf,
  dispatchWorkflow,
  listDispatchRuns,
  type Dispatched,
  type RunState
} from '../github/workflows.js'

/**
 * Subtracted from the dispatch answer's `Date`: that header is cut to the second, and it is
 * stamped when the answer leaves, after the run was created while the request was handled. A
 * wider window can only find more candidates, which ends in "not identified", never a wrong run.
 */
export const DISPATCH_SKEW_MS = 5_000
/** Without a `Date` header, the runner's clock, which may be minutes off GitHub's. */
export const RUNNER_CLOCK_SKEW_MS = 120_000

/**
 * How the dispatch's run is found: named by the answer; or among the runs created since `from`
 * that were not in `before`, the runs listed just before the dispatch went out (a run created
 * in the allowance before the `Date`, or in a window a bad `Date` widened, is then never taken
 * for ours); or not at all, without that list (`unlisted` says why).
 */
export type Tracking =
  { runId: number } | { from: Date; before: ReadonlySet<number> } | { unlisted: string }

/** The run, none yet, or how many could be ours. */
export type Identified = { runId: number } | { candidates: number }

/** Dispatches (src/github/workflows.ts) and says how its run will be found. */
export async function dispatchTracked(
  octokit: Octokit,
  line: PreparedRedeploy,
  runnerSentAt: Date,
  describe: (error: unknown) => string
): Promise<Tracking> {
  // Unless the answer names the run, its absence is the first thing said.
  let before: ReadonlySet<number> | { unlisted: string } = {
    unlisted: 'the server accepted return_run_details but did not name the run'
  }
  const dispatched = await dispatchWorkflow(
    octokit,
    { owner: line.owner, repo: line.repo },
    line.workflowId,
    line.dispatchRef,
    async () => {
      before = await listed(octokit, line).then(
        runs => new Set(runs.map(run => run.id)),
        (error: unknown) => ({
          unlisted: `the runs there before it could not be listed (${describe(error)})`
        })
      )
    }
  )
  if (dispatched.runId !== undefined) return { runId: dispatched.runId }
  if ('unlisted' in before) return before
  return { from: earliestCreation(dispatched, runnerSentAt), before }
}

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
  { from, before }: { from: Date; before: ReadonlySet<number> }
): Promise<Identified> {
  const ids = (await listed(octokit, line))
    .filter(run => run.createdAt >= from.getTime() && !before.has(run.id))
    .map(run => run.id)
  return ids.length === 1 ? { runId: ids[0]! } : { candidates: ids.length }
}

const listed = (octokit: Octokit, line: PreparedRedeploy) =>
  listDispatchRuns(
    octokit,
    { owner: line.owner, repo: line.repo },
    line.workflowId,
    line.dispatchRef
  )

/** Undefined when `state` is a run of the line's workflow, on its ref, started by a dispatch. */
export function notOfDispatch(state: RunState, line: PreparedRedeploy): string | undefined {
  if (
    state.workflowId === line.workflowId &&
    state.headBranch === branchOf(line.dispatchRef) &&
    state.event === 'workflow_dispatch'
  )
    return undefined
  return `GitHub named run ${state.id} as the dispatch's run, but that run is not of ${line.workflowPath} on ${branchOf(line.dispatchRef)} started by workflow_dispatch, so it is not followed as ours; find the dispatch's run in ${runsList(line)}`
}

/** A dispatch whose run cannot be found: `not_identified`, and where to look. */
export function unlistedDetail(line: PreparedRedeploy, unlisted: string): string {
  return `the dispatch was sent, but its run cannot be identified: ${unlisted}, and a run listed after the dispatch cannot be told from one that was there before; find it in ${runsList(line)}`
}

/** Where a person finds a run this action could not identify: the workflow's runs page. */
export function runsList(line: PreparedRedeploy): string {
  return line.runsUrl ? `the runs list, ${line.runsUrl}` : `the workflow's runs list`
}
