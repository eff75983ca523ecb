// The real collaborators of a run: @actions/core for the runner, the network, the clock, the
// process.
import * as core from '@actions/core'
import { setTimeout as wait } from 'node:timers/promises'
import type { Deps, Io } from '../context/run.js'
import { logRequests } from '../http/http-log.js'
import { createFetch } from '../http/http.js'
import type { Settings } from '../inputs/settings.js'
import { writeJobSummary } from '../report/job-summary.js'
import { runAction } from './action.js'

const runnerIo: Io = {
  setSecret: core.setSecret,
  setOutput: (name, value) => {
    // Outside a runner core.setOutput falls back to printing `::set-output`: never the secret.
    if (name === 'secret' && !process.env['GITHUB_OUTPUT']) {
      return core.info("GITHUB_OUTPUT is not set: output 'secret' not recorded.")
    }
    core.setOutput(name, value)
  },
  info: core.info,
  warning: message => core.warning(message),
  error: message => core.error(message),
  writeSummary: writeJobSummary
}

/**
 * Waits `ms`, or until `signal` aborts; never rejects. Node's own timer removes its abort listener
 * when it fires: a listener left on the run's one signal per wait (a redeploy followed for
 * minutes, sixteen confirming rounds) made Node print MaxListenersExceededWarning into the log.
 */
export const sleepUnlessAborted = (ms: number, signal?: AbortSignal): Promise<void> =>
  wait(ms, undefined, signal && { signal }).catch(() => undefined)

function productionDeps(timeoutMs: number): Deps {
  const fetch = createFetch(timeoutMs)
  return {
    io: runnerIo,
    // With step debug logging on (RUNNER_DEBUG=1), one `::debug::` line per request.
    fetch: core.isDebug()
      ? logRequests(fetch, { debug: core.debug, now: () => performance.now() })
      : fetch,
    sleep: sleepUnlessAborted,
    now: () => new Date(),
    signals: process,
    // A pipe to a slow log reader may still hold what was printed: exit once it has drained
    // (the callback of a write comes after every earlier write has been handed over).
    exit: code => void process.stdout.write('', () => process.exit(code))
  }
}

export function runInProduction(settings: Settings): Promise<void> {
  return runAction(settings, productionDeps(settings.timeoutMs))
}
