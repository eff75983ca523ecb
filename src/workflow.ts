// The runner's protocol, which is all this action needs of @actions/core: workflow commands on
// stdout, file commands appended to GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
// Why not @actions/core: it imports @actions/http-client and undici (~1 MB of bundle, ~50 ms of
// start-up, measured in docs/benchmarks.md), and without GITHUB_OUTPUT its setOutput falls back
// to printing `::set-output name=secret::<value>` on stdout.
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'
import type { Io } from './action.js'

type Env = Record<string, string | undefined>
type Stdout = { write(text: string): unknown }

/** `::name::message`, escaped as the runner reads it (the rules of @actions/core). */
export function command(stdout: Stdout, name: string, message: string): void {
  const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  stdout.write(`::${name}::${escaped}${EOL}`)
}

/** `name<<DELIMITER` blocks: the multi-line-safe form of GITHUB_OUTPUT. */
export function outputBlock(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${randomUUID()}`
): string {
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`output ${name}: delimiter collision`)
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

export function runnerIo(env: Env, stdout: Stdout): Io {
  const info = (message: string): void => void stdout.write(`${message}${EOL}`)
  return {
    setSecret: value => command(stdout, 'add-mask', value),
    setOutput: (name, value) => {
      const file = env['GITHUB_OUTPUT']
      // Outside a runner (a local run) there is nowhere safe to put an output: never stdout.
      if (file) appendFileSync(file, outputBlock(name, value), 'utf8')
      else info(`GITHUB_OUTPUT is not set: output '${name}' not recorded.`)
    },
    info,
    warning: message => command(stdout, 'warning', message),
    error: message => command(stdout, 'error', message),
    writeSummary: async markdown => {
      const file = env['GITHUB_STEP_SUMMARY']
      if (file) await appendFile(file, `${markdown}${EOL}`, 'utf8')
      else info(markdown)
    }
  }
}
