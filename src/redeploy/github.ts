// The Actions REST calls a redeploy makes, through Octokit's endpoint methods: the workflow and
// its file, the dispatch, and the runs. https://docs.github.com/en/rest/actions/workflows
import type { Octokit } from '../github/client.js'

export interface Repository {
  owner: string
  repo: string
}

export interface Workflow {
  id: number
  /** `.github/workflows/deploy.yml` */
  path: string
  /** `active`, or why it cannot run: `disabled_manually`, `disabled_inactivity`, … */
  state: string
}

/** A run as the follow loop needs it. */
export interface RunState {
  id: number
  htmlUrl: string
  /** queued, in_progress, waiting, requested, pending, completed */
  status: string | null
  /** success, failure, cancelled, timed_out, …, once completed */
  conclusion: string | null
}

export async function getWorkflow(
  octokit: Octokit,
  where: Repository,
  workflow: string
): Promise<Workflow> {
  const { data } = await octokit.rest.actions.getWorkflow({ ...where, workflow_id: workflow })
  return { id: data.id, path: data.path, state: data.state }
}

export async function getDefaultBranch(octokit: Octokit, where: Repository): Promise<string> {
  const { data } = await octokit.rest.repos.get({ ...where })
  return data.default_branch
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

/**
 * Starts the workflow on `ref`; the run's id when the server says it (`return_run_details`,
 * GitHub.com since 2026-02). Never retried: a dispatch re-sent after a lost answer could deploy
 * twice. Servers that refuse the parameter (older GHES: 422 or 400) get the dispatch without it,
 * which they answer 204 without the run: then undefined.
 */
export async function dispatchWorkflow(
  octokit: Octokit,
  where: Repository,
  workflowId: number,
  ref: string
): Promise<number | undefined> {
  const params = { ...where, workflow_id: workflowId, ref, request: { retries: 0 } }
  try {
    // Octokit's types predate the 200 answer.
    const { status, data } = (await octokit.rest.actions.createWorkflowDispatch({
      ...params,
      return_run_details: true
    })) as { status: number; data: unknown }
    const runId =
      status === 200 ? (data as { workflow_run_id?: unknown }).workflow_run_id : undefined
    return typeof runId === 'number' ? runId : undefined
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== 422 && status !== 400) throw error
    // The refusal started nothing: the same dispatch without the parameter is not a second run.
    await octokit.rest.actions.createWorkflowDispatch(params)
    return undefined
  }
}

/**
 * The run a dispatch without run details started: the oldest `workflow_dispatch` run of the
 * workflow created since `since`, or undefined while none is listed yet. The filter is applied
 * here: the description types the `created` query as a plain date-time, not the `>=` range the
 * docs show.
 */
export async function findDispatchedRun(
  octokit: Octokit,
  where: Repository,
  workflowId: number,
  since: Date
): Promise<number | undefined> {
  const { data } = await octokit.rest.actions.listWorkflowRuns({
    ...where,
    workflow_id: workflowId,
    event: 'workflow_dispatch',
    per_page: 20
  })
  // GitHub keeps creation times to the second.
  const from = Math.floor(since.getTime() / 1000) * 1000
  const runs = data.workflow_runs.filter(run => Date.parse(run.created_at) >= from)
  // Newest first: the last one is the first created since the dispatch.
  return runs.at(-1)?.id
}

export async function getRun(
  octokit: Octokit,
  where: Repository,
  runId: number
): Promise<RunState> {
  const { data } = await octokit.rest.actions.getWorkflowRun({ ...where, run_id: runId })
  return { id: data.id, htmlUrl: data.html_url, status: data.status, conclusion: data.conclusion }
}
