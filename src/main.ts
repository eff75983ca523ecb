// The run's frame: validate inputs with nothing heavy loaded, then load the rest. A bad input
// fails in about the time Node takes to start, before any request.
import { readSettings } from './inputs.js'

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
    const settings = readSettings(runtime.env)
    const [{ runAction }, { productionDeps }] = await Promise.all([
      import('./action.js'),
      import('./production.js')
    ])
    await runAction(settings, productionDeps(settings.timeoutMs))
  } catch (error) {
    fail(runtime, error instanceof Error ? error.message : String(error))
  }
}

/**
 * What @actions/core's setFailed does, without loading it (and the HTTP stack it imports) on the
 * fast path: an `::error::` workflow command, escaped as the runner expects, and exit code 1.
 */
function fail(runtime: Runtime, message: string): void {
  const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  runtime.stdout.write(`::error::${escaped}\n`)
  runtime.setExitCode(1)
}
