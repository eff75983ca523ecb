// @ts-check
// Shared plumbing for the fake GitHub and Composio servers: request log, latency, fault
// injection (reply / hang / reset / drip) and JSON replies. Plain ESM: runs under `node` as is.
import http from 'node:http'

/**
 * A canned answer. An object body is sent as JSON, a string body as text/plain (override the
 * content-type with `headers`).
 * @typedef {object} ReplyAction
 * @property {number} status
 * @property {string | object} [body]
 * @property {Record<string, string>} [headers]
 */
/** @typedef {{ hang: true }} HangAction Accept the request and never answer (until close()). */
/** @typedef {{ reset: true }} ResetAction Reset the connection without answering. */
/**
 * Send the headers, then the body one byte every `dripMs`. Without `status`, the body is the
 * fake's normal answer to the request (a slow but otherwise real response).
 * @typedef {object} DripAction
 * @property {number} dripMs
 * @property {number} [status]
 * @property {string | object} [body]
 * @property {Record<string, string>} [headers]
 */
/** @typedef {ReplyAction | HangAction | ResetAction | DripAction} FaultAction */
/** @typedef {{ method: string, path: string, attempt: number }} FaultRequest */

/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path without the query string, as sent (not URL-decoded)
 * @property {Record<string, string>} query
 * @property {number | undefined} status undefined while pending, and for hang / reset
 * @property {number} startedAt performance.now() when the request arrived
 * @property {number | undefined} endedAt performance.now() when the response finished
 * @property {Record<string, string>} headers lower-cased names
 * @property {any} body parsed JSON, or undefined (empty or not JSON)
 * @property {number} attempt 1-based count of requests with the same method + path
 * @property {'reply' | 'hang' | 'reset' | 'drip' | undefined} fault set when a fault applied
 */

/**
 * What a route handler sees.
 * @typedef {object} RequestContext
 * @property {string} method
 * @property {string} path
 * @property {string[] | undefined} segments URL-decoded path segments; undefined if malformed
 * @property {URLSearchParams} searchParams
 * @property {Record<string, string>} headers
 * @property {string} rawBody
 * @property {any} body parsed JSON, or undefined
 * @property {boolean} badJson true when a non-empty body was not valid JSON
 */

/**
 * @typedef {object} FakeServer
 * @property {string} url
 * @property {LoggedRequest[]} requests
 * @property {() => Promise<void>} close
 * @property {(ms: number) => void} setLatency
 * @property {(fn: ((req: FaultRequest) => unknown) | undefined) => void} setFault
 */

/**
 * @param {unknown} a
 * @returns {a is FaultAction}
 */
export function isFaultAction(a) {
  return (
    typeof a === 'object' &&
    a !== null &&
    ('hang' in a || 'reset' in a || 'dripMs' in a || 'status' in a)
  )
}

/**
 * A drip without its own status takes the status, body and headers of `reply`.
 * @param {FaultAction} action
 * @param {() => FaultAction | Promise<FaultAction>} realReply
 * @returns {Promise<FaultAction>}
 */
export async function fillDrip(action, realReply) {
  if (!('dripMs' in action) || action.status !== undefined) return action
  const real = await realReply()
  return 'status' in real && !('dripMs' in real) ? { ...real, dripMs: action.dripMs } : real
}

/**
 * Match URL-decoded segments against a pattern like 'repos/:owner/:repo'.
 * @param {string[] | undefined} segments
 * @param {string} pattern
 * @returns {Record<string, string> | undefined}
 */
export function matchPath(segments, pattern) {
  const parts = pattern.split('/')
  if (!segments || segments.length !== parts.length) return undefined
  /** @type {Record<string, string>} */
  const params = {}
  for (let i = 0; i < parts.length; i++) {
    const part = /** @type {string} */ (parts[i])
    const seg = /** @type {string} */ (segments[i])
    if (part.startsWith(':')) params[part.slice(1)] = seg
    else if (part !== seg) return undefined
  }
  return params
}

/**
 * Listens on an ephemeral loopback port; returns the server's base URL.
 * @param {import('node:net').Server} server
 * @returns {Promise<string>}
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  return `http://127.0.0.1:${address.port}`
}

/**
 * Start an HTTP server on 127.0.0.1:0. `handle` answers requests that no fault took over; it
 * also receives any fault result that is not a plain FaultAction (`extra`, e.g. Composio's
 * `{ rotateThen }`) and decides what to do with it. `check`, when given, sees every request once
 * its body is read, before faults; an action it returns answers the request in place of faults
 * and `handle` (the fake GitHub refuses requests that break GitHub's OpenAPI description so).
 * @template [X=never]
 * @param {object} options
 * @param {number} [options.latencyMs]
 * @param {((req: FaultRequest) => FaultAction | X | undefined)} [options.fault]
 * @param {(ctx: RequestContext) => FaultAction | undefined} [options.check]
 * @param {(ctx: RequestContext, extra: X | undefined) => FaultAction | Promise<FaultAction>} options.handle
 * @returns {Promise<FakeServer>}
 */
export async function startFakeServer(options) {
  let latencyMs = options.latencyMs ?? 0
  /** @type {((req: FaultRequest) => unknown) | undefined} */
  let fault = options.fault
  let closed = false
  /** @type {LoggedRequest[]} */
  const requests = []
  /** @type {Map<string, number>} */
  const attempts = new Map()
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set()

  /** @param {number} ms @param {() => void} fn */
  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t)
      if (!closed) fn()
    }, ms)
    timers.add(t)
  }
  /** @param {number} ms @returns {Promise<void>} */
  const sleep = ms => (ms > 0 ? new Promise(resolve => later(ms, resolve)) : Promise.resolve())

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function onRequest(req, res) {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    const key = `${method} ${path}`
    const attempt = (attempts.get(key) ?? 0) + 1
    attempts.set(key, attempt)
    /** @type {LoggedRequest} */
    const entry = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: undefined,
      startedAt: globalThis.performance.now(),
      endedAt: undefined,
      headers: flattenHeaders(req.headers),
      body: undefined,
      attempt,
      fault: undefined
    }
    requests.push(entry)

    const rawBody = await readBody(req)
    let body,
      badJson = false
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody)
      } catch {
        badJson = true
      }
    }
    entry.body = body
    /** @type {RequestContext} */
    const ctx = {
      method,
      path,
      segments: decodeSegments(path),
      searchParams: url.searchParams,
      headers: entry.headers,
      rawBody,
      body,
      badJson
    }

    /** @type {FaultAction | undefined} */
    let refused
    try {
      refused = options.check?.(ctx)
    } catch (err) {
      refused = { status: 500, body: { message: `fake server error: ${String(err)}` } }
    }
    const f = refused ? undefined : fault?.({ method, path, attempt })
    await sleep(latencyMs)
    if (closed || req.socket.destroyed) return

    /** @type {FaultAction} */
    let action
    try {
      if (refused) action = refused
      else if (isFaultAction(f)) action = await fillDrip(f, () => options.handle(ctx, undefined))
      else action = await options.handle(ctx, /** @type {X | undefined} */ (f ?? undefined))
    } catch (err) {
      action = { status: 500, body: { message: `fake server error: ${String(err)}` } }
    }
    if (f !== undefined) entry.fault = kindOf(action)
    send(action, req, res, entry)
  }

  /**
   * @param {FaultAction} action
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {LoggedRequest} entry
   */
  function send(action, req, res, entry) {
    if ('hang' in action) return // the socket stays open until close()
    if ('reset' in action) {
      req.socket.resetAndDestroy()
      return
    }
    const { payload, contentType } = encodeBody(action.body)
    /** @type {Record<string, string>} */
    const headers = {}
    if (contentType) headers['content-type'] = contentType
    const status = action.status ?? 200
    if (status !== 204 && status !== 304) headers['content-length'] = String(payload.length)
    for (const [k, v] of Object.entries(action.headers ?? {})) headers[k.toLowerCase()] = v
    entry.status = status
    res.on('finish', () => (entry.endedAt = globalThis.performance.now()))
    res.writeHead(status, headers)
    if (!('dripMs' in action)) {
      res.end(payload)
      return
    }
    res.flushHeaders()
    const dripMs = action.dripMs
    let i = 0
    // The last byte ends the response: `endedAt` is when the client can have the whole answer. (An
    // end one drip after it made the bench see a dispatch "before" the write it followed.)
    const tick = () => {
      if (res.destroyed) return
      const byte = payload.subarray(i, ++i)
      if (i >= payload.length) return void res.end(byte)
      res.write(byte)
      later(dripMs, tick)
    }
    later(dripMs, tick)
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch(() => req.socket.destroy())
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const url = await listenOnLoopback(server)

  /** @type {Promise<void> | undefined} */
  let closing
  return {
    url,
    requests,
    close() {
      closing ??= new Promise(resolve => {
        closed = true
        for (const t of timers) clearTimeout(t)
        timers.clear()
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
      return closing
    },
    setLatency(ms) {
      latencyMs = ms
    },
    setFault(fn) {
      fault = fn
    }
  }
}

/** @param {FaultAction} action @returns {LoggedRequest['fault']} */
function kindOf(action) {
  if ('hang' in action) return 'hang'
  if ('reset' in action) return 'reset'
  return 'dripMs' in action ? 'drip' : 'reply'
}

/** @param {string | object | undefined} body */
function encodeBody(body) {
  if (body === undefined) return { payload: Buffer.alloc(0), contentType: undefined }
  if (typeof body === 'string')
    return { payload: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' }
  return { payload: Buffer.from(JSON.stringify(body), 'utf8'), contentType: 'application/json' }
}

/** @param {http.IncomingHttpHeaders} raw @returns {Record<string, string>} */
function flattenHeaders(raw) {
  /** @type {Record<string, string>} */
  const out = {}
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

/** @param {string} path @returns {string[] | undefined} */
function decodeSegments(path) {
  try {
    return path.split('/').slice(1).map(decodeURIComponent)
  } catch {
    return undefined
  }
}

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', (/** @type {Buffer} */ c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
