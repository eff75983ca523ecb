// @ts-check
// A fake of the HTTP proxy a self-hosted runner sits behind: it tunnels CONNECT requests to their
// target with node:net and logs each one. Plain requests in absolute form (proxying without a
// tunnel) are logged and refused, so a test sees which way a client went. Plain ESM: runs under
// `node` as is.
import http from 'node:http'
import net from 'node:net'
import { listenOnLoopback } from './http-fake.js'

/**
 * @typedef {object} ProxiedConnect
 * @property {string} target host:port, as the client asked
 * @property {string | undefined} proxyAuthorization the Proxy-Authorization header, if any
 */
/**
 * @typedef {object} FakeProxy
 * @property {string} url http://127.0.0.1:PORT
 * @property {ProxiedConnect[]} connects every CONNECT, in order of arrival
 * @property {string[]} plainRequests `METHOD url` of requests sent without a tunnel (refused)
 * @property {() => Promise<void>} close
 */

/** @returns {Promise<FakeProxy>} */
export async function startFakeProxy() {
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
    const target = req.url ?? ''
    const auth = req.headers['proxy-authorization']
    connects.push({ target, proxyAuthorization: auth })
    const colon = target.lastIndexOf(':')
    const host = target.slice(0, colon).replace(/^\[|\]$/g, '')
    const port = Number(target.slice(colon + 1))
    const upstream = net.connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    track(upstream)
    upstream.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    })
    client.on('error', () => upstream.destroy())
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
