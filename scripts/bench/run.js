// @ts-check
// The bench's runner: options, the fakes, the order of the runs (interleaved, in a rotating
// order, so that drift on a shared machine hits every kind alike), then the report on stdout.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startFakeComposio } from '../../test/fakes/composio.js'
import { formatViolations, startFakeGitHub } from '../../test/fakes/github.js'
import { ROOT } from '../../test/fakes/runner.js'
import { bundleReport } from '../bundle-report.js'
import { footprint } from './footprint.js'
import { ENVIRONMENTS, MAX_TARGETS, SUBSCRIPTION, measurer } from './measure.js'
import { report } from './report.js'
import { benchRedeploys } from './redeploy.js'

/** @typedef {import('./measure.js').Sample} Sample */

/** @param {string[]} argv */
export function parseOptions(argv) {
  /** @param {string} name */
  const option = name => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  /** @param {string} name @param {number[]} fallback */
  const numbers = (name, fallback) => option(name)?.split(',').map(Number) ?? fallback
  const quick = argv.includes('--quick')
  const options = {
    quick,
    runs: Number(option('--runs') ?? (quick ? 3 : 9)),
    latencies: numbers('--latencies', quick ? [0, 100] : [0, 50, 100]),
    targetCounts: numbers('--targets', quick ? [1, 10] : [1, 3, 10]),
    baseline: !argv.includes('--no-baseline'),
    node: resolve(option('--node') ?? process.execPath),
    dist: resolve(option('--dist') ?? join(ROOT, 'dist')),
    json: option('--json')
  }
  const all = [options.runs, ...options.latencies, ...options.targetCounts]
  if (!all.every(n => Number.isInteger(n) && n >= 0) || options.runs < 1) {
    throw new Error('--runs, --latencies and --targets take (comma-separated) integers')
  }
  if (options.targetCounts.some(n => n < 1 || n > MAX_TARGETS)) {
    throw new Error(`--targets: 1 to ${MAX_TARGETS}`)
  }
  if (!existsSync(join(options.dist, 'index.js'))) {
    throw new Error(`${options.dist}/index.js does not exist: run \`npm run bundle\` first`)
  }
  return options
}

/** @param {string} node @param {number[]} loadBefore */
function machine(node, loadBefore) {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  let commit = 'unknown'
  try {
    const git = (/** @type {string[]} */ ...args) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = git('status', '--porcelain', '--', 'dist') !== ''
    commit = `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (dist/ differs from the commit)' : ''}`
  } catch {
    // not a git checkout
  }
  const load = (/** @type {number[]} */ l) => l.map(x => x.toFixed(2)).join(' ')
  return (/** @type {number[]} */ loadAfter) =>
    `Machine: ${availableParallelism()} cores, ${cpu ?? cpus()[0]?.model ?? 'unknown CPU'}; child processes on Node ${nodeVersion}; bench on Node ${process.version}; load average ${load(loadBefore)} before, ${load(loadAfter)} after. Bundle: dist/ at ${commit}.`
}

/** @template T @param {T[]} xs @param {number} k @returns {T[]} xs rotated left by k */
const rotated = (xs, k) => xs.map((_, i) => /** @type {T} */ (xs[(i + k) % xs.length]))
/** @param {string} text */
const progress = text => process.stderr.write(`${text}\n`)

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function main(argv) {
  const options = parseOptions(argv)
  const started = performance.now()
  const describe = machine(options.node, loadavg())
  // A copy: a rebuild during the bench cannot mix two bundles.
  const work = mkdtempSync(join(tmpdir(), 'rotate-bench-'))
  const dist = join(work, 'dist')
  cpSync(options.dist, dist, { recursive: true })
  const composio = await startFakeComposio({ subscriptions: [SUBSCRIPTION] })
  const github = await startFakeGitHub({
    repositories: { 'acme/app': { environments: ENVIRONMENTS } }
  })
  const entry = join(dist, 'index.js')
  const sequential = join(ROOT, 'scripts', 'bench-sequential.js')
  const m = measurer({ composio, github }, { node: options.node, entry, sequential })
  const f = footprint(m, { node: options.node, entry, work })
  /** @type {Sample[]} */
  const samples = []
  let markdown = ''
  /** @type {string[]} */
  let redeployProblems = []
  try {
    progress(`bench: ${options.runs} run(s) per scenario, bundle copied to ${dist}`)
    // Warm-up, discarded: the page cache, the fakes' first connections.
    await m.bare()
    const warm = await m.run('action', 0, MAX_TARGETS)
    if (!warm.ok) throw new Error(`the bundle in ${options.dist} does not run: ${warm.problem}`)
    if (options.baseline) await m.run('sequential', 0, MAX_TARGETS)
    await m.run('failfast', 0, MAX_TARGETS)

    /** @type {('bare' | 'action' | 'sequential')[]} */
    const kinds = options.baseline ? ['bare', 'action', 'sequential'] : ['bare', 'action']
    for (const latency of options.latencies) {
      for (const n of options.targetCounts) {
        progress(`  ${latency} ms × ${n} target(s)`)
        for (let i = 0; i < options.runs; i++) {
          for (const kind of rotated(kinds, i)) {
            if (kind === 'bare') samples.push({ kind, latency, targets: n, ...(await m.bare()) })
            else samples.push(await m.run(kind, latency, n))
          }
        }
      }
    }

    progress('  fail-fast (no subscription-id)')
    for (let i = 0; i < Math.max(options.runs, 5) * 2; i++) {
      for (const kind of rotated(/** @type {const} */ (['bare', 'failfast']), i)) {
        if (kind === 'failfast') samples.push(await m.run('failfast', 0, MAX_TARGETS))
        else samples.push({ kind: 'bare-ff', latency: 0, targets: 0, ...(await m.bare()) })
      }
    }

    progress('  peak RSS and loaded files')
    /** @type {{ action: number[], bare: number[] }} */
    const rss = { action: [], bare: [] }
    for (let i = 0; i < 3; i++) {
      rss.bare.push(await f.peakRss('bare'))
      rss.action.push(await f.peakRss('action'))
    }
    const loaded = {
      full: await f.loadedFiles('action'),
      failFast: await f.loadedFiles('failfast')
    }

    const result = report({
      command: ['node scripts/bench.js', ...argv].join(' '),
      ...options,
      machine: describe(loadavg()),
      samples,
      rss: { ...rss, method: f.rssMethod },
      loaded,
      bundle: bundleReport(dist),
      seconds: (performance.now() - started) / 1000
    })
    markdown = result.markdown
    const latency = Math.max(...options.latencies)
    const redeploys = await benchRedeploys({ ...options, entry, latency, progress })
    markdown += redeploys.markdown
    redeployProblems = redeploys.problems
    progress(`bench: ${result.verdicts.join('; ') || 'budgets not judged'}`)
    if (options.json) {
      const data = { options, samples, rss, loaded: { full: [...loaded.full] } }
      writeFileSync(options.json, JSON.stringify(data, null, 1))
    }
  } finally {
    await Promise.all([composio.close(), github.close()])
    rmSync(work, { recursive: true, force: true })
  }
  process.stdout.write(markdown)
  let code = 0
  const failed = samples.filter(s => !s.ok).length
  if (failed > 0) {
    progress(`bench: ${failed} run(s) failed (listed at the end of the report)`)
    code = 1
  }
  if (redeployProblems.length > 0) {
    progress(`bench: redeploys: ${redeployProblems.join('; ')}`)
    code = 1
  }
  // Figures taken against a fake that strays from GitHub's OpenAPI description measure something
  // else: say so, and fail.
  if (github.violations.length > 0) {
    progress(
      `bench: the fake GitHub saw ${github.violations.length} violation(s) of GitHub's OpenAPI description:\n${formatViolations(github.violations)}`
    )
    code = 1
  }
  return code
}
