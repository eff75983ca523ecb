// @ts-check
// Real TLS in front of the plain-http fakes: a throwaway certificate authority made with openssl
// (a child trusts it through NODE_EXTRA_CA_CERTS) and a TLS terminator that hands the decrypted
// stream to a fake, as the real server would. With the fake proxy's routes this lets the bundled
// action call https://api.github.com and https://backend.composio.dev, with certificate checks on,
// while nothing leaves the machine. Plain ESM: runs under `node` as is.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { listenOnLoopback } from './http-fake.js'

/** Whether openssl can be run here (the certificates need it). */
export const hasOpenssl = () => spawnSync('openssl', ['version']).status === 0

/**
 * @typedef {object} Certificates
 * @property {string} caFile the CA certificate (PEM), for NODE_EXTRA_CA_CERTS
 * @property {Buffer} key the leaf's private key (PEM)
 * @property {Buffer} cert the leaf certificate (PEM), valid for every name given
 * @property {() => void} dispose removes the files
 */

/**
 * A throwaway CA (P-256, valid for a day) and one leaf certificate it signed for `names`: host
 * names, or IP addresses (written as IP subject alternative names).
 * @param {string[]} names
 * @returns {Certificates}
 */
export function makeCertificates(names) {
  const dir = mkdtempSync(join(tmpdir(), 'rotate-tls-'))
  const file = (/** @type {string} */ name) => join(dir, name)
  const openssl = (/** @type {string[]} */ args) => execFileSync('openssl', args, { stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl([
    'req',
    '-x509',
    ...ec,
    '-days',
    '1',
    '-subj',
    '/CN=rotate-composio-webhook-secret test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign'
  ])
  openssl([
    'req',
    ...ec,
    '-subj',
    `/CN=${names[0]}`,
    '-keyout',
    file('leaf.key'),
    '-out',
    file('leaf.csr')
  ])
  const san = names.map(name => (net.isIP(name) ? `IP:${name}` : `DNS:${name}`)).join(',')
  writeFileSync(file('leaf.ext'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`)
  openssl([
    'x509',
    '-req',
    '-in',
    file('leaf.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('leaf.ext'),
    '-out',
    file('leaf.pem')
  ])
  return {
    caFile: file('ca.pem'),
    key: readFileSync(file('leaf.key')),
    cert: readFileSync(file('leaf.pem')),
    dispose: () => rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * @typedef {object} TlsFront
 * @property {string} url https://127.0.0.1:PORT
 * @property {number} port
 * @property {string[]} handshakes the server name (SNI) of each completed handshake; '' when the
 *   client sent none (it does not for an IP address)
 * @property {() => Promise<void>} close
 */

/**
 * A TLS server on a loopback port that decrypts each connection and pipes it to `target` (a
 * fake's http://127.0.0.1:PORT). One certificate serves every name it was made for.
 * @param {string} target
 * @param {{ key: Buffer, cert: Buffer }} credentials
 * @returns {Promise<TlsFront>}
 */
export async function startTlsFront(target, credentials) {
  const upstreamUrl = new URL(target)
  /** @type {string[]} */
  const handshakes = []
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  /** @param {import('node:net').Socket} socket */
  const track = socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  const server = tls.createServer(credentials, secure => {
    const servername = /** @type {{ servername?: string | false }} */ (secure).servername
    handshakes.push(typeof servername === 'string' ? servername : '')
    const upstream = net.connect(Number(upstreamUrl.port), upstreamUrl.hostname)
    track(upstream)
    secure.pipe(upstream).pipe(secure)
    upstream.on('error', () => secure.destroy())
    secure.on('error', () => upstream.destroy())
    secure.on('close', () => upstream.destroy())
  })
  server.on('connection', track)
  // A client that gives up on the handshake (a certificate it does not trust) is no error here.
  server.on('tlsClientError', () => undefined)
  const port = Number(new URL(await listenOnLoopback(server)).port)
  /** @type {Promise<void> | undefined} */
  let closing
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    handshakes,
    close() {
      closing ??= new Promise(resolve => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    }
  }
}
