// The secrets REST API of each scope: public keys, writes, and what an organization secret's
// visibility currently is. https://docs.github.com/en/rest/actions/secrets
import type { Visibility } from '../inputs.js'
import type { Target } from '../targets.js'
import type { GitHubClient } from './client.js'

export interface PublicKey {
  keyId: string
  key: string
}

/** Who may read an organization secret; repository ids for `selected`. */
export interface OrganizationAccess {
  visibility: Visibility
  selectedRepositoryIds?: number[]
}

/** A write ready to send, and to print for a manual replay: the value in it is sealed. */
export interface SecretWrite {
  path: string
  body: {
    encrypted_value: string
    key_id: string
    visibility?: Visibility
    selected_repository_ids?: number[]
  }
}

/** The REST path of a target's secrets collection; each segment URL-encoded. */
export function secretsPath(target: Target): string {
  const e = encodeURIComponent
  switch (target.kind) {
    case 'repository':
      return `/repos/${e(target.owner)}/${e(target.repo)}/actions/secrets`
    case 'environment':
      return `/repos/${e(target.owner)}/${e(target.repo)}/environments/${e(target.environment)}/secrets`
    case 'organization':
      return `/orgs/${e(target.org)}/actions/secrets`
  }
}

/** GET …/secrets/public-key: also the proof that the token may write secrets there. */
export async function getPublicKey(github: GitHubClient, target: Target): Promise<PublicKey> {
  const response = await github.request(`GET ${secretsPath(target)}/public-key`)
  const { key_id: keyId, key } = (response.data ?? {}) as { key_id?: unknown; key?: unknown }
  if (typeof keyId !== 'string' || typeof key !== 'string') {
    throw new Error('the public-key answer has no key_id and key')
  }
  // Checked now, not when sealing: after the rotation a bad key would strand the secret.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key) || Buffer.from(key, 'base64').length !== 32) {
    throw new Error('the public key is not a 32-byte X25519 key in base64')
  }
  return { keyId, key }
}

export function secretWrite(
  target: Target,
  name: string,
  sealed: string,
  key: PublicKey,
  access?: OrganizationAccess
): SecretWrite {
  const body: SecretWrite['body'] = { encrypted_value: sealed, key_id: key.keyId }
  if (access) {
    body.visibility = access.visibility
    if (access.visibility === 'selected')
      body.selected_repository_ids = access.selectedRepositoryIds ?? []
  }
  return { path: `${secretsPath(target)}/${encodeURIComponent(name)}`, body }
}

/** PUT a sealed value: 201 when the secret is new, 204 when it replaced one. */
export async function putSecret(
  github: GitHubClient,
  write: SecretWrite
): Promise<'created' | 'updated'> {
  const { status } = await github.request(`PUT ${write.path}`, write.body)
  return status === 201 ? 'created' : 'updated'
}

/** The current visibility of an organization secret, or undefined when it does not exist yet. */
export async function getOrganizationAccess(
  github: GitHubClient,
  org: string,
  name: string
): Promise<OrganizationAccess | undefined> {
  const path = `/orgs/${encodeURIComponent(org)}/actions/secrets/${encodeURIComponent(name)}`
  let visibility: Visibility
  try {
    const response = await github.request(`GET ${path}`)
    visibility = (response.data as { visibility: Visibility }).visibility
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined
    throw error
  }
  if (visibility !== 'selected') return { visibility }
  const selectedRepositoryIds: number[] = []
  for (let page = 1; ; page++) {
    const response = await github.request(`GET ${path}/repositories`, { per_page: 100, page })
    const { repositories, total_count } = response.data as {
      repositories: { id: number }[]
      total_count: number
    }
    selectedRepositoryIds.push(...repositories.map(repository => repository.id))
    if (repositories.length === 0 || selectedRepositoryIds.length >= total_count) break
  }
  return { visibility, selectedRepositoryIds }
}

/** The numeric id GitHub wants in `selected_repository_ids`, from a repository's name. */
export async function getRepositoryId(
  github: GitHubClient,
  owner: string,
  repo: string
): Promise<number> {
  const { data } = await github.request('GET /repos/{owner}/{repo}', { owner, repo })
  return Number(data.id)
}
