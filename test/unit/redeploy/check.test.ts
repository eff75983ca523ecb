// checkRedeploys over the real Octokit: what it reads, in how many round trips, and how it fails.
import { describe, expect, test } from '@jest/globals'
import type { Run } from '../../../src/context/run.js'
import type { RedeployLine } from '../../../src/inputs/redeploy.js'
import { PreflightError } from '../../../src/preflight/preflight.js'
import { checkRedeploys } from '../../../src/redeploy/check.js'
import { fakeGitHub, type Reply, type Sent } from '../github/fake-github.js'

const line = (workflow: string, ref?: string): RedeployLine => ({
  line: `acme/app: ${workflow}${ref ? `@${ref}` : ''}`,
  owner: 'acme',
  repo: 'app',
  workflow,
  ref,
  labels: ['acme/app']
})
const file = (text: string): Reply => ({
  status: 200,
  body: { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64') }
})
const DISPATCHABLE = file('on:\n  workflow_dispatch:\n')

/** A GitHub that answers by path; `hold` requests wait until `release()`. */
function harness(lines: RedeployLine[], answer: (request: Sent) => Reply) {
  let release: () => void = () => undefined
  const held = new Promise<void>(resolve => (release = resolve))
  let hold = false
  const github = fakeGitHub(async request => {
    if (hold) await held
    return answer(request)
  })
  const info: string[] = []
  const run = {
    settings: { redeploy: lines, timeoutMs: 10_000, rotate: true },
    io: { info: (message: string) => void info.push(message) },
    github: github.client
  } as unknown as Run
  return {
    run,
    info,
    sent: github.sent,
    holdAll: () => (hold = true),
    release
  }
}

const byPath = (request: Sent): Reply => {
  if (
    request.path.endsWith('/actions/workflows/deploy.yml') ||
    request.path.endsWith('/workflows/42')
  )
    return { status: 200, body: { id: 42, path: '.github/workflows/deploy.yml', state: 'active' } }
  if (request.path === '/repos/acme/app') return { status: 200, body: { default_branch: 'trunk' } }
  if (request.path.includes('/contents/')) return DISPATCHABLE
  return { status: 404, body: { message: 'Not Found' } }
}

describe('checkRedeploys', () => {
  test('a workflow by file name: its three reads go out together, in one round trip', async () => {
    const h = harness([line('deploy.yml')], byPath)
    h.holdAll()
    const checking = checkRedeploys(h.run, Promise.resolve([]))
    // Every read is sent before any is answered.
    while (h.sent.length < 3) await new Promise(resolve => setImmediate(resolve))
    h.release()
    await expect(checking).resolves.toMatchObject([
      { workflowId: 42, workflowPath: '.github/workflows/deploy.yml', dispatchRef: 'trunk' }
    ])
    expect(h.sent.map(r => r.path).sort()).toEqual([
      '/repos/acme/app',
      '/repos/acme/app/actions/workflows/deploy.yml',
      '/repos/acme/app/contents/.github%2Fworkflows%2Fdeploy.yml'
    ])
    expect(h.info).toEqual([
      'Redeploy checked: acme/app will start .github/workflows/deploy.yml on trunk (it declares workflow_dispatch).'
    ])
  })

  test('a numeric ID with a ref: the file is read at that ref from the workflow’s path; no default branch', async () => {
    const h = harness([line('42', 'v2')], byPath)
    await expect(checkRedeploys(h.run, Promise.resolve([]))).resolves.toMatchObject([
      { dispatchRef: 'v2' }
    ])
    expect(h.sent.map(r => r.path)).toEqual([
      '/repos/acme/app/actions/workflows/42',
      '/repos/acme/app/contents/.github%2Fworkflows%2Fdeploy.yml?ref=v2'
    ])
  })

  test.each<[string, (request: Sent) => Reply | undefined, string]>([
    [
      'disabled',
      r =>
        r.path.includes('/workflows/')
          ? {
              status: 200,
              body: { id: 42, path: '.github/workflows/deploy.yml', state: 'disabled_inactivity' }
            }
          : undefined,
      "'acme/app: deploy.yml': the workflow .github/workflows/deploy.yml is disabled_inactivity, not active; enable it (gh workflow enable 42 -R acme/app)"
    ],
    [
      'not dispatchable',
      r => (r.path.includes('/contents/') ? file('on: push\n') : undefined),
      "'acme/app: deploy.yml': .github/workflows/deploy.yml at trunk cannot be started by hand: its on: declares push but not workflow_dispatch; add it"
    ],
    [
      'a directory, not a file',
      r => (r.path.includes('/contents/') ? { status: 200, body: [] } : undefined),
      "'acme/app: deploy.yml': could not read .github/workflows/deploy.yml: .github/workflows/deploy.yml is not a file"
    ],
    [
      'a token without access',
      r =>
        r.path.includes('/workflows/')
          ? { status: 403, body: { message: 'Resource not accessible by integration' } }
          : undefined,
      "could not read the workflow: HTTP 403: Resource not accessible by integration. Hint: the github-token cannot read this repository's workflows; redeploying needs 'Actions: Read and write' and 'Contents: Read' (fine-grained PAT)"
    ]
  ])('%s: fails before the rotation, naming the line', async (_name, override, problem) => {
    const h = harness([line('deploy.yml')], r => override(r) ?? byPath(r))
    const error = await checkRedeploys(h.run, Promise.resolve([])).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PreflightError)
    expect((error as Error).message).toContain(
      'Nothing was rotated: 1 of 1 redeploys cannot start.'
    )
    expect((error as Error).message).toContain(problem)
    expect((error as Error).message).toContain('which only a dispatch can prove')
  })
})
