// After the writes: start one repository's workflow and follow its run to the end, or to
// `redeploy-timeout-minutes`. Every outcome is a result, never an exception.
import type { Run } from '../context/run.js'
import { describeGitHubAnswer } from '../github/errors.js'
import { NOT_SHOWN } from '../http/http.js'
import { ACTIONS_PERMISSION, type PreparedRedeploy } from './check.js'
import { getRun, type RunState } from '../github/workflows.js'
import {
  dispatchTracked,
  identifyRun,
  notOfDispatch,
  runsList,
  unlistedDetail,
  type Tracking
} from './identify.js'

/** One repository's redeploy, as the `redeploys` output and the summary show it. */
export interface RedeployResult {
  repository: string
  workflow: string
  ref: string
  /** Only an https URL GitHub gave for this run, known to be ours. */
  runUrl: string | undefined
  /**
   * GitHub's conclusion (success, failure, cancelled, timed_out, …) or, without one: `waiting`
   * (for an approval), `in_progress` (still running at the timeout), `not_found` (dispatched, but
   * no run of it appeared), `not_identified` (dispatched, but more than one run could be it),
   * `not_dispatched`, `dispatch_failed`.
   */
  conclusion: string
  /** The run followed, when one was: named by id when its URL is not shown. */
  runId?: number
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
  run?: { htmlUrl: string | undefined; status: string | null }
}

/** How often a run is asked for its status, once it has run a while. */
export const POLL_INTERVAL_MS = 10_000
/** The first wait: a short deploy is seen to end within a second or two, not 10 s later. */
const FIRST_POLL_MS = 1_000

/** The wait after the n-th read of a run (from 0): 1, 2, 4, 8 s, then every 10 s. */
export function pollDelay(reads: number): number {
  return Math.min(FIRST_POLL_MS * 2 ** reads, POLL_INTERVAL_MS)
}

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
  let tracking: Tracking
  try {
    progress({ dispatch: 'sent' })
    tracking = await dispatchTracked(octokit, line, since, error =>
      describeGitHubAnswer(error, run.settings.timeoutMs, () => undefined)
    )
  } catch (error) {
    const why = describeGitHubAnswer(error, run.settings.timeoutMs, status =>
      status === 403 || status === 404
        ? `starting a workflow needs ${ACTIONS_PERMISSION}; the check before the rotation can read the workflow but cannot prove this without starting a run`
        : undefined
    )
    return resultOf(line, 'dispatch_failed', `the dispatch failed: ${why}`)
  }
  progress({ dispatch: 'accepted', ...('runId' in tracking && { runId: tracking.runId }) })
  run.io.info(`${where.owner}/${where.repo}: started ${line.workflowPath} on ${line.dispatchRef}.`)
  if ('unlisted' in tracking)
    return resultOf(line, 'not_identified', unlistedDetail(line, tracking.unlisted))
  return follow(run, line, tracking, since, progress)
}

/** Polls the run until it completes or the time is up; says at once when it waits for approval. */
async function follow(
  run: Run,
  line: PreparedRedeploy,
  tracking: Exclude<Tracking, { unlisted: unknown }>,
  since: Date,
  progress: (known: FollowProgress) => void
): Promise<RedeployResult> {
  const { octokit } = run.github
  const { deps, io, settings } = run
  const where = { owner: line.owner, repo: line.repo }
  const name = `${where.owner}/${where.repo}`
  const deadline = since.getTime() + settings.redeployTimeoutMs
  const minutes = settings.redeployTimeoutMs / 60_000
  let runId = 'runId' in tracking ? tracking.runId : undefined
  let state: RunState | undefined
  let saidWaiting = false
  let lastError: string | undefined
  for (let reads = 0; ; reads++) {
    try {
      if ('from' in tracking) {
        const identified = await identifyRun(octokit, line, tracking)
        if ('candidates' in identified && identified.candidates > 1)
          return notIdentified(line, identified.candidates)
        // A claim holds only while the run is the one candidate: one listed later undoes it.
        runId = 'runId' in identified ? identified.runId : undefined
        if (runId === undefined) state = undefined
      }
      if (runId !== undefined) {
        const first = state === undefined
        state = await getRun(octokit, where, runId)
        const stranger = notOfDispatch(state, line)
        if (stranger) return resultOf(line, 'not_identified', stranger)
        progress({ dispatch: 'accepted', runId, run: state })
        if (first)
          io.info(`${name}: following run ${state.htmlUrl ?? NOT_SHOWN} (up to ${minutes} min).`)
      }
      lastError = undefined
    } catch (error) {
      lastError = describeGitHubAnswer(error, settings.timeoutMs, () => undefined)
    }
    if (state?.status === 'completed') return finished(line, state)
    if (state?.status === 'waiting' && !saidWaiting) {
      saidWaiting = true
      io.warning(
        `${name}: run ${state.htmlUrl ?? NOT_SHOWN} is waiting for an environment's approval; the receiver keeps the old secret until it is approved and deploys. Following it up to ${minutes} min (redeploy-timeout-minutes).`
      )
    }
    const left = deadline - deps.now().getTime()
    // A cancelled job ends the follow at once (the guard is exiting).
    if (left <= 0 || run.guard.signal.aborted) return unfinished(line, state, lastError, minutes)
    await deps.sleep(Math.min(pollDelay(reads), left), run.guard.signal)
  }
}

function notIdentified(line: PreparedRedeploy, candidates: number): RedeployResult {
  return resultOf(
    line,
    'not_identified',
    `the dispatch was sent, but its run could not be identified: ${candidates} workflow_dispatch runs on ${line.dispatchRef} were created since (another dispatch of this workflow at the same time?), and this server does not say which run a dispatch started; find it in ${runsList(line)}`
  )
}

function finished(line: PreparedRedeploy, state: RunState): RedeployResult {
  const conclusion = state.conclusion ?? 'unknown'
  const result = { ...resultOf(line, conclusion), runUrl: state.htmlUrl, runId: state.id }
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
      `the dispatch was sent, but no run of it could be identified within ${minutes} min${also}; find it in ${runsList(line)}`
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
    runUrl: state.htmlUrl,
    runId: state.id
  }
}
