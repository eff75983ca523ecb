// @ts-check
// The outage with a Cloudflare Worker target, measured: the bundled action rotates, writes the
// Worker's secret and checks the receiver, a fake Worker that verifies with its binding as it is
// at each request (it switches the moment the secret is written). Per run:
//   answer → write   from the rotation's answer to the Worker's write starting: at most one round
//                    trip (the write goes out on the line after the secret is known)
//   outage           from the rotation's answer to "receiver confirmed": within one check
//                    interval plus one round trip
// Each fake answers after --latency ms (one way), so a round trip is about twice that.
//
//   node scripts/bench/cloudflare.js [--cloudflare-runs 3] [--latency 50] [--interval 1] [--node PATH]
// (`npm run bench` runs it after the outage bench; --no-cloudflare skips it there.)
import { resolve } from 'node:path'
import { ACCOUNT, CF_TOKEN, SCRIPT, startFakeCloudflare } from '../../test/fakes/cloudflare.js'
import { startFakeComposio } from '../../test/fakes/composio.js'
import { startFakeGitHub } from '../../test/fakes/github.js'
import { runAction } from '../../test/fakes/runner.js'

const NAME = 'COMPOSIO_WEBHOOK_SECRET'

/** @param {string[]} argv */
function parseOptions(argv) {
  /** @param {string} name @param {string} fallback */
  const option = (name, fallback) => {
    const i = argv.indexOf(name)
    return i >= 0 ? (argv[i + 1] ?? fallback) : fallback
  }
  return {
    runs: Number(option('--cloudflare-runs', '3')),
    latencyMs: Number(option('--latency', '50')),
    interval: option('--interval', '1'),
    node: resolve(option('--node', process.execPath))
  }
}

/** @param {ReturnType<typeof parseOptions>} options */
async function measure({ latencyMs, interval, node }) {
  const composio = await startFakeComposio({ latencyMs })
  const github = await startFakeGitHub({ latencyMs })
  const cloudflare = await startFakeCloudflare({ latencyMs })
  const worker = await cloudflare.startWorker(NAME)
  try {
    const result = await runAction({
      node,
      inputs: {
        'subscription-id': 'ws_123',
        'api-key': 'ak_fake_project_key',
        'github-token': 'ghs_fake_token',
        targets: `cloudflare:${ACCOUNT}/${SCRIPT}`,
        'cloudflare-api-token': CF_TOKEN,
        'cloudflare-api-url': cloudflare.url,
        'composio-base-url': composio.url,
        'verify-receiver': worker.url,
        'verify-interval-seconds': interval
      },
      env: { GITHUB_API_URL: github.url }
    })
    const answered = composio.requests.find(r => r.method === 'POST')?.endedAt
    const write = cloudflare.requests.filter(r => r.method === 'PUT').at(-1)
    const confirmedAt = Date.parse(result.outputs['receiver-confirmed-at'] ?? '')
    // The outputs are wall-clock; the fakes' times are performance.now(): align them once.
    const wallOf = (/** @type {number} */ t) => performance.timeOrigin + t
    return {
      ok: result.code === 0,
      answerToWriteMs: answered && write ? write.startedAt - answered : NaN,
      outageMs: answered ? confirmedAt - wallOf(answered) : NaN
    }
  } finally {
    await Promise.all([composio.close(), github.close(), cloudflare.close(), worker.close()])
  }
}

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function cloudflareOutage(argv) {
  const options = parseOptions(argv)
  const { latencyMs, interval } = options
  process.stderr.write(`  outage with a Cloudflare Worker target: ${options.runs} run(s)\n`)
  /** @type {Awaited<ReturnType<typeof measure>>[]} */
  const samples = []
  for (let i = 0; i < options.runs; i++) samples.push(await measure(options))
  const roundTrip = 2 * latencyMs
  const bound = Number(interval) * 1000 + roundTrip
  const within = (/** @type {Awaited<ReturnType<typeof measure>>} */ s) =>
    s.ok && s.answerToWriteMs <= roundTrip && s.outageMs <= bound
  const lines = [
    '',
    `## Cloudflare Worker target: the outage (${latencyMs} ms each way, interval ${interval} s)`,
    '',
    '| run | ok | answer → write (ms) | outage (ms) | within bounds |',
    '| --- | -- | ------------------- | ----------- | ------------- |',
    ...samples.map(
      (s, i) =>
        `| ${i + 1} | ${s.ok ? 'yes' : 'NO'} | ${s.answerToWriteMs.toFixed(1)} | ${s.outageMs.toFixed(0)} | ${within(s) ? 'yes' : 'NO'} |`
    ),
    '',
    `Bounds: answer → write ≤ one round trip (${roundTrip} ms); outage ≤ one interval plus one round trip (${bound} ms).`,
    ''
  ]
  process.stdout.write(lines.join('\n'))
  return samples.every(within) ? 0 : 1
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await cloudflareOutage(process.argv.slice(2))
}
