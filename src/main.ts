// The run's frame: validate inputs with nothing heavy loaded, then load the rest. A bad input
// fails in about the time Node takes to start, before any request.
import { input } from './input-reader.js'
import { CREDENTIAL_INPUTS, readSettings } from './inputs.js'
import { command } from './workflow.js'

export interface Runtime {
  env: Record<string, string | undefined>
  stdout: { write(text: string): unknown }
  setExitCode(code: number): void
}

const processRuntime: Runtime = {
  env: process.env,
  stdout: process.stdout,
  setExitCode: code => {
    process.exitCode = code
  }
}

/** The single top-level catch: anything thrown, Error or not, fails the step. */
export async function run(runtime: Runtime = processRuntime): Promise<void> {
  try {
    // Credentials are masked first, valid or not and whatever their source: no later line can
    // show them.
    for (const name of CREDENTIAL_INPUTS) {
      const value = input(runtime.env, name)
      if (value !== '') command(runtime.stdout, 'add-mask', value)
    }
    const settings = readSettings(runtime.env)
    // Octokit, libsodium and the rest load only now, in one chunk.
    const { runInProduction } = await import('./production.js')
    await runInProduction(settings)
  } catch (error) {
    fail(runtime, error instanceof Error ? error.message : String(error))
  }
}

/** Fails the step: an `::error::` annotation and exit code 1. */
function fail(runtime: Runtime, message: string): void {
  command(runtime.stdout, 'error', message)
  runtime.setExitCode(1)
}
