// How a run that failed after reading its settings is reported: what went wrong, in the job
// summary (unless the stored run wrote its own) and, with failure-issue, in an issue, which the
// next run that stores the secret everywhere closes.
import { ComposioError } from '../composio/errors.js'
import type { Run } from '../context/run.js'
import { PreflightError } from '../preflight/preflight.js'
import { AGAIN, writeFailureSummary, type Failure } from '../report/failure-summary.js'
import { FAILED } from '../report/html.js'
import { IncompleteRunError } from '../report/outcome.js'
import { isWritten, statusOf } from '../report/recipes.js'
import { storedHeadline } from '../report/summary.js'
import { closeFailureIssue, reportFailureIssue } from './failure-issue.js'

export function describeFailure(error: unknown): Failure {
  if (error instanceof PreflightError) {
    return {
      headline: `${FAILED} ${error.headline}`,
      details: error.problems,
      todo: `The old secret still works. Fix what each line names (its hint says how; docs/troubleshooting.md explains every message), ${AGAIN}.`
    }
  }
  if (error instanceof IncompleteRunError) {
    const { results, problems } = error.stored
    return {
      headline: storedHeadline(error.stored),
      details: [...results.map(result => `${result.label}: ${statusOf(result)}`), ...problems],
      todo: results.every(isWritten)
        ? 'Every target holds the secret; the lines above say what else went wrong.'
        : "Finish the targets NOT WRITTEN: run this action again with rotate: false (it stores Composio's current secret without rotating), or send the request that the run's log and job summary show for each. Running it with rotate: true would rotate again."
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  const [first = '', ...rest] = message.split('\n')
  if (error instanceof ComposioError) {
    // The rotation's: its last line says whether the old secret still works, and what to do.
    const todo = rest.pop() ?? ''
    return { headline: `${FAILED} Composio's rotation failed`, details: [first, ...rest], todo }
  }
  // Anything else (a cancellation, an unexpected error): its first line, and the whole message
  // for the summary, where a recipe it holds can be copied.
  if (rest.length === 0) return { headline: `${FAILED} ${first}`, details: [], todo: '' }
  const todo = "The run's log and job summary hold the whole message."
  return { headline: `${FAILED} ${first}`, details: [], todo, text: message }
}

/** The failure's summary (a stored run wrote its own), then the failure issue if asked for. */
export async function reportFailure(run: Run, error: unknown): Promise<void> {
  const failure = describeFailure(error)
  if (!(error instanceof IncompleteRunError)) await writeFailureSummary(run.io, failure)
  const notify = notifyOf(run)
  if (notify) await reportFailureIssue(notify, failure)
}

/** A run that stored the secret everywhere closes the failure issue a failed one opened. */
export async function reportSuccess(run: Run): Promise<void> {
  const notify = notifyOf(run)
  if (notify) await closeFailureIssue(notify)
}

function notifyOf({ settings, github, io }: Run) {
  const where = settings.failureIssue
  if (!where) return undefined
  const { subscriptionId } = settings
  return { octokit: github.octokit, where, subscriptionId, warn: io.warning }
}
