// @ts-check
// `node scripts/fakes.js [--proxy]`: the built-in fakes of Composio and GitHub on fixed loopback
// ports, for `npm run local-action` (.env.example points at them) and CI's end-to-end job. Runs
// until Ctrl-C.
//
// The fakes themselves listen on random ports (tests run many at once); this script puts each
// behind a small forwarder on a fixed port, and answers `GET /__fakes/status` on both with what
// happened so far: rotations and stored secrets, as fingerprints only (never a secret's value),
// and `violations`: requests (and answers of the fake's own) that break GitHub's OpenAPI
// description. Each is also printed to stderr as it happens, and makes the script exit 1 when
// stopped.
//
// --proxy adds an HTTPS proxy that answers CONNECT api.github.com:443 with the fake GitHub, behind
// a throwaway certificate authority (made with openssl, written to FAKE_CA_FILE). A workflow step
// cannot point GITHUB_API_URL elsewhere (the runner overwrites GITHUB_* variables from the github
// context), but it can set HTTPS_PROXY and NODE_EXTRA_CA_CERTS: so CI runs the action with
// `uses: ./` against the fakes, and exercises the proxy support on the way.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import tls from 'node:tls'
import { startFakeComposio } from '../test/fakes/composio.js'
import { formatViolations, startFakeGitHub } from '../test/fakes/github.js'
import { makeCertificates } from '../test/fakes/tls.js'

const COMPOSIO_PORT = Number(process.env['FAKE_COMPOSIO_PORT'] || 4010)
const GITHUB_PORT = Number(process.env['FAKE_GITHUB_PORT'] || 4011)
const PROXY_PORT = Number(process.env['FAKE_PROXY_PORT'] || 4012)
const SECRET_NAME = process.env['FAKE_SECRET_NAME'] || 'COMPOSIO_WEBHOOK_SECRET'
const WITH_PROXY = process.argv.includes('--proxy')
/** The only host the proxy answers for; anything else is refused, so nothing leaves the machine. */
const INTERCEPTED = 'api.github.com:443'

// Enough to run every example: one subscription per stage, and repositories with environments.
const SUBSCRIPTIONS = ['ws_demo', 'ws_dev', 'ws_staging', 'ws_prod']
const REPOSITORIES = {
  'acme/app': { environments: ['dev', 'staging', 'production'] },
  'acme/api': { environments: ['production'] }
}
const ORGANIZATIONS = { acme: { repositories: ['app', 'api', 'web'] } }
const SCOPES = [
  ...Object.entries(REPOSITORIES).flatMap(([name, r]) => [
    name,
    ...r.environments.map(env => `${name}@${env}`)
  ]),
  ...Object.keys(ORGANIZATIONS).map(org => `org:${org}`)
]

/** @param {string | undefined} secret */
const fingerprint = secret =>
  secret === undefined
    ? null
    : createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)

const composio = await startFakeComposio({ subscriptions: SUBSCRIPTIONS })
const github = await startFakeGitHub({
  repositories: REPOSITORIES,
  organizations: ORGANIZATIONS,
  onViolation: violation =>
    process.stderr.write(
      `fake GitHub: violation of GitHub's OpenAPI description\n${formatViolations([violation])}\n`
    )
})

function status() {
  return {
    rotations: composio.rotations.map(r => ({ id: r.id, fingerprint: fingerprint(r.secret) })),
    subscriptions: Object.fromEntries(
      SUBSCRIPTIONS.map(id => [id, fingerprint(composio.currentSecret(id))])
    ),
    secrets: Object.fromEntries(
      SCOPES.map(scope => [scope, fingerprint(github.secret(scope, SECRET_NAME))])
    ),
    requests: { composio: composio.requests.length, github: github.requests.length },
    violations: github.violations
  }
}

/**
 * A forwarder on a fixed loopback port to a fake on a random one.
 * @param {number} port
 * @param {string} target the fake's URL
 * @returns {Promise<http.Server>}
 */
function forward(port, target) {
  const upstream = new URL(target)
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/__fakes/status') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(status(), null, 2))
      return
    }
    const proxied = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    proxied.on('error', () => res.destroy())
    req.pipe(proxied)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

/**
 * A throwaway CA and a certificate for api.github.com signed by it, valid for a day; the CA is
 * copied to FAKE_CA_FILE when that is set.
 * @returns {{ caFile: string, key: Buffer, cert: Buffer }}
 */
function certificates() {
  const { caFile, key, cert } = makeCertificates(['api.github.com'])
  const wanted = process.env['FAKE_CA_FILE']
  if (!wanted) return { caFile, key, cert }
  writeFileSync(wanted, readFileSync(caFile))
  return { caFile: wanted, key, cert }
}

/**
 * An HTTPS proxy that opens CONNECT tunnels to api.github.com:443 only, terminates TLS with the
 * fake certificate and hands the requests to the fake GitHub's forwarder.
 * @param {number} port
 * @param {http.Server} githubForwarder
 * @param {{ key: Buffer, cert: Buffer }} credentials
 * @returns {Promise<http.Server>}
 */
function interceptingProxy(port, githubForwarder, credentials) {
  const proxy = http.createServer((_req, res) => {
    res.writeHead(405)
    res.end('CONNECT only\n')
  })
  proxy.on('connect', (req, socket, head) => {
    if (req.url !== INTERCEPTED) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) socket.unshift(head)
    const secure = new tls.TLSSocket(socket, { isServer: true, ...credentials })
    secure.on('error', () => socket.destroy())
    githubForwarder.emit('connection', secure)
  })
  return new Promise((resolve, reject) => {
    proxy.once('error', reject)
    proxy.listen(port, '127.0.0.1', () => resolve(proxy))
  })
}

/** @type {http.Server[]} */
let servers
/** @type {string | undefined} */
let caFile
try {
  servers = await Promise.all([
    forward(COMPOSIO_PORT, composio.url),
    forward(GITHUB_PORT, github.url)
  ])
  if (WITH_PROXY) {
    const { caFile: file, ...credentials } = certificates()
    caFile = file
    servers.push(
      await interceptingProxy(PROXY_PORT, /** @type {http.Server} */ (servers[1]), credentials)
    )
  }
} catch (error) {
  console.error(
    `Cannot start the fakes on 127.0.0.1:${COMPOSIO_PORT}, :${GITHUB_PORT}${WITH_PROXY ? ` and :${PROXY_PORT}` : ''} (${String(error)}). ` +
      'Set FAKE_COMPOSIO_PORT, FAKE_GITHUB_PORT and FAKE_PROXY_PORT to free ports.'
  )
  await Promise.all([composio.close(), github.close()])
  process.exit(1)
}

console.log(`Fake Composio: http://127.0.0.1:${COMPOSIO_PORT}  (composio-base-url)`)
console.log(`Fake GitHub:   http://127.0.0.1:${GITHUB_PORT}  (GITHUB_API_URL)`)
console.log(`Subscriptions: ${SUBSCRIPTIONS.join(', ')}   API key: ak_fake_project_key`)
console.log(`Targets:       ${SCOPES.join(', ')}   GitHub token: ghs_fake_token`)
console.log(`Status:        http://127.0.0.1:${GITHUB_PORT}/__fakes/status`)
if (caFile) {
  console.log(
    `Proxy:         HTTPS_PROXY=http://127.0.0.1:${PROXY_PORT}  NODE_EXTRA_CA_CERTS=${caFile}`
  )
  console.log(`               (answers ${INTERCEPTED} with the fake GitHub; refuses anything else)`)
}
console.log('Running until Ctrl-C.')

const stop = () => {
  for (const server of servers) server.close()
  void Promise.all([composio.close(), github.close()]).then(() =>
    process.exit(github.violations.length > 0 ? 1 : 0)
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
