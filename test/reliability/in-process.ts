// Runs src/action.ts in this process against the local fakes, with the clock and the backoff
// made instant: Octokit's retries and rate-limit waits (1 s units in production) take no time.
import { jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { runAction, type Deps } from '../../src/action.js'
import { createFetch } from '../../src/http.js'
import { command, runnerIo } from '../../src/workflow.js'
import { readSettings } from '../../src/inputs.js'
import type { RunResult } from '../fakes/runner.js'
import { API_KEY, TOKEN, type FakeComposio, type FakeGitHub } from '../support/scenario.js'

export interface InProcessResult extends RunResult {
  /** What runAction rejected with, if anything (main.ts would print it as `::error::`). */
  error: unknown
  /** Every delay the run asked for, in ms (Composio backoff and Retry-After). */
  sleeps: number[]
  exit: jest.Mock<(code: number) => void>
}

/**
 * Runs one rotation with the inputs of the dist tests plus `inputs`. The recorded stdout has the
 * lines the bundle would print (`::add-mask::`, `::warning::`, `::error::`), so the same
 * `leaks()` and `replayBodies()` apply to it.
 */
export async function runInProcess(
  fakes: { composio: FakeComposio; github: FakeGitHub },
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<InProcessResult> {
  const all: Record<string, string> = {
    'subscription-id': 'ws_123',
    'api-key': API_KEY,
    'github-token': TOKEN,
    repository: 'acme/app',
    'composio-base-url': fakes.composio.url,
    'timeout-seconds': '2',
    ...inputs
  }
  const settings = readSettings({
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_API_URL: fakes.github.url,
    ...env,
    ...Object.fromEntries(Object.entries(all).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  })
  const lines: string[] = []
  const outputs: Record<string, string> = {}
  const sleeps: number[] = []
  let summary = ''
  const exit = jest.fn<(code: number) => void>()
  // The runner's protocol as the bundle speaks it, into memory instead of stdout and files.
  const stdout = { write: (text: string) => lines.push(text.replace(/\n$/, '')) }
  const deps: Deps = {
    io: {
      ...runnerIo({}, stdout),
      setOutput: (name, value) => void (outputs[name] = value),
      writeSummary: markdown => {
        summary += markdown
        return Promise.resolve()
      }
    },
    fetch: createFetch(settings.timeoutMs, {}),
    sleep: ms => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    now: () => new Date(),
    signals: new EventEmitter(),
    exit,
    backoffUnitMs: 1
  }
  const started = performance.now()
  let error: unknown
  try {
    await runAction(settings, deps)
  } catch (thrown) {
    error = thrown
    command(stdout, 'error', thrown instanceof Error ? thrown.message : String(thrown))
  }
  return {
    code: error === undefined ? 0 : 1,
    signal: null,
    stdout: lines.join('\n') + '\n',
    stderr: '',
    outputs,
    summary,
    wallMs: performance.now() - started,
    error,
    sleeps,
    exit
  }
}
