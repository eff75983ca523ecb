// @ts-check
// The bench's report: medians of the samples, as markdown that pastes into docs/benchmarks.md,
// and the two budgets judged on this run's 100 ms × 10 targets scenario (ratios, not times).
import { chunkLabel, formatPackages, kb } from '../bundle-report.js'

/** @typedef {import('./measure.js').Sample} Sample */
/** @typedef {import('./measure.js').Counts} Counts */
/** @typedef {import('./measure.js').Phases} Phases */
/**
 * @typedef {object} ReportInput
 * @property {string} command as typed
 * @property {boolean} quick
 * @property {number} runs per scenario
 * @property {number[]} latencies
 * @property {number[]} targetCounts
 * @property {boolean} baseline
 * @property {string} machine one line: cores, CPU, Node versions, load, bundle commit
 * @property {Sample[]} samples
 * @property {{ action: number[], bare: number[], method: string }} rss KiB
 * @property {{ full: Set<string>, failFast: Set<string> }} loaded
 * @property {import('../bundle-report.js').BundleReport} bundle
 * @property {number} seconds
 */

/** The budgets, at 100 ms per round trip and 10 targets. */
export const BUDGETS = { latency: 100, targets: 10, wallPerFloor: 1.6, windowPerRtt: 1.3 }
/** floor = ROUND_TRIPS × latency + bare `node -e 0`: key read → probe → rotate → write. */
export const ROUND_TRIPS = 4

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const s = xs.filter(x => Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const pos = (s.length - 1) * q
  const lo = /** @type {number} */ (s[Math.floor(pos)])
  const hi = /** @type {number} */ (s[Math.ceil(pos)])
  return lo + (hi - lo) * (pos - Math.floor(pos))
}
/** @param {number[]} xs */
const median = xs => quantile(xs, 0.5)
/** @param {Sample[]} ss @param {(s: Sample) => number | undefined} f */
const med = (ss, f) => median(ss.map(s => f(s) ?? NaN))
/** @param {number} x @param {number} [digits] */
const ms = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–')
/** @param {number} x */
const times = x => (Number.isFinite(x) ? `${x.toFixed(2)} ×` : '–')
/** @param {number} kib */
const mib = kib => (Number.isFinite(kib) ? `${(kib / 1024).toFixed(1)} MiB` : 'not measured')
/** @param {string[]} cells */
const row = cells => `| ${cells.join(' | ')} |`

/** @type {[keyof Counts, string][]} */
const COUNT_COLUMNS = [
  ['rotations', 'rotation'],
  ['reads', 'Composio reads'],
  ['keys', 'key reads'],
  ['probes', 'probe PUTs'],
  ['deletes', 'probe DELETEs'],
  ['puts', 'secret PUTs'],
  ['other', 'other']
]

/**
 * The action at (latency, n), against its floor: medians of the runs that went as expected.
 * @param {Sample[]} samples @param {number} latency @param {number} n
 */
function scenario(samples, latency, n) {
  /** @param {Sample['kind']} kind */
  const of = kind =>
    samples.filter(s => s.kind === kind && s.latency === latency && s.targets === n)
  const runs = of('action')
  const ok = runs.filter(s => s.ok)
  const bare = med(of('bare'), s => s.wallMs)
  const wall = med(ok, s => s.wallMs)
  const floor = ROUND_TRIPS * latency + bare
  const window = med(ok, s => s.windowMs)
  return { runs, ok, bare, wall, floor, window, sequential: of('sequential') }
}

/** @param {ReportInput} input @returns {{ markdown: string, verdicts: string[] }} */
export function report(input) {
  const { latencies, targetCounts, samples } = input
  /** @type {string[]} */
  const out = []
  const say = (/** @type {string[]} */ ...lines) => out.push(...lines)
  /**
   * A table of a row per scenario: its latency, its targets, then `cells` of it.
   * @param {string[]} headers the columns after latency and targets
   * @param {(s: ReturnType<typeof scenario>, latency: number) => string[]} cells
   */
  const table = (headers, cells) => {
    say(row(['latency', 'targets', ...headers]), row(Array(headers.length + 2).fill('---:')))
    for (const latency of latencies) {
      for (const n of targetCounts) {
        say(row([`${latency}`, `${n}`, ...cells(scenario(samples, latency, n), latency)]))
      }
    }
    say('')
  }

  say(`### Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, '')
  say(
    `\`${input.command}\`${input.quick ? ' (**quick**: a smoke run, not for this document)' : ''}`
  )
  say('', `${input.machine} Medians of ${input.runs} runs per scenario.`, '')

  say('#### The action against the floor', '')
  say(
    `floor = ${ROUND_TRIPS} × latency + bare \`node -e 0\` (median, measured alongside); window = rotate response end → last secret PUT response end (fakes’ clocks). Medians of the runs that went as expected.`,
    ''
  )
  const FLOOR =
    'wall ms (p25–p75) | bare node ms | floor ms | wall / floor | window ms | window / RTT | failed runs'
  table(FLOOR.split(' | '), (s, latency) => {
    const walls = s.ok.map(x => x.wallMs)
    const spread = `${ms(quantile(walls, 0.25))}–${ms(quantile(walls, 0.75))}`
    const perRtt = latency > 0 ? times(s.window / latency) : '–'
    const cells = [ms(s.bare), ms(s.floor), times(s.wall / s.floor), ms(s.window, 1), perRtt]
    return [`${ms(s.wall)} (${spread})`, ...cells, `${s.runs.length - s.ok.length}`]
  })

  say('#### Requests per run, checked', '')
  say(
    'Every run must make exactly 1 rotation, 2 Composio reads (preflight, confirmation), and N each of key reads, probe PUTs, probe DELETEs and secret PUTs, all answered 2xx; any other count fails the run. Cells: the counts seen (min–max over the runs).',
    ''
  )
  table([...COUNT_COLUMNS.map(([, label]) => label), 'runs as expected'], ({ runs, ok }) => {
    const cells = COUNT_COLUMNS.map(([k]) => {
      const seen = runs.map(s => s.counts?.[k] ?? NaN)
      const lo = Math.min(...seen)
      const hi = Math.max(...seen)
      return lo === hi ? `${lo}` : `${lo}–${hi}`
    })
    return [...cells, `${ok.length} of ${runs.length}`]
  })

  if (input.baseline) {
    say(
      '#### Against the sequential baseline (scripts/bench-sequential.js: rotate, then GET key + PUT per target, one by one)',
      ''
    )
    const BASELINE =
      'sequential wall ms | action wall ms | sequential / action | sequential window ms | action window ms | sequential / action (window)'
    table(BASELINE.split(' | '), s => {
      const seq = s.sequential.filter(x => x.ok)
      const wall = med(seq, x => x.wallMs)
      const window = med(seq, x => x.windowMs)
      const cells = [ms(wall), ms(s.wall), times(wall / s.wall), ms(window, 1), ms(s.window, 1)]
      return [...cells, times(window / s.window)]
    })
  }

  say('#### Where the action’s time goes (medians, ms, from the fakes’ logs and spawn/exit)', '')
  say(
    'Consecutive spans, adding up to the wall time: **start** (spawn → first request arrives: Node, the bundle, inputs, clients), **preflight** (→ last key read / first Composio read answered), **→ probes** (sealing, → first probe PUT arrives), **probes** (→ last probe answered), **→ rotate**, **rotate**, **→ 1st PUT**, **PUT spread** (first → last secret PUT arrival), **last PUT** (→ last secret PUT answered), **→ exit**. In brackets: spread of the arrivals (key reads, probes). DELETEs / confirm: when the last probe DELETE and Composio’s second read were answered, relative to the last secret PUT (≤ 0: not after it).',
    ''
  )
  const PHASES =
    'start | preflight | → probes | probes | → rotate | rotate | → 1st PUT | PUT spread | last PUT | → exit | DELETEs / confirm'
  table(PHASES.split(' | '), ({ ok }) => {
    const p = (/** @type {keyof Phases} */ k) =>
      ms(
        med(ok, s => s.phases?.[k]),
        1
      )
    return [
      ...[p('start'), `${p('preflight')} (${p('keySpread')})`],
      ...[p('toProbes'), `${p('probes')} (${p('probeSpread')})`, p('toRotate'), p('rotate')],
      ...[p('toPuts'), p('putSpread'), p('lastPut'), p('tail')],
      `${p('deletesAfter')} / ${p('confirmAfter')}`
    ]
  })

  const ff = samples.filter(s => s.kind === 'failfast')
  const ffWall = med(
    ff.filter(s => s.ok),
    s => s.wallMs
  )
  const ffBare = med(
    samples.filter(s => s.kind === 'bare-ff'),
    s => s.wallMs
  )
  const rss = { action: median(input.rss.action), bare: median(input.rss.bare) }
  const { bundle, loaded } = input
  const entry = bundle.chunks.find(c => c.file === 'index.js')
  const bytes = (/** @type {Set<string>} */ set) =>
    bundle.chunks.filter(c => set.has(c.file)).reduce((sum, c) => sum + c.bytes, 0)
  say('#### Fail-fast, memory, bundle', '')
  say(
    `- Fail-fast (no \`subscription-id\`): ${ms(ffWall, 1)} ms against a bare \`node -e 0\` of ${ms(ffBare, 1)} ms = ${times(ffWall / ffBare)} (medians of ${ff.length} interleaved pairs; ${ff.length - ff.filter(s => s.ok).length} misbehaved).`,
    `- Peak RSS of a run at 100 ms × 10 targets: **${mib(rss.action)}** (max of ${input.rss.action.length}: ${mib(Math.max(...input.rss.action))}); bare \`node -e 0\` ${mib(rss.bare)}. ${input.rss.method ? `Measured with ${input.rss.method}.` : 'Not measured: no /usr/bin/time.'}`,
    `- Bundle: dist/index.js ${kb(entry?.bytes ?? 0)}; all dist/*.js and *.cjs ${kb(bundle.totalBytes)}. Loaded by a full run: ${kb(bytes(loaded.full))}; by fail-fast: ${kb(bytes(loaded.failFast))} (seen by a module-loader hook).`,
    ''
  )
  say('| file | bytes | full run | fail-fast | packages (largest first) |')
  say('| --- | ---: | :---: | :---: | --- |')
  for (const c of bundle.chunks) {
    const pkgs = c.packages.length > 8 ? [...c.packages.slice(0, 8), '…'] : c.packages
    const [full, failFast] = [loaded.full, loaded.failFast].map(set =>
      set.has(c.file) ? 'loaded' : '–'
    )
    say(row([chunkLabel(c), kb(c.bytes), `${full}`, `${failFast}`, pkgs.join(', ')]))
  }
  say('', formatPackages(bundle, 10), '')

  // The budgets, on this run's own figures.
  const { latency: L, targets: N, wallPerFloor, windowPerRtt } = BUDGETS
  const key = scenario(samples, L, N)
  /** @type {string[]} */
  const verdicts = []
  say(`#### Budgets (${L} ms × ${N} targets, this run)`, '')
  if (latencies.includes(L) && targetCounts.includes(N)) {
    /** @type {[string, number, number, string][]} */
    const budgets = [
      [
        `Wall ≤ ${wallPerFloor} × floor`,
        key.wall / key.floor,
        wallPerFloor,
        `${ms(key.wall)} / ${ms(key.floor)} ms`
      ],
      [
        `Window ≤ ${windowPerRtt} × round trip`,
        key.window / L,
        windowPerRtt,
        `${ms(key.window, 1)} / ${L} ms`
      ]
    ]
    budgets.forEach(([what, value, max, figures], i) => {
      const met = value <= max
      const verdict = met ? '**met**' : `**missed** by ${times(value - max)}`
      say(`${i + 1}. ${what}: ${times(value)} (${figures}) — ${verdict}.`)
      verdicts.push(`${what.toLowerCase()}: ${times(value)}, ${met ? 'met' : 'missed'}`)
    })
  } else {
    say(`Not judged: the ${L} ms × ${N} targets scenario is not in this run.`)
  }
  const failed = samples.filter(s => !s.ok)
  say(
    failed.length === 0
      ? '3. Every run went as expected (exact request counts, the new secret in every target, no probe left).'
      : `3. **${failed.length} run(s) failed** (below); the figures above leave them out.`
  )
  if (failed.length > 0) {
    say('', '**Runs that failed** (first of each kind and scenario):', '')
    const seen = new Set()
    for (const s of failed) {
      const what = `${s.kind} ${s.latency} ms × ${s.targets}`
      if (!seen.has(what)) say(`- ${what}: ${s.problem}`)
      seen.add(what)
    }
  }
  say('', `_Bench took ${input.seconds.toFixed(0)} s._`)
  return { markdown: out.join('\n') + '\n', verdicts }
}
