// Pasting a runtime store's recipe as a user would: into bash, with the credentials it names,
// and for AWS an `aws` on PATH that writes through to the fake Secrets Manager (test/fakes/aws-cli.js).
import { expect } from '@jest/globals'
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../fakes/runner.js'
import { API_KEY } from './scenario.js'

export interface Pasted {
  status: number | null
  stdout: string
  stderr: string
}

/** The recipe block for `label`, from its `# To finish` line to its closing `)`. */
export function recipeOf(text: string, label: string): string {
  const start = text.indexOf(`# To finish ${label} by hand`)
  expect(start).toBeGreaterThanOrEqual(0)
  return text.slice(start, text.indexOf('\n)', start) + 2)
}

/** An environment whose PATH starts with an `aws` that is test/fakes/aws-cli.js, plus `env`. */
export function stubAws(env: Record<string, string>): Record<string, string> {
  const bin = mkdtempSync(join(tmpdir(), 'aws-cli-'))
  const cli = join(ROOT, 'test', 'fakes', 'aws-cli.js')
  writeFileSync(join(bin, 'aws'), `#!/bin/sh\nexec '${process.execPath}' '${cli}' "$@"\n`)
  chmodSync(join(bin, 'aws'), 0o755)
  return { ...env, PATH: `${bin}:${process.env['PATH'] ?? ''}` }
}

/**
 * Runs a recipe in bash as a user would paste it, with COMPOSIO_API_KEY set and `env`.
 * Asynchronous: the fakes answer from this process.
 */
export function paste(recipe: string, env: Record<string, string> = {}): Promise<Pasted> {
  const child = spawn('bash', ['-c', recipe], {
    env: { PATH: process.env['PATH'], COMPOSIO_API_KEY: API_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let [stdout, stderr] = ['', '']
  child.stdout.on('data', chunk => (stdout += String(chunk)))
  child.stderr.on('data', chunk => (stderr += String(chunk)))
  return new Promise(resolve => child.on('close', status => resolve({ status, stdout, stderr })))
}
