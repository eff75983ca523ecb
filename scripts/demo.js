// @ts-check
// `npm run demo`: the bundled action, end to end, against the built-in fakes of Composio and
// GitHub on 127.0.0.1, printing what a runner's log would show. Two runs: a rotation that stores
// the new secret in three targets, then `rotate: false` adding a fourth consumer with the current
// secret, without rotating. Real crypto: the fake GitHub opens every sealed value with its own
// private keys, and the demo checks them against Composio's secret. The fake GitHub also holds
// every request and answer to GitHub's OpenAPI description: a violation fails the demo.
import { startFakeComposio } from '../test/fakes/composio.js'
import { formatViolations, startFakeGitHub } from '../test/fakes/github.js'
import { existsSync } from 'node:fs'
import { NODE24, runAction } from '../test/fakes/runner.js'

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const composio = await startFakeComposio({ subscriptions: ['ws_demo'] })
const github = await startFakeGitHub({
  repositories: { 'acme/app': { environments: ['production'] }, 'acme/api': {} },
  organizations: { acme: { repositories: ['app', 'api'] } }
})

// The runner runs the action on Node 24 (runs.using: node24); so does the demo when it can.
const node = existsSync(NODE24) ? NODE24 : process.execPath
console.log(`Fake Composio: ${composio.url}   Fake GitHub: ${github.url}   Node: ${node}`)

/**
 * One step of a workflow, printed as a runner shows it.
 * @param {string} title
 * @param {Record<string, string>} inputs
 */
async function step(title, inputs) {
  console.log(`\n=== ${title} ===\n--- the step log (what a runner shows) ---`)
  const result = await runAction({
    inputs: {
      'subscription-id': 'ws_demo',
      'api-key': 'ak_fake_project_key',
      'github-token': 'ghs_fake_token',
      'composio-base-url': composio.url,
      ...inputs
    },
    env: { GITHUB_API_URL: github.url },
    node,
    echo: text => process.stdout.write(text)
  })
  console.log(`--- exit code ${result.code} ---\n`)
  console.log('--- job summary (GITHUB_STEP_SUMMARY) ---')
  console.log(result.summary)
  console.log('--- step outputs (GITHUB_OUTPUT) ---')
  for (const [name, value] of Object.entries(result.outputs)) {
    console.log(`${name}: ${name === 'secret' ? '*** (masked in a real log)' : value}`)
  }
  return result
}

const first = ['acme/app', 'acme/app@production', 'org:acme']
const rotation = await step('1. rotate, and store the new secret in three targets', {
  targets: first.join('\n')
})
const repair = await step('2. rotate: false: store the current secret in a new consumer', {
  repository: 'acme/api',
  rotate: 'false'
})

const secret = composio.currentSecret('ws_demo')
const targets = [...first, 'acme/api']
const stored = targets.map(scope => github.secret(scope, NAME))
const ok =
  rotation.code === 0 &&
  repair.code === 0 &&
  composio.rotations.length === 1 &&
  stored.every(value => value === secret) &&
  github.violations.length === 0
console.log('\n--- checked by the demo ---')
console.log(
  `rotations: ${composio.rotations.length} (the second run did not rotate); GitHub requests: ${github.requests.length}`
)
targets.forEach((scope, i) =>
  console.log(
    `${stored[i] === secret ? 'ok ' : 'BAD'} ${scope}: fake GitHub opened the sealed value to Composio's current secret`
  )
)
if (github.violations.length === 0)
  console.log("ok  every request and answer of the fake GitHub fits GitHub's OpenAPI description")
else
  console.log(
    `BAD the fake GitHub saw ${github.violations.length} violation(s) of GitHub's OpenAPI description:\n${formatViolations(github.violations)}`
  )
await Promise.all([composio.close(), github.close()])
process.exitCode = ok ? 0 : 1
