// @ts-check
// A fake of GitHub's secrets APIs (Actions, Dependabot, Codespaces): per-scope sealed-box keys, PUT validation that really
// opens the sealed value, DELETE, org visibility / selected repositories. Held to GitHub's OpenAPI
// description (./openapi.js): a request that breaks it is refused (400) and recorded in
// `violations`, and so is any answer of the fake's own that breaks it (a bug of the fake).
// Fault-injected answers are exempt: tests send hostile ones on purpose. Plain ESM: runs under
// `node`.
import crypto from 'node:crypto'
import sodium from 'libsodium-wrappers'
import { matchPath, startFakeServer } from './http-fake.js'
import { createWorkflows } from './github-workflows.js'
import { checkRequest, checkResponse, exampleOf, matchOperation } from './openapi.js'

/** @typedef {import('./http-fake.js').FaultAction} FaultAction */
/** @typedef {import('./http-fake.js').FaultRequest} FaultRequest */
/** @typedef {import('./http-fake.js').LoggedRequest} LoggedRequest */
/** @typedef {import('./http-fake.js').RequestContext} RequestContext */
/** @typedef {'all' | 'private' | 'selected'} Visibility */

/**
 * @typedef {object} GitHubFakeOptions
 * @property {Record<string, { id?: number, environments?: string[], visibility?: 'public' | 'private' | 'internal' }>} [repositories]
 *   visibility: what repos/get says (default: the description's example, public)
 * @property {Record<string, { repositories?: string[], secrets?: Record<string, { visibility: Visibility, selectedRepositories?: string[], value?: string }> }>} [organizations]
 * @property {string} [token]
 * @property {number} [latencyMs]
 * @property {(req: FaultRequest) => FaultAction | undefined} [fault]
 * @property {(violation: Violation) => void} [onViolation] called as each violation is recorded
 * @property {Record<string, import('./github-workflows.js').WorkflowOptions[]>} [workflows] by
 *   repository full name: what redeploys find, dispatch and follow
 * @property {boolean} [returnRunDetails] false: dispatches refuse `return_run_details` (422), as
 *   older GitHub Enterprise Server does (default true)
 * @property {number} [clockOffsetMs] GitHub's clock minus the machine's: runs' `created_at` and
 *   the dispatch answer's `Date` (default 0)
 * @property {boolean} [dropIssueLabels] the token has no push access: GitHub silently drops the
 *   labels of the issues it opens (default false)
 */
/**
 * Something that breaks GitHub's OpenAPI description: a request the fake received (answered 400
 * "OpenAPI check: …"), or an answer the fake itself gave (a bug of the fake).
 * @typedef {object} Violation
 * @property {'request' | 'response'} kind
 * @property {string} method
 * @property {string} path as sent
 * @property {string | undefined} operationId undefined for an unknown route
 * @property {number} [status] the fake's answer, for a response violation
 * @property {string[]} problems
 */
/**
 * @typedef {object} DeletedSecret
 * @property {string} scope as the fake was configured: 'owner/name', 'owner/name@env', 'org:name'
 * @property {string} name upper-cased, as stored
 * @property {SecretEntry} entry what the secret was when it was deleted
 */
/**
 * @typedef {object} SecretEntry
 * @property {string} value
 * @property {Visibility} [visibility]
 * @property {number[]} [selectedRepositoryIds]
 * @property {number} writes
 */
/**
 * @typedef {object} FakeGitHub
 * @property {string} url
 * @property {LoggedRequest[]} requests
 * @property {() => Promise<void>} close
 * @property {(scope: string, name: string) => string | undefined} secret
 * @property {(scope: string, name: string) => SecretEntry | undefined} secretEntry
 * @property {(scope: string) => { key_id: string, key: string }} publicKey
 * @property {(scope: string, encryptedValueBase64: string) => string} open
 * @property {(fullName: string) => number} repoId
 * @property {(ms: number) => void} setLatency
 * @property {(fn: ((req: FaultRequest) => FaultAction | undefined) | undefined) => void} setFault
 * @property {Violation[]} violations requests and own answers that break GitHub's description
 * @property {() => void} expectViolations the test breaks the description on purpose:
 *   assertNoViolations() no longer throws
 * @property {() => void} assertNoViolations throws, listing them, when violations were recorded
 *   (unless expectViolations() was called)
 * @property {DeletedSecret[]} deleted secrets deleted by DELETE requests, in order
 * @property {FakeIssue[]} issues every issue, in the order opened (tests may add some)
 * @property {import('./github-workflows.js').Dispatch[]} dispatches workflow dispatches, in order
 * @property {(repository: string, file: string, ref: string, conclusion?: string) => number} startRun
 *   a run someone else dispatched (another rotation, a person): its id
 */
/** @typedef {{ id: number, name: string, fullName: string, owner: string, environments: string[] }} Repo */
/**
 * An issue of the fake, as the action's failure issue needs it.
 * @typedef {object} FakeIssue
 * @property {number} number
 * @property {string} repository 'owner/name', as configured
 * @property {string} title
 * @property {string} body
 * @property {'open' | 'closed'} state
 * @property {string | null} stateReason
 * @property {string[]} labels
 * @property {string[]} comments their bodies, in order
 * @property {{ login: string, type: 'User' | 'Bot', association: string }} [author] who opened it
 *   (default: the operation's example, octocat, a collaborator)
 */
/** @typedef {SecretEntry & { name: string, createdAt: string, updatedAt: string }} Stored */
/** @typedef {{ label: string, keyId: string, key: string, publicKey: Uint8Array, privateKey: Uint8Array, secrets: Map<string, Stored>, org?: string }} Scope */

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/
const MAX_VALUE_BYTES = 48 * 1024
const VISIBILITIES = ['all', 'private', 'selected']
/** Every repository and organization has a scope, with its own keypair, in each store. */
const STORES = ['actions', 'dependabot', 'codespaces']
/** How a scope of `store` is labelled: 'acme/app', 'dependabot:acme/app', 'codespaces:org:acme'. */
const storePrefix = (/** @type {string} */ store) => (store === 'actions' ? '' : `${store}:`)
/** @param {string} message @param {number} [status] @returns {FaultAction} */
const fail = (message, status = 422) => ({ status, body: { message } })
const NOT_FOUND = fail('Not Found', 404)
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * Violations as text, one per line, for an error message or a script's output.
 * @param {Violation[]} violations
 */
export function formatViolations(violations) {
  return violations
    .map(v => {
      const what = `${v.method} ${v.path} (${v.operationId ?? 'no operation'})`
      const answer = v.status === undefined ? 'answer' : `answer ${v.status}`
      const where = v.kind === 'request' ? `request ${what}` : `${answer} to ${what}`
      return `- ${where}: ${v.problems.join('; ')}`
    })
    .join('\n')
}

/**
 * @param {GitHubFakeOptions} [options]
 * @returns {Promise<FakeGitHub>}
 */
export async function startFakeGitHub(options = {}) {
  await sodium.ready
  const token = options.token ?? 'ghs_fake_token'
  /** @type {Map<string, Repo>} lower-cased full name → repo */
  const repos = new Map()
  /** @type {Map<string, Scope>} 'owner/name' | 'owner/name@env' | 'org:name', after 'dependabot:' or 'codespaces:' for those stores; lower-cased */
  const scopes = new Map()
  const keyIds = new Set()
  const takenIds = new Set(Object.values(options.repositories ?? {}).map(r => r.id))
  let nextId = 100000
  /** @type {Violation[]} */
  const violations = []
  let violationsExpected = false
  /** @type {DeletedSecret[]} */
  const deleted = []
  const orgNames = new Set(Object.keys(options.organizations ?? {}).map(o => o.toLowerCase()))
  /** @type {Map<string, number>} lower-cased login → account id */
  const accountIds = new Map()
  /** @type {FakeIssue[]} */
  const issues = []

  /** @param {string} label @param {string} [org] */
  const newScope = (label, org) => {
    let keyId
    do keyId = String(crypto.randomInt(1e11, 1e12))
    while (keyIds.has(keyId))
    keyIds.add(keyId)
    const { publicKey, privateKey } = sodium.crypto_box_keypair()
    const key = sodium.to_base64(publicKey, sodium.base64_variants.ORIGINAL)
    /** @type {Scope} */
    const scope = { label, keyId, key, publicKey, privateKey, secrets: new Map() }
    if (org !== undefined) scope.org = org
    return scope
  }
  /** @param {string} fullName @param {number | undefined} id @param {string[]} envs */
  const addRepo = (fullName, id, envs) => {
    const lower = fullName.toLowerCase()
    const known = repos.get(lower)
    if (known) return known
    while (id === undefined && takenIds.has(nextId)) nextId++
    const [owner = '', name = ''] = fullName.split('/')
    /** @type {Repo} */
    const repo = { id: id ?? nextId++, name, owner, fullName, environments: envs }
    repos.set(lower, repo)
    for (const store of STORES)
      scopes.set(`${storePrefix(store)}${lower}`, newScope(`${storePrefix(store)}${fullName}`))
    for (const env of envs)
      scopes.set(`${lower}@${env.toLowerCase()}`, newScope(`${fullName}@${env}`))
    return repo
  }

  const repositories = options.repositories ?? {
    'acme/app': { environments: ['production', 'staging'] }
  }
  for (const [fullName, r] of Object.entries(repositories))
    addRepo(fullName, r.id, r.environments ?? [])
  const created = now()
  for (const [org, o] of Object.entries(options.organizations ?? {})) {
    for (const name of o.repositories ?? []) addRepo(`${org}/${name}`, undefined, [])
    const scope = newScope(`org:${org}`, org)
    scopes.set(`org:${org.toLowerCase()}`, scope)
    for (const store of STORES.slice(1))
      scopes.set(`${store}:org:${org.toLowerCase()}`, newScope(`${store}:org:${org}`, org))
    for (const [name, s] of Object.entries(o.secrets ?? {})) {
      const ids = (s.selectedRepositories ?? []).map(n => mustRepo(`${org}/${n}`).id)
      scope.secrets.set(name.toUpperCase(), {
        name: name.toUpperCase(),
        value: s.value ?? '',
        visibility: s.visibility,
        selectedRepositoryIds: s.visibility === 'selected' ? ids : [],
        writes: 0,
        createdAt: created,
        updatedAt: created
      })
    }
  }

  /** @param {string} fullName */
  function mustRepo(fullName) {
    const repo = repos.get(fullName.toLowerCase())
    if (!repo) throw new Error(`fake GitHub: unknown repository ${fullName}`)
    return repo
  }
  /** @param {string} scope */
  function mustScope(scope) {
    const s = scopes.get(scope.toLowerCase())
    if (!s) throw new Error(`fake GitHub: unknown scope ${scope}`)
    return s
  }
  /** @param {Scope} scope @param {string} b64 */
  function openWith(scope, b64) {
    const sealed = sodium.from_base64(b64, sodium.base64_variants.ORIGINAL)
    const opened = sodium.crypto_box_seal_open(sealed, scope.publicKey, scope.privateKey)
    return Buffer.from(opened).toString('utf8')
  }
  /** @param {string} org */
  const orgRepos = org =>
    [...repos.values()].filter(r => r.owner.toLowerCase() === org.toLowerCase())

  /** @param {Scope} scope @param {string} rawName @param {RequestContext} ctx @returns {FaultAction} */
  function putSecret(scope, rawName, ctx) {
    if (ctx.badJson || typeof ctx.body !== 'object' || ctx.body === null)
      return fail('Problems parsing JSON', 400)
    if (!NAME_RE.test(rawName))
      return fail('Secret names can only contain alphanumeric characters or underscores')
    if (/^github_/i.test(rawName)) return fail('Secret names must not start with GITHUB_')
    const { encrypted_value, key_id, visibility, selected_repository_ids } = ctx.body
    if (key_id !== scope.keyId) return fail('Bad key_id')
    let value
    try {
      value = openWith(scope, encrypted_value)
    } catch {
      return fail('Bad encrypted value')
    }
    if (Buffer.byteLength(value) > MAX_VALUE_BYTES) return fail('Secret value is too large')
    /** @type {number[] | undefined} */
    let selected
    if (scope.org !== undefined) {
      if (!VISIBILITIES.includes(visibility)) return fail('Bad visibility')
      selected = []
      if (visibility === 'selected' && selected_repository_ids !== undefined) {
        const valid = new Set(orgRepos(scope.org).map(r => r.id))
        // Dependabot's description also allows the ids as strings of digits.
        const ids = Array.isArray(selected_repository_ids)
          ? selected_repository_ids.map(id => (/^\d+$/.test(String(id)) ? Number(id) : id))
          : selected_repository_ids
        if (!Array.isArray(ids) || !ids.every(id => Number.isInteger(id) && valid.has(id)))
          return fail('Bad selected_repository_ids')
        selected = [...ids]
      }
    }
    const name = rawName.toUpperCase()
    const existing = scope.secrets.get(name)
    const at = now()
    /** @type {Stored} */
    const entry = {
      name,
      value,
      writes: (existing?.writes ?? 0) + 1,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at
    }
    if (selected) Object.assign(entry, { visibility, selectedRepositoryIds: selected })
    scope.secrets.set(name, entry)
    // GitHub documents 201 with an empty object (`empty-object`) for a new secret, 204 (no body)
    // for a replaced one.
    return existing ? { status: 204 } : { status: 201, body: {} }
  }

  /** @param {Scope} scope @param {string} rawName @returns {FaultAction} */
  function deleteSecret(scope, rawName) {
    const name = rawName.toUpperCase()
    const existing = scope.secrets.get(name)
    // The description documents 204 only; GitHub answers 404 for a secret that does not exist.
    if (!existing) return NOT_FOUND
    scope.secrets.delete(name)
    deleted.push({ scope: scope.label, name, entry: entryOf(existing) })
    return { status: 204 }
  }

  /** @param {string} login */
  function account(login) {
    const lower = login.toLowerCase()
    if (!accountIds.has(lower)) accountIds.set(lower, 5000000 + accountIds.size)
    const id = /** @type {number} */ (accountIds.get(lower))
    const kind = orgNames.has(lower) ? 'Organization' : 'User'
    const nodeId = Buffer.from(`${kind === 'User' ? '04' : '012'}:${kind}${id}`).toString('base64')
    return { id, kind, nodeId }
  }

  /**
   * A repository as GitHub describes it (full-repository for repos/get, minimal-repository in
   * lists): the description's own example (octocat/Hello-World), made this repository's.
   * @param {any} example
   * @param {Repo} repo
   */
  function repositoryFrom(example, repo) {
    const base = fake.url
    /** @param {unknown} v @returns {unknown} */
    const rewrite = v => {
      if (typeof v === 'string')
        return v
          .replaceAll('octocat/Hello-World', repo.fullName)
          .replaceAll('/users/octocat', `/users/${repo.owner}`)
          .replaceAll('github.com/octocat', `github.com/${repo.owner}`)
          .replaceAll('https://api.github.com', base)
      if (Array.isArray(v)) return v.map(rewrite)
      if (typeof v === 'object' && v !== null)
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]))
      return v
    }
    const out = /** @type {Record<string, any>} */ (rewrite(example))
    const owner = account(repo.owner)
    Object.assign(out, {
      id: repo.id,
      node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
      name: repo.name,
      full_name: repo.fullName
    })
    Object.assign(out.owner, {
      login: repo.owner,
      id: owner.id,
      node_id: owner.nodeId,
      type: owner.kind,
      avatar_url: `https://avatars.githubusercontent.com/u/${owner.id}?v=4`
    })
    // Relations the fake does not have (a fork's parent and source, a template).
    for (const key of ['parent', 'source', 'template_repository', 'temp_clone_token'])
      delete out[key]
    if ('organization' in out) {
      if (owner.kind === 'Organization') out.organization = { ...out.owner }
      else delete out.organization
    }
    return out
  }

  /** @param {RequestContext} ctx @returns {FaultAction} */
  function route(ctx) {
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(ctx.headers.authorization ?? '')
    if (auth?.[1] !== token) return fail('Bad credentials', 401)
    const m = (/** @type {string} */ pattern) => matchPath(ctx.segments, pattern)
    const workflow = workflows.route(ctx, m)
    if (workflow) return workflow
    // `:store` is actions, dependabot or codespaces; anything else is no route.
    const inStore = (/** @type {Record<string, string>} */ p, /** @type {string} */ key) =>
      STORES.includes(String(p.store))
        ? scopes.get(`${storePrefix(String(p.store))}${key}`)
        : undefined
    const repoScope = (/** @type {Record<string, string>} */ p) =>
      inStore(p, `${p.o}/${p.r}`.toLowerCase())
    const envScope = (/** @type {Record<string, string>} */ p) =>
      scopes.get(`${p.o}/${p.r}@${p.env}`.toLowerCase())
    const orgScope = (/** @type {Record<string, string>} */ p) =>
      inStore(p, `org:${p.org}`.toLowerCase())
    /** @param {Scope | undefined} s @returns {FaultAction} */
    const keyOf = s => (s ? { status: 200, body: { key_id: s.keyId, key: s.key } } : NOT_FOUND)
    /** @type {Record<string, string> | undefined} */
    let p
    if (ctx.method === 'GET') {
      if ((p = m('repos/:o/:r/:store/secrets/public-key'))) return keyOf(repoScope(p))
      if ((p = m('repos/:o/:r/environments/:env/secrets/public-key'))) return keyOf(envScope(p))
      if ((p = m('orgs/:org/:store/secrets/public-key'))) return keyOf(orgScope(p))
      if ((p = m('orgs/:org/:store/secrets/:name'))) {
        const s = orgScope(p)?.secrets.get(String(p.name).toUpperCase())
        if (!s) return NOT_FOUND
        /** @type {Record<string, unknown>} */
        const body = { name: s.name, created_at: s.createdAt, updated_at: s.updatedAt }
        body.visibility = s.visibility
        if (s.visibility === 'selected')
          body.selected_repositories_url = `${fake.url}/orgs/${p.org}/${p.store}/secrets/${s.name}/repositories`
        return { status: 200, body }
      }
      if ((p = m('orgs/:org/:store/secrets/:name/repositories'))) {
        const s = orgScope(p)?.secrets.get(String(p.name).toUpperCase())
        if (!s) return NOT_FOUND
        const byId = new Map([...repos.values()].map(r => [r.id, r]))
        const all = (s.selectedRepositoryIds ?? []).flatMap(id => byId.get(id) ?? [])
        const perPage = Math.min(100, Math.max(1, Number(ctx.searchParams.get('per_page')) || 30))
        const page = Math.max(1, Number(ctx.searchParams.get('page')) || 1)
        const slice = all.slice((page - 1) * perPage, page * perPage)
        const example = exampleOf('actions/list-selected-repos-for-org-secret', 200).repositories[0]
        const list = slice.map(r => repositoryFrom(example, r))
        return { status: 200, body: { total_count: all.length, repositories: list } }
      }
      if ((p = m('repos/:o/:r'))) {
        const r = repos.get(`${p.o}/${p.r}`.toLowerCase())
        if (!r) return NOT_FOUND
        const body = repositoryFrom(exampleOf('repos/get', 200), r)
        // Required by full-repository, missing from the description's example.
        body.language ??= null
        body.default_branch = 'main'
        const visibility = repositories[r.fullName]?.visibility
        if (visibility) Object.assign(body, { visibility, private: visibility !== 'public' })
        return { status: 200, body }
      }
    }
    const issueRoute = issueRequest(ctx, m)
    if (issueRoute) return issueRoute
    if (ctx.method === 'PUT') {
      /** @param {Scope | undefined} s @param {Record<string, string>} q */
      const put = (s, q) => (s ? putSecret(s, String(q.name), ctx) : NOT_FOUND)
      if ((p = m('repos/:o/:r/:store/secrets/:name'))) return put(repoScope(p), p)
      if ((p = m('repos/:o/:r/environments/:env/secrets/:name'))) return put(envScope(p), p)
      if ((p = m('orgs/:org/:store/secrets/:name'))) return put(orgScope(p), p)
    }
    if (ctx.method === 'DELETE') {
      /** @param {Scope | undefined} s @param {Record<string, string>} q */
      const del = (s, q) => (s ? deleteSecret(s, String(q.name)) : NOT_FOUND)
      if ((p = m('repos/:o/:r/:store/secrets/:name'))) return del(repoScope(p), p)
      if ((p = m('repos/:o/:r/environments/:env/secrets/:name'))) return del(envScope(p), p)
      if ((p = m('orgs/:org/:store/secrets/:name'))) return del(orgScope(p), p)
    }
    return NOT_FOUND
  }

  /**
   * An issue as GitHub describes it: the operation's own example, made this issue's.
   * @param {string} operationId
   * @param {number} status
   * @param {FakeIssue} issue
   */
  function issueFrom(operationId, status, issue) {
    const example = exampleOf(operationId, status)
    const out = Array.isArray(example) ? example[0] : example
    const [template] = out.labels
    const url = `${fake.url}/repos/${issue.repository}/issues/${issue.number}`
    const { author } = issue
    if (author) {
      Object.assign(out.user, { login: author.login, type: author.type })
      out.author_association = author.association
    }
    return Object.assign(out, {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.stateReason,
      labels: issue.labels.map((name, i) => ({ ...template, id: i + 1, name })),
      comments: issue.comments.length,
      url,
      html_url: `https://github.com/${issue.repository}/issues/${issue.number}`,
      pull_request: undefined
    })
  }

  /**
   * The issues operations the failure issue uses: list open ones by label, create, comment,
   * update the state. Undefined for any other request.
   * @param {RequestContext} ctx
   * @param {(pattern: string) => Record<string, string> | undefined} m
   * @returns {FaultAction | undefined}
   */
  function issueRequest(ctx, m) {
    const p =
      m('repos/:o/:r/issues') ?? m('repos/:o/:r/issues/:n') ?? m('repos/:o/:r/issues/:n/comments')
    if (!p) return undefined
    const repo = repos.get(`${p.o}/${p.r}`.toLowerCase())
    if (!repo) return NOT_FOUND
    const mine = issues.filter(i => i.repository.toLowerCase() === repo.fullName.toLowerCase())
    const issue = p.n === undefined ? undefined : mine.find(i => i.number === Number(p.n))
    if (p.n !== undefined && !issue) return NOT_FOUND
    const isComments = ctx.segments?.at(-1) === 'comments'
    if (ctx.method === 'GET' && !issue) {
      const query = ctx.searchParams
      const state = query.get('state') ?? 'open'
      const labels = (query.get('labels') ?? '').split(',').filter(Boolean)
      const found = mine
        .filter(i => state === 'all' || i.state === state)
        .filter(i => labels.every(l => i.labels.some(x => x.toLowerCase() === l.toLowerCase())))
      // Numbers are given in the order of creation: sort=created (the default), newest first
      // unless direction=asc; pages of per_page (default 30, at most 100).
      if (query.get('direction') !== 'asc') found.reverse()
      const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
      const page = Number(query.get('page') ?? 1)
      const body = found
        .slice((page - 1) * perPage, page * perPage)
        .map(i => issueFrom('issues/list-for-repo', 200, i))
      return { status: 200, body }
    }
    if (ctx.method === 'POST' && !issue) {
      const { title, body = '' } = ctx.body
      const labels = options.dropIssueLabels ? [] : (ctx.body.labels ?? [])
      /** @type {FakeIssue} */
      const created = {
        number: issues.length + 1,
        repository: repo.fullName,
        title,
        body,
        state: 'open',
        stateReason: null,
        labels: labels.map((/** @type {string | { name: string }} */ l) =>
          typeof l === 'string' ? l : l.name
        ),
        comments: []
      }
      issues.push(created)
      return { status: 201, body: issueFrom('issues/create', 201, created) }
    }
    if (ctx.method === 'POST' && issue && isComments) {
      issue.comments.push(ctx.body.body)
      const example = exampleOf('issues/create-comment', 201)
      const url = `${fake.url}/repos/${issue.repository}/issues/comments/${issue.comments.length}`
      Object.assign(example, {
        body: ctx.body.body,
        url,
        issue_url: issueFrom('issues/update', 200, issue).url
      })
      return { status: 201, body: example }
    }
    if (ctx.method === 'PATCH' && issue && !isComments) {
      if (ctx.body.state) issue.state = ctx.body.state
      if ('state_reason' in ctx.body) issue.stateReason = ctx.body.state_reason
      return { status: 200, body: issueFrom('issues/update', 200, issue) }
    }
    return NOT_FOUND
  }

  /** @param {Violation} violation */
  function record(violation) {
    violations.push(violation)
    options.onViolation?.(violation)
  }

  /**
   * Every request, before faults: one that breaks the description is recorded and refused.
   * @param {RequestContext} ctx
   * @returns {FaultAction | undefined}
   */
  function checkIncoming(ctx) {
    const { operationId, problems } = checkRequest({
      method: ctx.method,
      path: ctx.path,
      query: Object.fromEntries(ctx.searchParams),
      body: ctx.body,
      rawBody: ctx.rawBody,
      contentType: ctx.headers['content-type']
    })
    if (problems.length === 0) return undefined
    record({ kind: 'request', method: ctx.method, path: ctx.path, operationId, problems })
    return { status: 400, body: { message: `OpenAPI check: ${problems.join('; ')}` } }
  }

  /**
   * The fake's own answer (not a fault's), checked against the operation's responses.
   * @param {RequestContext} ctx
   * @returns {FaultAction}
   */
  function answer(ctx) {
    const operationId = matchOperation(ctx.method, ctx.path)?.operationId
    /** @type {FaultAction} */
    let action
    try {
      action = route(ctx)
    } catch (error) {
      const problems = [`the fake failed: ${String(error)}`]
      record({ kind: 'response', method: ctx.method, path: ctx.path, operationId, problems })
      throw error
    }
    if (operationId !== undefined && 'status' in action && !('dripMs' in action)) {
      const problems = checkResponse(operationId, action.status, action.body)
      if (problems.length > 0) {
        const { method, path } = ctx
        record({ kind: 'response', method, path, operationId, status: action.status, problems })
      }
    }
    return action
  }

  const workflows = createWorkflows(options.workflows ?? {}, {
    returnRunDetails: options.returnRunDetails ?? true,
    clockOffsetMs: options.clockOffsetMs ?? 0,
    url: () => fake.url
  })
  const server = await startFakeServer({
    latencyMs: options.latencyMs ?? 0,
    fault: options.fault,
    check: checkIncoming,
    handle: answer
  })

  /** @param {string} scope @param {string} name */
  const stored = (scope, name) => scopes.get(scope.toLowerCase())?.secrets.get(name.toUpperCase())
  /** @type {FakeGitHub} */
  const fake = {
    url: server.url,
    requests: server.requests,
    close: server.close,
    setLatency: server.setLatency,
    setFault: server.setFault,
    secret: (scope, name) => stored(scope, name)?.value,
    secretEntry(scope, name) {
      const s = stored(scope, name)
      return s && entryOf(s)
    },
    publicKey(scope) {
      const s = mustScope(scope)
      return { key_id: s.keyId, key: s.key }
    },
    open: (scope, encryptedValueBase64) => openWith(mustScope(scope), encryptedValueBase64),
    repoId: fullName => mustRepo(fullName).id,
    violations,
    expectViolations() {
      violationsExpected = true
    },
    assertNoViolations() {
      if (violations.length === 0 || violationsExpected) return
      throw new Error(
        `The fake GitHub saw ${violations.length} violation(s) of GitHub's OpenAPI description ` +
          `(call github.expectViolations() in a test that sends them on purpose):\n${formatViolations(violations)}`
      )
    },
    deleted,
    issues,
    dispatches: workflows.dispatches,
    startRun: workflows.startRun
  }
  return fake
}

/** @param {Stored} s @returns {SecretEntry} */
function entryOf(s) {
  /** @type {SecretEntry} */
  const out = { value: s.value, writes: s.writes }
  if (s.visibility) out.visibility = s.visibility
  if (s.selectedRepositoryIds) out.selectedRepositoryIds = [...s.selectedRepositoryIds]
  return out
}
