// What docs/local-runs.md and .env.example say about a local run is what happens: how
// @github/local-action passes a value with spaces (checked by running it), how many credentials
// to give, and what ACTIONS_STEP_DEBUG shows (the lines docs/security.md quotes are the ones
// src/http/http-log.ts prints).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, test } from '@jest/globals'
import { logRequests } from '../../src/http/http-log.js'
import { API_KEY, TOKEN, startScenario, type Scenario } from '../support/scenario.js'
import { ROOT, codeBlocks, read, section } from './markdown.js'

const page = read('docs/local-runs.md')
const env = read('.env.example')
const dir = mkdtempSync(join(tmpdir(), 'local-runs-'))
let scenario: Scenario | undefined
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await scenario?.close()
})

/** Runs the source under local-action with a .env of `lines`; what it printed, and its exit code. */
async function localRun(name: string, lines: string[]): Promise<{ output: string; code: number }> {
  const file = join(dir, name)
  writeFileSync(file, `${lines.join('\n')}\n`)
  const bin = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js')
  // local-action finds @actions/core by `npm ls` and stubs that path: where node_modules is a
  // symlink (a worktree), Node would load the real path and escape the stand-in a fresh clone gets.
  const env = { PATH: process.env['PATH'] ?? '', HOME: dir, NODE_OPTIONS: '--preserve-symlinks' }
  const { stdout, stderr, code } = await promisify(execFile)(
    process.execPath,
    [bin, '.', 'src/run/main.ts', file],
    { cwd: ROOT, env }
  ).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error
  )
  return { output: `${stdout}\n${stderr}`, code }
}

const localAction = async (name: string, lines: string[]): Promise<string> =>
  (await localRun(name, lines)).output

describe('docs/local-runs.md: spaces in .env', () => {
  // The two lines the page shows, as written there.
  const unquoted = /`(INPUT_API-KEY=ak_key +)`/.exec(page)?.[1]
  const quoted = /`(INPUT_API-KEY="ak_key ")`/.exec(page)?.[1]
  // INPUT_REPOSITORY: local-action would pass action.yml's default unevaluated (the page says so).
  const others = [
    'INPUT_SUBSCRIPTION-ID=ws_demo',
    'INPUT_GITHUB-TOKEN=ghs_fake',
    'INPUT_REPOSITORY=acme/app'
  ]

  test('an unquoted value arrives trimmed, a quoted space fails as the page says', async () => {
    expect(unquoted).toBeDefined()
    expect(quoted).toBeDefined()
    const [trimmed, kept] = await Promise.all([
      // timeout-seconds 0: an input error of its own, so the run stops before any request.
      localAction('unquoted.env', [unquoted!, ...others, 'INPUT_TIMEOUT-SECONDS=0']),
      localAction('quoted.env', [quoted!, ...others])
    ])
    expect(trimmed).toContain("::error::Input 'timeout-seconds'")
    expect(trimmed).not.toContain("Input 'api-key'")
    const refusal = "::error::Input 'api-key': holds a character an HTTP header cannot carry"
    expect(kept).toContain(refusal)
    expect(page).toContain('fails with `holds a character an HTTP header cannot carry`')
  }, 180_000)
})

describe('npm run local-action: the exit code says how the run went', () => {
  test('a failed run exits non-zero; a dry run that passes exits 0', async () => {
    scenario = await startScenario()
    const inputs = [
      'INPUT_SUBSCRIPTION-ID=ws_123',
      `INPUT_API-KEY=${API_KEY}`,
      `INPUT_GITHUB-TOKEN=${TOKEN}`,
      'INPUT_REPOSITORY=acme/app',
      `INPUT_COMPOSIO-BASE-URL=${scenario.composio.url}`,
      `GITHUB_API_URL=${scenario.github.url}`,
      'INPUT_DRY-RUN=true'
    ]
    const [failed, passed] = await Promise.all([
      localRun('failed.env', [...inputs, 'INPUT_TIMEOUT-SECONDS=0']),
      localRun('passed.env', inputs)
    ])
    expect(failed.output).toContain("::error::Input 'timeout-seconds'")
    expect(failed.code).toBe(1)
    expect(passed.output).not.toContain('::error::')
    expect(passed.output).toContain('Dry run')
    expect(passed.code).toBe(0)
  }, 180_000)
})

describe('.env.example', () => {
  const set = (name: string): boolean => new RegExp(`^${name}=`, 'm').test(env)

  test('asks for one Composio key, never both, and sets exactly one', () => {
    expect(env).not.toMatch(/three credentials/)
    expect(env).toContain('one Composio key: API-KEY or\n# USER-API-KEY, never both')
    expect([set('INPUT_API-KEY'), set('INPUT_USER-API-KEY')].filter(Boolean)).toHaveLength(1)
  })

  test('offers ACTIONS_STEP_DEBUG with what it shows, and the pages say the same', () => {
    const [comment = ''] = /((?:^#.*\n)+)# ACTIONS_STEP_DEBUG=true$/m.exec(env) ?? []
    expect(comment).toContain("each HTTP request's method, URL path, status and time")
    expect(comment).toContain('never a header, a body, a query or the secret')
    expect(page).toContain(
      '`ACTIONS_STEP_DEBUG=true` in `.env` shows one `::debug::` line per HTTP'
    )
  })
})

test('docs/security.md quotes debug lines as src/http/http-log.ts prints them', async () => {
  const block = codeBlocks(section(read('docs/security.md'), 'Never logged'), 'text')[0] ?? ''
  const quoted = block.trim().split('\n')
  expect(quoted.length).toBeGreaterThan(0)
  for (const line of quoted) {
    const [, method = '', url = '', status = '', ms = ''] =
      /^::debug::HTTP (\S+) (\S+): (\d+) in (\d+) ms$/.exec(line) ?? []
    let clock = 0
    const printed: string[] = []
    const fetch = logRequests(
      () => {
        clock += Number(ms)
        return Promise.resolve(new Response(null, { status: Number(status) }))
      },
      { debug: message => printed.push(`::debug::${message}`), now: () => clock }
    )
    await fetch(url, { method })
    expect(printed).toEqual([line])
  }
})
