// Runner cancellation with runtime-store targets, the bundle as a child process: a signal while a
// store's write is pending, or while the rotate request is in flight, prints the store's recipe
// beside GitHub's, and that recipe, pasted, finishes the job without the secret in any output.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { FAKE_AWS_CREDENTIALS, startFakeSecretsManager } from '../fakes/aws-secretsmanager.js'
import { ACCOUNT, CF_TOKEN, SCRIPT, startFakeCloudflare } from '../fakes/cloudflare.js'
import { NODE24, type RunResult } from '../fakes/runner.js'
import { paste, recipeOf, stubAws } from '../support/aws-recipe.js'
import {
  NAME,
  ROTATE,
  SECRET_WRITE,
  errorOf,
  leaksOfAll,
  on,
  replayBodies,
  requestsTo,
  startScenario,
  type Scenario
} from '../support/scenario.js'

type FakeSecretsManager = Awaited<ReturnType<typeof startFakeSecretsManager>>
type FakeCloudflare = Awaited<ReturnType<typeof startFakeCloudflare>>
let scenario: Scenario | undefined
let aws: FakeSecretsManager | undefined
let cloudflare: FakeCloudflare | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), aws?.close(), cloudflare?.close()])
  scenario = aws = cloudflare = undefined
})

const SM_SECRET = 'prod/composio-webhook'
const OLD = 'a1'.repeat(32)
const REGION = 'eu-west-1'
const AWS_LABEL = `aws-secretsmanager:${SM_SECRET}`
const CF_LABEL = `cloudflare:${ACCOUNT}/${SCRIPT}`
const CF_SECRETS = new RegExp(`/accounts/${ACCOUNT}/workers/scripts/${SCRIPT}/secrets$`)

async function start(composioLatencyMs = 0) {
  ;[scenario, aws, cloudflare] = await Promise.all([
    startScenario({}, { latencyMs: composioLatencyMs }),
    startFakeSecretsManager({ region: REGION, secrets: { [SM_SECRET]: OLD } }),
    startFakeCloudflare()
  ])
  return { s: scenario, sm: aws, cf: cloudflare }
}

const awsEnv = (sm: FakeSecretsManager): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
  AWS_REGION: REGION,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.url,
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true'
})

/**
 * Runs the bundle on Node 24 with a GitHub target and both stores; SIGINT once `ready()` holds
 * and `delayMs` more have passed (time for the run to read the answers the fakes sent).
 */
async function runAndSignal(
  s: Scenario,
  sm: FakeSecretsManager,
  cf: FakeCloudflare,
  ready: () => boolean,
  delayMs = 0
): Promise<{ result: RunResult; signalledAt: number; exitedAt: number }> {
  let signalledAt = Number.NaN
  const onSpawn = (child: ChildProcess): void => {
    const poll = setInterval(() => {
      if (!ready()) return
      clearInterval(poll)
      setTimeout(() => {
        signalledAt = performance.now()
        child.kill('SIGINT')
      }, delayMs)
    }, 10)
    child.on('exit', () => clearInterval(poll))
  }
  const result = await s.run(
    {
      targets: ['acme/app', AWS_LABEL, CF_LABEL].join('\n'),
      'cloudflare-api-token': CF_TOKEN,
      'cloudflare-api-url': cf.url
    },
    { node: NODE24, env: awsEnv(sm), onSpawn }
  )
  const exitedAt = performance.now()
  expect(signalledAt).not.toBeNaN()
  return { result, signalledAt, exitedAt }
}

/** The write of the secret itself (not the write check's labelled version). */
const isAwsWrite = (operation: string | undefined, body: unknown) =>
  operation === 'PutSecretValue' &&
  (body as { VersionStages?: unknown }).VersionStages === undefined

/** Pastes each store's recipe as a user would, the fakes answering again. */
async function pasteBoth(error: string, sm: FakeSecretsManager, cf: FakeCloudflare) {
  sm.setFault(undefined)
  cf.setFault(undefined)
  const env = { ...stubAws(awsEnv(sm)), CLOUDFLARE_API_TOKEN: CF_TOKEN }
  return [await paste(recipeOf(error, AWS_LABEL), env), await paste(recipeOf(error, CF_LABEL), env)]
}

describe('signalled while the stores’ writes are pending', () => {
  test('exits at once with each store’s recipe, which pasted writes the secret', async () => {
    const { s, sm, cf } = await start()
    sm.setFault(({ operation, body }) => (isAwsWrite(operation, body) ? { hang: true } : undefined))
    cf.setFault(
      on('PUT', CF_SECRETS, ({ attempt }) => (attempt === 2 ? { hang: true } : undefined))
    )
    const pending = () =>
      sm.calls.some(c => isAwsWrite(c.operation, c.body)) &&
      requestsTo(cf, 'PUT', CF_SECRETS) === 2 &&
      s.github.requests.some(r => r.method === 'PUT' && SECRET_WRITE.test(r.path) && r.status)
    const { result, signalledAt, exitedAt } = await runAndSignal(s, sm, cf, pending, 300)
    const secret = s.composio.currentSecret('ws_123')!
    expect(result.code).toBe(1)
    expect(exitedAt - signalledAt).toBeLessThan(1500)
    const error = errorOf(result)
    expect(error).toContain('Cancelled (SIGINT) after the rotation')
    expect(error).toContain('acme/app: created')
    for (const label of [AWS_LABEL, CF_LABEL]) {
      expect(error).toContain(
        `${label}: NOT WRITTEN (cancelled before the store confirmed the write)`
      )
      expect(result.summary).toContain(`# To finish ${label} by hand`)
    }
    // GitHub's write was confirmed: no recipe for it.
    expect(replayBodies(error).size).toBe(0)
    expect(leaksOfAll(result, s.composio)).toEqual([])
    expect(sm.state.current(SM_SECRET)).toBe(OLD)
    const pasted = await pasteBoth(error, sm, cf)
    expect(pasted.map(p => [p.status, p.stderr])).toEqual([
      [0, ''],
      [0, '']
    ])
    expect(pasted.every(p => !p.stdout.includes(secret))).toBe(true)
    expect(sm.state.current(SM_SECRET)).toBe(secret)
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(secret)
  })

  test('a store that confirmed before the signal is said written, and gets no recipe', async () => {
    const { s, sm, cf } = await start()
    cf.setFault(
      on('PUT', CF_SECRETS, ({ attempt }) => (attempt === 2 ? { hang: true } : undefined))
    )
    const pending = () =>
      sm.calls.some(c => isAwsWrite(c.operation, c.body) && c.status === 200) &&
      requestsTo(cf, 'PUT', CF_SECRETS) === 2
    const { result } = await runAndSignal(s, sm, cf, pending, 300)
    expect(result.code).toBe(1)
    const error = errorOf(result)
    expect(error).toContain(`${AWS_LABEL}: written`)
    expect(error).not.toContain(`# To finish ${AWS_LABEL} by hand`)
    expect(error).toContain(
      `${CF_LABEL}: NOT WRITTEN (cancelled before the store confirmed the write)`
    )
    expect(error).toContain(`# To finish ${CF_LABEL} by hand`)
  })
})

describe('signalled while the rotate request is in flight', () => {
  test('nothing more is sent, and every target’s recipe is printed, the stores’ too', async () => {
    const { s, sm, cf } = await start(1500)
    const rotating = () => s.composio.requests.some(r => ROTATE.test(r.path))
    const { result } = await runAndSignal(s, sm, cf, rotating)
    const secret = s.composio.currentSecret('ws_123')!
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(1)
    // Only the write checks reached the stores: the answer came, but nothing more was sent.
    expect(sm.calls.filter(c => isAwsWrite(c.operation, c.body))).toHaveLength(0)
    expect(requestsTo(cf, 'PUT', CF_SECRETS)).toBe(1)
    const error = errorOf(result)
    expect(error).toContain('Cancelled after the rotation')
    expect([...replayBodies(error).keys()]).toEqual(['acme/app'])
    for (const label of [AWS_LABEL, CF_LABEL]) {
      expect(error).toContain(`${label}: NOT WRITTEN (cancelled before the write)`)
    }
    expect(leaksOfAll(result, s.composio)).toEqual([])
    const pasted = await pasteBoth(error, sm, cf)
    expect(pasted.map(p => p.status)).toEqual([0, 0])
    expect(sm.state.current(SM_SECRET)).toBe(secret)
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(secret)
  })
})
