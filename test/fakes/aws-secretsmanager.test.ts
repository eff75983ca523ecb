// The fake Secrets Manager holds requests to SigV4 and to the service's model, and its answers to
// the model: a client that signs badly, breaks a member's constraints or calls an operation the
// model lacks is refused as the service would refuse it, and close() throws; an injected answer
// the operation cannot send is a violation unless the test excuses it.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { awsError, FAKE_AWS_CREDENTIALS, startFakeSecretsManager } from './aws-secretsmanager.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
type Fake = Awaited<ReturnType<typeof startFakeSecretsManager>>
let fake: Fake | undefined
let client: SecretsManagerClient | undefined
afterEach(() => client?.destroy())

async function start(
  credentials: { accessKeyId: string; secretAccessKey: string } = { ...FAKE_AWS_CREDENTIALS }
) {
  fake = await startFakeSecretsManager({ secrets: { hook: 'old' } })
  client = new SecretsManagerClient({
    region: 'us-east-1',
    endpoint: fake.url,
    credentials,
    maxAttempts: 1
  })
  return { fake, client }
}

const nameOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: Error) => error.name
  )

describe('SigV4', () => {
  test.each([
    [
      'a secret key the fake does not hold',
      { secretAccessKey: 'wrong' },
      'InvalidSignatureException'
    ],
    ['an unknown key id', { accessKeyId: 'AKIDUNKNOWN' }, 'UnrecognizedClientException']
  ])('%s is refused', async (_what, change, name) => {
    const { fake, client } = await start({ ...FAKE_AWS_CREDENTIALS, ...change })
    expect(await nameOf(client.send(new GetSecretValueCommand({ SecretId: 'hook' })))).toBe(name)
    expect(fake.state.reads).toEqual([])
    await fake.close()
  })

  test('a request without any signature is refused', async () => {
    const { fake } = await start()
    const response = await fetch(fake.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.GetSecretValue'
      },
      body: JSON.stringify({ SecretId: 'hook' })
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^IncompleteSignature:/)
    await fake.close()
  })

  test('the session token must be sent and signed when the credentials have one', async () => {
    const session = { ...FAKE_AWS_CREDENTIALS, sessionToken: 'fake-session-token' }
    fake = await startFakeSecretsManager({ secrets: { hook: 'old' }, credentials: session })
    client = new SecretsManagerClient({
      region: 'us-east-1',
      endpoint: fake.url,
      credentials: { ...session },
      maxAttempts: 1
    })
    const read = await client.send(new GetSecretValueCommand({ SecretId: 'hook' }))
    expect(read.SecretString).toBe('old')
    const without = new SecretsManagerClient({
      region: 'us-east-1',
      endpoint: fake.url,
      credentials: { ...FAKE_AWS_CREDENTIALS },
      maxAttempts: 1
    })
    expect(await nameOf(without.send(new GetSecretValueCommand({ SecretId: 'hook' })))).toBe(
      'IncompleteSignature'
    )
    without.destroy()
    await fake.close()
  })
})

describe('the model', () => {
  test('a member that breaks its constraints: ValidationException, and close() throws', async () => {
    const { fake, client } = await start()
    const put = new PutSecretValueCommand({
      SecretId: 'hook',
      SecretString: 'new',
      ClientRequestToken: 'too-short'
    })
    expect(await nameOf(client.send(put))).toBe('ValidationException')
    expect(fake.state.current('hook')).toBe('old')
    await expect(fake.close()).rejects.toThrow(/ClientRequestToken must be 32–64 characters/)
  })

  test('an empty VersionStages list breaks the model too', async () => {
    const { fake, client } = await start()
    const put = new PutSecretValueCommand({
      SecretId: 'hook',
      SecretString: 'x',
      VersionStages: []
    })
    expect(await nameOf(client.send(put))).toBe('ValidationException')
    await expect(fake.close()).rejects.toThrow(/VersionStages must have 1–20 items/)
  })

  test('an injected error the operation cannot send is a violation, unless excused', async () => {
    const { fake, client } = await start()
    fake.setFault(() => awsError('MalformedPolicyDocumentException', 'not for this operation'))
    await nameOf(client.send(new GetSecretValueCommand({ SecretId: 'hook' })))
    expect(fake.violations).toEqual([])
    await expect(fake.close()).rejects.toThrow(
      /GetSecretValue cannot answer MalformedPolicyDocumentException/
    )
  })

  test('the same, excused by expectViolations()', async () => {
    const { fake, client } = await start()
    fake.expectViolations()
    fake.setFault(() => awsError('MalformedPolicyDocumentException', 'not for this operation'))
    await nameOf(client.send(new GetSecretValueCommand({ SecretId: 'hook' })))
    await fake.close()
  })
})
