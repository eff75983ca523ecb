// Deletes, and what an organization secret's visibility needs: its current access, and ids.
import { describe, expect, test } from '@jest/globals'
import {
  deleteSecret,
  getOrganizationAccess,
  getRepositoryId
} from '../../../src/github/secrets.js'
import type { Target } from '../../../src/inputs/targets.js'
import { API, fakeGitHub, type Reply } from './fake-github.js'

const environment: Target = {
  kind: 'environment',
  owner: 'acme',
  repo: 'app',
  environment: 'prod eu'
}
const ACME = { kind: 'organization', org: 'acme' } as const
const answering = (reply: Reply) => fakeGitHub(() => reply)

describe('deleteSecret, getRepositoryId', () => {
  test('DELETE on the target', async () => {
    const { client, sent } = answering({ status: 204 })
    await deleteSecret(client.octokit, environment, 'X_WRITE_CHECK')
    expect(sent.map(r => `${r.method} ${r.path}`)).toEqual([
      'DELETE /repos/acme/app/environments/prod%20eu/secrets/X_WRITE_CHECK'
    ])
  })

  test('a repository id from its name', async () => {
    const { client, sent } = answering({ status: 200, body: { id: 1296269, name: 'web' } })
    await expect(getRepositoryId(client.octokit, 'acme', 'web')).resolves.toBe(1296269)
    expect(sent[0]?.path).toBe('/repos/acme/web')
  })
})

describe('getOrganizationAccess', () => {
  test('a secret that does not exist yet (404) → undefined', async () => {
    const { client } = answering({ status: 404, body: { message: 'Not Found' } })
    await expect(getOrganizationAccess(client.octokit, ACME, 'S')).resolves.toBeUndefined()
  })

  test('any other failure is thrown', async () => {
    const { client } = answering({ status: 403, body: { message: 'Forbidden' } })
    await expect(getOrganizationAccess(client.octokit, ACME, 'S')).rejects.toMatchObject({
      status: 403
    })
  })

  test.each(['all', 'private'])('visibility %s', async visibility => {
    const { client, sent } = answering({ status: 200, body: { name: 'S', visibility } })
    await expect(getOrganizationAccess(client.octokit, ACME, 'S')).resolves.toEqual({
      visibility
    })
    expect(sent.map(r => r.path)).toEqual(['/orgs/acme/actions/secrets/S'])
  })

  test('selected: every page of repository ids', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => i + 1)
    const { client, sent } = fakeGitHub(({ path }) => {
      if (path === '/orgs/acme/actions/secrets/S')
        return { status: 200, body: { visibility: 'selected' } }
      const page = Number(new URL(path, API).searchParams.get('page'))
      const repositories = ids.slice((page - 1) * 100, page * 100).map(id => ({ id }))
      return { status: 200, body: { total_count: 150, repositories } }
    })
    await expect(getOrganizationAccess(client.octokit, ACME, 'S')).resolves.toEqual({
      visibility: 'selected',
      selectedRepositoryIds: ids
    })
    expect(sent.map(r => r.path)).toEqual([
      '/orgs/acme/actions/secrets/S',
      '/orgs/acme/actions/secrets/S/repositories?per_page=100&page=1',
      '/orgs/acme/actions/secrets/S/repositories?per_page=100&page=2'
    ])
  })

  test.each(['dependabot', 'codespaces'] as const)('%s: the store’s own endpoints', async store => {
    const { client, sent } = fakeGitHub(({ path }) =>
      path.includes('/repositories')
        ? { status: 200, body: { total_count: 1, repositories: [{ id: 7 }] } }
        : { status: 200, body: { visibility: 'selected' } }
    )
    await expect(getOrganizationAccess(client.octokit, { ...ACME, store }, 'S')).resolves.toEqual({
      visibility: 'selected',
      selectedRepositoryIds: [7]
    })
    expect(sent.map(r => r.path)).toEqual([
      `/orgs/acme/${store}/secrets/S`,
      `/orgs/acme/${store}/secrets/S/repositories?per_page=100&page=1`
    ])
  })

  test('selected: an empty page ends the listing even if total_count says more', async () => {
    const { client, sent } = fakeGitHub(({ path }) =>
      path.includes('/repositories')
        ? { status: 200, body: { total_count: 5, repositories: [] } }
        : { status: 200, body: { visibility: 'selected' } }
    )
    await expect(getOrganizationAccess(client.octokit, ACME, 'S')).resolves.toEqual({
      visibility: 'selected',
      selectedRepositoryIds: []
    })
    expect(sent).toHaveLength(2)
  })
})
