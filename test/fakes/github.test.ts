// The fake GitHub under GitHub's OpenAPI description: it refuses and records requests that break
// it, its own answers fit it (recorded when they do not), fault replies are exempt; and DELETE.
import { afterEach, describe, expect, test } from '@jest/globals'
import sodium from 'libsodium-wrappers'
import { startFakeGitHub } from './github.js'

type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>
let github: FakeGitHub | undefined
afterEach(async () => github?.close())

const world = {
  repositories: { 'acme/app': { id: 42, environments: ['production'] }, 'octo/tool': {} },
  organizations: {
    acme: {
      repositories: ['api', 'web'],
      secrets: { SHARED: { visibility: 'selected' as const, selectedRepositories: ['api'] } }
    }
  }
}

/** The fields these tests read; the rest is compared with toMatchObject. */
interface Answer {
  message?: string
  owner?: unknown
  total_count?: number
  repositories?: unknown[]
  [field: string]: unknown
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${github!.url}${path}`, {
    method,
    headers: {
      authorization: 'Bearer ghs_fake_token',
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await response.text()
  const parsed = text === '' ? undefined : (JSON.parse(text) as Answer)
  return { status: response.status, body: parsed }
}

/** A value sealed to the scope's key, as the action writes it. */
async function sealed(scope: string, value: string) {
  await sodium.ready
  const { key_id, key } = github!.publicKey(scope)
  const box = sodium.crypto_box_seal(
    sodium.from_string(value),
    sodium.from_base64(key, sodium.base64_variants.ORIGINAL)
  )
  return { encrypted_value: sodium.to_base64(box, sodium.base64_variants.ORIGINAL), key_id }
}

describe('requests that break the description', () => {
  test('are answered 400 "OpenAPI check: …", recorded, and make assertNoViolations throw', async () => {
    github = await startFakeGitHub(world)
    const body = await sealed('org:acme', 'v')
    const answer = await call('PUT', '/orgs/acme/actions/secrets/TOKEN', body)
    expect(answer).toEqual({
      status: 400,
      body: { message: "OpenAPI check: body must have required property 'visibility'" }
    })
    expect(github.secret('org:acme', 'TOKEN')).toBeUndefined()
    expect((await call('GET', '/user')).status).toBe(400)
    expect(github.violations).toEqual([
      {
        kind: 'request',
        method: 'PUT',
        path: '/orgs/acme/actions/secrets/TOKEN',
        operationId: 'actions/create-or-update-org-secret',
        problems: ["body must have required property 'visibility'"]
      },
      {
        kind: 'request',
        method: 'GET',
        path: '/user',
        operationId: undefined,
        problems: [expect.stringMatching(/^no operation matches GET \/user/)]
      }
    ])
    expect(() => github!.assertNoViolations()).toThrow(
      /2 violation\(s\) of GitHub's OpenAPI description[^]*- request PUT \/orgs\/acme\/actions\/secrets\/TOKEN \(actions\/create-or-update-org-secret\): body must have required property 'visibility'/
    )
    github.expectViolations()
    expect(() => github!.assertNoViolations()).not.toThrow()
  })

  test('are checked under a fault too, and refused before it', async () => {
    const seen: unknown[] = []
    github = await startFakeGitHub({ ...world, onViolation: v => seen.push(v) })
    github.setFault(() => ({ status: 503, body: { message: 'down' } }))
    const answer = await call('GET', '/orgs/acme/actions/secrets/SHARED/repositories?per_page=all')
    expect(answer.status).toBe(400)
    expect(answer.body?.message).toBe('OpenAPI check: query per_page must be integer')
    expect(seen).toHaveLength(1)
    expect((await call('GET', '/repos/acme/app')).status).toBe(503)
    expect(github.violations).toHaveLength(1)
    github.expectViolations()
  })
})

describe('the fake’s own answers', () => {
  test('fit the description, repositories included; nothing is recorded', async () => {
    github = await startFakeGitHub(world)
    const repo = await call('GET', '/repos/acme/app')
    expect(repo.status).toBe(200)
    expect(repo.body).toMatchObject({
      id: 42,
      name: 'app',
      full_name: 'acme/app',
      owner: { login: 'acme', type: 'Organization' },
      organization: { login: 'acme' },
      url: `${github.url}/repos/acme/app`,
      html_url: 'https://github.com/acme/app',
      language: null
    })
    expect(repo.body).not.toHaveProperty('parent')
    expect(JSON.stringify(repo.body)).not.toMatch(/Hello-World|\/octocat\b|api\.github\.com/)
    const user = await call('GET', '/repos/octo/tool')
    expect(user.body?.owner).toMatchObject({ login: 'octo', type: 'User' })
    expect(user.body).not.toHaveProperty('organization')

    const key = await call('GET', '/repos/acme/app/environments/production/secrets/public-key')
    expect(key).toEqual({ status: 200, body: github.publicKey('acme/app@production') })
    const secret = await call('GET', '/orgs/acme/actions/secrets/SHARED')
    expect(secret.body).toMatchObject({ name: 'SHARED', visibility: 'selected' })
    const list = await call('GET', '/orgs/acme/actions/secrets/SHARED/repositories?per_page=100')
    expect(list.body?.total_count).toBe(1)
    expect(list.body?.repositories?.[0]).toMatchObject({
      id: github.repoId('acme/api'),
      full_name: 'acme/api',
      owner: { login: 'acme' }
    })
    expect((await call('GET', '/orgs/acme/actions/secrets/NOPE')).status).toBe(404)
    expect((await call('GET', '/repos/nobody/nothing')).status).toBe(404)

    const path = '/repos/acme/app/actions/secrets/TOKEN'
    expect(await call('PUT', path, await sealed('acme/app', 'one'))).toEqual({
      status: 201,
      body: {}
    })
    expect(await call('PUT', path, await sealed('acme/app', 'two'))).toEqual({
      status: 204,
      body: undefined
    })
    expect((await call('PUT', path, { encrypted_value: 'AAAA', key_id: 'wrong' })).status).toBe(422)
    expect(github.violations).toEqual([])
    expect(() => github!.assertNoViolations()).not.toThrow()
  })

  test('that break the description are recorded as the fake’s bugs', async () => {
    github = await startFakeGitHub({
      organizations: {
        acme: { secrets: { ODD: { visibility: 'internal' as unknown as 'all' } } }
      }
    })
    const answer = await call('GET', '/orgs/acme/actions/secrets/ODD')
    expect(answer.status).toBe(200)
    expect(github.violations).toEqual([
      {
        kind: 'response',
        method: 'GET',
        path: '/orgs/acme/actions/secrets/ODD',
        operationId: 'actions/get-org-secret',
        status: 200,
        problems: [
          'response 200 body/visibility must be equal to one of the allowed values (all, private, selected)'
        ]
      }
    ])
    expect(() => github!.assertNoViolations()).toThrow(/- answer 200 to GET/)
    github.expectViolations()
  })

  test('fault replies are exempt: tests send hostile answers on purpose', async () => {
    github = await startFakeGitHub(world)
    github.setFault(() => ({ status: 200, body: { key: 'not a key' } }))
    const answer = await call('GET', '/repos/acme/app/actions/secrets/public-key')
    expect(answer).toEqual({ status: 200, body: { key: 'not a key' } })
    expect(github.requests[0]!.fault).toBe('reply')
    expect(github.violations).toEqual([])
  })
})

describe('DELETE', () => {
  test.each([
    ['acme/app', '/repos/acme/app/actions/secrets'],
    ['acme/app@production', '/repos/acme/app/environments/production/secrets'],
    ['org:acme', '/orgs/acme/actions/secrets']
  ])('%s: 204 and gone when the secret existed, 404 when not', async (scope, base) => {
    github = await startFakeGitHub(world)
    const write = await sealed(scope, 'probe')
    const body = scope.startsWith('org:') ? { ...write, visibility: 'private' } : write
    expect((await call('PUT', `${base}/TOKEN_WRITE_CHECK`, body)).status).toBe(201)
    expect(github.secretEntry(scope, 'TOKEN_WRITE_CHECK')?.value).toBe('probe')

    expect(await call('DELETE', `${base}/token_write_check`)).toEqual({
      status: 204,
      body: undefined
    })
    expect(github.secretEntry(scope, 'TOKEN_WRITE_CHECK')).toBeUndefined()
    expect(github.secret(scope, 'TOKEN_WRITE_CHECK')).toBeUndefined()
    expect(github.deleted).toEqual([
      {
        scope,
        name: 'TOKEN_WRITE_CHECK',
        entry: expect.objectContaining({ value: 'probe', writes: 1 })
      }
    ])
    expect(await call('DELETE', `${base}/TOKEN_WRITE_CHECK`)).toEqual({
      status: 404,
      body: { message: 'Not Found' }
    })
    // Written again after the delete: a new secret (201), not an update.
    expect((await call('PUT', `${base}/TOKEN_WRITE_CHECK`, body)).status).toBe(201)
    expect(github.violations).toEqual([])
  })

  test('an unknown scope is 404; a body on a DELETE breaks the description', async () => {
    github = await startFakeGitHub(world)
    expect((await call('DELETE', '/repos/acme/nope/actions/secrets/X')).status).toBe(404)
    expect((await call('DELETE', '/orgs/acme/actions/secrets/SHARED', {})).status).toBe(400)
    expect(github.secretEntry('org:acme', 'SHARED')).toBeDefined()
    expect(github.violations.map(v => v.problems)).toEqual([
      ['actions/delete-org-secret documents no request body, yet one was sent']
    ])
    github.expectViolations()
  })
})
