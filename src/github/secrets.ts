// The secrets REST API of each scope, through Octokit's endpoint methods: public keys, writes,
// deletes, and an organization secret's current visibility. https://docs.github.com/en/rest/actions/secrets
import type { Target } from '../inputs/targets.js'
import type { Visibility } from '../inputs/target-inputs.js'
import type { Octokit } from './client.js'

export interface PublicKey {
  keyId: string
  key: string
}

/** Who may read an organization secret; repository ids for `selected`. */
export interface OrganizationAccess {
  visibility: Visibility
  selectedRepositoryIds?: number[]
}

/** A sealed value for one target, ready to send, or to print for a manual replay. */
export interface SecretWrite {
  target: Target
  name: string
  /** Sealed for the target's own key: only GitHub can open it. */
  encryptedValue: string
  keyId: string
  access?: OrganizationAccess
}

/** The request Octokit sends for a write, as a manual replay needs it. */
export interface WriteRequest {
  method: string
  url: string
  body: Record<string, unknown>
}

type Body = {
  encrypted_value: string
  key_id: string
  visibility?: Visibility
  selected_repository_ids?: number[]
}

/**
 * Each scope's endpoint methods: [public key, create or update, delete]. Octokit's `dependabot`
 * and `codespaces` namespaces name their repository and organization methods as `actions` does.
 */
const ENDPOINTS = {
  repository: ['getRepoPublicKey', 'createOrUpdateRepoSecret', 'deleteRepoSecret'],
  environment: [
    'getEnvironmentPublicKey',
    'createOrUpdateEnvironmentSecret',
    'deleteEnvironmentSecret'
  ],
  organization: ['getOrgPublicKey', 'createOrUpdateOrgSecret', 'deleteOrgSecret']
} as const

/** An endpoint method as all of the above are: called with its parameters, or asked for its request. */
type Endpoint = ((params: object) => Promise<{ status: number; data: unknown }>) & {
  endpoint: (params: object) => { method: string; url: string; body?: unknown }
}

/** The path parameters that name a target. */
function where(target: Target): object {
  switch (target.kind) {
    case 'repository':
      return { owner: target.owner, repo: target.repo }
    case 'environment':
      return { owner: target.owner, repo: target.repo, environment_name: target.environment }
    case 'organization':
      return { org: target.org }
  }
}

function endpoints(octokit: Octokit, target: Target): [Endpoint, Endpoint, Endpoint] {
  const [key, put, remove] = ENDPOINTS[target.kind]
  const methods = namespace(octokit, target) as unknown as Record<string, Endpoint>
  return [methods[key]!, methods[put]!, methods[remove]!]
}

/** The store's endpoint methods: Actions unless the target says otherwise. */
function namespace(octokit: Octokit, target: Target) {
  return octokit.rest[target.store ?? 'actions']
}

/** The parameters of a write; organization writes always say who may read the secret. */
function writeParams(write: SecretWrite): object {
  const body: Body = { encrypted_value: write.encryptedValue, key_id: write.keyId }
  if (write.target.kind === 'organization') {
    body.visibility = write.access?.visibility ?? 'private'
    if (body.visibility === 'selected')
      body.selected_repository_ids = write.access?.selectedRepositoryIds ?? []
  }
  return { ...where(write.target), secret_name: write.name, ...body }
}

/**
 * The target's public key. Checked now, not when sealing: after the rotation a bad key would
 * strand the secret. The key ID goes into printed recipes, so only digits (as GitHub issues
 * them) are accepted: a server's text never reaches a shell command.
 */
export async function getPublicKey(octokit: Octokit, target: Target): Promise<PublicKey> {
  const [publicKey] = endpoints(octokit, target)
  const { data } = await publicKey(where(target))
  const { key_id: keyId, key } = (data ?? {}) as { key_id?: unknown; key?: unknown }
  if (typeof keyId !== 'string' || typeof key !== 'string') {
    throw new Error('the public-key answer has no key_id and key')
  }
  if (!/^\d{1,64}$/.test(keyId)) {
    throw new Error(
      'the public-key answer has a key_id that is not a number, as GitHub issues them'
    )
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key) || Buffer.from(key, 'base64').length !== 32) {
    throw new Error('the public key is not a 32-byte X25519 key in base64')
  }
  return { keyId, key }
}

/** PUT a sealed value: 201 when the secret is new, 204 when it replaced one. */
export async function putSecret(
  octokit: Octokit,
  write: SecretWrite
): Promise<'created' | 'updated'> {
  const { status } = await endpoints(octokit, write.target)[1](writeParams(write))
  return status === 201 ? 'created' : 'updated'
}

/** The exact request `putSecret` sends, for a recipe that finishes the write by hand. */
export function writeRequest(octokit: Octokit, write: SecretWrite): WriteRequest {
  const { method, url, body } = endpoints(octokit, write.target)[1].endpoint(writeParams(write))
  return { method, url, body: body as Record<string, unknown> }
}

export async function deleteSecret(octokit: Octokit, target: Target, name: string): Promise<void> {
  await endpoints(octokit, target)[2]({ ...where(target), secret_name: name })
}

/** The URL `deleteSecret` sends its DELETE to, for deleting by hand. */
export function deleteUrl(octokit: Octokit, target: Target, name: string): string {
  return endpoints(octokit, target)[2].endpoint({ ...where(target), secret_name: name }).url
}

/** The current visibility of an organization secret, or undefined when it does not exist yet. */
export async function getOrganizationAccess(
  octokit: Octokit,
  target: Target & { kind: 'organization' },
  name: string
): Promise<OrganizationAccess | undefined> {
  const { org } = target
  const methods = namespace(octokit, target)
  let visibility: Visibility
  try {
    const { data } = await methods.getOrgSecret({ org, secret_name: name })
    visibility = data.visibility
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined
    throw error
  }
  if (visibility !== 'selected') return { visibility }
  const selectedRepositoryIds: number[] = []
  for (let page = 1; ; page++) {
    const { data } = await methods.listSelectedReposForOrgSecret({
      org,
      secret_name: name,
      per_page: 100,
      page
    })
    selectedRepositoryIds.push(...data.repositories.map(repository => repository.id))
    if (data.repositories.length === 0 || selectedRepositoryIds.length >= data.total_count) break
  }
  return { visibility, selectedRepositoryIds }
}

/** The numeric id GitHub wants in `selected_repository_ids`, from a repository's name. */
export async function getRepositoryId(
  octokit: Octokit,
  owner: string,
  repo: string
): Promise<number> {
  const { data } = await octokit.rest.repos.get({ owner, repo })
  return data.id
}
