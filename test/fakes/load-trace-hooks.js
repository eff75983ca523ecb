// @ts-check
// Module-loader hooks (registered by ./load-trace-preload.js; they run off the main thread):
// each file: URL loaded is appended to the trace file. Plain ESM.
import { appendFileSync } from 'node:fs'

/** @type {string | undefined} */
let logFile

/** @param {{ logFile?: string } | undefined} data */
export function initialize(data) {
  logFile = data?.logFile
}

/**
 * @param {string} url
 * @param {unknown} context
 * @param {(url: string, context: unknown) => Promise<unknown>} next
 */
export async function load(url, context, next) {
  if (logFile && url.startsWith('file:')) appendFileSync(logFile, `${url}\n`)
  return next(url, context)
}
