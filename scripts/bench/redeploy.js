// @ts-check
// The bench's redeploy part: when does each repository's workflow dispatch leave, against the
// moment that repository's last write was answered? Three repositories, one of them with two
// targets and one whose write the fake answers slowly (its body dripped): the others must not
// wait for it. Per-request latency on both fakes; the gap is read from the fake GitHub's log
// (dispatch arrival − the repository's last secret PUT answered), in ms and in round trips.
import { startFakeComposio } from '../../test/fakes/composio.js'
import { startFakeGitHub } from '../../test/fakes/github.js'
import { runAction } from '../../test/fakes/runner.js'
import { SECRET_NAME, SUBSCRIPTION } from './measure.js'

const REPOSITORIES = ['acme/app', 'acme/worker', 'acme/slow']
const TARGETS = ['acme/app', 'acme/app@production', 'acme/worker', 'acme/slow']
const REDEPLOY = REPOSITORIES.map(repository => `${repository}: deploy.yml`)
// A new secret per run, so that every write is a creation (201 with a body the fake can drip).
const secretName = (/** @type {number} */ run) => `${SECRET_NAME}_BENCH_${run}`
const SLOW_WRITE = new RegExp(`^/repos/acme/slow/actions/secrets/${SECRET_NAME}_BENCH_\\d+$`)

/** @param {number[]} xs */
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
/** @param {number} ms */
const fmt = ms => ms.toFixed(1)

/**
 * @param {{ node: string, entry: string, runs: number, latency: number, progress: (text: string) => void }} options
 * @returns {Promise<{ markdown: string, problems: string[] }>}
 */
export async function benchRedeploys({ node, entry, runs, latency, progress }) {
  const composio = await startFakeComposio({ subscriptions: [SUBSCRIPTION], latencyMs: latency })
  const github = await startFakeGitHub({
    repositories: {
      'acme/app': { environments: ['production'] },
      'acme/worker': {},
      'acme/slow': {}
    },
    workflows: Object.fromEntries(REPOSITORIES.map(r => [r, [{ file: 'deploy.yml' }]])),
    latencyMs: latency,
    // The slow write's 201 body, '{}', one byte every 3 round trips.
    fault: ({ method, path }) =>
      method === 'PUT' && SLOW_WRITE.test(path) ? { dripMs: 3 * latency } : undefined
  })
  const dripMs = 3 * latency
  // A dripped answer is complete when its last byte leaves, which the log records as `endedAt`
  // unless the client closed first: then it is no earlier than the latency plus one drip per byte
  // of '{}'. So the slow repository has no gap of its own; against the others it shows they did
  // not wait. Node's timers keep a millisecond clock, so each of the three waits may end up to
  // 1 ms early.
  const answeredNoEarlierThan = (/** @type {{ startedAt: number, fault?: string }} */ r) =>
    r.fault === 'drip' ? r.startedAt + latency + 2 * dripMs - 3 : Infinity
  const timed = REPOSITORIES.filter(repository => repository !== 'acme/slow')
  /** @type {Record<string, number[]>} gap per repository, one per run */
  const gaps = Object.fromEntries(timed.map(r => [r, []]))
  /** @type {number[]} acme/app's dispatch − acme/slow's write answered (negative: earlier) */
  const ahead = []
  /** @type {number[]} acme/slow's dispatch − its own write answered (at the earliest) */
  const slowAfter = []
  /** @type {string[]} */
  const problems = []
  try {
    progress(`  redeploys: ${latency} ms × ${runs} run(s)`)
    for (let i = 0; i < runs; i++) {
      const from = github.requests.length
      const result = await runAction({
        inputs: {
          'subscription-id': SUBSCRIPTION,
          'api-key': 'ak_fake_project_key',
          'github-token': 'ghs_fake_token',
          targets: TARGETS.join('\n'),
          redeploy: REDEPLOY.join('\n'),
          'composio-base-url': composio.url,
          'secret-name': secretName(i)
        },
        env: { GITHUB_API_URL: github.url },
        node,
        script: entry
      })
      if (result.code !== 0) {
        problems.push(`run ${i + 1} exited ${result.code}`)
        continue
      }
      const requests = github.requests.slice(from)
      /** @param {string} repository */
      const lastWrite = repository =>
        Math.max(
          ...requests
            .filter(r => r.method === 'PUT' && r.path.startsWith(`/repos/${repository}/`))
            .filter(r => r.path.endsWith(`/secrets/${secretName(i)}`))
            .map(r => r.endedAt ?? answeredNoEarlierThan(r))
        )
      /** @param {string} repository */
      const dispatched = repository =>
        requests.find(
          r => r.method === 'POST' && r.path.startsWith(`/repos/${repository}/actions/`)
        )?.startedAt ?? NaN
      for (const repository of timed)
        gaps[repository]?.push(dispatched(repository) - lastWrite(repository))
      ahead.push(dispatched('acme/app') - lastWrite('acme/slow'))
      const slow = dispatched('acme/slow') - lastWrite('acme/slow')
      slowAfter.push(slow)
      if (!(slow >= 0))
        problems.push(
          `run ${i + 1}: acme/slow was dispatched ${fmt(-slow)} ms before its write was answered`
        )
    }
  } finally {
    await Promise.all([composio.close(), github.close()])
  }
  const rows = timed.map(repository => {
    const xs = gaps[repository] ?? []
    return `| ${repository} | ${fmt(median(xs))} | ${fmt(Math.max(...xs))} | ${(Math.max(...xs) / latency).toFixed(2)} |`
  })
  const worst = Math.max(...Object.values(gaps).flat())
  const verdict =
    worst <= latency
      ? `every dispatch left within one round trip (${latency} ms) of its repository's last write`
      : `a dispatch left ${fmt(worst)} ms after its repository's last write: more than one round trip (${latency} ms)`
  if (worst > latency) problems.push(verdict)
  const markdown = [
    '',
    '## Redeploys: the dispatch after the last write',
    '',
    `${runs} run(s), ${latency} ms per request on both fakes; targets ${TARGETS.join(', ')}; one \`deploy.yml\` per repository. acme/slow's write is answered slowly (its body dripped). Gap: the dispatch's arrival − that repository's last secret write answered.`,
    '',
    '| Repository | Median gap (ms) | Max gap (ms) | Max gap (round trips) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `acme/app's dispatch against the earliest moment acme/slow's write can have been answered: median ${fmt(median(ahead))} ms, max ${fmt(Math.max(...ahead))} ms (negative: it did not wait for another repository's write). acme/slow's own dispatch came ${fmt(Math.min(...slowAfter))} ms or more after its write's answer could be complete. Verdict: ${verdict}.`,
    ''
  ].join('\n')
  return { markdown, problems }
}
