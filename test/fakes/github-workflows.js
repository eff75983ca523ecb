// @ts-check
// The fake GitHub's Actions workflows: a workflow and its file (contents API), dispatches (with
// `return_run_details`, or refusing it as older GHES does) and the runs they start, each run
// reporting a scripted status per read. Answers are built from the description's own examples,
// and checked against it like every answer of the fake (./github.js).
import { exampleOf } from './openapi.js'

/**
 * @typedef {object} WorkflowOptions
 * @property {string} file in .github/workflows
 * @property {number} [id]
 * @property {string} [state] default 'active'
 * @property {string} [text] the file's text (default: a workflow started by workflow_dispatch)
 * @property {string[]} [refs] refs where the file exists (default: the default branch, 'main')
 * @property {string[]} [statuses] a run's status at each read, the last one repeated (default
 *   ['completed'])
 * @property {string} [conclusion] once completed (default 'success')
 * @property {string} [reportedPath] the workflow's `path` as the server reports it (default
 *   `.github/workflows/<file>`): a hostile server's text
 * @property {string} [runHtmlUrl] every run's `html_url` (default its https page on github.com)
 * @property {number} [durationMs] instead of `statuses`: the run is in_progress for this long from
 *   its dispatch, then completed (the demo's deploy, which takes a second or two of real time)
 */
/**
 * @typedef {object} Dispatch
 * @property {string} repository
 * @property {string} file
 * @property {string} ref
 * @property {Record<string, unknown> | undefined} inputs
 * @property {number} runId
 * @property {number} at performance.now() when it arrived
 * @property {number | undefined} endsAt performance.now() when its run completes, for a workflow
 *   with `durationMs`
 */
/** @typedef {{ id: number, repository: string, workflow: WorkflowConfig, ref: string, reads: number, createdAt: string, conclusion: string, endsAt: number | undefined }} Run */
/** @typedef {Required<Omit<WorkflowOptions, 'durationMs'>> & Pick<WorkflowOptions, 'durationMs'>} WorkflowConfig */
/** @typedef {import('./http-fake.js').FaultAction} FaultAction */
/** @typedef {import('./http-fake.js').RequestContext} RequestContext */

export const DEFAULT_BRANCH = 'main'
export const DISPATCHABLE = `name: Deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
`
const NOT_FOUND = { status: 404, body: { message: 'Not Found' } }

/**
 * @param {Record<string, WorkflowOptions[]>} config by repository full name
 * @param {{ returnRunDetails: boolean, clockOffsetMs: number, url: () => string }} options
 */
export function createWorkflows(config, options) {
  let nextWorkflowId = 7000
  let nextRunId = 900000
  /** @type {Map<string, WorkflowConfig[]>} lower-cased full name → workflows */
  const byRepo = new Map(
    Object.entries(config).map(([name, list]) => [
      name.toLowerCase(),
      list.map(w => ({
        id: w.id ?? nextWorkflowId++,
        state: 'active',
        text: DISPATCHABLE,
        refs: [DEFAULT_BRANCH],
        statuses: ['completed'],
        conclusion: 'success',
        reportedPath: `.github/workflows/${w.file}`,
        runHtmlUrl: '',
        ...w
      }))
    ])
  )
  /** @type {Map<number, Run>} */
  const runs = new Map()
  /** @type {Dispatch[]} */
  const dispatches = []

  /** @param {Record<string, string>} p */
  const find = p =>
    byRepo
      .get(`${p.o}/${p.r}`.toLowerCase())
      ?.find(
        w => String(w.id) === p.id || w.file === p.id || `.github/workflows/${w.file}` === p.id
      )

  /** @param {string} repository @param {WorkflowConfig} w */
  const workflowBody = (repository, w) => {
    const body = exampleOf('actions/get-workflow', 200)
    const base = options.url()
    return Object.assign(body, {
      id: w.id,
      node_id: Buffer.from(`Workflow${w.id}`).toString('base64'),
      name: w.file,
      path: w.reportedPath,
      state: w.state,
      url: `${base}/repos/${repository}/actions/workflows/${w.id}`,
      html_url: `https://github.com/${repository}/blob/main/.github/workflows/${w.file}`,
      badge_url: `https://github.com/${repository}/workflows/${w.file}/badge.svg`
    })
  }

  /** @param {Run} run */
  const runBody = run => {
    const body = exampleOf('actions/get-workflow-run', 200)
    const status =
      run.endsAt === undefined
        ? run.workflow.statuses[Math.min(run.reads, run.workflow.statuses.length - 1)]
        : performance.now() >= run.endsAt
          ? 'completed'
          : 'in_progress'
    const base = options.url()
    return Object.assign(body, {
      id: run.id,
      name: run.workflow.file,
      head_branch: run.ref,
      path: `.github/workflows/${run.workflow.file}`,
      event: 'workflow_dispatch',
      status,
      conclusion: status === 'completed' ? run.conclusion : null,
      workflow_id: run.workflow.id,
      url: `${base}/repos/${run.repository}/actions/runs/${run.id}`,
      html_url:
        run.workflow.runHtmlUrl || `https://github.com/${run.repository}/actions/runs/${run.id}`,
      created_at: run.createdAt,
      updated_at: run.createdAt
    })
  }

  /**
   * @param {RequestContext} ctx
   * @param {(pattern: string) => Record<string, string> | undefined} m
   * @returns {FaultAction | undefined} undefined: not a workflow route
   */
  function route(ctx, m) {
    /** @type {Record<string, string> | undefined} */
    let p
    const repository = (/** @type {Record<string, string>} */ q) => `${q.o}/${q.r}`
    if (ctx.method === 'GET' && (p = m('repos/:o/:r/actions/workflows/:id'))) {
      const w = find(p)
      return w ? { status: 200, body: workflowBody(repository(p), w) } : NOT_FOUND
    }
    if (ctx.method === 'GET' && (p = m('repos/:o/:r/contents/:path'))) {
      const path = String(p.path)
      const ref = ctx.searchParams.get('ref') ?? DEFAULT_BRANCH
      const w = find({ ...p, id: path })
      if (!w || !w.refs.includes(ref)) return NOT_FOUND
      return { status: 200, body: fileBody(repository(p), path, w.text, options.url()) }
    }
    if (ctx.method === 'POST' && (p = m('repos/:o/:r/actions/workflows/:id/dispatches'))) {
      const w = find(p)
      if (!w) return NOT_FOUND
      const { ref, inputs, return_run_details: details } = ctx.body ?? {}
      if (details !== undefined && !options.returnRunDetails)
        return {
          status: 422,
          body: { message: 'Invalid request.\n\n"return_run_details" is not a permitted key.' }
        }
      if (!w.refs.includes(ref))
        return { status: 422, body: { message: `No ref found for: ${ref}` } }
      const run = createRun(repository(p), w, ref, w.conclusion)
      // The answer carries GitHub's clock, as GitHub's does.
      const headers = { date: new Date(Date.now() + options.clockOffsetMs).toUTCString() }
      dispatches.push({
        repository: run.repository,
        file: w.file,
        ref,
        inputs,
        runId: run.id,
        at: performance.now(),
        endsAt: run.endsAt
      })
      if (!details) return { status: 204, headers }
      const body = {
        workflow_run_id: run.id,
        run_url: `${options.url()}/repos/${run.repository}/actions/runs/${run.id}`,
        html_url: `https://github.com/${run.repository}/actions/runs/${run.id}`
      }
      return { status: 200, body, headers }
    }
    if (ctx.method === 'GET' && (p = m('repos/:o/:r/actions/workflows/:id/runs'))) {
      const w = find(p)
      if (!w) return NOT_FOUND
      const event = ctx.searchParams.get('event')
      const list = [...runs.values()]
        .filter(run => run.workflow === w && (event === null || event === 'workflow_dispatch'))
        .reverse()
        .map(runBody)
      return { status: 200, body: { total_count: list.length, workflow_runs: list } }
    }
    if (ctx.method === 'GET' && (p = m('repos/:o/:r/actions/runs/:id'))) {
      const run = runs.get(Number(p.id))
      if (!run || run.repository.toLowerCase() !== repository(p).toLowerCase()) return NOT_FOUND
      const body = runBody(run)
      run.reads++
      return { status: 200, body }
    }
    return undefined
  }

  /**
   * A run, created now by GitHub's clock (to the second, as GitHub keeps it).
   * @param {string} repository @param {WorkflowConfig} workflow @param {string} ref
   * @param {string} conclusion
   */
  function createRun(repository, workflow, ref, conclusion) {
    const createdAt = new Date(Date.now() + options.clockOffsetMs)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
    const endsAt =
      workflow.durationMs === undefined ? undefined : performance.now() + workflow.durationMs
    const run = {
      id: nextRunId++,
      repository,
      workflow,
      ref,
      reads: 0,
      createdAt,
      conclusion,
      endsAt
    }
    runs.set(run.id, run)
    return run
  }

  /**
   * A run someone else dispatched (another rotation, a person): its id.
   * @param {string} repository @param {string} file @param {string} ref @param {string} [conclusion]
   */
  function startRun(repository, file, ref, conclusion) {
    const [o = '', r = ''] = repository.split('/')
    const w = find({ o, r, id: file })
    if (!w) throw new Error(`no workflow ${file} in ${repository}`)
    return createRun(repository, w, ref, conclusion ?? w.conclusion).id
  }

  return { route, dispatches, startRun }
}

/**
 * The contents API's answer for a file: base64 in lines of 60 characters, as GitHub sends it.
 * @param {string} repository @param {string} path @param {string} text @param {string} base
 */
function fileBody(repository, path, text, base) {
  const content =
    (
      Buffer.from(text)
        .toString('base64')
        .match(/.{1,60}/g) ?? []
    ).join('\n') + '\n'
  const sha = '3d21ec53a331a6f037a91c368710b99387d012c1'
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(text),
    name: path.split('/').at(-1),
    path,
    content,
    sha,
    url: `${base}/repos/${repository}/contents/${path}`,
    git_url: `${base}/repos/${repository}/git/blobs/${sha}`,
    html_url: `https://github.com/${repository}/blob/main/${path}`,
    download_url: `https://raw.githubusercontent.com/${repository}/main/${path}`,
    _links: {
      git: `${base}/repos/${repository}/git/blobs/${sha}`,
      self: `${base}/repos/${repository}/contents/${path}`,
      html: `https://github.com/${repository}/blob/main/${path}`
    }
  }
}
