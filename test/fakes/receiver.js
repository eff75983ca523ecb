// @ts-check
// A fake webhook receiver: real HTTP on 127.0.0.1, real HMAC. It verifies each delivery with
// examples/verify-signature.js (which decides as @composio/core's verifyWebhook does, checked by
// test/docs/receiver.test.ts) against the secret it holds, and answers as a receiver would:
//   verify                 204 when the signature verifies, `refusalStatus` (401) when not
//   refuse-unknown-events  as verify, but 422 for a verified event whose type it does not know
//   accept-all             200 to anything: a receiver that verifies nothing
//   error                  `status` (default 503) to anything
//   hang                   never answers
//   redirect               307 to `location`
// and, as receivers that verify NO signature but still answer some deliveries with 4xx or 5xx:
//   dedupe                 200 to an event it has not seen (by body id or webhook-id), 409 to a repeat
//   burst                  200, but `status` (429 by default, with retry-after) to a delivery that
//                          arrives within `windowMs` of the one before: a rate limit
//   by-arrival             `answers[i]` to the i-th delivery, round and round: 2xx to the first
//                          of each pair, a flaky 5xx, 408 to the second…
// It starts with one secret (the old one) and switches to another when told, now or later, as a
// redeployed receiver would; or it reads the secret from a function at each delivery, as a
// receiver that looks its secret up in a store would. It records every delivery, body included: tests scan them for leaks.
// Plain ESM: runs under `node` as is.
import { verifyComposioWebhook } from '../../examples/verify-signature.js'
import { startFakeServer } from './http-fake.js'

/** @typedef {'verify' | 'refuse-unknown-events' | 'accept-all' | 'error' | 'hang' | 'redirect' | 'dedupe' | 'burst' | 'by-arrival'} ReceiverMode */
/**
 * @typedef {object} Delivery
 * @property {Record<string, string>} headers lower-cased names
 * @property {string} rawBody
 * @property {boolean} verified whether the signature verified with the secret held then
 * @property {number | undefined} status undefined for a hang
 * @property {number} at Date.now() when it arrived
 */
/**
 * @typedef {object} FakeReceiver
 * @property {string} url the webhook URL (path /hooks/composio)
 * @property {Delivery[]} deliveries
 * @property {(secret: string, afterMs?: number) => void} switchTo holds `secret` from `afterMs` on
 * @property {() => number | undefined} switchedAt Date.now() when the last switch took effect
 * @property {(mode: ReceiverMode) => void} setMode
 * @property {() => Promise<void>} close
 */

/** The event types a receiver of Composio's triggers knows. */
const KNOWN_TYPES = ['composio.trigger.message', 'composio.connected_account.expired']

/**
 * @param {object} options
 * @param {string | (() => string | undefined)} options.secret the secret it holds at first, or
 *   where it looks it up at each delivery
 * @param {ReceiverMode} [options.mode]
 * @param {number} [options.status] for mode `error`
 * @param {string} [options.location] for mode `redirect`
 * @param {number} [options.refusalStatus] for modes `verify` and `refuse-unknown-events` (default 401)
 * @param {number} [options.windowMs] for mode `burst` (default 1000)
 * @param {number[]} [options.answers] for mode `by-arrival`
 * @param {number} [options.latencyMs]
 * @returns {Promise<FakeReceiver>}
 */
export async function startFakeReceiver(options) {
  /** @type {() => string} */
  let secretNow =
    typeof options.secret === 'function'
      ? /** @type {() => string} */ (options.secret)
      : () => /** @type {string} */ (options.secret)
  let mode = options.mode ?? 'verify'
  /** @type {number | undefined} */
  let switchedAt
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set()
  /** @type {Delivery[]} */
  const deliveries = []
  /** Event ids and webhook-ids seen, for mode `dedupe`. */
  const seen = new Set()

  /** @param {import('./http-fake.js').RequestContext} ctx @returns {import('./http-fake.js').FaultAction} */
  function answer(ctx) {
    const secret = secretNow() ?? ''
    const verified = verifyComposioWebhook({ secret, headers: ctx.headers, rawBody: ctx.rawBody })
    const delivery = { headers: ctx.headers, rawBody: ctx.rawBody, verified, at: Date.now() }
    /** @type {import('./http-fake.js').FaultAction} */
    const action = decide(verified, ctx)
    deliveries.push({ ...delivery, status: 'status' in action ? action.status : undefined })
    return action
  }

  /**
   * @param {boolean} verified
   * @param {import('./http-fake.js').RequestContext} ctx
   * @returns {import('./http-fake.js').FaultAction}
   */
  function decide(verified, ctx) {
    const previous = deliveries.at(-1)
    switch (mode) {
      case 'dedupe': {
        const ids = [ctx.body?.id, ctx.headers['webhook-id']].filter(Boolean)
        const repeat = ids.some(id => seen.has(id))
        for (const id of ids) seen.add(id)
        return repeat ? { status: 409, body: { error: 'duplicate' } } : { status: 200 }
      }
      case 'burst':
        return previous && Date.now() - previous.at < (options.windowMs ?? 1000)
          ? { status: options.status ?? 429, headers: { 'retry-after': '1' }, body: 'slow down' }
          : { status: 200 }
      case 'by-arrival': {
        const answers = options.answers ?? [200, 401]
        return { status: answers[deliveries.length % answers.length] ?? 200 }
      }
      case 'accept-all':
        return { status: 200, body: { ok: true } }
      case 'error':
        return { status: options.status ?? 503, body: 'Service Unavailable' }
      case 'hang':
        return { hang: true }
      case 'redirect':
        return {
          status: 307,
          headers: { location: options.location ?? 'https://elsewhere.example/hooks/composio' }
        }
      case 'refuse-unknown-events':
      case 'verify':
        if (!verified)
          return { status: options.refusalStatus ?? 401, body: { error: 'invalid signature' } }
        return mode === 'refuse-unknown-events' && !KNOWN_TYPES.includes(ctx.body?.type)
          ? { status: 422, body: { error: 'unknown event type' } }
          : { status: 204 }
    }
  }

  const server = await startFakeServer({
    latencyMs: options.latencyMs ?? 0,
    handle: ctx => answer(ctx)
  })

  return {
    url: `${server.url}/hooks/composio`,
    deliveries,
    switchTo(next, afterMs = 0) {
      const apply = () => {
        secretNow = () => next
        switchedAt = Date.now()
      }
      if (afterMs <= 0) return apply()
      const timer = setTimeout(() => (timers.delete(timer), apply()), afterMs)
      timers.add(timer)
    },
    switchedAt: () => switchedAt,
    setMode: next => void (mode = next),
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      await server.close()
    }
  }
}
