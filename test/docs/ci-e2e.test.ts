// What CI's e2e job and the README's Local runs and Proxy sections rely on, run here:
// `node scripts/fakes.js --proxy` serves the fakes on the ports it is given, and the bundled action,
// with GITHUB_API_URL left at https://api.github.com as on a real runner, reaches the fake GitHub
// through HTTPS_PROXY (a CONNECT tunnel, TLS trusted through NODE_EXTRA_CA_CERTS).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { NODE24, ROOT, runAction } from '../fakes/runner.js'

const hasOpenssl = spawnSync('openssl', ['version']).status === 0
const describeWithOpenssl = hasOpenssl ? describe : describe.skip

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

type Status = {
  rotations: { id: string; fingerprint: string }[]
  subscriptions: Record<string, string | null>
  secrets: Record<string, string | null>
  violations: unknown[]
}

describeWithOpenssl('scripts/fakes.js --proxy and the bundled action behind HTTPS_PROXY', () => {
  let fakes: ChildProcess
  let dir: string
  const ports = { composio: 0, github: 0, proxy: 0 }
  const status = async (): Promise<Status> =>
    (await (await fetch(`http://127.0.0.1:${ports.github}/__fakes/status`)).json()) as Status

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fakes-e2e-'))
    ports.composio = await freePort()
    ports.github = await freePort()
    ports.proxy = await freePort()
    fakes = spawn(process.execPath, [join(ROOT, 'scripts', 'fakes.js'), '--proxy'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        FAKE_COMPOSIO_PORT: String(ports.composio),
        FAKE_GITHUB_PORT: String(ports.github),
        FAKE_PROXY_PORT: String(ports.proxy),
        FAKE_CA_FILE: join(dir, 'ca.pem')
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let printed = ''
    await new Promise<void>((resolve, reject) => {
      fakes.stdout?.on('data', chunk => {
        printed += String(chunk)
        if (printed.includes('Running until Ctrl-C.')) resolve()
      })
      fakes.stderr?.on('data', chunk => (printed += String(chunk)))
      fakes.on('exit', code => reject(new Error(`fakes exited ${code}: ${printed}`)))
    })
    expect(printed).toContain(`NODE_EXTRA_CA_CERTS=${join(dir, 'ca.pem')}`)
  })

  afterAll(async () => {
    if (fakes && fakes.exitCode === null) {
      const exited = new Promise(resolve => fakes.once('exit', resolve))
      fakes.kill('SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  })

  test('rotates once and stores the secret in every target, through the proxy', async () => {
    const result = await runAction({
      node: NODE24,
      inputs: {
        'subscription-id': 'ws_demo',
        'api-key': 'ak_fake_project_key',
        'github-token': 'ghs_fake_token',
        'composio-base-url': `http://127.0.0.1:${ports.composio}`,
        targets: 'acme/app\nacme/app@production\norg:acme',
        'timeout-seconds': '5'
      },
      env: {
        GITHUB_API_URL: 'https://api.github.com',
        HTTPS_PROXY: `http://127.0.0.1:${ports.proxy}`,
        NO_PROXY: '127.0.0.1,localhost',
        NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem')
      }
    })
    expect(result.stdout).not.toContain('::error::')
    expect(result.code).toBe(0)
    const fingerprint = result.outputs['fingerprint']
    const seen = await status()
    expect(seen.rotations).toEqual([{ id: 'ws_demo', fingerprint }])
    expect(seen.subscriptions['ws_demo']).toBe(fingerprint)
    for (const target of ['acme/app', 'acme/app@production', 'org:acme']) {
      expect([target, seen.secrets[target]]).toEqual([target, fingerprint])
    }
    expect(JSON.parse(result.outputs['targets'] ?? '')).toEqual([
      'acme/app',
      'acme/app@production',
      'org:acme'
    ])
    // Every request the action sent, and every answer, fits GitHub's OpenAPI description.
    expect(seen.violations).toEqual([])
    // The status endpoint reports fingerprints, never a secret.
    expect(JSON.stringify(seen)).not.toContain(result.outputs['secret'])
  })

  test('the proxy tunnels to api.github.com only, so nothing leaves the machine', async () => {
    const answer = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port: ports.proxy,
        method: 'CONNECT',
        path: 'example.com:443'
      })
      request.on('connect', response => {
        response.socket.destroy()
        resolve(response.statusCode)
      })
      request.on('error', reject)
      request.end()
    })
    expect(answer).toBe(403)
  })
})
