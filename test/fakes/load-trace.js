// @ts-check
// Which files of a directory (the bundle's) a child process loads: `traceEnv` gives the
// environment that preloads ./load-trace-preload.js, `loadedFrom` reads the trace back.
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const PRELOAD = new URL('load-trace-preload.js', import.meta.url).href

/**
 * The child's environment additions that record what it loads into `traceFile` (emptied now).
 * @param {string} traceFile
 * @returns {Record<string, string>}
 */
export function traceEnv(traceFile) {
  writeFileSync(traceFile, '')
  return { LOAD_TRACE_FILE: traceFile, NODE_OPTIONS: `--import=${PRELOAD}` }
}

/**
 * The names of the files directly in `dir` that the traced process loaded.
 * @param {string} traceFile
 * @param {string} dir
 * @returns {Set<string>}
 */
export function loadedFrom(traceFile, dir) {
  const prefix = `${pathToFileURL(dir).href}/`
  const urls = readFileSync(traceFile, 'utf8').split('\n')
  return new Set(
    urls
      .filter(url => url.startsWith(prefix) && !url.slice(prefix.length).includes('/'))
      .map(url => url.slice(prefix.length))
  )
}
