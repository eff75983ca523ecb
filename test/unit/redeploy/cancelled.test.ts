// A cancellation while redeploys are on their way: each line as far as it got, never more.
import { describe, expect, test } from '@jest/globals'
import { Problems, type Run } from '../../../src/context/run.js'
import { knownAtCancel, sayCancelledRedeploys } from '../../../src/redeploy/cancelled.js'
import type { PreparedRedeploy } from '../../../src/redeploy/check.js'
import type { FollowProgress, RedeployResult } from '../../../src/redeploy/follow.js'

const LINE: PreparedRedeploy = {
  line: 'acme/app: deploy.yml',
  owner: 'acme',
  repo: 'app',
  workflow: 'deploy.yml',
  ref: undefined,
  labels: ['acme/app'],
  workflowId: 1,
  workflowPath: '.github/workflows/deploy.yml',
  dispatchRef: 'main',
  runsUrl: 'https://github.com/acme/app/actions/workflows/deploy.yml'
}
const URL = 'https://github.com/acme/app/actions/runs/7'
const base = { repository: 'acme/app', workflow: 'deploy.yml', ref: 'main' }

describe('knownAtCancel', () => {
  test.each<[string, FollowProgress | undefined, Partial<RedeployResult>]>([
    [
      'not started',
      undefined,
      { conclusion: 'not_dispatched', detail: 'not started: the job was cancelled first' }
    ],
    [
      'dispatch sent, no answer: a run may have started, never "dispatched"',
      { dispatch: 'sent' },
      { conclusion: 'dispatch_unknown' }
    ],
    [
      'dispatched, run not found yet',
      { dispatch: 'accepted' },
      {
        conclusion: 'dispatched',
        detail: 'dispatched (run not identified); it may still be running'
      }
    ],
    [
      'dispatched with its id, not read yet',
      { dispatch: 'accepted', runId: 7 },
      {
        conclusion: 'dispatched',
        detail: 'dispatched (run 7, not read yet); it may still be running'
      }
    ],
    [
      'followed, queued: in progress, never success',
      { dispatch: 'accepted', runId: 7, run: { htmlUrl: URL, status: 'queued' } },
      {
        conclusion: 'in_progress',
        runUrl: URL,
        detail: 'last seen queued; it may still be running'
      }
    ],
    [
      'followed, waiting for an approval',
      { dispatch: 'accepted', runId: 7, run: { htmlUrl: URL, status: 'waiting' } },
      { conclusion: 'waiting', runUrl: URL }
    ]
  ])('%s', (_title, progress, expected) => {
    const known = knownAtCancel(LINE, undefined, progress)
    expect(known).toMatchObject({ ...base, ...expected })
    expect(known.conclusion).not.toBe('success')
  })

  test('a line that finished keeps its result', () => {
    const done: RedeployResult = { ...base, runUrl: URL, conclusion: 'success' }
    expect(knownAtCancel(LINE, done, { dispatch: 'accepted', runId: 7 })).toBe(done)
  })
})

describe('sayCancelledRedeploys', () => {
  test('sets the redeploys output and says a line per repository', () => {
    const outputs: Record<string, string> = {}
    const io = {
      setOutput: (name: string, value: string) => void (outputs[name] = value),
      warning: () => undefined
    }
    const run = { io, problems: new Problems(io as unknown as Run['io']) } as unknown as Run
    const said = sayCancelledRedeploys(run, [
      { ...base, runUrl: URL, conclusion: 'success' },
      knownAtCancel({ ...LINE, repo: 'worker' }, undefined, undefined)
    ])
    expect(said.split('\n').slice(1)).toEqual([
      `acme/app (deploy.yml on main): redeployed, ${URL}.`,
      "acme/worker (deploy.yml on main): not_dispatched: not started: the job was cancelled first. Redeploy by hand once its targets hold the secret: gh workflow run 'deploy.yml' -R 'acme/worker' --ref 'main'"
    ])
    expect(JSON.parse(outputs['redeploys']!)).toEqual([
      { repository: 'acme/app', workflow: 'deploy.yml', run_url: URL, conclusion: 'success' },
      {
        repository: 'acme/worker',
        workflow: 'deploy.yml',
        run_url: null,
        conclusion: 'not_dispatched'
      }
    ])
  })
})
