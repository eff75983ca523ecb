// Self-hosted runners behind a proxy: HTTP_PROXY sends both Composio and GitHub traffic through
// a CONNECT tunnel, NO_PROXY exempts hosts, and proxy credentials are never printed. The bundled
// action against the local fakes (plain http on 127.0.0.1) and a fake CONNECT proxy.
import { afterEach, describe, expect, test } from '@jest/globals'
import { startFakeProxy, type FakeProxy } from '../fakes/proxy.js'
import type { RunResult } from '../fakes/runner.js'
import { leaks, startScenario, type Scenario } from '../support/scenario.js'

let scenario: Scenario
let proxy: FakeProxy
afterEach(async () => {
  await Promise.all([scenario?.close(), proxy?.close()])
})

const hostOf = (url: string): string => new URL(url).host

/** The run stored the rotated secret, printed nothing it must not, and did not crash. */
function expectStored(result: RunResult): void {
  const secret = scenario.composio.currentSecret('ws_123')!
  expect(result.code).toBe(0)
  expect(scenario.composio.rotations).toHaveLength(1)
  expect(scenario.github.secret('acme/app', 'COMPOSIO_WEBHOOK_SECRET')).toBe(secret)
  expect(leaks(result, secret)).toEqual([])
  // stderr holds at most undici's notice that EnvHttpProxyAgent is experimental.
  const stderr = result.stderr
    .split('\n')
    .filter(line => line !== '' && !/UNDICI-EHPA|--trace-warnings/.test(line))
  expect(stderr).toEqual([])
}

describe('behind an HTTP proxy', () => {
  test('HTTP_PROXY, no NO_PROXY: both APIs are reached through CONNECT tunnels', async () => {
    ;[scenario, proxy] = await Promise.all([startScenario(), startFakeProxy()])
    const result = await scenario.run({}, { env: { HTTP_PROXY: proxy.url } })
    expectStored(result)
    const targets = new Set(proxy.connects.map(c => c.target))
    expect(targets).toEqual(new Set([hostOf(scenario.composio.url), hostOf(scenario.github.url)]))
    expect(proxy.plainRequests).toEqual([])
  })

  test('lower-case http_proxy is honoured too', async () => {
    ;[scenario, proxy] = await Promise.all([startScenario(), startFakeProxy()])
    const result = await scenario.run({}, { env: { http_proxy: proxy.url } })
    expectStored(result)
    expect(proxy.connects.map(c => c.target)).toContain(hostOf(scenario.composio.url))
  })

  test('NO_PROXY=127.0.0.1: straight to both APIs, no CONNECT', async () => {
    ;[scenario, proxy] = await Promise.all([startScenario(), startFakeProxy()])
    const result = await scenario.run({}, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
    expectStored(result)
    expect(proxy.connects).toEqual([])
    expect(proxy.plainRequests).toEqual([])
  })

  test('proxy credentials in the URL go to the proxy only, and are never printed', async () => {
    ;[scenario, proxy] = await Promise.all([startScenario(), startFakeProxy()])
    const proxyUrl = proxy.url.replace('http://', 'http://runner:proxy-pass-5e1f@')
    const result = await scenario.run({}, { env: { HTTP_PROXY: proxyUrl } })
    expectStored(result)
    const basic = `Basic ${Buffer.from('runner:proxy-pass-5e1f').toString('base64')}`
    expect(proxy.connects.length).toBeGreaterThan(0)
    for (const connect of proxy.connects) expect(connect.proxyAuthorization).toBe(basic)
    // Nor do they reach the APIs behind the tunnel.
    for (const request of [...scenario.composio.requests, ...scenario.github.requests])
      expect(request.headers['proxy-authorization']).toBeUndefined()
    const printed = `${result.stdout}\n${result.stderr}\n${result.summary}`
    expect(printed).not.toContain('proxy-pass-5e1f')
    expect(printed).not.toContain(basic.slice(6))
  })
})
