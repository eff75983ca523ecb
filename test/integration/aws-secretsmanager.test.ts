// aws-secretsmanager:<name or ARN> targets, bundled, run as a runner runs them (on Node 24, as
// `runs.using: node24`, and on Node 20, where the SDK would warn), against the fakes of Composio,
// GitHub and Secrets Manager (the real SDK, SigV4 verified, every member held to the service's
// model): proved writable by a version no reader sees, written the moment the secret is known, a
// failed write finished by a pasted recipe that never holds the secret, and the receiver checked.
import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { bundleReport } from '../../scripts/bundle-report.js'
import {
  FAKE_AWS_CREDENTIALS,
  awsError,
  startFakeSecretsManager
} from '../fakes/aws-secretsmanager.js'
import { startFakeReceiver, type FakeReceiver } from '../fakes/receiver.js'
import { loadedFrom, traceEnv } from '../fakes/load-trace.js'
import { DIST, NODE24, type RunResult } from '../fakes/runner.js'
import { paste, recipeOf, stubAws } from '../support/aws-recipe.js'
import { errorOf, leaksOfAll, row, startScenario, type Scenario } from '../support/scenario.js'

type FakeSecretsManager = Awaited<ReturnType<typeof startFakeSecretsManager>>
let scenario: Scenario | undefined
let aws: FakeSecretsManager | undefined
let receiver: FakeReceiver | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), aws?.close(), receiver?.close()])
  scenario = aws = receiver = undefined
})

const SECRET = 'prod/composio-webhook'
const OLD = 'a1'.repeat(32)
const LABEL = `aws-secretsmanager:${SECRET}`
const REGION = 'eu-west-1'
const ARN = `arn:aws:secretsmanager:${REGION}:123456789012:secret:${SECRET}-AbC123`
const CHECK_LABEL = 'ROTATE_COMPOSIO_WRITE_CHECK'
type Staged = { VersionStages?: string[] }

async function start(): Promise<{ s: Scenario; sm: FakeSecretsManager }> {
  ;[scenario, aws] = await Promise.all([
    startScenario(),
    startFakeSecretsManager({ region: REGION, secrets: { [SECRET]: OLD } })
  ])
  return { s: scenario, sm: aws }
}

/**
 * The environment aws-actions/configure-aws-credentials leaves (credentials, AWS_REGION), the
 * SDK's endpoint variable aimed at the fake, and nothing else the SDK could find on this machine.
 */
const awsEnv = (sm: FakeSecretsManager): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
  AWS_REGION: REGION,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.url,
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true'
})

const NODES = [
  ['Node 24', NODE24],
  ['Node 20', process.execPath]
] as const

const run = (
  s: Scenario,
  sm: FakeSecretsManager,
  inputs: Record<string, string> = {},
  options: { node?: string; env?: Record<string, string> } = {}
) =>
  s.run(
    { targets: `acme/app\n${LABEL}`, ...inputs },
    { node: options.node ?? NODE24, env: { ...awsEnv(sm), ...options.env } }
  )

const callsOf = (sm: FakeSecretsManager, operation: string) =>
  sm.calls.filter(c => c.operation === operation).map(c => c.body as Record<string, unknown>)

/** Nothing Composio ever held is printed; the AWS secret key neither; stderr holds nothing. */
function expectQuiet(result: RunResult, s: Scenario): void {
  expect(leaksOfAll(result, s.composio)).toEqual([])
  const printed = `${result.stdout}\n${result.stderr}\n${result.summary}`
  expect(printed).not.toContain(FAKE_AWS_CREDENTIALS.secretAccessKey)
  expect(result.stderr).toBe('')
}

describe.each(NODES)('aws-secretsmanager: targets on %s', (_node, node) => {
  test('proved by a labelled version before the rotation, written as AWSCURRENT after it', async () => {
    const { s, sm } = await start()
    const result = await run(s, sm, {}, { node })
    expect(result.code).toBe(0)
    const secret = s.composio.currentSecret('ws_123')!
    expect(sm.state.current(SECRET)).toBe(secret)
    // Readers saw the old secret, then the new one: never the write check's value.
    expect(sm.state.everCurrent(SECRET)).toEqual([OLD, secret])
    const [check, write] = callsOf(sm, 'PutSecretValue')
    expect(check!['VersionStages']).toEqual([CHECK_LABEL])
    expect(write!['VersionStages']).toBeUndefined()
    expect(write!['SecretString']).toBe(secret)
    // The label is taken off again: no version keeps it.
    expect(callsOf(sm, 'UpdateSecretVersionStage')).toHaveLength(1)
    expect(sm.state.versions(SECRET).flatMap(v => v.stages)).not.toContain(CHECK_LABEL)
    expect(result.stdout).toContain(
      `${LABEL} wrote a version labelled ${CHECK_LABEL}, never AWSCURRENT, then took the label off.`
    )
    expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app', LABEL])
    expect(result.outputs['rotated']).toBe('true')
    expect(result.summary).toMatch(
      new RegExp(`<tr><td>✅ written</td><td>${LABEL}</td><td>\\d{4}-`)
    )
    expectQuiet(result, s)
  })

  test('the write starts as soon as the rotation is answered, before any GitHub write', async () => {
    const { s, sm } = await start()
    s.github.setLatency(150)
    const result = await run(s, sm, {}, { node })
    expect(result.code).toBe(0)
    const rotation = s.composio.requests.find(r => r.method === 'POST')!
    // Requests in order: the write check's PutSecretValue, its label's removal, the write.
    const write = sm.requests.at(-1)!
    const githubWrite = s.github.requests.find(
      r => r.method === 'PUT' && r.path.endsWith('/COMPOSIO_WEBHOOK_SECRET')
    )!
    expect(sm.requests).toHaveLength(3)
    expect(sm.requests[1]!.endedAt!).toBeLessThan(rotation.startedAt)
    // Within a round trip of the answer (a local one here), not behind GitHub's writes.
    expect(write.startedAt - rotation.endedAt!).toBeLessThan(100)
    expect(write.startedAt).toBeLessThan(githubWrite.startedAt)
  })

  test('a dry run proves the secret writable and writes nothing else', async () => {
    const { s, sm } = await start()
    const result = await run(s, sm, { 'dry-run': 'true' }, { node })
    expect(result.code).toBe(0)
    expect(s.composio.rotations).toHaveLength(0)
    expect(callsOf(sm, 'PutSecretValue').map(b => b['VersionStages'])).toEqual([[CHECK_LABEL]])
    expect(sm.state.current(SECRET)).toBe(OLD)
    expect(sm.state.everCurrent(SECRET)).toEqual([OLD])
    expect(sm.state.versions(SECRET).flatMap(v => v.stages)).toEqual(['AWSCURRENT'])
    expect(result.summary).toMatch(
      new RegExp(`<tr><td>✅ write accepted</td><td>${LABEL}</td><td>wrote a version labelled`)
    )
    expectQuiet(result, s)
  })
})

describe('where the secret is', () => {
  test('by ARN: the region comes from the ARN, whatever AWS_REGION says', async () => {
    const { s, sm } = await start()
    const result = await run(
      s,
      sm,
      { targets: `aws-secretsmanager:${ARN}` },
      {
        env: { AWS_REGION: 'us-east-1' }
      }
    )
    expect(result.code).toBe(0)
    // The fake checks that each request is signed for its own region (eu-west-1).
    expect(sm.state.current(SECRET)).toBe(s.composio.currentSecret('ws_123'))
    expect(callsOf(sm, 'PutSecretValue').map(b => b['SecretId'])).toEqual([ARN, ARN])
    expect(JSON.parse(result.outputs['targets']!)).toEqual([`aws-secretsmanager:${ARN}`])
    expectQuiet(result, s)
  })

  test('a name without AWS_REGION: refused before any request, naming what to set', async () => {
    const { s, sm } = await start()
    const result = await run(s, sm, {}, { env: { AWS_REGION: '' } })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain(
      `Input 'targets': ${LABEL} names no region: give the secret's ARN, or set AWS_REGION`
    )
    expect(s.composio.requests).toHaveLength(0)
    expect(sm.calls).toHaveLength(0)
  })
})

describe('refusals', () => {
  test('AccessDenied before the rotation: nothing rotated, the IAM action named', async () => {
    const { s, sm } = await start()
    sm.state.deny(SECRET, 'PutSecretValue')
    const result = await run(s, sm)
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(0)
    const error = errorOf(result)
    expect(error).toContain('Nothing was rotated: 1 of 2 targets cannot be written')
    expect(error).toContain(
      `${LABEL}: AWS Secrets Manager PutSecretValue on '${SECRET}' (${REGION}) failed: AccessDeniedException (HTTP 400).`
    )
    expect(error).toContain('The role may not call secretsmanager:PutSecretValue on this secret')
    expect(sm.state.current(SECRET)).toBe(OLD)
    expect(s.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET_WRITE_CHECK')).toBeUndefined()
    expectQuiet(result, s)
  })

  test('a plain-http endpoint off loopback: refused before any request', async () => {
    const { s, sm } = await start()
    const result = await run(
      s,
      sm,
      {},
      {
        env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://secretsmanager.example.com' }
      }
    )
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain('AWS_ENDPOINT_URL_SECRETS_MANAGER')
    expect(s.composio.rotations).toHaveLength(0)
    expect(sm.calls).toHaveLength(0)
  })
})

describe('a refused write after the rotation', () => {
  /** The rotation happens; the write of the secret itself (no VersionStages) is refused. */
  const refuseTheWrite = (sm: FakeSecretsManager) =>
    sm.setFault(({ operation, body }) =>
      operation === 'PutSecretValue' && (body as Staged).VersionStages === undefined
        ? awsError(
            'AccessDeniedException',
            'User: arn:aws:sts::123456789012:assumed-role/rotate/GitHubActions is not authorized to perform: secretsmanager:PutSecretValue'
          )
        : undefined
    )

  test.each(NODES)(
    'on %s: fails loudly with a recipe that, pasted, writes the secret without printing it',
    async (_node, node) => {
      const { s, sm } = await start()
      refuseTheWrite(sm)
      const result = await run(s, sm, {}, { node })
      expect(result.code).toBe(1)
      expect(s.composio.rotations).toHaveLength(1)
      const secret = s.composio.currentSecret('ws_123')!
      expect(s.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBe(secret)
      expect(sm.state.current(SECRET)).toBe(OLD)
      const error = errorOf(result)
      expect(error).toContain('WAS ROTATED')
      expect(error).toContain(`${LABEL}: NOT WRITTEN (AWS Secrets Manager PutSecretValue`)
      expect(result.summary).toContain(row('❌ NOT WRITTEN', LABEL, '—'))
      expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app'])
      expectQuiet(result, s)
      const recipe = recipeOf(error, LABEL)
      expect(recipe).toContain(`rotate: false and targets: ${LABEL}`)
      expect(recipe).not.toContain(secret)
      // Pasted into bash, with the credentials it names and an `aws` that writes through to the
      // fake with the SDK: the store gets the secret, nothing the shell prints holds it.
      sm.setFault(undefined)
      const pasted = await paste(recipe, stubAws(awsEnv(sm)))
      expect(pasted.stderr).toBe('')
      expect(pasted.status).toBe(0)
      expect(pasted.stdout).not.toContain(secret)
      expect(pasted.stdout).toContain(`COMPOSIO_WEBHOOK_SECRET written to ${LABEL}.\n`)
      expect(sm.state.current(SECRET)).toBe(secret)
    }
  )

  test('the pasted recipe writes nothing when Composio now holds another secret', async () => {
    const { s, sm } = await start()
    refuseTheWrite(sm)
    const result = await run(s, sm)
    expect(result.code).toBe(1)
    sm.setFault(undefined)
    s.composio.rotateOutOfBand('ws_123')
    const pasted = await paste(recipeOf(errorOf(result), LABEL), stubAws(awsEnv(sm)))
    expect(pasted.status).not.toBe(0)
    expect(pasted.stderr).toContain('Composio now holds another secret')
    expect(sm.state.current(SECRET)).toBe(OLD)
  })
})

describe('rotate → Secrets Manager → receiver check', () => {
  /** A receiver that reads AWSCURRENT at each delivery, as a Lambda without a cache does. */
  const startReader = (sm: FakeSecretsManager) =>
    startFakeReceiver({ secret: () => sm.state.current(SECRET) })

  test('the receiver verifies with AWSCURRENT once written: confirmed, no redeploy', async () => {
    const { s, sm } = await start()
    receiver = await startReader(sm)
    const result = await run(s, sm, { targets: LABEL, 'verify-receiver': receiver.url })
    expect(result.code).toBe(0)
    expect(result.outputs['receiver-confirmed-at']).toBeDefined()
    expect(receiver.deliveries.some(d => d.verified)).toBe(true)
    expectQuiet(result, s)
  })

  test('not confirmed, and not claimed, when the secret was not written', async () => {
    const { s, sm } = await start()
    receiver = await startReader(sm)
    sm.setFault(({ operation, body }) =>
      operation === 'PutSecretValue' && (body as Staged).VersionStages === undefined
        ? awsError('InternalServiceError', 'An error occurred on the server side.')
        : undefined
    )
    const result = await run(s, sm, { targets: LABEL, 'verify-receiver': receiver.url })
    expect(result.code).toBe(1)
    expect(result.outputs['receiver-confirmed-at']).toBeUndefined()
    expect(receiver.deliveries).toHaveLength(0)
    expect(result.stdout).toContain('skipped: not every target was written')
  })
})

describe('loading', () => {
  /** The bundle's files that hold the AWS SDK or the Secrets Manager store, from the source maps. */
  const awsChunks = () =>
    new Set(
      bundleReport(dirname(DIST))
        .sources.filter(s => /@aws-sdk|@smithy|src\/stores\/aws-/.test(s.source))
        .map(s => s.chunk)
    )

  test('the AWS SDK and the store module are loaded only for an aws-secretsmanager: target', async () => {
    const { s, sm } = await start()
    const trace = join(mkdtempSync(join(tmpdir(), 'load-trace-')), 'trace')
    const aws = awsChunks()
    expect(aws.size).toBeGreaterThanOrEqual(2)
    expect(aws.has('index.js')).toBe(false)
    const loadedBy = async (targets: string) => {
      const result = await run(s, sm, { targets }, { env: traceEnv(trace) })
      expect(result.code).toBe(0)
      return loadedFrom(trace, dirname(DIST))
    }
    const withoutAws = await loadedBy('acme/app')
    expect(withoutAws.has('index.js')).toBe(true)
    expect([...withoutAws].filter(file => aws.has(file))).toEqual([])
    const withAws = await loadedBy(`acme/app\n${LABEL}`)
    expect([...aws].filter(file => !withAws.has(file))).toEqual([])
  })
})
