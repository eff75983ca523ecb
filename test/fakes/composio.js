// @ts-check
// A fake of Composio's webhook-subscription endpoints the action calls: the rotation (v3) and the
// read (v3.1, whose 200 body is the subscription with its signing secret), with the error
// envelope and the auth rules, held to Composio's own description (./composio-schema.js): every
// answer it sends, its own and the ones tests inject, is checked, and `close()` throws when one
// broke it (unless the test called `expectViolations()`, which excuses injected answers only).
// Each subscription has a secret before any rotation. Plain ESM: runs under `node` as is.
import crypto from 'node:crypto'
import { checkAnswer, operationOf, OPERATIONS } from './composio-schema.js'
import { fillDrip, isFaultAction, matchPath, startFakeServer } from './http-fake.js'

/** @typedef {import('./http-fake.js').FaultAction} FaultAction */
/** @typedef {import('./http-fake.js').ReplyAction} ReplyAction */
/** @typedef {import('./http-fake.js').FaultRequest} FaultRequest */
/** @typedef {import('./http-fake.js').LoggedRequest} LoggedRequest */
/** @typedef {import('./http-fake.js').RequestContext} RequestContext */
/**
 * Perform the rotation (and record it), then answer with the inner action instead of the real
 * response: "the rotation happened but the response was lost".
 * @typedef {{ rotateThen: FaultAction }} RotateThenAction
 */
/**
 * Perform the rotation and answer it, then rotate once more: "someone rotated around this run".
 * @typedef {{ rotateAgainAfterAnswer: true }} RotateAgainAction
 */
/**
 * Answer a read as a replica `readAsOf` rotations behind would: the secret and `updated_at` the
 * subscription had then (the first one when it has had fewer rotations).
 * @typedef {{ readAsOf: number }} LaggingReadAction
 */
/** @typedef {FaultAction | RotateThenAction | RotateAgainAction | LaggingReadAction} ComposioFaultAction */
/** @typedef {(req: FaultRequest) => ComposioFaultAction | undefined} ComposioFault */
/**
 * How the v3.1 read shows the secret: in full, or masked in one of the styles Composio documents
 * for values it hides (`first4`: `abcd...`, `xxxx`: `xxxx...`, `redacted`: `REDACTED`; its
 * changelog, 2025-12-10) or others (`masked`: stars, `bullets`: U+2022, `ellipsis`: U+2026),
 * the long ones as long as a real secret, so only their marks give them away; and masks that
 * carry no common mark at all (issue 22): `hashes` (`46ec` + `#`s), `zeros` (a secret's length of
 * `0`), `dashes` (first 4 + `-`s + last 4), `hidden` (`[hidden-for-security-reasons-contact-support]`).
 * @typedef {'full' | 'masked' | 'first4' | 'xxxx' | 'redacted' | 'bullets' | 'ellipsis'
 *   | 'hashes' | 'zeros' | 'dashes' | 'hidden'} ReadSecret
 */
/**
 * A secret's shape: `hex`, 64 lowercase hex digits (Composio's one example; the default),
 * `base64` or `base64url` of 32 random bytes, `whsec` (Standard Webhooks: `whsec_` + base64),
 * `base64-xXxX` (base64 that happens to hold `xXxX`, which a list of masking marks took for a
 * mask). `secretBytes` changes the number of bytes.
 * @typedef {'hex' | 'base64' | 'base64url' | 'whsec' | 'base64-xXxX'} SecretShape
 */
/**
 * An answer that breaks Composio's description.
 * @typedef {object} Violation
 * @property {string} method
 * @property {string} path
 * @property {number} status
 * @property {boolean} injected sent by a test's fault, not by the fake's own logic
 * @property {string[]} problems
 */

/**
 * @typedef {object} ComposioFakeOptions
 * @property {string[]} [apiKeys]
 * @property {string[]} [userApiKeys]
 * @property {string[]} [subscriptions]
 * @property {ReadSecret} [readSecret] how the v3.1 read shows the secret (default full)
 * @property {SecretShape} [secretShape] default hex
 * @property {number} [secretBytes] random bytes in each secret (default 32)
 * @property {boolean} [userKeyOnV31] accept x-user-api-key on the v3.1 read too, as the older v3
 *   reference did; the v3.1 description lists x-api-key only (default false)
 * @property {number} [latencyMs]
 * @property {ComposioFault} [fault]
 * @property {string | null} [webhookUrl] the read's webhook_url (default https://receiver.example.com/hooks/{id})
 */
/** @typedef {{ id: string, secret: string, at: number }} Rotation `at` is performance.now() */
/**
 * @typedef {object} FakeComposio
 * @property {string} url
 * @property {LoggedRequest[]} requests
 * @property {Rotation[]} rotations
 * @property {(id: string) => string | undefined} currentSecret
 * @property {(id: string) => string[]} secretsHeld every secret the subscription ever had, the first included
 * @property {(id: string) => string} rotateOutOfBand a rotation by someone else; returns the new secret
 * @property {(mode: ReadSecret) => void} setReadSecret
 * @property {Violation[]} violations answers that broke Composio's description
 * @property {() => void} expectViolations the test injects such answers on purpose: those are
 *   excused (the fake's own never are)
 * @property {() => Promise<void>} close closes, then throws when an answer broke the description
 * @property {(ms: number) => void} setLatency
 * @property {(fn: ComposioFault | undefined) => void} setFault
 */

/** Codes of the slugs seen in the wild; others default to the HTTP status. */
const CODES = /** @type {Record<string, number>} */ ({
  Auth_NoAuthProvided: 906,
  HTTP_Unauthorized: 10401,
  APIKey_InvalidAPIKey: 801,
  APIKey_APIKeyExpired: 811,
  UserApiKey_Unauthorized: 2113
})

/**
 * Build a Composio error envelope reply, e.g. `fault: () => composioError(500,
 * 'Internal_ServerError', 'boom')`. `extra` fields go into the envelope, except `headers`, which
 * become response headers (e.g. `{ headers: { 'retry-after': '2' } }`).
 * @param {number} status
 * @param {string} slug
 * @param {string} message
 * @param {{ code?: number, suggested_fix?: string, errors?: string[], request_id?: string, headers?: Record<string, string> }} [extra]
 * @returns {ReplyAction}
 */
export function composioError(status, slug, message, extra = {}) {
  const { headers, ...fields } = extra
  const error = {
    message,
    code: CODES[slug] ?? status,
    slug,
    status,
    request_id: `req_${crypto.randomBytes(8).toString('hex')}`,
    suggested_fix: 'See https://docs.composio.dev',
    ...fields
  }
  return headers ? { status, body: { error }, headers } : { status, body: { error } }
}

/**
 * @param {ComposioFakeOptions} [options]
 * @returns {Promise<FakeComposio>}
 */
export async function startFakeComposio(options = {}) {
  const apiKeys = new Set(options.apiKeys ?? ['ak_fake_project_key'])
  const userApiKeys = new Set(options.userApiKeys ?? ['uak_fake_user_key'])
  const newSecret = () => {
    const bytes = crypto.randomBytes(options.secretBytes ?? 32)
    const shape = options.secretShape ?? 'hex'
    if (shape === 'whsec') return `whsec_${bytes.toString('base64')}`
    if (shape === 'base64-xXxX')
      return `${bytes.toString('base64').slice(0, 8)}xXxX${bytes.toString('base64').slice(12)}`
    return bytes.toString(shape)
  }
  /** @type {Map<string, string>} subscription id → current secret (each starts with one) */
  const secrets = new Map((options.subscriptions ?? ['ws_123']).map(id => [id, newSecret()]))
  /** @type {Rotation[]} */
  const rotations = []

  let lastUpdate = 0
  /** Each change of a secret is later than the one before, as `updated_at` says. */
  const updateTime = () => (lastUpdate = Math.max(Date.now(), lastUpdate + 1))
  /** @typedef {{ secret: string, updatedAt: number }} Version */
  /** @type {Map<string, Version[]>} subscription id → every secret it held, oldest first */
  const history = new Map(
    [...secrets].map(([id, secret]) => [id, [{ secret, updatedAt: updateTime() }]])
  )
  let readSecret = options.readSecret ?? 'full'
  const createdAt = new Date(lastUpdate).toISOString()

  /** @param {string} id */
  function rotate(id) {
    const secret = newSecret()
    secrets.set(id, secret)
    history.get(id)?.push({ secret, updatedAt: updateTime() })
    return secret
  }

  /**
   * @param {RequestContext} ctx
   * @param {boolean} userKeyAccepted whether the route lists x-user-api-key
   * @returns {ReplyAction | undefined} an auth error, if any
   */
  function refuse(ctx, userKeyAccepted) {
    const apiKey = ctx.headers['x-api-key']
    const userKey = ctx.headers['x-user-api-key']
    // As production answers, per @composio/client's notes.
    if (apiKey !== undefined && userKey !== undefined)
      return composioError(
        401,
        'HTTP_Unauthorized',
        'Multiple authentication modes were provided. Provide exactly one authentication mode per request.'
      )
    if (apiKey === undefined && userKey === undefined)
      return composioError(401, 'Auth_NoAuthProvided', 'No API key provided')
    if (apiKey !== undefined && !apiKeys.has(apiKey))
      return composioError(401, 'APIKey_InvalidAPIKey', 'Invalid API key')
    if (userKey !== undefined && !userKeyAccepted)
      return composioError(
        401,
        'UserApiKey_Unauthorized',
        'This route accepts a project API key (x-api-key) only'
      )
    if (userKey !== undefined && !userApiKeys.has(userKey))
      return composioError(401, 'UserApiKey_Unauthorized', 'Invalid user API key')
    return undefined
  }

  /** @param {string} id */
  const notFound = id =>
    composioError(404, 'WebhookSubscription_NotFound', `Webhook subscription ${id} not found`)

  /** @param {string} secret what the read shows: the secret, or a masked form of it */
  function shown(secret) {
    const [first4, last4, pad] = [secret.slice(0, 4), secret.slice(-4), secret.length - 8]
    return {
      full: secret,
      masked: `${first4}${'*'.repeat(pad)}${last4}`,
      first4: `${first4}...`,
      xxxx: 'xxxx...',
      redacted: 'REDACTED',
      bullets: `${first4}${'\u2022'.repeat(pad)}${last4}`,
      ellipsis: `${secret.slice(0, -4)}\u2026`,
      hashes: `${first4}${'#'.repeat(secret.length - 4)}`,
      zeros: '0'.repeat(secret.length),
      dashes: `${first4}${'-'.repeat(pad)}${last4}`,
      hidden: '[hidden-for-security-reasons-contact-support]'
    }[readSecret]
  }

  /** @param {RequestContext} ctx @param {number} [behind] rotations the answer lags @returns {ReplyAction} */
  function route(ctx, behind = 0) {
    const rotation =
      ctx.method === 'POST' &&
      matchPath(ctx.segments, 'api/v3/webhook_subscriptions/:id/rotate_secret')
    const read =
      ctx.method === 'GET' && matchPath(ctx.segments, 'api/v3.1/webhook_subscriptions/:id')
    const p = rotation || read
    if (!p) return composioError(404, 'Route_NotFound', `Cannot ${ctx.method} ${ctx.path}`)
    const refusal = refuse(
      ctx,
      rotation
        ? OPERATIONS.postWebhookSubscriptionsByIdRotateSecret.userKey
        : (options.userKeyOnV31 ?? OPERATIONS.getWebhookSubscriptionsById.userKey)
    )
    if (refusal) return refusal
    const id = String(p.id)
    const current = secrets.get(id)
    if (current === undefined) return notFound(id)
    if (read) {
      const versions = history.get(id) ?? []
      const version = versions[Math.max(0, versions.length - 1 - behind)]
      const body = {
        id,
        webhook_url:
          options.webhookUrl === undefined
            ? `https://receiver.example.com/hooks/${id}`
            : options.webhookUrl,
        version: 'V3',
        enabled_events: ['composio.trigger.message', 'composio.connected_account.expired'],
        secret: shown(version?.secret ?? current),
        created_at: createdAt,
        updated_at: new Date(version?.updatedAt ?? lastUpdate).toISOString()
      }
      return { status: 200, body }
    }
    const secret = rotate(id)
    rotations.push({ id, secret, at: globalThis.performance.now() })
    return { status: 200, body: { id, secret } }
  }

  /** @type {Violation[]} */
  const violations = []
  let violationsExpected = false

  /**
   * Records what `action` breaks of the description; hangs, resets and drips of the real answer
   * (checked as the fake's own) send nothing to check here.
   * @param {string} method @param {string} path @param {FaultAction} action @param {boolean} injected
   */
  function check(method, path, action, injected) {
    if (!('status' in action) || action.status === undefined) return
    const problems = checkAnswer(operationOf(method, path), action.status, action.body)
    if (problems.length > 0)
      violations.push({ method, path, status: action.status, injected, problems })
  }

  /** @param {ComposioFault | undefined} fault @returns {ComposioFault | undefined} */
  const checked = fault =>
    fault &&
    (req => {
      const action = fault(req)
      if (action === undefined) return undefined
      if (isFaultAction(action)) check(req.method, req.path, action, true)
      else if ('rotateThen' in action) check(req.method, req.path, action.rotateThen, true)
      return action
    })

  const server = await startFakeServer({
    latencyMs: options.latencyMs ?? 0,
    fault: checked(options.fault),
    /** @returns {Promise<FaultAction>} */
    handle: async (ctx, extra) => {
      const reply = route(ctx, extra && 'readAsOf' in extra ? extra.readAsOf : 0)
      check(ctx.method, ctx.path, reply, false)
      if (!extra || 'readAsOf' in extra) return reply
      if ('rotateAgainAfterAnswer' in extra) {
        setImmediate(() => secrets.forEach((_, id) => rotate(id)))
        return reply
      }
      return fillDrip(extra.rotateThen, () => reply)
    }
  })

  return {
    url: server.url,
    requests: server.requests,
    rotations,
    currentSecret: id => secrets.get(id),
    secretsHeld: id => (history.get(id) ?? []).map(version => version.secret),
    rotateOutOfBand: rotate,
    setReadSecret: mode => void (readSecret = mode),
    violations,
    expectViolations: () => void (violationsExpected = true),
    async close() {
      await server.close()
      const unexcused = violations.filter(v => !(v.injected && violationsExpected))
      if (unexcused.length === 0) return
      const lines = unexcused.map(
        v => `  ${v.injected ? 'injected' : 'own'} ${v.method} ${v.path}: ${v.problems.join('; ')}`
      )
      throw new Error(
        `The fake Composio sent ${unexcused.length} answer(s) that break Composio's description ` +
          `(call composio.expectViolations() in a test that injects them on purpose):\n${lines.join('\n')}`
      )
    },
    setLatency: server.setLatency,
    setFault: fault => server.setFault(checked(fault))
  }
}
