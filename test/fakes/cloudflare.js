// @ts-check
// A fake of Cloudflare's Workers script-secret API (PUT and DELETE of a secret) under
// /client/v4, on 127.0.0.1, held to ./cloudflare-schema.js: every request the action sends and
// every answer the fake gives (its own and injected ones) is checked, and `close()` throws on a
// violation unless the test called `expectViolations()` (which excuses injected answers only).
// Each Worker keeps its secret bindings and counts the versions its writes deploy; `startWorker`
// starts a fake Worker that verifies deliveries with its binding as it is at each request, so
// it switches the moment the secret is written. Plain ESM: runs under `node` as is.
import { checkAnswer, checkRequest, operationOf } from './cloudflare-schema.js'
import { isFaultAction, startFakeServer } from './http-fake.js'
import { startFakeReceiver } from './receiver.js'

/** @typedef {import('./http-fake.js').FaultAction} FaultAction */
/** @typedef {import('./http-fake.js').ReplyAction} ReplyAction */
/** @typedef {(req: import('./http-fake.js').FaultRequest) => FaultAction | undefined} Fault */
/** @typedef {{ bindings: Map<string, string>, versions: number }} Worker */
/**
 * @typedef {object} CloudflareFakeOptions
 * @property {Record<string, string[]>} [workers] account ID → its Worker names
 * @property {Record<string, { accounts: string[], write: boolean }>} [tokens] token → what it may do
 * @property {Fault} [fault]
 * @property {number} [latencyMs]
 */

export const ACCOUNT = '0123456789abcdef0123456789abcdef'
export const SCRIPT = 'composio-receiver'
export const CF_TOKEN = 'cf_fake_token_with_workers_scripts_write'
export const CF_READ_TOKEN = 'cf_fake_token_read_only'

/**
 * Cloudflare's failure envelope.
 * @param {number} status @param {number} code @param {string} message
 * @param {Record<string, string>} [headers]
 * @returns {ReplyAction}
 */
export function cloudflareError(status, code, message, headers) {
  const body = { success: false, errors: [{ code, message }], messages: [], result: null }
  return headers ? { status, body, headers } : { status, body }
}

/** @param {unknown} result @returns {ReplyAction} */
const ok = result => ({ status: 200, body: { success: true, errors: [], messages: [], result } })

/** @param {CloudflareFakeOptions} [options] */
export async function startFakeCloudflare(options = {}) {
  /** @type {Map<string, Map<string, Worker>>} */
  const accounts = new Map(
    Object.entries(options.workers ?? { [ACCOUNT]: [SCRIPT] }).map(([id, names]) => [
      id,
      new Map(names.map(name => [name, { bindings: new Map(), versions: 1 }]))
    ])
  )
  const tokens = options.tokens ?? {
    [CF_TOKEN]: { accounts: [...accounts.keys()], write: true },
    [CF_READ_TOKEN]: { accounts: [...accounts.keys()], write: false }
  }
  /** @type {{ method: string, path: string, status?: number, injected: boolean, problems: string[] }[]} */
  const violations = []
  let violationsExpected = false
  const BASE = '/client/v4'

  /** @param {string} path */
  const below = path => (path.startsWith(BASE) ? path.slice(BASE.length) : path)

  /** @param {import('./http-fake.js').RequestContext} ctx @returns {ReplyAction} */
  function route(ctx) {
    const path = below(ctx.path)
    const operation = operationOf(ctx.method, path)
    const match = /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/secrets(?:\/([^/]+))?$/.exec(
      path
    )
    if (!operation || !match) return cloudflareError(404, 7000, 'No route for that URI')
    const [, accountId = '', scriptName = '', secretName] = match.map(part =>
      part === undefined ? undefined : decodeURIComponent(part)
    )
    const token = /^Bearer (.+)$/.exec(ctx.headers['authorization'] ?? '')?.[1] ?? ''
    const grant = tokens[token]
    if (!grant || !grant.write || !grant.accounts.includes(accountId))
      return cloudflareError(403, 10000, 'Authentication error')
    const account = accounts.get(accountId)
    if (!account)
      return cloudflareError(
        404,
        7003,
        `Could not route to ${path}, perhaps your object identifier is invalid?`
      )
    const worker = account.get(scriptName)
    if (!worker) return cloudflareError(404, 10007, 'This Worker does not exist on your account.')
    if (operation === 'putScriptSecret') {
      const { name, text } = /** @type {{ name: string, text: string }} */ (ctx.body)
      worker.bindings.set(name, text)
      worker.versions++
      return ok({ name, type: 'secret_text' })
    }
    if (!worker.bindings.delete(secretName ?? ''))
      return cloudflareError(404, 10056, 'Binding name not found')
    worker.versions++
    return ok(null)
  }

  /** @param {string} method @param {string} path @param {FaultAction} action @param {boolean} injected */
  function check(method, path, action, injected) {
    if (!('status' in action) || action.status === undefined) return
    const problems = checkAnswer(operationOf(method, below(path)), action.status, action.body)
    if (problems.length > 0)
      violations.push({ method, path, status: action.status, injected, problems })
  }

  /** @param {Fault | undefined} fault @returns {Fault | undefined} */
  const checked = fault =>
    fault &&
    (req => {
      const action = fault(req)
      if (action !== undefined && isFaultAction(action)) check(req.method, req.path, action, true)
      return action
    })

  const server = await startFakeServer({
    latencyMs: options.latencyMs ?? 0,
    fault: checked(options.fault),
    check: ctx => {
      const problems = checkRequest(operationOf(ctx.method, below(ctx.path)), ctx)
      if (problems.length === 0) return undefined
      violations.push({ method: ctx.method, path: ctx.path, injected: false, problems })
      return cloudflareError(400, 10001, `Schema check: ${problems.join('; ')}`)
    },
    handle: async ctx => {
      const reply = route(ctx)
      check(ctx.method, ctx.path, reply, false)
      return reply
    }
  })

  /** @param {string} accountId @param {string} scriptName */
  const workerOf = (accountId, scriptName) => accounts.get(accountId)?.get(scriptName)

  return {
    /** The API base, as the cloudflare-api-url input takes it. */
    url: `${server.url}${BASE}`,
    requests: server.requests,
    violations,
    /** @param {string} accountId @param {string} scriptName @param {string} name */
    binding: (accountId, scriptName, name) => workerOf(accountId, scriptName)?.bindings.get(name),
    /** @param {string} accountId @param {string} scriptName */
    versions: (accountId, scriptName) => workerOf(accountId, scriptName)?.versions,
    /**
     * A fake Worker verifying deliveries with its binding `name` as it is at each request.
     * @param {string} name @param {string} [accountId] @param {string} [scriptName]
     */
    startWorker: (name, accountId = ACCOUNT, scriptName = SCRIPT) =>
      startFakeReceiver({ secret: () => workerOf(accountId, scriptName)?.bindings.get(name) }),
    expectViolations: () => void (violationsExpected = true),
    /** @param {Fault | undefined} fault */
    setFault: fault => server.setFault(checked(fault)),
    setLatency: server.setLatency,
    async close() {
      await server.close()
      const unexcused = violations.filter(v => !(v.injected && violationsExpected))
      if (unexcused.length === 0) return
      const lines = unexcused.map(v => `  ${v.method} ${v.path}: ${v.problems.join('; ')}`)
      throw new Error(
        `The fake Cloudflare saw ${unexcused.length} request(s) or answer(s) that break Cloudflare's description:\n${lines.join('\n')}`
      )
    }
  }
}
