// The real collaborators of a run: @actions/core, the network, the clock, the process.
import * as core from '@actions/core'
import type { Deps } from './action.js'
import { createFetch } from './http.js'

export function productionDeps(timeoutMs: number): Deps {
  return {
    io: {
      setSecret: core.setSecret,
      setOutput: core.setOutput,
      info: core.info,
      warning: core.warning,
      error: core.error,
      // Local runs have no GITHUB_STEP_SUMMARY, and core.summary.write() throws without it.
      writeSummary: async markdown => {
        if (process.env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(markdown).write()
        else core.info(markdown)
      }
    },
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
