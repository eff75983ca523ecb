// A job cancelled while redeploys were on their way: what each one is known to have done, as the
// `redeploys` output and as lines of the cancellation's error. The runs it started go on without
// this job: each is named (or said to be unidentified), never reported as done.
import type { Run } from '../context/run.js'
import { shellQuote } from '../shell.js'
import type { PreparedRedeploy } from './check.js'
import { resultOf, type FollowProgress, type RedeployResult } from './follow.js'
import { setRedeploysOutput } from './report.js'

/** Each line's redeploy as known at the cancellation: its result, else how far it got. */
export function knownAtCancel(
  line: PreparedRedeploy,
  result: RedeployResult | undefined,
  progress: FollowProgress | undefined
): RedeployResult {
  if (result) return result
  if (!progress) return resultOf(line, 'not_dispatched', 'not started: the job was cancelled first')
  if (progress.dispatch === 'sent') {
    return resultOf(
      line,
      'dispatch_unknown',
      'the dispatch was sent, and the job was cancelled before GitHub answered: a run may have started'
    )
  }
  const { run, runId } = progress
  if (!run) {
    const which = runId === undefined ? 'run not identified' : `run ${runId}, not read yet`
    return resultOf(line, 'dispatched', `dispatched (${which}); it may still be running`)
  }
  return {
    ...resultOf(
      line,
      run.status === 'waiting' ? 'waiting' : 'in_progress',
      `last seen ${run.status ?? 'without a status'}; it may still be running`
    ),
    runUrl: run.htmlUrl
  }
}

/** Sets the `redeploys` output with what is known, and returns the lines the error adds. */
export function sayCancelledRedeploys(run: Run, known: RedeployResult[]): string {
  setRedeploysOutput(run, known)
  const lines = known.map(({ repository, workflow, ref, runUrl, conclusion, detail }) => {
    const what = `${repository} (${workflow} on ${ref})`
    if (conclusion === 'success') return `${what}: redeployed, ${runUrl ?? 'run not identified'}.`
    const repo = `${shellQuote(workflow)} -R ${shellQuote(repository)}`
    const todo =
      conclusion === 'not_dispatched'
        ? `Redeploy by hand once its targets hold the secret: gh workflow run ${repo} --ref ${shellQuote(ref)}`
        : `See its runs: gh run list -w ${repo}`
    const where = runUrl ? `${runUrl}, ` : ''
    const how = detail ? `${conclusion}: ${detail}` : conclusion
    return `${what}: ${where}${how}. ${todo}`
  })
  return [
    'Redeploys when the job was cancelled (this job no longer follows them; a run it started goes on without it):',
    ...lines
  ].join('\n')
}
