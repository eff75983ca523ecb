// The failure issues of one subscription, found by the hidden marker in their body, among the
// repository's open issues. Listed, not searched: GitHub's search index lags behind by seconds
// or more, so runs failing together would not see each other's issues. Not by label alone:
// GitHub silently drops the labels of an issue opened by a token without push access, and one
// label is shared by every subscription's issues. Not by marker alone: anyone may open an issue in
// a public repository and copy the marker, to have a failure told (and then hidden) where they
// control it; only an author trusted with the repository counts.
import type { Octokit } from '../github/client.js'
import type { FailureIssue } from '../inputs/failure-issue.js'

export const FAILURE_LABEL = 'composio-webhook-secret'

/**
 * Who may have opened a failure issue: an app installed on the repository (GITHUB_TOKEN's
 * github-actions[bot], a GitHub App; an app cannot act as a bot where it is not installed), or a
 * person with write access (a PAT's owner). Never an outsider, nor a mere past contributor.
 */
const TRUSTED_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR']

/** Open issues looked through, at most, newest first: 10 pages of 100. */
const MAX_PAGES = 10
const PER_PAGE = 100

export interface IssueRef {
  octokit: Octokit
  where: FailureIssue
  subscriptionId: string
}

/** The hidden line that says which subscription an issue is for. */
export function markerOf(subscriptionId: string): string {
  return `<!-- rotate-composio-webhook-secret:subscription=${subscriptionId} -->`
}

export function titleOf(subscriptionId: string): string {
  return `Composio webhook secret: a run for subscription ${subscriptionId} failed`
}

/**
 * The numbers of this subscription's open issues, oldest first (GitHub numbers issues in the
 * order they are opened): those with its marker, and those opened before the marker existed
 * (the label and this subscription's title), by a trusted author. Pull requests, which share the
 * list, never. Read newest first: in a repository with over 1,000 open issues, a failure issue
 * is among the newest, and an issue opened meanwhile shifts the pages (hence no duplicates).
 */
export async function findOpenIssues({
  octokit,
  where,
  subscriptionId
}: IssueRef): Promise<number[]> {
  const marker = markerOf(subscriptionId)
  const title = titleOf(subscriptionId)
  const found = new Set<number>()
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.issues.listForRepo({
      owner: where.owner,
      repo: where.repo,
      state: 'open',
      sort: 'created',
      direction: 'desc',
      per_page: PER_PAGE,
      page
    })
    for (const issue of data) {
      const labelled = issue.labels.some(
        l => (typeof l === 'string' ? l : l.name) === FAILURE_LABEL
      )
      const ours = (issue.body ?? '').includes(marker) || (labelled && issue.title === title)
      const trusted =
        issue.user?.type === 'Bot' || TRUSTED_ASSOCIATIONS.includes(issue.author_association ?? '')
      if (ours && trusted && !issue.pull_request) found.add(issue.number)
    }
    if (data.length < PER_PAGE) break
  }
  return [...found].sort((a, b) => a - b)
}
