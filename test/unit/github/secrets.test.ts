// The secrets endpoints through the real Octokit, at the fetch boundary: exact requests, and
// what a public-key answer must look like before anything is sealed for it.
import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import {
  getPublicKey,
  putSecret,
  writeRequest,
  type SecretWrite
} from '../../../src/github/secrets.js'
import type { Target } from '../../../src/inputs/targets.js'
import { API, fakeGitHub, type Reply } from './fake-github.js'

const KEY = randomBytes(32).toString('base64')
const repository: Target = { kind: 'repository', owner: 'acme', repo: 'app' }
const environment: Target = {
  kind: 'environment',
  owner: 'acme',
  repo: 'app',
  environment: 'prod eu'
}
const organization: Target = { kind: 'organization', org: 'acme' }

const answering = (reply: Reply) => fakeGitHub(() => reply)

describe('getPublicKey', () => {
  test.each<[Target, string]>([
    [repository, '/repos/acme/app/actions/secrets/public-key'],
    [environment, '/repos/acme/app/environments/prod%20eu/secrets/public-key'],
    [organization, '/orgs/acme/actions/secrets/public-key'],
    [{ ...repository, store: 'dependabot' }, '/repos/acme/app/dependabot/secrets/public-key'],
    [{ ...organization, store: 'dependabot' }, '/orgs/acme/dependabot/secrets/public-key'],
    [{ ...repository, store: 'codespaces' }, '/repos/acme/app/codespaces/secrets/public-key'],
    [{ ...organization, store: 'codespaces' }, '/orgs/acme/codespaces/secrets/public-key']
  ])('%j → GET %s', async (target, path) => {
    const { client, sent } = answering({
      status: 200,
      body: { key_id: '568250167242549743', key: KEY }
    })
    await expect(getPublicKey(client.octokit, target)).resolves.toEqual({
      keyId: '568250167242549743',
      key: KEY
    })
    expect(sent.map(r => `${r.method} ${r.path}`)).toEqual([`GET ${path}`])
  })

  // The key ID goes into printed shell recipes: only digits, as GitHub issues them.
  test.each([
    ["1'$(touch PWNED)'", 'a shell injection'],
    ['12 34', 'a space'],
    ['1\n2', 'a newline'],
    ['', 'empty'],
    ['abc', 'letters'],
    ['1'.repeat(65), '65 digits']
  ])('key_id %j (%s) → refused', async keyId => {
    const { client } = answering({ status: 200, body: { key_id: keyId, key: KEY } })
    await expect(getPublicKey(client.octokit, repository)).rejects.toThrow(
      /^the public-key answer has a key_id that is not a number, as GitHub issues them$/
    )
  })

  test.each<[string, unknown]>([
    ['no body', undefined],
    ['a numeric key_id', { key_id: 1234, key: KEY }],
    ['no key', { key_id: '1234' }],
    ['a key that is not a string', { key_id: '1234', key: 42 }]
  ])('%s → refused', async (_name, body) => {
    const { client } = answering({ status: 200, body })
    await expect(getPublicKey(client.octokit, repository)).rejects.toThrow(
      /^the public-key answer has no key_id and key$/
    )
  })

  test.each([
    ['not base64', 'not a key at all!'],
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['URL-safe base64', KEY.replace(/=$/, '').replace(/.$/, '-')],
    ['unpadded', KEY.replace(/=$/, '')],
    ['a newline after it', `${KEY}\n`]
  ])('a key that is %s → refused', async (_name, key) => {
    const { client } = answering({ status: 200, body: { key_id: '1234', key } })
    await expect(getPublicKey(client.octokit, repository)).rejects.toThrow(
      /^the public key is not a 32-byte X25519 key in base64$/
    )
  })
})

const write = (target: Target, access?: SecretWrite['access']): SecretWrite => ({
  target,
  name: 'COMPOSIO_WEBHOOK_SECRET',
  encryptedValue: 'c2VhbGVk',
  keyId: '1234',
  ...(access && { access })
})

describe('putSecret and writeRequest', () => {
  test.each<[string, SecretWrite, string, Record<string, unknown>]>([
    [
      'a repository',
      write(repository),
      '/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
      {}
    ],
    [
      'an environment',
      write(environment),
      '/repos/acme/app/environments/prod%20eu/secrets/COMPOSIO_WEBHOOK_SECRET',
      {}
    ],
    [
      'an organization, private by default',
      write(organization),
      '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
      { visibility: 'private' }
    ],
    [
      'an organization, all',
      write(organization, { visibility: 'all' }),
      '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
      { visibility: 'all' }
    ],
    [
      'an organization, selected',
      write(organization, { visibility: 'selected', selectedRepositoryIds: [1296269, 42] }),
      '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
      { visibility: 'selected', selected_repository_ids: [1296269, 42] }
    ],
    [
      'an organization, selected with none',
      write(organization, { visibility: 'selected' }),
      '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
      { visibility: 'selected', selected_repository_ids: [] }
    ],
    [
      'a Dependabot repository secret',
      write({ ...repository, store: 'dependabot' }),
      '/repos/acme/app/dependabot/secrets/COMPOSIO_WEBHOOK_SECRET',
      {}
    ],
    [
      'a Codespaces organization secret, selected',
      write(
        { ...organization, store: 'codespaces' },
        { visibility: 'selected', selectedRepositoryIds: [42] }
      ),
      '/orgs/acme/codespaces/secrets/COMPOSIO_WEBHOOK_SECRET',
      { visibility: 'selected', selected_repository_ids: [42] }
    ]
  ])('%s: the PUT sent is the request a recipe replays', async (_name, secret, path, extra) => {
    const { client, sent } = answering({ status: 201 })
    await expect(putSecret(client.octokit, secret)).resolves.toBe('created')
    const body = { encrypted_value: 'c2VhbGVk', key_id: '1234', ...extra }
    expect(sent).toMatchObject([{ method: 'PUT', path, body }])
    expect(writeRequest(client.octokit, secret)).toEqual({
      method: 'PUT',
      url: `${API}${path}`,
      body
    })
  })

  test('204 → updated', async () => {
    const { client } = answering({ status: 204 })
    await expect(putSecret(client.octokit, write(repository))).resolves.toBe('updated')
  })
})
