// failure-issue: a failed run opens one issue in the workflow's repository, or comments on the
// open one (found by its label); the next run that stores the secret everywhere comments and
// closes it. GitHub's own failure e-mail reaches one person; an issue reaches whoever watches
// the repository. Nothing here fails a run or hides why it failed: a problem is a warning.
// Never the secret, never a recipe: those stay in the run's log and job summary.
import type { Octokit } from '../github/client.js'
import { serverText } from '../http.js'
import type { FailureIssue } from '../inputs/failure-issue.js'

export const FAILURE_LABEL = 'composio-webhook-secret'

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

/** Opens the issue, or comments on the open one. */
export async function reportFailureIssue(notify: Notify, failure: FailureNotice): Promise<void> {
  const { octokit, where } = notify
  const { owner, repo } = where
  const body = failureText(failure, where.runUrl)
  await warnOnFailure(notify, 'open or update the failure issue', async () => {
    const open = await findOpenIssue(notify)
    if (open !== undefined) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: open, body })
      return
    }
    const title = `Composio webhook secret: a run for subscription ${notify.subscriptionId} failed`
    await octokit.rest.issues.create({ owner, repo, title, body, labels: [FAILURE_LABEL] })
  })
}

/** After a run that stored the secret everywhere: comments on the open issue, and closes it. */
export async function closeFailureIssue(notify: Notify): Promise<void> {
  const { octokit, where } = notify
  const { owner, repo } = where
  await warnOnFailure(notify, 'close the failure issue', async () => {
    const open = await findOpenIssue(notify)
    if (open === undefined) return
    const run = where.runUrl ? ` ([run](${where.runUrl}))` : ''
    const body = `A later run stored the secret in every target${run}: closing.`
    await octokit.rest.issues.createComment({ owner, repo, issue_number: open, body })
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: open,
      state: 'closed',
      state_reason: 'completed'
    })
  })
}

/** The newest open issue with the label (pull requests, which share the list, excluded). */
async function findOpenIssue({ octokit, where }: Notify): Promise<number | undefined> {
  const { data } = await octokit.rest.issues.listForRepo({
    owner: where.owner,
    repo: where.repo,
    labels: FAILURE_LABEL,
    state: 'open',
    per_page: 30
  })
  return data.find(issue => !issue.pull_request)?.number
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
