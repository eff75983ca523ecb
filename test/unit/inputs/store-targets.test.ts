// The runtime-store target syntax (pure), and its inputs: the token, the API URL, the region.
import { describe, expect, test } from '@jest/globals'
import { readStoreOptions } from '../../../src/inputs/store-inputs.js'
import { formatStoreTarget, parseStoreTarget } from '../../../src/inputs/store-targets.js'
import { isStoreTarget, parseTargetLines } from '../../../src/inputs/targets.js'
import { thrown, withInputs } from './with-inputs.js'

const ACCOUNT = '0123456789abcdef0123456789abcdef'
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/composio-AbCdEf'

describe('parseStoreTarget', () => {
  test.each([
    [
      `cloudflare:${ACCOUNT}/receiver`,
      { kind: 'cloudflare', accountId: ACCOUNT, scriptName: 'receiver' }
    ],
    [
      `CLOUDFLARE:${ACCOUNT.toUpperCase()}/this-is_my_script-01`,
      { kind: 'cloudflare', accountId: ACCOUNT, scriptName: 'this-is_my_script-01' }
    ],
    [
      'aws-secretsmanager:prod/composio',
      { kind: 'aws-secretsmanager', secretId: 'prod/composio', region: undefined }
    ],
    [
      `aws-secretsmanager:${ARN}`,
      { kind: 'aws-secretsmanager', secretId: ARN, region: 'eu-west-1' }
    ],
    [
      'aws-secretsmanager:arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x+=.@-1',
      {
        kind: 'aws-secretsmanager',
        secretId: 'arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x+=.@-1',
        region: 'us-gov-west-1'
      }
    ]
  ])('%s', (text, expected) => {
    const target = parseStoreTarget(text)
    expect(target).toEqual(expected)
    expect(parseStoreTarget(formatStoreTarget(target!))).toEqual(expected)
  })

  test('GitHub targets are not stores', () => {
    expect(parseStoreTarget('acme/app')).toBeUndefined()
    expect(parseStoreTarget('org:acme')).toBeUndefined()
    expect(parseStoreTarget('codespaces:acme/app')).toBeUndefined()
  })

  test.each([
    ['cloudflare:acme/receiver', 'the account ID being 32 hex digits'],
    [`cloudflare:${ACCOUNT}`, "'' is not a Worker name"],
    [`cloudflare:${ACCOUNT}/a/b`, 'expected cloudflare:<account_id>/<script_name>'],
    [`cloudflare:${ACCOUNT}/Receiver`, "'Receiver' is not a Worker name (1 to 63 lowercase"],
    [`cloudflare:${ACCOUNT}/${'a'.repeat(64)}`, 'is not a Worker name'],
    ['aws-secretsmanager:', "'' is not a Secrets Manager secret name"],
    ['aws-secretsmanager:has space', 'is not a Secrets Manager secret name (1 to 512'],
    [`aws-secretsmanager:${'a'.repeat(513)}`, 'is not a Secrets Manager secret name'],
    ['aws-secretsmanager:arn:aws:s3:::bucket', 'is not a Secrets Manager secret ARN'],
    ['aws-secretsmanager:arn:aws:secretsmanager:moon:123456789012:secret:x', "'moon' in"],
    [
      'aws-secretsmanager:arn:aws:secretsmanager:us-east-1:1234:secret:x',
      'is not a Secrets Manager secret ARN'
    ]
  ])('%s is refused', (text, message) => {
    expect(() => parseStoreTarget(text)).toThrow(message)
  })
})

describe('in targets', () => {
  test('beside GitHub targets; duplicates by label, case-sensitive for Secrets Manager', () => {
    expect(
      parseTargetLines(
        `acme/app\ncloudflare:${ACCOUNT}/r\naws-secretsmanager:A\naws-secretsmanager:a`
      )
    ).toHaveLength(4)
    expect(() =>
      parseTargetLines(`cloudflare:${ACCOUNT}/r\ncloudflare:${ACCOUNT.toUpperCase()}/r`)
    ).toThrow('line 2')
  })
})

describe('readStoreOptions', () => {
  const credential = (_: string, value: string) => value
  const read = (inputs: Record<string, string>, text: string, env: NodeJS.ProcessEnv = {}) =>
    withInputs(inputs, () =>
      readStoreOptions(parseTargetLines(text).filter(isStoreTarget), env, credential)
    )

  test('cloudflare: the token and the default API URL', () => {
    expect(read({ 'cloudflare-api-token': 't' }, `cloudflare:${ACCOUNT}/r`).cloudflare).toEqual({
      apiUrl: 'https://api.cloudflare.com/client/v4',
      token: 't'
    })
  })

  test('no cloudflare target: no token needed', () => {
    expect(read({}, 'aws-secretsmanager:x', { AWS_REGION: 'us-east-1' })).toEqual({
      stores: [{ kind: 'aws-secretsmanager', secretId: 'x', region: 'us-east-1' }],
      cloudflare: undefined
    })
  })

  test('the ARN region wins over AWS_REGION; a name without either is refused', () => {
    expect(
      read({}, `aws-secretsmanager:${ARN}`, { AWS_REGION: 'us-east-1' }).stores[0]
    ).toMatchObject({
      region: 'eu-west-1'
    })
    expect(thrown(() => read({}, 'aws-secretsmanager:x')).message).toContain(
      "names no region: give the secret's ARN, or set AWS_REGION"
    )
    expect(
      thrown(() => read({}, 'aws-secretsmanager:x', { AWS_REGION: 'nowhere' })).message
    ).toContain("Environment variable 'AWS_REGION': 'nowhere' is not an AWS region")
  })

  test('every problem at once: no token, a plain-http URL off loopback', () => {
    const message = thrown(() =>
      read({ 'cloudflare-api-url': 'http://10.0.0.1/client/v4' }, `cloudflare:${ACCOUNT}/r`)
    ).message
    expect(message).toContain("Input 'cloudflare-api-url'")
    expect(message).toContain("Input 'cloudflare-api-token': is required for cloudflare: targets")
  })

  test('plain http to loopback is allowed, with its path', () => {
    const options = read(
      { 'cloudflare-api-url': 'http://127.0.0.1:8080/client/v4/', 'cloudflare-api-token': 't' },
      `cloudflare:${ACCOUNT}/r`
    )
    expect(options.cloudflare?.apiUrl).toBe('http://127.0.0.1:8080/client/v4')
  })

  test('cloudflare-api-url: https to a private address is the user’s own choice, as for composio-base-url; a query or user info is refused, the latter not echoed', () => {
    const url = (apiUrl: string) =>
      read({ 'cloudflare-api-url': apiUrl, 'cloudflare-api-token': 't' }, `cloudflare:${ACCOUNT}/r`)
    expect(url('https://10.1.2.3/client/v4').cloudflare?.apiUrl).toBe('https://10.1.2.3/client/v4')
    expect(thrown(() => url('https://api.example.com/v4?x=1')).message).toContain(
      'must not carry a query'
    )
    const userinfo = thrown(() => url('https://user:hunter2@api.example.com/v4')).message
    expect(userinfo).toContain(
      "Input 'cloudflare-api-url': 'https://…@api.example.com' must not carry credentials"
    )
    expect(userinfo).not.toContain('hunter2')
  })

  test('AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_SECRETS_MANAGER are held to the credential rule with the inputs, for an aws target only', () => {
    const aws = (env: NodeJS.ProcessEnv) =>
      read({}, 'aws-secretsmanager:x', { AWS_REGION: 'us-east-1', ...env })
    expect(thrown(() => aws({ AWS_ENDPOINT_URL: 'http://10.0.0.5:4566' })).message).toBe(
      "Environment variable 'AWS_ENDPOINT_URL': 'http://10.0.0.5:4566' must use https (plain http is allowed only to localhost, so that a key never crosses a network unencrypted)"
    )
    expect(
      thrown(() => aws({ AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://sm.example.com' })).message
    ).toContain("Environment variable 'AWS_ENDPOINT_URL_SECRETS_MANAGER'")
    expect(aws({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }).stores).toHaveLength(1)
    // The SDK's own switch turns the variables off, and so does a run without an AWS target.
    expect(
      aws({ AWS_ENDPOINT_URL: 'http://10.0.0.5', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })
        .stores
    ).toHaveLength(1)
    expect(
      read({ 'cloudflare-api-token': 't' }, `cloudflare:${ACCOUNT}/r`, {
        AWS_ENDPOINT_URL: 'http://10.0.0.5'
      }).stores
    ).toHaveLength(1)
  })
})
