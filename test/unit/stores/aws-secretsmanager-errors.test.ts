// What the AWS Secrets Manager store says when AWS refuses, and what it refuses itself: each
// error names the operation, the secret, its region, AWS's error and status, and what to fix;
// the SDK's retries stay bounded, every call has a timeout, and no secret is ever quoted.
import { afterEach, describe, expect, it } from '@jest/globals'
import { awsError } from '../../fakes/aws-secretsmanager.js'
import { InputError } from '../../../src/inputs/read.js'
import { createAwsSecretsManagerStore } from '../../../src/stores/aws-secretsmanager.js'
import { StoreError } from '../../../src/stores/store.js'
import {
  NEW_SECRET,
  REGION,
  SECRET_NAME,
  callsOf,
  setEnv,
  startStore,
  useSdkEnvironment,
  type StoreRun
} from './aws-harness.js'

useSdkEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })
let run: StoreRun | undefined
afterEach(async () => {
  await run?.fake.close()
  run = undefined
})

/** The StoreError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(StoreError)
  return (error as StoreError).message
}

const where = `'${SECRET_NAME}' (${REGION})`

describe('what AWS refuses', () => {
  it('AccessDeniedException on the write check names the IAM action and the secret, and stops there', async () => {
    run = await startStore()
    run.fake.state.deny(SECRET_NAME, 'PutSecretValue')
    const message = await failure(run.store.proveWritable('S'))
    expect(message).toContain(`PutSecretValue on ${where} failed: AccessDeniedException (HTTP 400)`)
    expect(message).toContain('may not call secretsmanager:PutSecretValue on this secret')
    expect(message).toContain('is not authorized to perform: secretsmanager:PutSecretValue')
    expect(callsOf(run.fake, 'UpdateSecretVersionStage')).toEqual([])
  })

  it('a label that cannot be taken off is a warning naming the action: the write itself was proved', async () => {
    run = await startStore()
    run.fake.state.deny(SECRET_NAME, 'UpdateSecretVersionStage')
    const said = await run.store.proveWritable('S')
    expect(said).toMatch(/the label could not be taken off/)
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain('secretsmanager:UpdateSecretVersionStage')
    // And how to take it off by hand, from the version the check wrote.
    const [check] = callsOf(run.fake, 'PutSecretValue')
    expect(run.warnings[0]).toContain(
      `aws secretsmanager update-secret-version-stage --region '${REGION}' --secret-id '${SECRET_NAME}' --version-stage ROTATE_COMPOSIO_WRITE_CHECK --remove-from-version-id '${String(check!.body.ClientRequestToken)}'`
    )
    expect(run.fake.state.current(SECRET_NAME)).not.toContain('write check')
  })

  it('ResourceNotFoundException: the secret does not exist in that region', async () => {
    run = await startStore({ secretId: 'prod/typo' })
    const message = await failure(run.store.proveWritable('S'))
    expect(message).toContain("No secret 'prod/typo' exists in us-east-1")
    expect(message).toContain('ResourceNotFoundException (HTTP 400)')
  })

  it("a KMS key the role may not use: names kms:GenerateDataKey and kms:Decrypt, not the secret's own action", async () => {
    run = await startStore()
    run.fake.state.setKms(SECRET_NAME, 'denied')
    const message = await failure(run.store.write('S', NEW_SECRET))
    expect(message).toContain('kms:GenerateDataKey and kms:Decrypt')
    expect(message).not.toContain('may not call secretsmanager:PutSecretValue')
  })

  it('a disabled KMS key (EncryptionFailure): check the key is enabled', async () => {
    run = await startStore()
    run.fake.state.setKms(SECRET_NAME, 'disabled')
    const message = await failure(run.store.proveWritable('S'))
    expect(message).toContain('EncryptionFailure (HTTP 400)')
    expect(message).toContain('the key is enabled and not pending deletion')
  })

  it('a secret scheduled for deletion must be restored', async () => {
    run = await startStore()
    run.fake.state.scheduleDeletion(SECRET_NAME)
    expect(await failure(run.store.proveWritable('S'))).toContain('must be restored first')
  })

  it('a message that echoes the secret is quoted without it', async () => {
    run = await startStore()
    run.fake.setFault(() =>
      awsError('ValidationException', `Value '${NEW_SECRET}' at 'secretString' failed`)
    )
    const message = await failure(run.store.write('S', NEW_SECRET))
    expect(message).not.toContain(NEW_SECRET)
    expect(message).toContain("Value '***' at 'secretString' failed")
  })
})

describe('retries and timeouts', () => {
  it('throttling is retried as the SDK does, three attempts at most, then says so', async () => {
    run = await startStore()
    run.fake.setFault(() => awsError('ThrottlingException', 'Rate exceeded'))
    const message = await failure(run.store.write('S', NEW_SECRET))
    expect(callsOf(run.fake, 'PutSecretValue')).toHaveLength(3)
    expect(message).toContain('throttled the call on every attempt (3)')
    expect(run.fake.state.current(SECRET_NAME)).not.toBe(NEW_SECRET)
  })

  it('a throttled write that then succeeds is written once', async () => {
    run = await startStore()
    run.fake.setFault(({ attempt }) =>
      attempt < 3 ? awsError('ThrottlingException', 'Rate exceeded') : undefined
    )
    await run.store.write('S', NEW_SECRET)
    expect(run.fake.state.current(SECRET_NAME)).toBe(NEW_SECRET)
  })

  it('InternalServiceError (HTTP 500) on every attempt: three attempts, then run again later', async () => {
    run = await startStore()
    run.fake.setFault(() => awsError('InternalServiceError', 'We encountered an internal error.'))
    const message = await failure(run.store.write('S', NEW_SECRET))
    expect(callsOf(run.fake, 'PutSecretValue')).toHaveLength(3)
    expect(message).toContain('InternalServiceError (HTTP 500)')
  })

  it.each([
    ['never answers', { hang: true as const }],
    ['drips its answer', { dripMs: 100, status: 200, body: { ARN: 'x', Name: 'y' } }]
  ])('an endpoint that %s is given up within the timeouts', async (_how, fault) => {
    run = await startStore({ timeoutMs: 300 })
    run.fake.setFault(() => fault)
    const started = performance.now()
    const message = await failure(run.store.write('S', NEW_SECRET))
    expect(performance.now() - started).toBeLessThan(300 * 3 + 2000)
    expect(callsOf(run.fake, 'PutSecretValue').length).toBeLessThanOrEqual(3)
    expect(message).toMatch(/No answer within 300 ms \(timeout-seconds\) per attempt/)
  })

  it('a redirect is not followed', async () => {
    run = await startStore()
    run.fake.expectViolations()
    run.fake.setFault(() => ({ status: 307, headers: { location: `${run?.fake.url}/elsewhere` } }))
    const message = await failure(run.store.write('S', NEW_SECRET))
    expect(message).toContain('(HTTP 307)')
    expect(message).toContain('redirect, which is not followed')
    expect(run.fake.calls.every(call => call.operation === 'PutSecretValue')).toBe(true)
  })
})

describe('credentials and endpoints', () => {
  it('credentials AWS does not accept (the fake checks the signature): says how to get fresh ones', async () => {
    run = await startStore()
    const restore = setEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-key-the-fake-knows' })
    try {
      const message = await failure(run.store.proveWritable('S'))
      expect(message).toContain('InvalidSignatureException (HTTP 400)')
      expect(message).toContain('AWS refused the credentials')
    } finally {
      restore()
    }
  })

  it('no credentials at all: names configure-aws-credentials, and sends nothing', async () => {
    run = await startStore()
    const restore = setEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined })
    try {
      const message = await failure(run.store.proveWritable('S'))
      expect(message).toContain('No AWS credentials were found')
      expect(run.fake.calls).toEqual([])
    } finally {
      restore()
    }
  })

  it.each(['AWS_ENDPOINT_URL_SECRETS_MANAGER', 'AWS_ENDPOINT_URL'])(
    '%s over plain http to another host is refused before any request',
    name => {
      const create = () =>
        createAwsSecretsManagerStore(
          { secretId: SECRET_NAME, region: REGION },
          {
            fetch,
            timeoutMs: 1000,
            env: { [name]: 'http://secrets.example.com' },
            log: { debug: () => undefined, warning: () => undefined },
            sleep: () => Promise.resolve()
          }
        )
      expect(create).toThrow(InputError)
      expect(create).toThrow(
        `Environment variable '${name}': 'http://secrets.example.com' must use https`
      )
    }
  )

  it('an endpoint the SDK finds by itself is held to the same rule, before any request', async () => {
    run = await startStore({ env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: undefined } })
    const restore = setEnv({ AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://192.0.2.1:9' })
    try {
      const message = await failure(run.store.write('S', NEW_SECRET))
      expect(message).toBe(
        'the AWS endpoint http://192.0.2.1 must use https (plain http is allowed only to localhost, so that a credential never crosses a network unencrypted)'
      )
    } finally {
      restore()
    }
  })
})
