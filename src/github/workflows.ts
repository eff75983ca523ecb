// The Actions REST calls a redeploy makes, through Octokit's endpoint methods: the workflow and
// its file, the dispatch, and the runs. https://docs.github.com/en/rest/actions/workflows
import { serverText, serverUrl } from '../http/http.js'
import type { Octokit } from './client.js'

export interface Repository {
  owner: string
  repo: string
}

/** Every string below is the server's, made safe to print (src/http/http.ts). */
export interface Workflow {
  id: number
  /** `.github/workflows/deploy.yml` */
  path: string
  /** `active`, or why it cannot run: `disabled_manually`, `disabled_inactivity`, … */
  state: string
  /** The workflow's page (https only): its origin is where the runs list is. */
  htmlUrl: string | undefined
}

/** What reach and dispatch need of a repository. */
export interface RepositoryFacts {
  id: number
  defaultBranch: string
  /** public, private or internal */
  visibility: string
}

/** A run as the follow loop needs it. */
export interface RunState {
  id: number
  /** Undefined unless https: shown as "(not shown)". */
  htmlUrl: string | undefined
  /** queued, in_progress, waiting, requested, pending, completed */
  status: string | null
  /** success, failure, cancelled, timed_out, …, once completed */
  conclusion: string | null
  /** What makes it the dispatch's run: its workflow, branch (or tag) and event. */
  workflowId: number
  headBranch: string | null
  event: string
}

/** A run as a runs list shows it: its id and creation time (ms since the epoch). */
export interface ListedRun {
  id: number
  createdAt: number
}

/** The branch or tag name a run of a dispatch on `ref` shows as its `head_branch`. */
export const branchOf = (ref: string): string => ref.replace(/^refs\/(heads|tags)\//, '')

export async function getWorkflow(
  octokit: Octokit,
  where: Repository,
  workflow: string
): Promise<Workflow> {
  const { data } = await octokit.rest.actions.getWorkflow({ ...where, workflow_id: workflow })
  return {
    id: data.id,
    path: serverText(data.path, 200),
    state: serverText(data.state, 50),
    htmlUrl: serverUrl(data.html_url)
  }
}

export async function getRepositoryFacts(
  octokit: Octokit,
  where: Repository
): Promise<RepositoryFacts> {
  const { data } = await octokit.rest.repos.get({ ...where })
  return {
    id: data.id,
    defaultBranch: serverText(data.default_branch, 255),
    visibility: data.visibility ?? (data.private ? 'private' : 'public')
  }
}

/** A file's text at `ref` (undefined: the default branch), from the contents API's base64. */
export async function getFileText(
  octokit: Octokit,
  where: Repository,
  path: string,
  ref: string | undefined
): Promise<string> {
  const { data } = await octokit.rest.repos.getContent({ ...where, path, ...(ref && { ref }) })
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
    throw new Error(`${path} is not a file`)
  }
  // Files over 1 MB come without content: no workflow file is that large.
  if (data.encoding !== 'base64') throw new Error(`${path} came without its content`)
  return Buffer.from(data.content, 'base64').toString('utf8')
}

/** A dispatch the server accepted: the run's id when it said it, and GitHub's clock then. */
export interface Dispatched {
  runId: number | undefined
  /** The answer's `Date` header: the server's clock, not the runner's; undefined without one. */
  at: Date | undefined
}

/**
 * Starts the workflow on `ref`; the run's id when the server says it (`return_run_details`,
 * GitHub.com since 2026-02). Never retried: a dispatch re-sent after a lost answer could deploy
 * twice. Servers that refuse the parameter (older GHES: 422 or 400) get the dispatch without it,
 * which they answer 204 without the run.
 */
export async function dispatchWorkflow(
  octokit: Octokit,
  where: Repository,
  workflowId: number,
  ref: string,
  /** Called between the refusal and the dispatch without the parameter. */
  beforePlainDispatch: () => Promise<void>
): Promise<Dispatched> {
  const params = { ...where, workflow_id: workflowId, ref, request: { retries: 0 } }
  let answer: { status: number; data: unknown; headers: { date?: string } }
  try {
    // Octokit's types predate the 200 answer: its body is read as unknown below.
    answer = await octokit.rest.actions.createWorkflowDispatch({
      ...params,
      return_run_details: true
    })
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== 422 && status !== 400) throw error
    await beforePlainDispatch()
    // The refusal started nothing: the same dispatch without the parameter is not a second run.
    answer = await octokit.rest.actions.createWorkflowDispatch(params)
  }
  const runId =
    answer.status === 200
      ? (answer.data as { workflow_run_id?: unknown }).workflow_run_id
      : undefined
  const at = new Date(answer.headers.date ?? NaN)
  return {
    runId: typeof runId === 'number' ? runId : undefined,
    at: Number.isNaN(at.getTime()) ? undefined : at
  }
}

/**
 * The `workflow_dispatch` runs of the workflow on `ref`, newest first, as GitHub lists them (the
 * first 100). The filters are applied here too: a server that ignores the query shows the rest.
 */
export async function listDispatchRuns(
  octokit: Octokit,
  where: Repository,
  workflowId: number,
  ref: string
): Promise<ListedRun[]> {
  const { data } = await octokit.rest.actions.listWorkflowRuns({
    ...where,
    workflow_id: workflowId,
    event: 'workflow_dispatch',
    per_page: 100
  })
  return data.workflow_runs
    .filter(run => run.event === 'workflow_dispatch' && run.head_branch === branchOf(ref))
    .map(run => ({ id: run.id, createdAt: Date.parse(run.created_at) }))
}

export async function getRun(
  octokit: Octokit,
  where: Repository,
  runId: number
): Promise<RunState> {
  const { data } = await octokit.rest.actions.getWorkflowRun({ ...where, run_id: runId })
  const text = (value: string | null) => (value === null ? null : serverText(value, 50))
  return {
    id: data.id,
    htmlUrl: serverUrl(data.html_url),
    status: text(data.status),
    conclusion: text(data.conclusion),
    workflowId: data.workflow_id,
    headBranch: data.head_branch,
    event: data.event
  }
}
