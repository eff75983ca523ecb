// @ts-check
// `npm run demo`: the whole loop, the bundled action run as a runner runs it, against the built-in
// fakes on 127.0.0.1: rotate; write a repository and an environment secret; start the receiver's
// deploy workflow, whose fake run succeeds after a second and a half; a fake receiver that holds the
// old secret until that run ends, then the secret the fake GitHub holds; the receiver check
// confirms it. Real crypto and real HTTP: the fake GitHub opens every sealed value with its own
// private keys, the receiver verifies real signatures, and every request to the fake GitHub is held
// to GitHub's OpenAPI description.
//
// `npm run demo -- --fail`: the same run, but GitHub refuses the environment secret's write after
// the rotation: the run fails, prints the recipe that finishes that target by hand, and starts no
// redeploy (its repository is not fully written), so the receiver keeps the old secret.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeComposio } from '../test/fakes/composio.js'
import { formatViolations, startFakeGitHub } from '../test/fakes/github.js'
import { startFakeReceiver } from '../test/fakes/receiver.js'
import { NODE24, runAction } from '../test/fakes/runner.js'
import { runnerView } from './demo-log.js'
import { timeline } from './demo-timeline.js'

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const FAIL = process.argv.includes('--fail')
const DEPLOY_MS = 1500
const started = performance.now()

/** @type {import('../test/fakes/github.js').FakeGitHub | undefined} */
let github
// The receiver's deploy reads the repository secret when its run ends (the fake run's end).
const deployed = () =>
  github?.dispatches.some(d => d.endsAt !== undefined && performance.now() >= d.endsAt) ?? false
/** @type {string | undefined} */
let oldSecret
const receiver = await startFakeReceiver({
  secret: () => (deployed() ? github?.secret('acme/app', NAME) : oldSecret)
})
const composio = await startFakeComposio({ subscriptions: ['ws_demo'], webhookUrl: receiver.url })
oldSecret = composio.currentSecret('ws_demo')
github = await startFakeGitHub({
  repositories: { 'acme/app': { environments: ['production'] } },
  workflows: { 'acme/app': [{ file: 'deploy.yml', durationMs: DEPLOY_MS }] },
  // --fail: the environment secret's write is refused after the rotation (the write check passes).
  fault: req =>
    FAIL && req.method === 'PUT' && req.path.endsWith(`/environments/production/secrets/${NAME}`)
      ? { status: 403, body: { message: 'Resource not accessible by personal access token' } }
      : undefined
})

// The runner runs the action on Node 24 (runs.using: node24); so does the demo when it can.
const node = existsSync(NODE24) ? NODE24 : process.execPath
console.log(`Fake Composio: ${composio.url}   Fake GitHub: ${github.url}   Node: ${node}`)
console.log(`Fake receiver: ${receiver.url} (holds the old secret until its deploy run ends)`)
console.log(`\n--- the step log, as a runner shows it ---`)
const view = runnerView(text => process.stdout.write(text))
const result = await runAction({
  inputs: {
    'subscription-id': 'ws_demo',
    'api-key': 'ak_fake_project_key',
    'github-token': 'ghs_fake_token',
    'composio-base-url': composio.url,
    targets: 'acme/app\nacme/app@production',
    redeploy: 'acme/app: deploy.yml',
    'verify-receiver': 'subscription',
    'verify-interval-seconds': '1',
    'verify-timeout-seconds': '30'
  },
  env: { GITHUB_API_URL: github.url },
  node,
  echo: view.write
})
view.end()
console.log(`--- exit code ${result.code} ---\n`)

const dir = join(tmpdir(), 'rotate-composio-webhook-secret-demo')
mkdirSync(dir, { recursive: true })
const summaryFile = join(dir, FAIL ? 'summary-fail.md' : 'summary.md')
writeFileSync(summaryFile, result.summary)
console.log(`Job summary (GITHUB_STEP_SUMMARY): ${summaryFile}`)
console.log(`  ${result.summary.split('\n').find(line => line.trim() !== '') ?? '(empty)'}`)
console.log('Outputs (GITHUB_OUTPUT):')
for (const [name, value] of Object.entries(result.outputs)) {
  console.log(`  ${name}: ${name === 'secret' ? '*** (masked)' : value}`)
}

console.log('\n--- the loop, as the fakes saw it (one clock, from the rotation) ---')
const events = timeline({ composio, github, receiver, secretName: NAME })
const zero = events[0]?.at ?? 0
for (const event of events)
  console.log(`+${((event.at - zero) / 1000).toFixed(2)} s  ${event.text}`)

const secret = composio.currentSecret('ws_demo')
const stored = ['acme/app', 'acme/app@production'].map(scope => github?.secret(scope, NAME))
const verified = receiver.deliveries.filter(d => d.verified).length
const violations = github.violations.length
console.log('\n--- checked by the demo, on the fakes ---')
console.log(
  `rotations: ${composio.rotations.length}; targets holding Composio's new secret: ${stored.filter(value => value === secret).length} of 2`
)
console.log(
  `redeploys started: ${github.dispatches.length}; deliveries the receiver verified: ${verified}`
)
console.log(`requests that break GitHub's OpenAPI description: ${violations}`)
if (violations > 0) console.log(formatViolations(github.violations))
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)

// The demo succeeds when the run did what it says: all done, or (--fail) failed with a recipe.
const expected = FAIL
  ? result.code === 1 && /curl /.test(result.stdout) && github.dispatches.length === 0
  : result.code === 0 && stored.every(value => value === secret) && verified > 0
await Promise.all([composio.close(), github.close(), receiver.close()])
process.exitCode = expected && violations === 0 ? 0 : 1
