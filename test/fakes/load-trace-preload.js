// @ts-check
// A `--import` preload: registers module-loader hooks (./load-trace-hooks.js) that append every
// file: URL the process loads, one a line, to the file LOAD_TRACE_FILE names. Through
// ./load-trace.js, tests and the bench see which chunks of the bundle a run loads.
import { register } from 'node:module'

register('./load-trace-hooks.js', import.meta.url, {
  data: { logFile: process.env['LOAD_TRACE_FILE'] }
})
