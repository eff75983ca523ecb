// After the writes: start one repository's workflow and follow its run to the end, or to
// `redeploy-timeout-minutes`. Every outcome is a result, never an exception.
import { describeGitHubAnswer } from '../github/errors.js'
import type { Run } from '../run/context.js'
import { ACTIONS_PERMISSION, type PreparedRedeploy } from './check.js'
import { dispatchWorkflow, findDispatchedRun, getRun, type RunState } from './github.js'

/** One repository's redeploy, as the `redeploys` output and the summary show it. */
export interface RedeployResult {
  repository: string
  workflow: string
  ref: string
  runUrl: string | undefined
  /**
   * GitHub's conclusion (success, failure, cancelled, timed_out, …) or, without one: `waiting`
   * (for an approval), `in_progress` (still running at the timeout), `not_found` (the run never
   * appeared), `not_dispatched`, `dispatch_failed`.
   */
  conclusion: string
  /** Why it is not a success, in words. */
  detail?: string
}

/** What is known of a redeploy on its way, for a cancellation to say (src/redeploy/cancelled.ts). */
export interface FollowProgress {
  /** `sent`: the dispatch is out and not answered yet; `accepted`: GitHub accepted it. */
  dispatch: 'sent' | 'accepted'
  /** The run's id, when the dispatch's answer or the runs list named it. */
  runId?: number
  /** The run and its last status, once it was read. */
  run?: { htmlUrl: string; status: string | null }
}

/** How often a run is asked for its status. */
export const POLL_INTERVAL_MS = 10_000

export function resultOf(
  line: PreparedRedeploy,
  conclusion: string,
  detail?: string
): RedeployResult {
  return {
    repository: `${line.owner}/${line.repo}`,
    workflow: line.workflow,
    ref: line.dispatchRef,
    runUrl: undefined,
    conclusion,
    ...(detail !== undefined && { detail })
  }
}

export async function dispatchAndFollow(
  run: Run,
  line: PreparedRedeploy,
  progress: (known: FollowProgress) => void = () => undefined
): Promise<RedeployResult> {
  const { octokit } = run.github
  const where = { owner: line.owner, repo: line.repo }
  const since = run.deps.now()
  let runId: number | undefined
  try {
    progress({ dispatch: 'sent' })
    runId = await dispatchWorkflow(octokit, where, line.workflowId, line.dispatchRef)
  } catch (error) {
    const why = describeGitHubAnswer(error, run.settings.timeoutMs, status =>
      status === 403 || status === 404
        ? `starting a workflow needs ${ACTIONS_PERMISSION}; the check before the rotation can read the workflow but cannot prove this without starting a run`
        : undefined
    )
    return resultOf(line, 'dispatch_failed', `the dispatch failed: ${why}`)
  }
  progress({ dispatch: 'accepted', ...(runId !== undefined && { runId }) })
  run.io.info(`${where.owner}/${where.repo}: started ${line.workflowPath} on ${line.dispatchRef}.`)
  return follow(run, line, runId, since, progress)
}

/** Polls the run until it completes or the time is up; says at once when it waits for approval. */
async function follow(
  run: Run,
  line: PreparedRedeploy,
  dispatchedRunId: number | undefined,
  since: Date,
  progress: (known: FollowProgress) => void
): Promise<RedeployResult> {
  const { octokit } = run.github
  const { deps, io, settings } = run
  const where = { owner: line.owner, repo: line.repo }
  const name = `${where.owner}/${where.repo}`
  const deadline = since.getTime() + settings.redeployTimeoutMs
  const minutes = settings.redeployTimeoutMs / 60_000
  let runId = dispatchedRunId
  let state: RunState | undefined
  let saidWaiting = false
  let lastError: string | undefined
  for (;;) {
    try {
      runId ??= await findDispatchedRun(octokit, where, line.workflowId, since)
      if (runId !== undefined) {
        const first = state === undefined
        state = await getRun(octokit, where, runId)
        progress({ dispatch: 'accepted', runId, run: state })
        if (first) io.info(`${name}: following run ${state.htmlUrl} (up to ${minutes} min).`)
      }
      lastError = undefined
    } catch (error) {
      lastError = describeGitHubAnswer(error, settings.timeoutMs, () => undefined)
    }
    if (state?.status === 'completed') return finished(line, state)
    if (state?.status === 'waiting' && !saidWaiting) {
      saidWaiting = true
      io.warning(
        `${name}: run ${state.htmlUrl} is waiting for an environment's approval; the receiver keeps the old secret until it is approved and deploys. Following it up to ${minutes} min (redeploy-timeout-minutes).`
      )
    }
    const left = deadline - deps.now().getTime()
    // A cancelled job ends the follow at once (the guard is exiting).
    if (left <= 0 || run.guard.signal.aborted) return unfinished(line, state, lastError, minutes)
    await deps.sleep(Math.min(POLL_INTERVAL_MS, left), run.guard.signal)
  }
}

function finished(line: PreparedRedeploy, state: RunState): RedeployResult {
  const conclusion = state.conclusion ?? 'unknown'
  const result = { ...resultOf(line, conclusion), runUrl: state.htmlUrl }
  return conclusion === 'success' ? result : { ...result, detail: `the run ended: ${conclusion}` }
}

function unfinished(
  line: PreparedRedeploy,
  state: RunState | undefined,
  lastError: string | undefined,
  minutes: number
): RedeployResult {
  const also = lastError ? ` (last status request: ${lastError})` : ''
  if (state === undefined) {
    return resultOf(
      line,
      'not_found',
      `the dispatched run did not appear within ${minutes} min${also}`
    )
  }
  const waiting = state.status === 'waiting'
  return {
    ...resultOf(
      line,
      waiting ? 'waiting' : 'in_progress',
      waiting
        ? `still waiting for an environment's approval after ${minutes} min${also}`
        : `still ${state.status ?? 'running'} after ${minutes} min (redeploy-timeout-minutes)${also}`
    ),
    runUrl: state.htmlUrl
  }
}
