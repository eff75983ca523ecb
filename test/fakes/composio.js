// @ts-check
// A fake of Composio's webhook-subscription endpoints the action calls: the rotation (v3,
// ../shared/reference/composio-rotate-webhook-secret.md) and the read (v3.1, whose 200 body is
// the subscription with its signing secret, as @composio/client types it), with the error
// envelope and the auth rules. Each subscription has a secret before any rotation.
// Plain ESM: runs under `node` as is.
import crypto from 'node:crypto'
import { fillDrip, matchPath, startFakeServer } from './http-fake.js'

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
/** @typedef {FaultAction | RotateThenAction | RotateAgainAction} ComposioFaultAction */
/** @typedef {(req: FaultRequest) => ComposioFaultAction | undefined} ComposioFault */

/**
 * @typedef {object} ComposioFakeOptions
 * @property {string[]} [apiKeys]
 * @property {string[]} [userApiKeys]
 * @property {string[]} [subscriptions]
 * @property {'full' | 'masked'} [readSecret] how the v3.1 read shows the secret (default full)
 * @property {number} [secretBytes] random bytes in each secret, shown as hex (default 32)
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
 * @property {(mode: 'full' | 'masked') => void} setReadSecret
 * @property {() => Promise<void>} close
 * @property {(ms: number) => void} setLatency
 * @property {(fn: ComposioFault | undefined) => void} setFault
 */

/** Codes of the slugs seen in the wild; others default to the HTTP status. */
const CODES = /** @type {Record<string, number>} */ ({
  Auth_NoAuthProvided: 906,
  Auth_ConflictingAuth: 906,
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
  const newSecret = () => crypto.randomBytes(options.secretBytes ?? 32).toString('hex')
  /** @type {Map<string, string>} subscription id → current secret (each starts with one) */
  const secrets = new Map((options.subscriptions ?? ['ws_123']).map(id => [id, newSecret()]))
  /** @type {Rotation[]} */
  const rotations = []

  /** @type {Map<string, string[]>} subscription id → every secret it held, oldest first */
  const history = new Map([...secrets].map(([id, secret]) => [id, [secret]]))
  let readSecret = options.readSecret ?? 'full'
  const createdAt = new Date().toISOString()

  /** @param {string} id */
  function rotate(id) {
    const secret = newSecret()
    secrets.set(id, secret)
    history.get(id)?.push(secret)
    return secret
  }

  /** @param {RequestContext} ctx @returns {ReplyAction | undefined} an auth error, if any */
  function refuse(ctx) {
    const apiKey = ctx.headers['x-api-key']
    const userKey = ctx.headers['x-user-api-key']
    if (apiKey !== undefined && userKey !== undefined)
      return composioError(
        401,
        'Auth_ConflictingAuth',
        'Provide exactly one of x-api-key or x-user-api-key'
      )
    if (apiKey === undefined && userKey === undefined)
      return composioError(401, 'Auth_NoAuthProvided', 'No API key provided')
    if (apiKey !== undefined && !apiKeys.has(apiKey))
      return composioError(401, 'APIKey_InvalidAPIKey', 'Invalid API key')
    if (userKey !== undefined && !userApiKeys.has(userKey))
      return composioError(401, 'UserApiKey_Unauthorized', 'Invalid user API key')
    return undefined
  }

  /** @param {string} id */
  const notFound = id =>
    composioError(404, 'WebhookSubscription_NotFound', `Webhook subscription ${id} not found`)

  /** @param {string} secret what the read shows: the secret, or a masked form of it */
  const shown = secret => (readSecret === 'full' ? secret : `whsec_****${secret.slice(-4)}`)

  /** @param {RequestContext} ctx @returns {ReplyAction} */
  function route(ctx) {
    const rotation =
      ctx.method === 'POST' &&
      matchPath(ctx.segments, 'api/v3/webhook_subscriptions/:id/rotate_secret')
    const read =
      ctx.method === 'GET' && matchPath(ctx.segments, 'api/v3.1/webhook_subscriptions/:id')
    const p = rotation || read
    if (!p) return composioError(404, 'Route_NotFound', `Cannot ${ctx.method} ${ctx.path}`)
    const refusal = refuse(ctx)
    if (refusal) return refusal
    const id = String(p.id)
    const current = secrets.get(id)
    if (current === undefined) return notFound(id)
    if (read) {
      const body = {
        id,
        webhook_url:
          options.webhookUrl === undefined
            ? `https://receiver.example.com/hooks/${id}`
            : options.webhookUrl,
        version: 'V3',
        enabled_events: ['composio.trigger.message', 'composio.connected_account.expired'],
        secret: shown(current),
        created_at: createdAt,
        updated_at: new Date().toISOString()
      }
      return { status: 200, body }
    }
    const secret = rotate(id)
    rotations.push({ id, secret, at: globalThis.performance.now() })
    return { status: 200, body: { id, secret } }
  }

  const server = await startFakeServer({
    latencyMs: options.latencyMs ?? 0,
    fault: options.fault,
    /** @returns {Promise<FaultAction>} */
    handle: async (ctx, extra) => {
      const reply = route(ctx)
      if (!extra) return reply
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
    secretsHeld: id => [...(history.get(id) ?? [])],
    rotateOutOfBand: rotate,
    setReadSecret: mode => void (readSecret = mode),
    close: server.close,
    setLatency: server.setLatency,
    setFault: server.setFault
  }
}
