// startRedeploys: a repository's workflow starts when the last of its own targets settles, not
// before and not later, and never when one of them was not written.
import { describe, expect, test } from '@jest/globals'
import type { Run, WriteResult } from '../../../src/context/run.js'
import type { PreparedRedeploy } from '../../../src/redeploy/check.js'
import { startRedeploys } from '../../../src/redeploy/redeploy.js'
import { fakeGitHub } from '../github/fake-github.js'

const line = (repo: string, labels: string[]): PreparedRedeploy => ({
  line: `acme/${repo}: deploy.yml`,
  owner: 'acme',
  repo,
  workflow: 'deploy.yml',
  ref: undefined,
  labels,
  workflowId: 1,
  workflowPath: '.github/workflows/deploy.yml',
  dispatchRef: 'main',
  runsUrl: undefined
})
const settled = (label: string, written = true): WriteResult => ({
  label,
  keyId: '1',
  request: { method: 'PUT', url: '', body: {} },
  outcome: written ? { written: 'created', at: '2026-12-03T08:00:00.000Z' } : { failed: 'HTTP 422' }
})

function harness() {
  let posted: ((path: string) => void) | undefined
  const github = fakeGitHub(({ method, path }) => {
    if (method !== 'POST') {
      const run = {
        id: 9,
        html_url: 'https://h.test/run',
        status: 'completed',
        conclusion: 'success',
        workflow_id: 1,
        head_branch: 'main',
        event: 'workflow_dispatch'
      }
      return { status: 200, body: run }
    }
    posted?.(path)
    const body = { workflow_run_id: 9, run_url: 'https://x.test/r', html_url: 'https://h.test/run' }
    return { status: 200, body }
  })
  const run = {
    settings: { redeployTimeoutMs: 60_000, timeoutMs: 10_000 },
    deps: { now: () => new Date(), sleep: () => Promise.resolve() },
    io: { info: () => undefined, warning: () => undefined },
    github: github.client,
    guard: { signal: new AbortController().signal, alsoSay: () => undefined }
  } as unknown as Run
  const dispatched = () => github.sent.filter(r => r.method === 'POST').map(r => r.path)
  /** The path of the next dispatch, when it arrives. */
  const nextDispatch = () => new Promise<string>(resolve => (posted = resolve))
  return { run, dispatched, nextDispatch }
}

describe('startRedeploys', () => {
  test('each repository starts when its own last target settles', async () => {
    const { run, dispatched, nextDispatch } = harness()
    const redeploys = startRedeploys(run, [
      line('app', ['acme/app', 'acme/app@prod', 'org:acme']),
      line('worker', ['acme/worker', 'org:acme'])
    ])
    redeploys.onSettled(settled('acme/app'))
    redeploys.onSettled(settled('org:acme'))
    await new Promise(resolve => setImmediate(resolve))
    expect(dispatched()).toEqual([])
    const first = nextDispatch()
    redeploys.onSettled(settled('acme/worker'))
    expect(await first).toBe('/repos/acme/worker/actions/workflows/1/dispatches')
    expect(dispatched()).toHaveLength(1)
    const second = nextDispatch()
    redeploys.onSettled(settled('acme/app@prod'))
    expect(await second).toBe('/repos/acme/app/actions/workflows/1/dispatches')
    const results = await redeploys.results
    expect(results.map(r => [r.repository, r.conclusion])).toEqual([
      ['acme/app', 'success'],
      ['acme/worker', 'success']
    ])
    expect(dispatched()).toHaveLength(2)
  })

  test('a target not written: that repository is not started, the others are', async () => {
    const { run, dispatched } = harness()
    const redeploys = startRedeploys(run, [
      line('app', ['acme/app', 'org:acme']),
      line('worker', ['acme/worker'])
    ])
    for (const result of [settled('acme/app'), settled('org:acme', false), settled('acme/worker')])
      redeploys.onSettled(result)
    const results = await redeploys.results
    expect(results[0]).toEqual({
      repository: 'acme/app',
      workflow: 'deploy.yml',
      ref: 'main',
      runUrl: undefined,
      conclusion: 'not_dispatched',
      detail: 'not started: org:acme did not receive the secret, so a deploy would ship the old one'
    })
    expect(results[1]!.conclusion).toBe('success')
    expect(dispatched()).toEqual(['/repos/acme/worker/actions/workflows/1/dispatches'])
  })

  test('no redeploy lines: no results, nothing sent', async () => {
    const { run, dispatched } = harness()
    const redeploys = startRedeploys(run, [])
    redeploys.onSettled(settled('acme/app'))
    await expect(redeploys.results).resolves.toEqual([])
    expect(dispatched()).toEqual([])
  })
})
