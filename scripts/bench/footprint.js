// @ts-check
// What a run costs besides time: its peak RSS (GNU time around the child, the same counter as
// getrusage's ru_maxrss; a `--import` preload would add ~3 MiB of its own), and which files of
// the bundle it loads (module-loader hooks registered by a `--import` preload).
import { spawn } from 'node:child_process'
import { accessSync, chmodSync, constants, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadedFrom, traceEnv } from '../../test/fakes/load-trace.js'
import { MAX_TARGETS } from './measure.js'

/**
 * @param {ReturnType<typeof import('./measure.js').measurer>} measure
 * @param {{ node: string, entry: string, work: string }} paths
 */
export function footprint(measure, { node, entry, work }) {
  // Peak RSS: a `node` that runs the real one under GNU time, so runner.js spawns it unchanged.
  // bash, not sh: dash drops variables such as INPUT_SUBSCRIPTION-ID whose names have hyphens.
  const rssNode = join(work, 'node-under-time.sh')
  let rssMethod = '`/usr/bin/time -f %M` around the child (maximum resident set size)'
  try {
    accessSync('/usr/bin/time', constants.X_OK)
    accessSync('/bin/bash', constants.X_OK)
    const script = 'exec /usr/bin/time -f %M -o "$BENCH_RSS_FILE" "$BENCH_REAL_NODE" "$@"'
    writeFileSync(rssNode, `#!/bin/bash\n${script}\n`)
    chmodSync(rssNode, 0o755)
  } catch {
    rssMethod = ''
  }

  /**
   * @param {'action' | 'bare'} kind the action at 100 ms × 10 targets, or `node -e 0`
   * @returns {Promise<number>} peak RSS in KiB (NaN without GNU time)
   */
  async function peakRss(kind) {
    if (!rssMethod) return NaN
    const file = join(work, `rss-${kind}.txt`)
    rmSync(file, { force: true })
    const env = { BENCH_RSS_FILE: file, BENCH_REAL_NODE: node }
    if (kind === 'bare') {
      await new Promise((done, fail) => {
        const child = spawn(rssNode, ['-e', '0'], {
          env: { PATH: process.env['PATH'] ?? '', ...env },
          stdio: 'ignore'
        })
        child.on('error', fail)
        child.on('close', done)
      })
    } else {
      const sample = await measure.run('action', 100, MAX_TARGETS, { node: rssNode, env })
      if (!sample.ok) throw new Error(`RSS run failed: ${sample.problem}`)
    }
    return Number(readFileSync(file, 'utf8').trim().split('\n').at(-1))
  }

  /**
   * Which files a run loads: module-loader hooks registered by a `--import` preload
   * (test/fakes/load-trace.js).
   * @param {'action' | 'failfast'} kind
   * @returns {Promise<Set<string>>} names of the files next to the entry that were loaded
   */
  async function loadedFiles(kind) {
    const file = join(work, `trace-${kind}.txt`)
    const sample = await measure.run(kind, 0, MAX_TARGETS, { env: traceEnv(file) })
    if (!sample.ok) throw new Error(`traced ${kind} run failed: ${sample.problem}`)
    return loadedFrom(file, dirname(entry))
  }

  return { peakRss, rssMethod, loadedFiles }
}
