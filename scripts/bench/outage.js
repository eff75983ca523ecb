// @ts-check
// The outage, measured: from the rotation until the webhook receiver is confirmed to verify with
// the new secret. A fake receiver (real HTTP, real HMAC) switches to the new secret D seconds
// after the last write, as a redeploy would; the action's receiver check must confirm it at most
// one interval after the switch, plus its confirming rounds (sent back to back, in both orders).
// Two ways, as workflows use them:
//   in-step   the main action with verify-receiver: <url> (the check runs after its writes)
//   step      the main action, then the verify-receiver action with rotated-at (outage-seconds)
// Real time: D = 0, 5 and 30 s take about a minute and a half. Markdown on stdout.
//
//   node scripts/bench/outage.js [--delays 0,5,30] [--interval 1] [--node PATH] [--quick]
import { join, resolve } from 'node:path'
import { startFakeComposio } from '../../test/fakes/composio.js'
import { startFakeGitHub } from '../../test/fakes/github.js'
import { startFakeReceiver } from '../../test/fakes/receiver.js'
import { ROOT, runAction } from '../../test/fakes/runner.js'

const SUBSCRIPTION = 'ws_outage'
const NAME = 'COMPOSIO_WEBHOOK_SECRET'

/** @param {string[]} argv */
function parseOptions(argv) {
  /** @param {string} name */
  const option = name => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const quick = argv.includes('--quick')
  return {
    delays: (option('--outage-delays') ?? option('--delays') ?? (quick ? '0,5' : '0,5,30'))
      .split(',')
      .map(Number),
    intervalSeconds: Number(option('--interval') ?? 1),
    node: resolve(option('--node') ?? process.execPath)
  }
}

/**
 * @typedef {object} OutageSample
 * @property {'in-step' | 'step'} how
 * @property {number} delaySeconds
 * @property {number | undefined} outageSeconds rotation → confirmation
 * @property {number | undefined} afterSwitchMs switch → confirmation
 * @property {number | undefined} roundTripMs the confirming rounds: the first one's sent → confirmed
 * @property {number} rounds
 * @property {boolean} ok confirmed, within one interval and the confirming rounds of the switch
 * @property {string} [problem]
 */

/**
 * @param {{ node: string, intervalSeconds: number }} options
 * @param {'in-step' | 'step'} how
 * @param {number} delaySeconds
 * @returns {Promise<OutageSample>}
 */
async function measure(options, how, delaySeconds) {
  const composio = await startFakeComposio({ subscriptions: [SUBSCRIPTION] })
  const github = await startFakeGitHub({ repositories: { 'acme/app': {} } })
  const receiver = await startFakeReceiver({ secret: composio.currentSecret(SUBSCRIPTION) ?? '' })
  // The redeploy: D seconds after GitHub answered the last write, the receiver holds the new secret.
  const watch = setInterval(() => {
    const write = github.requests.find(
      r => r.method === 'PUT' && r.path.endsWith(`/${NAME}`) && r.endedAt !== undefined
    )
    if (!write?.endedAt) return
    clearInterval(watch)
    const since = performance.now() - write.endedAt
    receiver.switchTo(composio.currentSecret(SUBSCRIPTION) ?? '', delaySeconds * 1000 - since)
  }, 2)
  const interval = String(options.intervalSeconds)
  const base = {
    'subscription-id': SUBSCRIPTION,
    'api-key': 'ak_fake_project_key',
    'github-token': 'ghs_fake_token',
    repository: 'acme/app',
    'composio-base-url': composio.url
  }
  const env = { GITHUB_API_URL: github.url }
  try {
    const main = await runAction({
      node: options.node,
      env,
      inputs:
        how === 'in-step'
          ? { ...base, 'verify-receiver': receiver.url, 'verify-interval-seconds': interval }
          : base
    })
    let confirmedAt = main.outputs['receiver-confirmed-at']
    let summary = main.summary
    let code = main.code
    if (how === 'step' && code === 0) {
      const step = await runAction({
        node: options.node,
        script: join(ROOT, 'dist', 'verify-receiver', 'index.js'),
        inputs: {
          secret: main.outputs['secret'] ?? '',
          url: receiver.url,
          'rotated-at': main.outputs['rotated-at'] ?? '',
          'interval-seconds': interval
        }
      })
      ;({ code, summary } = step)
      confirmedAt = step.outputs['confirmed-at']
    }
    const rotatedAt = main.outputs['rotated-at']
    const switchedAt = receiver.switchedAt()
    if (code !== 0 || !confirmedAt || !rotatedAt || switchedAt === undefined) {
      return {
        how,
        delaySeconds,
        outageSeconds: undefined,
        afterSwitchMs: undefined,
        roundTripMs: undefined,
        rounds: receiver.deliveries.length / 2,
        ok: false,
        problem: `exit ${code}, confirmed-at ${confirmedAt ?? 'unset'}`
      }
    }
    const confirmed = Date.parse(confirmedAt)
    // The confirming rounds: from the first row of the summary's table sent after the switch.
    const sent = [...summary.matchAll(/<tr><td>\d+<\/td><td>([^<]+)<\/td>/g)]
      .map(row => Date.parse(row[1] ?? ''))
      .find(at => at >= switchedAt)
    const roundTripMs = sent === undefined ? Number.NaN : confirmed - sent
    const afterSwitchMs = confirmed - switchedAt
    return {
      how,
      delaySeconds,
      outageSeconds: (confirmed - Date.parse(rotatedAt)) / 1000,
      afterSwitchMs,
      roundTripMs,
      rounds: receiver.deliveries.length / 2,
      ok: afterSwitchMs <= options.intervalSeconds * 1000 + roundTripMs
    }
  } finally {
    clearInterval(watch)
    await Promise.all([composio.close(), github.close(), receiver.close()])
  }
}

/** @param {OutageSample[]} samples @param {{ intervalSeconds: number }} options */
function report(samples, options) {
  const fixed = (/** @type {number | undefined} */ n, digits = 0) =>
    n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits)
  return [
    '',
    '#### The outage: rotation → receiver confirmed (scripts/bench/outage.js)',
    '',
    `A fake receiver switches to the new secret D s after GitHub answered the last write; the check runs every ${options.intervalSeconds} s. Budget: confirmed at most one interval after the switch, plus the confirming rounds (sent back to back).`,
    '',
    '| How | D (s) | outage-seconds | Switch → confirmed (ms) | Confirming rounds (ms) | Rounds | Within budget |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...samples.map(
      s =>
        `| ${s.how === 'in-step' ? 'main action, `verify-receiver: <url>`' : 'main action, then `verify-receiver` action'} | ${s.delaySeconds} | ${fixed(s.outageSeconds, 3)} | ${fixed(s.afterSwitchMs)} | ${fixed(s.roundTripMs)} | ${s.rounds} | ${s.ok ? 'yes' : `**no**${s.problem ? ` (${s.problem})` : ''}`} |`
    ),
    ''
  ].join('\n')
}

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function outage(argv) {
  const options = parseOptions(argv)
  /** @type {OutageSample[]} */
  const samples = []
  for (const delaySeconds of options.delays) {
    for (const how of /** @type {const} */ (['in-step', 'step'])) {
      process.stderr.write(`  outage: ${how}, D = ${delaySeconds} s\n`)
      samples.push(await measure(options, how, delaySeconds))
    }
  }
  process.stdout.write(report(samples, options))
  return samples.every(sample => sample.ok) ? 0 : 1
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await outage(process.argv.slice(2))
}
