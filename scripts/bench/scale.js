// @ts-check
// The bench at scale: 1 to 100 targets, where GitHub's write budget (80 writes a minute) makes a
// run last minutes. Each count runs in this process (src/run/action.ts through
// test/reliability/in-process.ts, transpiled with TypeScript to a scratch directory) on a clock
// that skips only idle time (test/support/idle-clock.js): every wait the run makes is skipped
// once nothing is in flight, so a run of minutes takes seconds and its times are the run's own.
// Octokit's backoff keeps production's 1 s unit; both fakes answer after `latency` ms (one round
// trip). Per count: the whole run, the rotation's answer → the last write's start (one round
// trip at most is the goal), and when the last probe was deleted.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import { ROOT } from '../../test/fakes/runner.js'

/** @typedef {import('../../test/support/idle-clock.js').IdleClock} IdleClock */

export const SCALE_COUNTS = [1, 26, 27, 40, 41, 80, 81, 100]
const LATENCY_MS = 100
const PROBE = /\/secrets\/COMPOSIO_WEBHOOK_SECRET_WRITE_CHECK$/
const SECRET_WRITE = /\/secrets\/COMPOSIO_WEBHOOK_SECRET$/
const ROTATE = /\/rotate_secret$/

/** @param {string} dir @returns {string[]} every .ts file under dir */
const tsFiles = dir =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
    .map(entry => join(entry.parentPath, entry.name))

/**
 * Transpiles src/ and the in-process harness to `out`, mirroring the repository's layout.
 * @param {string} out
 */
function transpile(out) {
  const files = [
    ...tsFiles(join(ROOT, 'src')),
    join(ROOT, 'test', 'reliability', 'in-process.ts'),
    join(ROOT, 'test', 'support', 'scenario.ts')
  ]
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file
    })
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(target), { recursive: true })
    // The test helpers' jest assertions (errorOf in scenario.ts) are not used here, and
    // @jest/globals refuses to load outside jest: a stand-in that says so if called.
    const stub = relative(dirname(target), join(out, 'jest-globals.js'))
    writeFileSync(target, outputText.replace(/(from\s+)'@jest\/globals'/g, `$1'./${stub}'`))
  }
  writeFileSync(
    join(out, 'jest-globals.js'),
    "export const expect = () => { throw new Error('jest assertions do not run in the bench') }\n"
  )
  symlinkSync(join(ROOT, 'test', 'fakes'), join(out, 'test', 'fakes'))
  const clock = join('test', 'support', 'idle-clock.js')
  symlinkSync(join(ROOT, clock), join(out, clock))
}

/**
 * @param {number} n
 * @param {{ runInProcess: Function, startScenario: Function, idleClock: () => IdleClock }} harness
 */
async function measure(n, { runInProcess, startScenario, idleClock }) {
  const stages = Array.from({ length: n }, (_, i) => `stage-${i}`)
  const scenario = await startScenario(
    { repositories: { 'acme/app': { environments: stages } }, latencyMs: LATENCY_MS },
    { latencyMs: LATENCY_MS }
  )
  try {
    const clock = idleClock()
    const targets = stages.map(stage => `acme/app@${stage}`)
    const started = performance.now()
    const result = await runInProcess(
      scenario,
      { repository: '', targets: targets.join('\n') },
      {},
      { clock, backoffUnitMs: 1000 }
    )
    const ended = performance.now()
    /** @param {string} method @param {RegExp} path */
    const requests = (method, path) =>
      scenario.github.requests.filter(
        (/** @type {{ method: string, path: string }} */ r) =>
          r.method === method && path.test(r.path)
      )
    const writes = requests('PUT', SECRET_WRITE)
    // When the run sent each write (the fakes, in this thread, log arrivals a little later).
    const lastWriteSent = Math.max(
      ...clock.sent.filter(r => r.method === 'PUT' && SECRET_WRITE.test(r.url)).map(r => r.at)
    )
    const deletes = requests('DELETE', PROBE)
    const secret = scenario.composio.currentSecret('ws_123')
    const problem =
      result.code !== 0
        ? `exit ${result.code}`
        : writes.length !== n || deletes.length !== n
          ? `${writes.length} writes and ${deletes.length} deletes for ${n} targets`
          : targets.some(t => scenario.github.secret(t, 'COMPOSIO_WEBHOOK_SECRET') !== secret)
            ? 'a target without the new secret'
            : targets.some(t =>
                  scenario.github.secretEntry(t, 'COMPOSIO_WEBHOOK_SECRET_WRITE_CHECK')
                )
              ? 'a probe left behind'
              : undefined
    if (problem) throw new Error(`scale bench, ${n} targets: ${problem}`)
    const rotate = scenario.composio.requests.find((/** @type {{ path: string }} */ r) =>
      ROTATE.test(r.path)
    )
    /** @param {number} real @returns {number} ms on the run's clock since the start */
    const at = real => clock.at(real) - clock.at(started)
    const max = (/** @type {{ startedAt: number, endedAt?: number }[]} */ rs, key = 'startedAt') =>
      Math.max(...rs.map(r => /** @type {number} */ (r[/** @type {'startedAt'} */ (key)])))
    return {
      n,
      runS: at(ended) / 1000,
      rotationSentS: at(rotate.startedAt) / 1000,
      answerToLastWriteMs: at(lastWriteSent) - at(rotate.endedAt),
      waitedMs: clock.skippedBetween(rotate.endedAt, lastWriteSent),
      lastProbeDeletedS: at(max(deletes, 'endedAt')) / 1000,
      wallMs: ended - started
    }
  } finally {
    await scenario.close()
  }
}

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function scale(argv) {
  if (argv.includes('--no-scale')) return 0
  const cache = join(ROOT, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const out = mkdtempSync(join(cache, 'bench-scale-'))
  try {
    transpile(out)
    const url = (/** @type {string} */ path) => pathToFileURL(join(out, path)).href
    const harness = {
      ...(await import(url('test/reliability/in-process.js'))),
      ...(await import(url('test/support/scenario.js'))),
      ...(await import(url('test/support/idle-clock.js')))
    }
    const rows = []
    const loadBefore = loadavg()
    for (const n of SCALE_COUNTS) {
      process.stderr.write(`  scale: ${n} target(s)\n`)
      rows.push(await measure(n, harness))
    }
    process.stdout.write(table(rows, [loadBefore, loadavg()]))
    return 0
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/**
 * @param {Awaited<ReturnType<typeof measure>>[]} rows
 * @param {number[][]} loads the load average before and after
 */
function table(rows, loads) {
  const load = loads.map(l => l[0]?.toFixed(2)).join(' before, ')
  const lines = [
    '',
    `### At scale: 1 to 100 targets (in-process, idle time skipped, ${LATENCY_MS} ms a round trip)`,
    '',
    `\`node scripts/bench.js --scale-only\`; load average ${load} after. Times on the run's clock from its start.`,
    '',
    '| Targets | Whole run | Rotation sent | Answer → last write sent | of which waiting | Last probe deleted | Real time |',
    '| ------: | --------: | ------------: | -----------------------: | ---------------: | -----------------: | --------: |',
    ...rows.map(
      r =>
        `| ${r.n} | ${r.runS.toFixed(1)} s | ${r.rotationSentS.toFixed(1)} s | ${r.answerToLastWriteMs.toFixed(0)} ms (${(r.answerToLastWriteMs / LATENCY_MS).toFixed(2)} RTT) | ${(r.waitedMs / 1000).toFixed(1)} s | ${r.lastProbeDeletedS.toFixed(1)} s | ${(r.wallMs / 1000).toFixed(1)} s |`
    ),
    ''
  ]
  return lines.join('\n')
}
