// @ts-check
// Start-up with and without an AWS target: the AWS SDK (about 1 MB of the bundle) is loaded only
// when an aws-secretsmanager: target is given, so a run without one must start and finish as it
// did before the store existed. Per kind, interleaved runs of the bundle against the fakes:
//   files loaded   the bundle's files the run loaded (a module-loader trace, one run apart, as
//                  the trace itself costs time), named by what they hold
//   start          spawn → the first request a fake receives (the bundle loaded and the inputs read)
//   wall           spawn → exit
// Ratios are of medians, from this one run of the bench: a measurement, not a test.
//
//   node scripts/bench/startup.js [--startup-runs 9] [--node PATH] [--quick]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import {
  FAKE_AWS_CREDENTIALS,
  startFakeSecretsManager
} from '../../test/fakes/aws-secretsmanager.js'
import { startFakeComposio } from '../../test/fakes/composio.js'
import { startFakeGitHub } from '../../test/fakes/github.js'
import { loadedFrom, traceEnv } from '../../test/fakes/load-trace.js'
import { DIST, runAction } from '../../test/fakes/runner.js'
import { bundleReport, chunkLabel } from '../bundle-report.js'

const SECRET_ID = 'prod/composio-webhook'
const KINDS = /** @type {const} */ ({
  github: 'acme/app',
  aws: `acme/app\naws-secretsmanager:${SECRET_ID}`
})
/** @typedef {keyof typeof KINDS} Kind */

/** @param {string[]} argv */
function parseOptions(argv) {
  const i = argv.indexOf('--startup-runs')
  const node = argv.indexOf('--node')
  return {
    runs: Number(i >= 0 ? argv[i + 1] : argv.includes('--quick') ? 3 : 9),
    node: resolve(node >= 0 ? (argv[node + 1] ?? process.execPath) : process.execPath)
  }
}

/**
 * A chunk by what it holds: its largest package, or for the action's own code its files.
 * @param {ReturnType<typeof bundleReport>} report @param {string} file
 */
export function describeChunk(report, file) {
  const chunk = report.chunks.find(c => c.file === file)
  if (!chunk) return file
  if (chunk.packages[0] !== '(this action: src/)') return chunkLabel(chunk)
  const own = report.sources
    .filter(s => s.chunk === file)
    .map(s => s.source.replace(/^(\.\.\/)*\.\/?/, ''))
    .filter(source => source.startsWith('src/'))
  return `chunk of ${own.slice(0, 2).join(', ')}${own.length > 2 ? ', …' : ''}`
}

/** @param {number[]} xs */
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

/** @param {string[]} argv @returns {Promise<number>} the exit code */
export async function startup(argv) {
  const options = parseOptions(argv)
  const composio = await startFakeComposio()
  const github = await startFakeGitHub()
  const aws = await startFakeSecretsManager({ secrets: { [SECRET_ID]: 'initial' } })
  const env = {
    GITHUB_API_URL: github.url,
    AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
    AWS_REGION: aws.region,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  /** @param {Kind} kind @param {Record<string, string>} [more] */
  const run = async (kind, more = {}) => {
    const seen = [composio.requests.length, github.requests.length]
    const spawnedAt = performance.now()
    const result = await runAction({
      node: options.node,
      inputs: {
        'subscription-id': 'ws_123',
        'api-key': 'ak_fake_project_key',
        'github-token': 'ghs_fake_token',
        'composio-base-url': composio.url,
        targets: KINDS[kind]
      },
      env: { ...env, ...more }
    })
    const requests = [...composio.requests.slice(seen[0]), ...github.requests.slice(seen[1])]
    const firstRequest = Math.min(...requests.map(r => r.startedAt))
    return { ok: result.code === 0, startMs: firstRequest - spawnedAt, wallMs: result.wallMs }
  }
  /** @type {Record<Kind, { startMs: number[], wallMs: number[], files: Set<string> }>} */
  const samples = {
    github: { startMs: [], wallMs: [], files: new Set() },
    aws: { startMs: [], wallMs: [], files: new Set() }
  }
  let failed = 0
  const work = mkdtempSync(join(tmpdir(), 'bench-startup-'))
  try {
    process.stderr.write(
      `  start-up: ${options.runs} run(s) each, with and without an AWS target\n`
    )
    await run('aws') // warm-up: the page cache
    for (let i = 0; i < options.runs; i++) {
      for (const kind of /** @type {Kind[]} */ (i % 2 ? ['aws', 'github'] : ['github', 'aws'])) {
        const sample = await run(kind)
        if (!sample.ok) failed++
        samples[kind].startMs.push(sample.startMs)
        samples[kind].wallMs.push(sample.wallMs)
      }
    }
    for (const kind of /** @type {Kind[]} */ (['github', 'aws'])) {
      const trace = join(work, kind)
      if (!(await run(kind, traceEnv(trace))).ok) failed++
      samples[kind].files = loadedFrom(trace, dirname(DIST))
    }
  } finally {
    await Promise.all([composio.close(), github.close(), aws.close()])
    rmSync(work, { recursive: true, force: true })
  }
  process.stdout.write(report(samples, options.runs, bundleReport(dirname(DIST))))
  return failed === 0 ? 0 : 1
}

/**
 * @param {Record<Kind, { startMs: number[], wallMs: number[], files: Set<string> }>} samples
 * @param {number} runs @param {ReturnType<typeof bundleReport>} bundle
 */
function report(samples, runs, bundle) {
  const kib = (/** @type {Set<string>} */ files) =>
    bundle.chunks.filter(c => files.has(c.file)).reduce((sum, c) => sum + c.bytes, 0) / 1024
  const names = (/** @type {Set<string>} */ files) =>
    [...files].map(file => describeChunk(bundle, file)).join('; ')
  const row = (/** @type {string} */ what, /** @type {Kind} */ kind) => {
    const s = samples[kind]
    return `| ${what} | ${s.files.size} (${kib(s.files).toFixed(0)} KiB): ${names(s.files)} | ${median(s.startMs).toFixed(0)} | ${median(s.wallMs).toFixed(0)} |`
  }
  const ratio = (/** @type {'startMs' | 'wallMs'} */ key) =>
    (median(samples.aws[key]) / median(samples.github[key])).toFixed(2)
  const only = [...samples.aws.files].filter(file => !samples.github.files.has(file))
  return [
    '',
    `## Start-up with and without an AWS target (medians of ${runs} runs each)`,
    '',
    '| targets | bundle files loaded | start: spawn → first request (ms) | wall: spawn → exit (ms) |',
    '| --- | --- | ---: | ---: |',
    row('`acme/app`', 'github'),
    row('`acme/app` + `aws-secretsmanager:…`', 'aws'),
    '',
    `Loaded only with the AWS target: ${names(new Set(only)) || 'nothing'}. Ratios with/without: start ${ratio('startMs')}, wall ${ratio('wallMs')} (the wall time includes the two write-check calls and the write to the fake Secrets Manager).`,
    ''
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await startup(process.argv.slice(2))
}
