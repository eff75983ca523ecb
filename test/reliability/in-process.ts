// Runs src/run/action.ts in this process against the local fakes, with the clock and the backoff
// made instant: Octokit's retries and rate-limit waits (1 s units in production) take no time.
// What the run says goes to memory, in the lines the bundle would print. Plain of jest, so the
// bench (scripts/bench/scale.js) runs it too.
import { summary as coreSummary } from '@actions/core'
import { EventEmitter } from 'node:events'
import type { Deps, Io } from '../../src/context/run.js'
import { createFetch } from '../../src/http/http.js'
import { readSettings } from '../../src/inputs/settings.js'
import { runAction } from '../../src/run/action.js'
import type { RunResult } from '../fakes/runner.js'
import type { IdleClock } from '../support/idle-clock.js'
import {
  API_KEY,
  TOKEN,
  withInputs,
  type FakeComposio,
  type FakeGitHub
} from '../support/scenario.js'

export interface InProcessResult extends RunResult {
  /** What runAction rejected with, if anything (main.ts would print it as `::error::`). */
  error: unknown
  /** Every delay the run asked for, in ms (Composio backoff and Retry-After). */
  sleeps: number[]
  /** The codes the run asked to exit with (the guard, after a second signal). */
  exits: number[]
  /** performance.now() when runAction settled. */
  settledAt: number
}

export interface InProcessOptions {
  /**
   * The clock, instead of one that skips every wait at once: a wait then takes no time even
   * while requests are in flight (test/support/idle-clock.js skips only idle time).
   */
  clock?: IdleClock
  /** Where the run listens for SIGINT and SIGTERM. */
  signals?: EventEmitter
  /** Octokit's backoff unit (default 1 ms: instant). */
  backoffUnitMs?: number
}

/** A workflow command's message, escaped as @actions/core escapes it. */
const escaped = (message: string): string =>
  message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/**
 * Runs one rotation with the inputs of the dist tests plus `inputs`. The recorded stdout has the
 * lines the bundle would print (`::add-mask::`, `::warning::`, `::error::`), so the same
 * `leaks()` and `replayBodies()` apply to it.
 */
export async function runInProcess(
  fakes: { composio: FakeComposio; github: FakeGitHub },
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  options: InProcessOptions = {}
): Promise<InProcessResult> {
  const settings = withInputs(
    {
      'subscription-id': 'ws_123',
      'api-key': API_KEY,
      'github-token': TOKEN,
      repository: 'acme/app',
      'composio-base-url': fakes.composio.url,
      'timeout-seconds': '2',
      ...inputs
    },
    () => readSettings({ GITHUB_REPOSITORY: 'acme/app', GITHUB_API_URL: fakes.github.url, ...env })
  )
  const lines: string[] = []
  const outputs: Record<string, string> = {}
  const sleeps: number[] = []
  let summary = ''
  const exits: number[] = []
  const io: Io = {
    setSecret: value => lines.push(`::add-mask::${escaped(value)}`),
    setOutput: (name, value) => void (outputs[name] = value),
    info: message => lines.push(message),
    warning: message => lines.push(`::warning::${escaped(message)}`),
    error: message => lines.push(`::error::${escaped(message)}`),
    writeSummary: fill => {
      summary += fill(coreSummary.emptyBuffer()).stringify()
      coreSummary.emptyBuffer()
      return Promise.resolve()
    }
  }
  // A clock that each wait moves forward at once: a minute of rate limit takes no time.
  let skipped = 0
  const { clock } = options
  const fetch = createFetch(settings.timeoutMs)
  const deps: Deps = {
    io,
    fetch: clock ? clock.track(fetch) : fetch,
    sleep: clock
      ? (ms, signal) => (sleeps.push(ms), clock.sleep(ms, signal))
      : ms => {
          sleeps.push(ms)
          skipped += ms
          return Promise.resolve()
        },
    now: () => new Date(clock ? clock.now() : Date.now() + skipped),
    signals: options.signals ?? new EventEmitter(),
    exit: code => void exits.push(code),
    backoffUnitMs: options.backoffUnitMs ?? 1
  }
  const started = performance.now()
  let error: unknown
  try {
    await runAction(settings, deps)
  } catch (thrown) {
    error = thrown
    io.error(thrown instanceof Error ? thrown.message : String(thrown))
  }
  const settledAt = performance.now()
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
    exits,
    settledAt
  }
}
