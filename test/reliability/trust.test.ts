// Trust nothing received, on the bundle: redirects are refused (no credential follows one), a
// server-chosen key_id never reaches a shell, a recipe pasted into a shell runs exactly the
// request it shows, and no server text starts a line of the log.
import { afterEach, describe, expect, test } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composioError } from '../fakes/composio.js'
import type { RunResult } from '../fakes/runner.js'
import {
  API_KEY,
  NAME,
  READ,
  ROTATE,
  SECRET_WRITE,
  TOKEN,
  leaksOfAll,
  on,
  requestsTo,
  startScenario,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
let collector: { url: string; received: string[]; close(): Promise<void> } | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), collector?.close()])
  collector = undefined
})

/** A server on another loopback address that records whatever reaches it: headers included. */
async function startCollector(): Promise<NonNullable<typeof collector>> {
  const received: string[] = []
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x","secret":"stolen"}')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.2', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.2:${port}`,
    received,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

function errorOf(result: RunResult): string {
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!.replace(/%0A/g, '\n').replace(/%25/g, '%')
}

describe('redirects are refused, and no credential goes with one', () => {
  test.each([301, 302, 307, 308])(
    'Composio answers the rotation %s to another origin: not followed, not retried, nothing rotated',
    async status => {
      collector = await startCollector()
      const location = `${collector.url}/collect?key=1`
      scenario = await startScenario(
        {},
        { fault: on('POST', ROTATE, { status, headers: { location } }) }
      )
      scenario.composio.expectViolations() // Composio's description has no redirects
      const result = await scenario.run()
      const error = errorOf(result)
      expect(result.code).toBe(1)
      expect(collector.received).toEqual([])
      expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(1)
      expect(scenario.composio.rotations).toHaveLength(0)
      expect(error).toContain(
        `answered HTTP ${status}, a redirect to ${collector.url}, which is not followed`
      )
      expect(error).not.toContain('/collect')
      expect(error).toContain(
        'Nothing was rotated and nothing written: the old secret still works.'
      )
      expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
      expect(result.stdout.replace(`::add-mask::${API_KEY}`, '')).not.toContain(API_KEY)
    }
  )

  test("Composio's read redirects: the run stops before the rotation", async () => {
    collector = await startCollector()
    scenario = await startScenario(
      {},
      { fault: on('GET', READ, { status: 302, headers: { location: `${collector.url}/` } }) }
    )
    scenario.composio.expectViolations() // Composio's description has no redirects
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /Nothing was rotated.*HTTP 302, a redirect to http:\/\/127\.0\.0\.2/s
    )
    expect(collector.received).toEqual([])
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
  })

  test("GitHub's public-key read redirects: the token is never sent there, nothing rotated", async () => {
    collector = await startCollector()
    scenario = await startScenario({
      fault: on('GET', /\/public-key$/, {
        status: 301,
        headers: { location: `${collector.url}/k` }
      })
    })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /could not read the public key: answered HTTP 301, a redirect to http:\/\/127\.0\.0\.2/
    )
    expect(collector.received).toEqual([])
    // Asked once: a refused redirect is not retried (it would only be redirected again).
    expect(requestsTo(scenario.github, 'GET', /\/public-key$/)).toBe(1)
    expect(scenario.composio.rotations).toHaveLength(0)
  })

  test('a write after the rotation redirects: not followed, and its recipe is printed', async () => {
    collector = await startCollector()
    scenario = await startScenario({
      fault: on('PUT', SECRET_WRITE, { status: 307, headers: { location: `${collector.url}/w` } })
    })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(1)
    expect(errorOf(result)).toMatch(
      /acme\/app: NOT WRITTEN \(answered HTTP 307, a redirect to http:\/\/127\.0\.0\.2:\d+, which is not followed/
    )
    expect(collector.received).toEqual([])
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})

describe('a key_id chosen by whoever answered the key read never reaches a shell', () => {
  test('a key_id that is not digits is refused in preflight: nothing rotated, nothing run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotate-trust-'))
    try {
      scenario = await startScenario({
        fault: on('GET', /\/public-key$/, {
          status: 200,
          body: {
            key_id: `1'$(touch ${join(dir, 'PWNED')})'`,
            key: Buffer.alloc(32, 1).toString('base64')
          }
        })
      })
      const result = await scenario.run()
      expect(result.code).toBe(1)
      expect(errorOf(result)).toContain('has a key_id that is not a number, as GitHub issues them')
      expect(result.stdout).not.toContain('touch')
      expect(scenario.composio.rotations).toHaveLength(0)
      expect(existsSync(join(dir, 'PWNED'))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

const hasCurl = spawnSync('curl', ['--version']).status === 0

/** Text inside the summary's HTML, as a browser shows it (and a reader copies it). */
const unescapeHtml = (html: string): string =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Runs `block` whole in bash, in `dir`, with only PATH and GITHUB_TOKEN set: its exit code. */
async function pasteIntoBash(block: string, dir: string): Promise<number | null> {
  // Asynchronously: the fake GitHub that curl talks to runs in this process.
  const shell = spawn('bash', ['-c', block], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', GITHUB_TOKEN: TOKEN },
    stdio: 'ignore'
  })
  return new Promise(resolve => shell.on('close', resolve))
}

describe('a recipe pasted into a shell', () => {
  // An environment name with quotes and a command substitution in it: GitHub allows such names.
  const HOSTILE = `prod'$(touch PWNED)'"$(touch PWNED2)"`
  ;(hasCurl ? test : test.skip)(
    'the whole block, from the log and from the summary, sends exactly the request it shows, and runs nothing else',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rotate-recipe-'))
      try {
        // Every attempt of the run fails (three, with Octokit's retries); then the recipes.
        scenario = await startScenario({
          repositories: { 'acme/app': { environments: [HOSTILE] } },
          fault: on('PUT', SECRET_WRITE, ({ attempt }) =>
            attempt <= 3 ? { status: 502, body: 'Bad Gateway' } : undefined
          )
        })
        const result = await scenario.run({ environment: HOSTILE })
        expect(result.code).toBe(1)
        const lines = errorOf(result).split('\n')
        const start = lines.findIndex(line => line.startsWith('# To finish '))
        const fromLog = lines.slice(start, start + 6).join('\n')
        const blocks = [...result.summary.matchAll(/<pre lang="sh"><code>([^]*?)<\/code><\/pre>/g)]
        expect(blocks).toHaveLength(1)
        const fromSummary = unescapeHtml(blocks[0]![1]!)
        expect(fromSummary).toBe(fromLog)
        const target = `acme/app@${HOSTILE}`
        const secret = scenario.composio.currentSecret('ws_123')!
        for (const [writes, block] of [fromLog, fromSummary].entries()) {
          expect(await pasteIntoBash(block, dir)).toBe(0)
          // The fake opened the sealed value with the target's key: it is the rotated secret.
          expect(scenario.github.secretEntry(target, NAME)).toMatchObject({
            value: secret,
            writes: writes + 1
          })
        }
        expect(existsSync(join(dir, 'PWNED'))).toBe(false)
        expect(existsSync(join(dir, 'PWNED2'))).toBe(false)
        expect(leaksOfAll(result, scenario.composio)).toEqual([])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    20_000
  )
})

describe('no server text starts a line of the log', () => {
  const INJECTED = 'bad\n::stop-commands::pwned\n::error::forged\r\n::add-mask::x'
  const started = (result: RunResult, prefix: string): boolean =>
    result.stdout.split('\n').some(line => line.startsWith(prefix))

  test("Composio's error message", async () => {
    scenario = await startScenario(
      {},
      { fault: on('GET', READ, composioError(401, 'APIKey_InvalidAPIKey', INJECTED)) }
    )
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(started(result, '::stop-commands::')).toBe(false)
    expect(result.stdout.split('\n').filter(line => line.startsWith('::error::'))).toHaveLength(1)
    expect(errorOf(result)).toContain('bad ::stop-commands::pwned ::error::forged ::add-mask::x')
  })

  test("Composio's 5xx message, in the retry warning and the error", async () => {
    scenario = await startScenario(
      {},
      { fault: on('POST', ROTATE, composioError(503, 'Unavailable', INJECTED)) }
    )
    const result = await scenario.run()
    expect(started(result, '::stop-commands::')).toBe(false)
    expect(started(result, '::add-mask::x')).toBe(false)
  })

  test("GitHub's error message", async () => {
    scenario = await startScenario({
      fault: on('GET', /\/public-key$/, { status: 404, body: { message: INJECTED } })
    })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(started(result, '::stop-commands::')).toBe(false)
    expect(started(result, '::error::forged')).toBe(false)
  })
})
