// The AWS Secrets Manager store through the real SDK against the fake endpoint: the write check
// no reader sees, the write readers get next, safe retries, the recipe.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { FAKE_AWS_CREDENTIALS } from '../../fakes/aws-secretsmanager.js'
import {
  WRITE_CHECK_LABEL,
  WRITE_CHECK_VALUE,
  cliRecipe
} from '../../../src/stores/aws-secretsmanager.js'
import {
  NEW_SECRET,
  OLD_SECRET,
  REGION,
  SECRET_NAME,
  callsOf,
  startStore,
  useSdkEnvironment,
  type StoreRun
} from './aws-harness.js'

// The test's own reader client must not print the SDK's Node 20 warning either (the store's
// silence is aws-secretsmanager-stderr.test.ts's, in a module registry of its own).
useSdkEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })
let run: StoreRun | undefined
afterEach(async () => {
  await run?.fake.close()
  run = undefined
})

describe('proveWritable', () => {
  it('writes a version only its own label points to, then takes the label off: AWSCURRENT readers never see it', async () => {
    run = await startStore()
    const { fake, store } = run
    const reader = new SecretsManagerClient({
      region: REGION,
      endpoint: fake.url,
      credentials: { ...FAKE_AWS_CREDENTIALS }
    })
    let proving = true
    const readerSaw: string[] = []
    const polling = (async () => {
      while (proving) {
        const read = await reader.send(new GetSecretValueCommand({ SecretId: SECRET_NAME }))
        readerSaw.push(read.SecretString ?? '')
      }
    })()
    const said = await store
      .proveWritable('COMPOSIO_WEBHOOK_SECRET')
      .finally(() => (proving = false))
    await polling
    reader.destroy()

    const [put] = callsOf(fake, 'PutSecretValue')
    expect(put?.body).toEqual({
      SecretId: SECRET_NAME,
      SecretString: WRITE_CHECK_VALUE,
      VersionStages: [WRITE_CHECK_LABEL],
      ClientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/)
    })
    expect(callsOf(fake, 'UpdateSecretVersionStage').map(call => call.body)).toEqual([
      {
        SecretId: SECRET_NAME,
        VersionStage: WRITE_CHECK_LABEL,
        RemoveFromVersionId: put?.body.ClientRequestToken
      }
    ])
    expect(fake.state.everCurrent(SECRET_NAME)).toEqual([OLD_SECRET])
    expect(readerSaw.length).toBeGreaterThan(0)
    expect(readerSaw.every(value => value === OLD_SECRET)).toBe(true)
    expect(fake.state.versions(SECRET_NAME)).toEqual([
      { value: OLD_SECRET, stages: ['AWSCURRENT'] },
      { value: WRITE_CHECK_VALUE, stages: [] }
    ])
    expect(said).toBe(
      `wrote a version labelled ${WRITE_CHECK_LABEL}, never AWSCURRENT, then took the label off`
    )
    expect(run.warnings).toEqual([])
  })

  it('a label left by an earlier check that could not take it off moves to the new version', async () => {
    run = await startStore()
    run.fake.state.deny(SECRET_NAME, 'UpdateSecretVersionStage')
    await run.store.proveWritable('S')
    await run.store.proveWritable('S')
    const labelled = run.fake.state
      .versions(SECRET_NAME)
      .filter(v => v.stages.includes(WRITE_CHECK_LABEL))
    expect(labelled).toHaveLength(1)
    expect(run.fake.state.current(SECRET_NAME)).toBe(OLD_SECRET)
  })
})

describe('write', () => {
  it('makes the secret the AWSCURRENT version, the old one AWSPREVIOUS', async () => {
    run = await startStore()
    await run.store.write('COMPOSIO_WEBHOOK_SECRET', NEW_SECRET)
    expect(callsOf(run.fake, 'PutSecretValue').map(call => call.body)).toEqual([
      {
        SecretId: SECRET_NAME,
        SecretString: NEW_SECRET,
        ClientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/)
      }
    ])
    expect(run.fake.state.versions(SECRET_NAME)).toEqual([
      { value: OLD_SECRET, stages: ['AWSPREVIOUS'] },
      { value: NEW_SECRET, stages: ['AWSCURRENT'] }
    ])
  })

  it('a write whose answer was lost is retried with the same token: one version, not two', async () => {
    run = await startStore()
    run.fake.setFault(({ operation, attempt }) =>
      operation === 'PutSecretValue' && attempt === 1 ? { applyThen: { reset: true } } : undefined
    )
    await run.store.write('S', NEW_SECRET)
    const puts = callsOf(run.fake, 'PutSecretValue')
    expect(puts).toHaveLength(2)
    expect(puts[1]?.body.ClientRequestToken).toBe(puts[0]?.body.ClientRequestToken)
    expect(run.fake.state.versions(SECRET_NAME).map(v => v.value)).toEqual([OLD_SECRET, NEW_SECRET])
  })

  it('is signed with the credentials of the environment, SigV4, for this region and service', async () => {
    run = await startStore()
    await run.store.write('S', NEW_SECRET)
    const [put] = callsOf(run.fake, 'PutSecretValue')
    expect(put?.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${FAKE_AWS_CREDENTIALS.accessKeyId}/\\d{8}/${REGION}/secretsmanager/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$`
      )
    )
    expect(put?.headers['x-amz-target']).toBe('secretsmanager.PutSecretValue')
    expect(put?.headers['content-type']).toBe('application/x-amz-json-1.1')
    expect(put?.status).toBe(200)
  })
})

describe('recipe', () => {
  /** Runs the recipe in bash with SECRET set and an `aws` that records its arguments and stdin. */
  function runWithStubAws(recipe: string, secret: string) {
    const bin = mkdtempSync(join(tmpdir(), 'aws-stub-'))
    writeFileSync(
      join(bin, 'aws'),
      '#!/bin/sh\nprintf "%s\\n" "$@" > "$0.args"\ncat > "$0.stdin"\necho v-1\n'
    )
    chmodSync(join(bin, 'aws'), 0o755)
    const stdout = execFileSync('bash', ['-c', `SECRET="$0"\n${recipe}`, secret], {
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const read = (file: string) => readFileSync(join(bin, file), 'utf8')
    return { stdout, args: read('aws.args').split('\n'), stdin: read('aws.stdin') }
  }

  it('writes $SECRET with the AWS CLI, the value on stdin, never an argument', () => {
    const target = { secretId: `it's/odd`, region: REGION }
    const { stdout, args, stdin } = runWithStubAws(cliRecipe(target), NEW_SECRET)
    expect(args).toEqual([
      'secretsmanager',
      'put-secret-value',
      '--region',
      REGION,
      '--secret-id',
      `it's/odd`,
      '--secret-string',
      'file:///dev/stdin',
      '--query',
      'VersionId',
      '--output',
      'text',
      ''
    ])
    expect(stdin).toBe(NEW_SECRET)
    expect(stdout).not.toContain(NEW_SECRET)
  })

  it('the store gives its target and region, and nothing of a secret it wrote', async () => {
    run = await startStore()
    await run.store.write('S', NEW_SECRET)
    const recipe = run.store.recipe('COMPOSIO_WEBHOOK_SECRET')
    expect(recipe).toContain(`--secret-id '${SECRET_NAME}'`)
    expect(recipe).toContain(`--region '${REGION}'`)
    expect(recipe).not.toContain(NEW_SECRET)
  })
})
