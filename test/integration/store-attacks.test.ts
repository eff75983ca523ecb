// The runtime stores' claims attacked through the bundle, as a careless or hostile counterpart
// would: a Cloudflare that answers 200 without accepting what was sent, a probe that cannot be
// deleted, an AWS endpoint off loopback over plain http, a PutSecretValue answered without
// AWSCURRENT, and a recipe whose commands are watched for the secret in their arguments.
import { afterEach, describe, expect, test } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import {
  ACCOUNT,
  CF_TOKEN,
  SCRIPT,
  cloudflareError,
  startFakeCloudflare
} from '../fakes/cloudflare.js'
import { FAKE_AWS_CREDENTIALS, startFakeSecretsManager } from '../fakes/aws-secretsmanager.js'
import { NODE24 } from '../fakes/runner.js'
import { paste, recipeOf } from '../support/aws-recipe.js'
import { NAME, errorOf, leaksOfAll, on, startScenario, type Scenario } from '../support/scenario.js'

type FakeCloudflare = Awaited<ReturnType<typeof startFakeCloudflare>>
type FakeSecretsManager = Awaited<ReturnType<typeof startFakeSecretsManager>>
let scenario: Scenario | undefined
let cloudflare: FakeCloudflare | undefined
let aws: FakeSecretsManager | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), cloudflare?.close(), aws?.close()])
  scenario = cloudflare = aws = undefined
})

const CF_LABEL = `cloudflare:${ACCOUNT}/${SCRIPT}`
const SECRETS = new RegExp(`/accounts/${ACCOUNT}/workers/scripts/${SCRIPT}/secrets`)
const PROBE_DELETE = new RegExp(`${SECRETS.source}/${NAME}_WRITE_CHECK$`)

async function startCloudflare(): Promise<{ s: Scenario; cf: FakeCloudflare }> {
  ;[scenario, cloudflare] = await Promise.all([startScenario(), startFakeCloudflare()])
  return { s: scenario, cf: cloudflare }
}

const runCloudflare = (s: Scenario, cf: FakeCloudflare) =>
  s.run(
    {
      targets: `acme/app\n${CF_LABEL}`,
      'cloudflare-api-token': CF_TOKEN,
      'cloudflare-api-url': cf.url
    },
    { node: NODE24 }
  )

/** 200s that are not Cloudflare accepting the secret that was sent. */
const NOT_ACCEPTED: [
  string,
  { status: number; body?: string | object; headers?: Record<string, string> }
][] = [
  [
    'success: false',
    {
      status: 200,
      body: { success: false, errors: [{ code: 10013, message: 'x' }], messages: [], result: null }
    }
  ],
  [
    'a body that is not JSON',
    { status: 200, body: 'OK', headers: { 'content-type': 'text/plain' } }
  ],
  ['204, no body', { status: 204 }],
  ['success: true, no result', { status: 200, body: { success: true, errors: [], messages: [] } }],
  [
    'success: true, a result naming another secret',
    {
      status: 200,
      body: {
        success: true,
        errors: [],
        messages: [],
        result: { name: 'OTHER', type: 'secret_text' }
      }
    }
  ]
]

describe('Cloudflare: "written" only when Cloudflare accepted this secret', () => {
  test.each(NOT_ACCEPTED)(
    '%s after the rotation: NOT WRITTEN, with the recipe',
    async (_what, answer) => {
      const { s, cf } = await startCloudflare()
      cf.expectViolations()
      // The probe (attempt 1) is answered truly; the write (attempt 2 on the same path) is not.
      cf.setFault(on('PUT', SECRETS, ({ attempt }) => (attempt >= 2 ? answer : undefined)))
      const result = await runCloudflare(s, cf)
      expect(result.code).toBe(1)
      expect(s.composio.rotations).toHaveLength(1)
      const error = errorOf(result)
      expect(error).toContain(`${CF_LABEL}: NOT WRITTEN`)
      expect(error).toContain(`# To finish ${CF_LABEL} by hand`)
      expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app'])
      expect(leaksOfAll(result, s.composio)).toEqual([])
    }
  )

  test('a 429 asking to wait an hour is not waited for: refused before the rotation, one attempt', async () => {
    const { s, cf } = await startCloudflare()
    cf.setFault(
      on(
        'PUT',
        SECRETS,
        cloudflareError(429, 10429, 'Too many requests', { 'retry-after': '3600' })
      )
    )
    const started = Date.now()
    const result = await runCloudflare(s, cf)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(0)
    expect(cf.requests.filter(r => r.method === 'PUT')).toHaveLength(1)
    expect(errorOf(result)).toContain("Cloudflare's rate limit")
  })

  test('a probe that cannot be deleted: a warning naming it and how to delete it from this Worker', async () => {
    const { s, cf } = await startCloudflare()
    cf.setFault(on('DELETE', PROBE_DELETE, cloudflareError(500, 10013, 'internal error')))
    const result = await runCloudflare(s, cf)
    expect(result.code).toBe(0)
    const warning = result.stdout
      .split('\n')
      .find(line => line.includes(`${NAME}_WRITE_CHECK holds no secret`))
    expect(warning).toBeDefined()
    // Outside the Worker's own directory, wrangler needs the Worker's name.
    expect(warning).toContain(`wrangler secret delete ${NAME}_WRITE_CHECK --name '${SCRIPT}'`)
  })
})

describe('Cloudflare: the secret never quoted back, not even in part', () => {
  test('an error that echoes the secret where the quote is cut short prints no part of it', async () => {
    const { s, cf } = await startCloudflare()
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) => {
        if (attempt < 2) return undefined
        // Cloudflare's words are cut at 200 characters: the secret straddles the cut.
        const echo = `${'x'.repeat(175)} '${s.composio.currentSecret('ws_123')!}' rejected`
        return cloudflareError(400, 10021, echo)
      })
    )
    const result = await runCloudflare(s, cf)
    expect(result.code).toBe(1)
    const secret = s.composio.currentSecret('ws_123')!
    const printed = `${result.stdout}\n${result.stderr}\n${result.summary}`
      .split('\n')
      .filter(line => line !== `::add-mask::${secret}`)
      .join('\n')
    expect(errorOf(result)).toContain(`${CF_LABEL}: NOT WRITTEN`)
    expect(printed).not.toContain(secret.slice(0, 8))
  })
})

describe('Cloudflare: bounded, and the token masked', () => {
  test('a write that hangs after the rotation: three attempts of timeout-seconds, then NOT WRITTEN', async () => {
    const { s, cf } = await startCloudflare()
    cf.setFault(on('PUT', SECRETS, ({ attempt }) => (attempt >= 2 ? { hang: true } : undefined)))
    const started = Date.now()
    const result = await s.run(
      {
        targets: `acme/app\n${CF_LABEL}`,
        'cloudflare-api-token': CF_TOKEN,
        'cloudflare-api-url': cf.url,
        'timeout-seconds': '1'
      },
      { node: NODE24 }
    )
    // 3 attempts of 1 s, 1 s and 2 s between them: well under a minute.
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(result.code).toBe(1)
    expect(cf.requests.filter(r => r.method === 'PUT')).toHaveLength(4)
    expect(errorOf(result)).toContain(`${CF_LABEL}: NOT WRITTEN`)
    expect(errorOf(result)).toContain('timed out after 1 s (timeout-seconds) (after 3 attempts)')
  })

  test('cloudflare-api-token is masked even when no cloudflare: target is given', async () => {
    const { s } = await startCloudflare()
    const result = await s.run(
      { targets: 'acme/app', 'cloudflare-api-token': CF_TOKEN },
      { node: NODE24 }
    )
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')).toContain(`::add-mask::${CF_TOKEN}`)
  })
})

describe('Cloudflare recipe, pasted: the secret is in no command line', () => {
  test('every command the recipe runs is recorded: none carries the secret, stdout neither', async () => {
    const { s, cf } = await startCloudflare()
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) =>
        attempt === 2 ? cloudflareError(403, 10000, 'Authentication error') : undefined
      )
    )
    const result = await runCloudflare(s, cf)
    expect(result.code).toBe(1)
    cf.setFault(undefined)
    const { env, log } = recordingPath(['curl', 'jq', 'sha256sum', 'cut'])
    const pasted = await paste(recipeOf(errorOf(result), CF_LABEL), {
      ...env,
      CLOUDFLARE_API_TOKEN: CF_TOKEN
    })
    expect(pasted.status).toBe(0)
    const secret = s.composio.currentSecret('ws_123')!
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(secret)
    const argv = readFileSync(log, 'utf8')
    expect(argv).toContain('curl') // the recorder saw the commands
    expect(argv).not.toContain(secret)
    expect(pasted.stdout + pasted.stderr).not.toContain(secret)
  })
})

/** A PATH whose `commands` log their arguments to a file, then run the real ones. */
function recordingPath(commands: string[]): { env: Record<string, string>; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'argv-'))
  const log = join(bin, 'argv.log')
  writeFileSync(log, '')
  for (const command of commands) {
    const real = execFileSync('bash', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim()
    writeFileSync(
      join(bin, command),
      `#!/bin/sh\nprintf '%s %s\\n' ${command} "$*" >> '${log}'\nexec '${real}' "$@"\n`
    )
    chmodSync(join(bin, command), 0o755)
  }
  return { env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` }, log }
}

describe('AWS Secrets Manager', () => {
  const SECRET = 'prod/composio-webhook'
  const REGION = 'eu-west-1'
  const LABEL = `aws-secretsmanager:${SECRET}`
  async function startAws(): Promise<{ s: Scenario; sm: FakeSecretsManager }> {
    ;[scenario, aws] = await Promise.all([
      startScenario(),
      startFakeSecretsManager({ region: REGION, secrets: { [SECRET]: 'a1'.repeat(32) } })
    ])
    return { s: scenario, sm: aws }
  }
  const runAws = (s: Scenario, env: Record<string, string>) =>
    s.run(
      { targets: `acme/app\n${LABEL}` },
      {
        node: NODE24,
        env: {
          AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
          AWS_REGION: REGION,
          AWS_CONFIG_FILE: '/nonexistent/aws-config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
          AWS_EC2_METADATA_DISABLED: 'true',
          ...env
        }
      }
    )

  test('AWS_ENDPOINT_URL over plain http to a private address: refused as bad input, before any request to anyone', async () => {
    const { s } = await startAws()
    // Never contacted: the run must stop on reading its inputs (10.255.255.1 is not routed here).
    const result = await runAws(s, { AWS_ENDPOINT_URL: 'http://10.255.255.1:4566' })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain('AWS_ENDPOINT_URL')
    expect(errorOf(result)).toContain('must use https')
    expect(s.composio.requests).toHaveLength(0)
    expect(s.github.requests).toHaveLength(0)
  })

  test('a PutSecretValue answered without AWSCURRENT on the new version: NOT WRITTEN', async () => {
    const { s, sm } = await startAws()
    type Put = { VersionStages?: string[]; ClientRequestToken: string }
    sm.setFault(({ operation, body }: { operation: string; body: Put }) =>
      operation === 'PutSecretValue' && body.VersionStages === undefined
        ? {
            status: 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: {
              ARN: `arn:aws:secretsmanager:${REGION}:123456789012:secret:${SECRET}-AbC123`,
              Name: SECRET,
              VersionId: body.ClientRequestToken,
              VersionStages: ['AWSPENDING']
            }
          }
        : undefined
    )
    const result = await runAws(s, { AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.url })
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(1)
    const error = errorOf(result)
    expect(error).toContain(`${LABEL}: NOT WRITTEN`)
    expect(error).toContain('AWSCURRENT')
    expect(leaksOfAll(result, s.composio)).toEqual([])
  })
})
