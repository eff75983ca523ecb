// @ts-check
// The bench's measuring part: one child process at a time (the action, the sequential baseline,
// or a bare `node -e 0`), timed from spawn to exit through test/fakes/runner.js, with the fakes'
// request logs read back into request counts (checked against the action's flow), the window and
// the phases. Peak RSS and loaded files: footprint.js.
import { spawn } from 'node:child_process'
import { runAction } from '../../test/fakes/runner.js'

export const SECRET_NAME = 'COMPOSIO_WEBHOOK_SECRET'
export const PROBE_NAME = `${SECRET_NAME}_WRITE_CHECK`
export const SUBSCRIPTION = 'ws_bench'
export const ENVIRONMENTS = Array.from({ length: 9 }, (_, i) => `env${i + 1}`)
const ALL_TARGETS = ['acme/app', ...ENVIRONMENTS.map(e => `acme/app@${e}`)]
export const MAX_TARGETS = ALL_TARGETS.length
/** @param {number} n */
const targetsFor = n => ALL_TARGETS.slice(0, n)

/** @typedef {import('../../test/fakes/http-fake.js').LoggedRequest} LoggedRequest */
/** @typedef {Awaited<ReturnType<typeof import('../../test/fakes/composio.js').startFakeComposio>>} FakeComposio */
/** @typedef {Awaited<ReturnType<typeof import('../../test/fakes/github.js').startFakeGitHub>>} FakeGitHub */
/** @typedef {'action' | 'sequential' | 'failfast'} Kind */
/**
 * Requests of one run, by what they are. `other` is anything else (must stay empty).
 * @typedef {Record<keyof Counts, LoggedRequest[]>} Requests
 */
/**
 * @typedef {object} Counts
 * @property {number} rotations POST …/rotate_secret
 * @property {number} reads GET /api/v3.1/webhook_subscriptions/{id}
 * @property {number} keys GET …/secrets/public-key
 * @property {number} probes PUT …/secrets/<NAME>_WRITE_CHECK
 * @property {number} deletes DELETE …/secrets/<NAME>_WRITE_CHECK
 * @property {number} puts PUT …/secrets/<NAME>
 * @property {number} other
 */
/**
 * Consecutive spans (ms) that add up to the wall time, plus three spreads and two offsets.
 * @typedef {object} Phases
 * @property {number} start spawn → first preflight request arrives (key read or Composio read)
 * @property {number} preflight → last preflight response ends (keys and Composio's first read)
 * @property {number} keySpread first → last key read arrival
 * @property {number} toProbes → first probe PUT arrives (sealing the probes)
 * @property {number} probes → last probe response ends
 * @property {number} probeSpread first → last probe arrival
 * @property {number} toRotate → rotate request arrives
 * @property {number} rotate → rotate response ends
 * @property {number} toPuts → first secret PUT arrives
 * @property {number} putSpread first → last secret PUT arrival
 * @property {number} lastPut → last secret PUT response ends
 * @property {number} tail → the process has exited
 * @property {number} deletesAfter last probe DELETE response end − last secret PUT response end
 * @property {number} confirmAfter Composio's second read response end − last secret PUT response end
 */
/**
 * @typedef {object} Sample
 * @property {'action' | 'sequential' | 'failfast' | 'bare' | 'bare-ff'} kind
 * @property {number} latency
 * @property {number} targets
 * @property {number} wallMs spawn → exit (stdio closed)
 * @property {boolean} ok exit code, request counts, stored secrets and probes all as expected
 * @property {string} [problem] why not
 * @property {Counts} [counts]
 * @property {number} [windowMs] rotate response end → last secret PUT response end
 * @property {Phases} [phases]
 */

/**
 * The requests a run must make, no more, no fewer: the action's flow, or the baseline's.
 * @param {Kind} kind @param {number} n targets @returns {Counts}
 */
export function expectedCounts(kind, n) {
  const none = { rotations: 0, reads: 0, keys: 0, probes: 0, deletes: 0, puts: 0, other: 0 }
  if (kind === 'failfast') return none
  if (kind === 'sequential') return { ...none, rotations: 1, keys: n, puts: n }
  return { ...none, rotations: 1, reads: 2, keys: n, probes: n, deletes: n, puts: n }
}

/** @param {LoggedRequest[]} c Composio's log @param {LoggedRequest[]} g GitHub's @returns {Requests} */
function classify(c, g) {
  /** @param {LoggedRequest[]} log @param {string} method @param {(path: string) => boolean} test */
  const pick = (log, method, test) => log.filter(r => r.method === method && test(r.path))
  /** @param {string} name */
  const secret = name => (/** @type {string} */ path) => path.endsWith(`/secrets/${name}`)
  const rotations = pick(c, 'POST', p => p.endsWith('/rotate_secret'))
  const reads = pick(c, 'GET', p => p.startsWith('/api/v3.1/webhook_subscriptions/'))
  const keys = pick(g, 'GET', p => p.endsWith('/secrets/public-key'))
  const probes = pick(g, 'PUT', secret(PROBE_NAME))
  const deletes = pick(g, 'DELETE', secret(PROBE_NAME))
  const puts = pick(g, 'PUT', secret(SECRET_NAME))
  const known = new Set([...rotations, ...reads, ...keys, ...probes, ...deletes, ...puts])
  const other = [...c, ...g].filter(r => !known.has(r))
  return { rotations, reads, keys, probes, deletes, puts, other }
}

/** @param {LoggedRequest[]} rs */
const starts = rs => rs.map(r => r.startedAt)
/** @param {LoggedRequest[]} rs */
const ends = rs => rs.map(r => r.endedAt ?? NaN)
/** @param {number[]} xs */
const first = xs => Math.min(...xs)
/** @param {number[]} xs */
const last = xs => Math.max(...xs)

/** @param {Requests} q @param {number} spawnedAt @param {number} closedAt @returns {Phases} */
function phasesOf(q, spawnedAt, closedAt) {
  const rotate = /** @type {LoggedRequest} */ (q.rotations[0])
  const preflight = [...q.keys, ...q.reads.slice(0, 1)]
  const t = [
    spawnedAt,
    first(starts(preflight)),
    last(ends(preflight)),
    first(starts(q.probes)),
    last(ends(q.probes)),
    rotate.startedAt,
    rotate.endedAt ?? NaN,
    first(starts(q.puts)),
    last(starts(q.puts)),
    last(ends(q.puts)),
    closedAt
  ]
  const span = (/** @type {number} */ i) => (t[i + 1] ?? NaN) - (t[i] ?? NaN)
  const lastPutEnd = t[9] ?? NaN
  return {
    start: span(0),
    preflight: span(1),
    keySpread: last(starts(q.keys)) - first(starts(q.keys)),
    toProbes: span(2),
    probes: span(3),
    probeSpread: last(starts(q.probes)) - first(starts(q.probes)),
    toRotate: span(4),
    rotate: span(5),
    toPuts: span(6),
    putSpread: span(7),
    lastPut: span(8),
    tail: span(9),
    deletesAfter: last(ends(q.deletes)) - lastPutEnd,
    confirmAfter: (q.reads[1]?.endedAt ?? NaN) - lastPutEnd
  }
}

/**
 * @param {{ composio: FakeComposio, github: FakeGitHub }} fakes
 * @param {{ node: string, entry: string, sequential: string }} paths
 */
export function measurer(fakes, { node, entry, sequential }) {
  const { composio, github } = fakes

  /** Bare `node -e 0`, spawned and timed the way runner.js spawns the action. */
  async function bare() {
    const started = performance.now()
    const child = spawn(node, ['-e', '0'], {
      env: { PATH: process.env['PATH'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stdout.resume()
    child.stderr.resume()
    const code = await new Promise(done => child.on('close', done))
    return { wallMs: performance.now() - started, ok: code === 0 }
  }

  /**
   * One run through runner.js, checked and read back from the fakes' logs.
   * @param {Kind} kind @param {number} latency @param {number} n
   * @param {{ env?: Record<string, string>, node?: string }} [extra]
   * @returns {Promise<Sample>}
   */
  async function run(kind, latency, n, extra = {}) {
    composio.setLatency(latency)
    github.setLatency(latency)
    const cFrom = composio.requests.length
    const gFrom = github.requests.length
    const before = composio.currentSecret(SUBSCRIPTION)
    /** @type {Record<string, string>} */
    const inputs = {
      ...(kind !== 'failfast' && { 'subscription-id': SUBSCRIPTION }),
      'api-key': 'ak_fake_project_key',
      'github-token': 'ghs_fake_token',
      targets: targetsFor(n).join('\n'),
      'composio-base-url': composio.url
    }
    let closedAt = 0
    const result = await runAction({
      inputs,
      env: { GITHUB_API_URL: github.url, ...extra.env },
      node: extra.node ?? node,
      script: kind === 'sequential' ? sequential : entry,
      onSpawn: child => child.on('close', () => (closedAt = performance.now()))
    })
    const q = classify(composio.requests.slice(cFrom), github.requests.slice(gFrom))
    const counts = /** @type {Counts} */ (
      Object.fromEntries(Object.entries(q).map(([k, rs]) => [k, rs.length]))
    )
    /** @type {Sample} */
    const sample = { kind, latency, targets: n, wallMs: result.wallMs, ok: true, counts }
    /** @type {string[]} */
    const problems = []
    const expected = expectedCounts(kind, n)
    for (const [k, v] of Object.entries(expected)) {
      const seen = counts[/** @type {keyof Counts} */ (k)]
      if (seen !== v) problems.push(`${seen} ${k} (expected ${v})`)
    }
    const refused = Object.values(q)
      .flat()
      .filter(r => r.status === undefined || r.status >= 300)
    for (const r of refused.slice(0, 3)) problems.push(`${r.method} ${r.path} → ${r.status}`)
    if (kind === 'failfast') {
      if (result.code !== 1 || !result.stdout.includes('::error::')) problems.push('did not fail')
    } else {
      const secret = composio.currentSecret(SUBSCRIPTION)
      if (result.code !== 0) problems.push(`exit ${result.code}`)
      if (secret === before) problems.push('not rotated')
      const targets = targetsFor(n)
      if (!targets.every(t => github.secret(t, SECRET_NAME) === secret))
        problems.push('a target lacks the new secret')
      if (targets.some(t => github.secret(t, PROBE_NAME) !== undefined))
        problems.push(`a ${PROBE_NAME} probe was left behind`)
    }
    if (problems.length > 0) {
      const output = (result.stdout + result.stderr).replace(/\s+/g, ' ').slice(-400)
      return { ...sample, ok: false, problem: `${problems.join('; ')}. Output: …${output}` }
    }
    if (kind === 'failfast') return sample
    const rotateEnd = q.rotations[0]?.endedAt ?? NaN
    sample.windowMs = last(ends(q.puts)) - rotateEnd
    if (kind === 'action') sample.phases = phasesOf(q, closedAt - result.wallMs, closedAt)
    return sample
  }

  return { bare, run }
}
