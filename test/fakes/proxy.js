// @ts-check
// A fake of the HTTP proxy a self-hosted runner sits behind. It answers CONNECT for the targets in
// its `routes` only, each with a local server (a TLS front of a fake, see ./tls.js), and refuses
// every other target with 403: a client may name real hosts (api.github.com:443) and still nothing
// leaves the machine. It does not decrypt anything: like a real proxy, it sees the CONNECT request
// and then opaque bytes, and it logs both, so a test can tell what a proxy could read. Plain
// requests in absolute form (proxying without a tunnel) are logged and refused. Optionally it
// demands credentials (Proxy-Authorization: Basic), answering 407 without them. Plain ESM: runs
// under `node` as is.
import http from 'node:http'
import net from 'node:net'
import { listenOnLoopback } from './http-fake.js'

/** What is kept of a tunnel's client bytes: enough for a run's requests, bounded all the same. */
const MAX_RECORDED_BYTES = 4 * 1024 * 1024

/**
 * @typedef {object} ProxiedConnect
 * @property {string} target host:port, as the client asked
 * @property {Record<string, string>} headers the CONNECT request's headers (lower-cased names)
 * @property {string | undefined} proxyAuthorization the Proxy-Authorization header, if any
 * @property {200 | 403 | 407 | 502} status 200 tunnel, 403 target not routed, 407 credentials
 *   missing or wrong, 502 the local server could not be reached
 * @property {Buffer[]} sent what the client sent through the tunnel after the CONNECT, as the
 *   proxy saw it (TLS records, for an https client)
 */
/**
 * @typedef {object} FakeProxy
 * @property {string} url http://127.0.0.1:PORT
 * @property {ProxiedConnect[]} connects every CONNECT, in order of arrival
 * @property {string[]} plainRequests `METHOD url` of requests sent without a tunnel (refused)
 * @property {() => Promise<void>} close
 */
/**
 * @typedef {object} FakeProxyOptions
 * @property {Record<string, string>} [routes] CONNECT target (`api.github.com:443`) → the local
 *   server that answers it (`https://127.0.0.1:PORT`, a TLS front's url); anything else is refused
 * @property {string} [credentials] `user:password`: CONNECT without exactly these gets 407
 */

/**
 * @param {FakeProxyOptions} [options]
 * @returns {Promise<FakeProxy>}
 */
export async function startFakeProxy(options = {}) {
  const routes = new Map(
    Object.entries(options.routes ?? {}).map(([target, url]) => [target, new URL(url)])
  )
  const expectedAuth =
    options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(options.credentials, 'utf8').toString('base64')}`
  /** @type {ProxiedConnect[]} */
  const connects = []
  /** @type {string[]} */
  const plainRequests = []
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  /** @param {import('node:net').Socket} socket */
  const track = socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }

  const server = http.createServer((req, res) => {
    plainRequests.push(`${req.method} ${req.url}`)
    res.writeHead(405, { 'content-type': 'text/plain' }).end('this proxy only tunnels (CONNECT)')
  })
  server.on('connection', track)
  server.on('connect', (req, clientSocket, head) => {
    const client = /** @type {import('node:net').Socket} */ (clientSocket)
    client.on('error', () => client.destroy())
    const target = req.url ?? ''
    /** @type {Record<string, string>} */
    const headers = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    /** @type {ProxiedConnect} */
    const connect = {
      target,
      headers,
      proxyAuthorization: headers['proxy-authorization'],
      status: 200,
      sent: []
    }
    connects.push(connect)
    /** @param {403 | 407 | 502} status @param {string} reason @param {string} [extra] */
    const refuse = (status, reason, extra = '') => {
      connect.status = status
      client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\n\r\n`)
    }
    if (expectedAuth !== undefined && connect.proxyAuthorization !== expectedAuth) {
      refuse(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="fake"\r\n')
      return
    }
    const route = routes.get(target)
    if (route === undefined) {
      refuse(403, 'Forbidden')
      return
    }
    let established = false
    let recorded = 0
    /** @param {Buffer} chunk */
    const record = chunk => {
      if (recorded >= MAX_RECORDED_BYTES) return
      connect.sent.push(chunk.subarray(0, MAX_RECORDED_BYTES - recorded))
      recorded += chunk.length
    }
    const upstream = net.connect(Number(route.port), route.hostname, () => {
      established = true
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) {
        record(head)
        upstream.write(head)
      }
      client.on('data', record)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    track(upstream)
    upstream.on('error', () => {
      if (established) client.destroy()
      else if (client.writable) refuse(502, 'Bad Gateway')
    })
    client.on('close', () => upstream.destroy())
  })

  const url = await listenOnLoopback(server)
  /** @type {Promise<void> | undefined} */
  let closing
  return {
    url,
    connects,
    plainRequests,
    close() {
      closing ??= new Promise(resolve => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    }
  }
}
