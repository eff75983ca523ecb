// The failure issues of one subscription, found by the hidden marker in their body, among the
// repository's open issues. Listed, not searched: GitHub's search index lags behind by seconds
// or more, so runs failing together would not see each other's issues. Not by label alone:
// GitHub silently drops the labels of an issue opened by a token without push access, and one
// label is shared by every subscription's issues.
import type { Octokit } from '../github/client.js'
import type { FailureIssue } from '../inputs/failure-issue.js'

export const FAILURE_LABEL = 'composio-webhook-secret'

/** Open issues looked through, at most: 10 pages of 100. */
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
 * (the label and this subscription's title). Pull requests, which share the list, never.
 */
export async function findOpenIssues({
  octokit,
  where,
  subscriptionId
}: IssueRef): Promise<number[]> {
  const marker = markerOf(subscriptionId)
  const title = titleOf(subscriptionId)
  const found: number[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.issues.listForRepo({
      owner: where.owner,
      repo: where.repo,
      state: 'open',
      sort: 'created',
      direction: 'asc',
      per_page: PER_PAGE,
      page
    })
    for (const issue of data) {
      const labelled = issue.labels.some(
        l => (typeof l === 'string' ? l : l.name) === FAILURE_LABEL
      )
      const ours = (issue.body ?? '').includes(marker) || (labelled && issue.title === title)
      if (ours && !issue.pull_request) found.push(issue.number)
    }
    if (data.length < PER_PAGE) break
  }
  return found.sort((a, b) => a - b)
}
