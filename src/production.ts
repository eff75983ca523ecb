// The real collaborators of a run: the runner's protocol, the network, the clock, the process.
import { runAction, type Deps } from './action.js'
import { createFetch } from './http.js'
import type { Settings } from './inputs.js'
import { runnerIo } from './workflow.js'

export function productionDeps(timeoutMs: number): Deps {
  return {
    io: runnerIo(process.env, process.stdout),
    fetch: createFetch(timeoutMs),
    sleep: (ms, signal) =>
      new Promise(resolve => {
        const timer = setTimeout(resolve, ms)
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
      }),
    now: () => new Date(),
    signals: process,
    exit: code => process.exit(code)
  }
}

export function runInProduction(settings: Settings): Promise<void> {
  return runAction(settings, productionDeps(settings.timeoutMs))
}
