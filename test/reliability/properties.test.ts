// Property-based tests over the inputs: any combination either yields settings or fails with an
// error that names a real input of action.yml; an invalid combination sends zero requests; run()
// never rejects, and every failure is reported as exactly one `::error::` line with exit code 1.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { InputError } from '../../src/inputs/read.js'
import { readSettings } from '../../src/inputs/settings.js'
import { run } from '../../src/run/main.js'
import { ROOT } from '../fakes/runner.js'
import { API_KEY, startScenario, TOKEN, withInputs, type Scenario } from '../support/scenario.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
}
const INPUT_NAMES = Object.keys(action.inputs)

let scenario: Scenario
beforeAll(async () => {
  scenario = await startScenario({
    repositories: { 'acme/app': { environments: ['production'] }, 'acme/api': {} },
    organizations: { acme: { repositories: ['app', 'api'] } }
  })
})
afterAll(async () => scenario?.close())

const anyString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 })
)

/**
 * One input: absent, a valid value, an invalid one, or anything at all. `absent` weighs absence
 * against `validWeight` for a valid value (2 for an invalid one, 1 for anything): tuned so that
 * about one combination in eight is valid and runs for real (about 26 of 200 runs; the test
 * asks for more than 10).
 */
const field = (
  absent: number,
  valid: string[],
  invalid: string[],
  validWeight = 12,
  anything: fc.Arbitrary<string> = anyString
) =>
  fc.oneof(
    { weight: absent, arbitrary: fc.constant(undefined) },
    { weight: validWeight, arbitrary: fc.constantFrom(...valid) },
    { weight: 2, arbitrary: fc.constantFrom(...invalid) },
    { weight: 1, arbitrary: anything }
  )

// Credentials: printable ASCII only. Those no header can carry (found by this property when it
// drew from anyString) have their own tests in credentials.test.ts; here each such token would
// cost Octokit's real 2.5 s of backoff until src/inputs.ts refuses them.
const credential = (absent: number, valid: string[], invalid: string[], validWeight: number) =>
  field(absent, valid, invalid, validWeight, fc.string({ maxLength: 12 }))

/** composio-base-url, per run: the fake, or a value no run may send a request to. */
const inputsArbitrary = (composioUrl: string) =>
  fc
    .record({
      'subscription-id': field(1, ['ws_123', 'ws_missing', 'ws-Other_2'], ['', '   ', 'a/b?c'], 60),
      'api-key': credential(4, [API_KEY, 'ak_wrong'], ['', ' '], 40),
      'user-api-key': credential(60, ['uak_fake_user_key'], ['', '\t'], 8),
      'github-token': credential(1, [TOKEN, 'ghp_other'], ['', '  '], 60),
      'secret-name': field(
        12,
        ['COMPOSIO_WEBHOOK_SECRET', 'hook_secret', '_X1'],
        ['GITHUB_X', 'github_token', '1ABC', 'A-B', 'A B', 'Ω']
      ),
      repository: field(
        12,
        ['acme/app', 'acme/api', 'acme/nope', 'a-b/c.d_e'],
        ['acme', 'acme/app/x', '/app', 'acme/', '-acme/app', 'acme/..']
      ),
      environment: field(24, ['production', 'staging', 'prod env'], [' lead', 'tail ', 'a\u0001b']),
      targets: field(
        36,
        [
          'acme/app',
          'acme/app@production\n# comment\n\nacme/api',
          'org:acme',
          'acme/app\norg:acme'
        ],
        ['acme', 'org:', 'org:-x', 'acme/app\nACME/APP', '# only a comment', 'acme/app@ x']
      ),
      visibility: field(36, ['all', 'private', 'selected'], ['public', 'ALL', 'internal']),
      'selected-repositories': field(36, ['app', 'app, api', 'app\napi'], ['app/x', '..', 'a b/c']),
      'dry-run': field(12, ['true', 'false', 'True', 'FALSE'], ['yes', '1', 'on', 'truee']),
      rotate: field(24, ['true', 'false', 'TRUE'], ['no', '0', 'off']),
      'composio-base-url': fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(composioUrl, composioUrl.replace('127.0.0.1', 'localhost'))
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'http://composio.example.com',
            `${composioUrl}/api`,
            'not a url',
            'ftp://127.0.0.1',
            'https://user:pw@backend.composio.dev',
            'https://backend.composio.dev/?q=1'
          )
        }
      ),
      'timeout-seconds': field(
        12,
        ['1', '2', '2.5', '300'],
        ['0', '0.5', '301', '-1', '1e2', 'ten']
      )
    })
    .map(
      record =>
        Object.fromEntries(
          Object.entries(record).filter(([, value]) => value !== undefined)
        ) as Record<string, string>
    )

const repositoryArbitrary = fc.option(fc.constantFrom('acme/app', 'acme/api'), { nil: undefined })

/** The runner's variables besides the inputs. */
const runnerEnv = (githubRepository: string | undefined): Record<string, string | undefined> => ({
  GITHUB_API_URL: scenario.github.url,
  GITHUB_REPOSITORY: githubRepository
})

/** readSettings' verdict: settings, or the InputError (anything else fails the property). */
function verdict(
  inputs: Record<string, string>,
  githubRepository: string | undefined
): { error?: InputError } {
  try {
    withInputs(inputs, () => readSettings(runnerEnv(githubRepository)))
    return {}
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return { error: error as InputError }
  }
}

/** Runs main's run() as the runner would: inputs and variables in process.env, stdout captured. */
async function runMain(
  inputs: Record<string, string>,
  githubRepository: string | undefined
): Promise<{ printed: string; exitCode: number | undefined }> {
  const printed: string[] = []
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(text => {
    printed.push(String(text))
    return true
  })
  const saved = { ...process.env }
  Object.assign(process.env, { GITHUB_API_URL: scenario.github.url })
  if (githubRepository) process.env['GITHUB_REPOSITORY'] = githubRepository
  else delete process.env['GITHUB_REPOSITORY']
  process.exitCode = undefined
  try {
    await withInputs(inputs, () => run())
    return { printed: printed.join(''), exitCode: process.exitCode as number | undefined }
  } finally {
    write.mockRestore()
    process.exitCode = undefined
    process.env = saved
  }
}

describe('readSettings over arbitrary inputs', () => {
  test('returns settings, or throws an InputError naming a real input and no credential', () => {
    fc.assert(
      fc.property(inputsArbitrary('http://127.0.0.1:9'), repositoryArbitrary, (inputs, repo) => {
        const { error } = verdict(inputs, repo)
        if (!error) return
        const named = /^Input '([^']+)'/.exec(error.message)?.[1]
        expect(INPUT_NAMES).toContain(named)
        for (const credential of [API_KEY, TOKEN, 'uak_fake_user_key', 'ghp_other', 'ak_wrong'])
          expect(error.message).not.toContain(credential)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('run() over arbitrary inputs', () => {
  let dir: string
  const saved = { ...process.env }
  beforeAll(() => {
    // A valid combination runs for real against the fakes: give it the runner's files.
    dir = mkdtempSync(join(tmpdir(), 'rotate-properties-'))
    writeFileSync(join(dir, 'output'), '')
    writeFileSync(join(dir, 'summary'), '')
    process.env['GITHUB_OUTPUT'] = join(dir, 'output')
    process.env['GITHUB_STEP_SUMMARY'] = join(dir, 'summary')
  })
  afterAll(() => {
    process.env = saved
    rmSync(dir, { recursive: true, force: true })
  })

  test('never rejects; an invalid combination exits 1 with one ::error:: naming an input, and sends nothing', async () => {
    let invalid = 0
    let valid = 0
    await fc.assert(
      fc.asyncProperty(
        inputsArbitrary(scenario.composio.url),
        repositoryArbitrary,
        async (inputs, repo) => {
          const { error } = verdict(inputs, repo)
          const before = [scenario.composio.requests.length, scenario.github.requests.length]
          const { printed, exitCode } = await runMain(inputs, repo)
          const errors = printed.split('\n').filter(line => line.startsWith('::error::'))
          if (error) {
            invalid++
            expect(exitCode).toBe(1)
            expect(errors).toHaveLength(1)
            expect(errors[0]!.startsWith(`::error::Input '`)).toBe(true)
            const after = [scenario.composio.requests.length, scenario.github.requests.length]
            expect(after).toEqual(before)
          } else {
            valid++
            // A valid combination ran: it either succeeded or failed through the one catch.
            expect([undefined, 1]).toContain(exitCode)
            expect(errors).toHaveLength(exitCode === 1 ? 1 : 0)
          }
        }
      ),
      { numRuns: 200 }
    )
    // Both kinds were exercised.
    expect(invalid).toBeGreaterThan(10)
    expect(valid).toBeGreaterThan(10)
  })

  test('something thrown that is not an Error is still reported', async () => {
    const printed: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(text => {
      printed.push(String(text))
      return true
    })
    const env = process.env
    // Reading any input throws a bare string.
    process.env = new Proxy<NodeJS.ProcessEnv>(
      {},
      {
        get: () => {
          throw 'a bare string, not an Error' // eslint-disable-line @typescript-eslint/only-throw-error
        }
      }
    )
    process.exitCode = undefined
    try {
      await expect(run()).resolves.toBeUndefined()
    } finally {
      process.env = env
      write.mockRestore()
    }
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    expect(printed.join('')).toBe('::error::a bare string, not an Error\n')
  })
})
