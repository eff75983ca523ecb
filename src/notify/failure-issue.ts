// failure-issue: a failed run opens one issue per subscription in the workflow's repository, or
// comments on the open one; the next run that stores the secret everywhere comments and closes
// every open one of its subscription. GitHub's own failure e-mail reaches one person; an issue
// reaches whoever watches the repository. Nothing here fails a run or hides why it failed: a
// problem is a warning. Never the secret, never a recipe: those stay in the run's log and summary.
import type { Octokit } from '../github/client.js'
import { serverText } from '../http/http.js'
import type { FailureIssue } from '../inputs/failure-issue.js'
import { FAILURE_LABEL, findOpenIssues, markerOf, titleOf } from './find-issues.js'

/** What the issue says of a failed run: its headline, a line per problem, what is left to do. */
export interface FailureNotice {
  headline: string
  details: string[]
  todo: string
}

interface Notify {
  octokit: Octokit
  where: FailureIssue
  subscriptionId: string
  warn: (message: string) => void
}

/**
 * Comments on the oldest open issue of this subscription, or opens one. Runs failing together
 * may each open one: after opening, the list is read again, and an issue that is not the oldest
 * is closed as its duplicate, its failure told on the oldest. One stays open.
 */
export async function reportFailureIssue(notify: Notify, failure: FailureNotice): Promise<void> {
  const { octokit, where, subscriptionId } = notify
  const { owner, repo } = where
  const body = failureText(failure, where.runUrl)
  const comment = (issue_number: number, text: string) =>
    octokit.rest.issues.createComment({ owner, repo, issue_number, body: text })
  await warnOnFailure(notify, 'open or update the failure issue', async () => {
    const [open] = await findOpenIssues(notify)
    if (open !== undefined) return void (await comment(open, body))
    const { data: created } = await octokit.rest.issues.create({
      owner,
      repo,
      title: titleOf(subscriptionId),
      body: `${markerOf(subscriptionId)}\n${body}`,
      labels: [FAILURE_LABEL]
    })
    const [oldest = created.number] = await findOpenIssues(notify)
    if (oldest >= created.number) return
    await comment(oldest, body)
    await comment(
      created.number,
      `Duplicate of #${oldest}: another run for subscription ${subscriptionId} failed at the same time and opened it first. This run's failure is told there too: closing.`
    )
    await close(notify, created.number, 'not_planned')
  })
}

/** After a run that stored the secret everywhere: comments on and closes every open issue of this subscription. */
export async function closeFailureIssue(notify: Notify): Promise<void> {
  const { octokit, where } = notify
  const { owner, repo } = where
  await warnOnFailure(notify, 'close the failure issue', async () => {
    const run = where.runUrl ? ` ([run](${where.runUrl}))` : ''
    const body = `A later run stored the secret in every target${run}: closing.`
    for (const issue_number of await findOpenIssues(notify)) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number, body })
      await close(notify, issue_number, 'completed')
    }
  })
}

/** A duplicate is closed as not planned, which every GitHub (Enterprise Server included) knows. */
function close(
  { octokit, where }: Notify,
  issue_number: number,
  state_reason: 'completed' | 'not_planned'
) {
  const { owner, repo } = where
  return octokit.rest.issues.update({ owner, repo, issue_number, state: 'closed', state_reason })
}

async function warnOnFailure(notify: Notify, what: string, work: () => Promise<void>) {
  try {
    await work()
  } catch (error) {
    const { status, message } = error as { status?: number; message?: unknown }
    const why = `${status ? `HTTP ${status}: ` : ''}${serverText(String(message ?? error))}`
    const { owner, repo } = notify.where
    notify.warn(
      `Could not ${what} in ${owner}/${repo} (${why}). Hint: failure-issue needs a github-token with 'Issues: Read and write' on ${owner}/${repo} (issues: write).`
    )
  }
}

/**
 * The issue's text. Lines that carry names or servers' words go in a fenced block, so that
 * nothing in them is read as markdown or mentions anyone (`acme/app@production`).
 */
export function failureText(failure: FailureNotice, runUrl: string | undefined): string {
  const lines = [failure.headline, ...failure.details].join('\n')
  const fence = '`'.repeat(Math.max(3, ...[...lines.matchAll(/`+/g)].map(m => m[0].length + 1)))
  return [
    `A run of rotate-composio-webhook-secret failed${runUrl ? `: ${runUrl}` : ''}.`,
    '',
    `${fence}text\n${lines}\n${fence}`,
    '',
    `**What is left to do:** ${failure.todo || "see the run's log."}`,
    '',
    "The run's log and job summary have the details (and any recipe to finish by hand); this issue never holds the secret."
  ].join('\n')
}
