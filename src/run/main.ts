// The run's frame and its single catch: mask the credentials, validate every input with nothing
// heavy loaded, then load the rest. A bad input fails in about the time Node takes to start,
// before any request.
import * as core from '@actions/core'
import { InputError } from '../inputs/read.js'
import { CREDENTIAL_INPUTS, readSettings } from '../inputs/settings.js'
import { inputFailure, writeFailureSummary } from '../report/failure-summary.js'
import { writeJobSummary } from '../report/job-summary.js'

/** Anything thrown, Error or not, fails the step with one `::error::` annotation. */
export async function run(): Promise<void> {
  try {
    // Credentials are masked first, valid or not and whatever their source: no later line can
    // show them.
    for (const name of CREDENTIAL_INPUTS) {
      const value = core.getInput(name)
      if (value !== '') core.setSecret(value)
    }
    const settings = readSettings()
    // Octokit, libsodium and the rest load only now, in one chunk.
    const { runInProduction } = await import('./production.js')
    await runInProduction(settings)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
    // @actions/core's setFailed sets it too; @github/local-action's stand-in does not, and a local
    // run that failed must not exit 0.
    process.exitCode = 1
    // The run reports its own failures; an input error stops before it, with no settings read.
    if (error instanceof InputError) {
      const io = { writeSummary: writeJobSummary, warning: core.warning }
      await writeFailureSummary(io, inputFailure(error))
    }
  }
}
