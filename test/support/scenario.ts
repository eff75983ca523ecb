// Shared set-up for tests that run the bundled action against the local fakes.
import { expect } from '@jest/globals'
import { createHash } from 'node:crypto'
import { startFakeComposio } from '../fakes/composio.js'
import { startFakeGitHub } from '../fakes/github.js'
import { runAction, type RunResult } from '../fakes/runner.js'

export type FakeComposio = Awaited<ReturnType<typeof startFakeComposio>>
export type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>
export type GitHubOptions = Parameters<typeof startFakeGitHub>[0]
export type ComposioOptions = Parameters<typeof startFakeComposio>[0]

export const API_KEY = 'ak_fake_project_key'
export const TOKEN = 'ghs_fake_token'
export const NAME = 'COMPOSIO_WEBHOOK_SECRET'

/** Composio's rotation and its v3.1 read. */
export const ROTATE = /\/api\/v3\/webhook_subscriptions\/[^/]+\/rotate_secret$/
export const READ = /\/api\/v3\.1\/webhook_subscriptions\/[^/]+$/
/** The write of the secret itself (not of its write-check probe), in any scope. */
export const SECRET_WRITE = new RegExp(`/secrets/${NAME}$`)
/** The write-check probe. */
export const PROBE = new RegExp(`/secrets/${NAME}_WRITE_CHECK$`)

type Request = { method: string; path: string }
/** A fault on requests that match, e.g. `on('PUT', SECRET_WRITE, { status: 422 })`. */
export const on =
  <A>(method: string, path: RegExp, action: A | ((request: Request & { attempt: number }) => A)) =>
  (request: Request & { attempt: number }): A | undefined =>
    request.method === method && path.test(request.path)
      ? typeof action === 'function'
        ? (action as (request: Request & { attempt: number }) => A)(request)
        : action
      : undefined

/** A summary table row, as @actions/core's builder writes it. */
export const row = (...cells: string[]): string => `<tr>${cells.map(c => `<td>${c}</td>`).join('')}`

export interface Scenario {
  composio: FakeComposio
  github: FakeGitHub
  /** Runs dist/index.js with the base inputs plus `inputs` (an empty string removes one). */
  run(
    inputs?: Record<string, string>,
    extra?: Partial<Parameters<typeof runAction>[0]>
  ): Promise<RunResult>
  /**
   * Closes both fakes, then throws when the fake GitHub recorded violations of GitHub's OpenAPI
   * description (requests the action sent, or answers of the fake's own), unless the test called
   * `github.expectViolations()`, or when an answer of the fake Composio broke Composio's
   * description (./fakes/composio-schema.js; `composio.expectViolations()` excuses injected ones):
   * from an `afterEach`, that fails the test.
   */
  close(): Promise<void>
}

export async function startScenario(
  github: GitHubOptions = {},
  composio: ComposioOptions = {}
): Promise<Scenario> {
  const [fakeComposio, fakeGitHub] = await Promise.all([
    startFakeComposio(composio),
    startFakeGitHub(github)
  ])
  return {
    composio: fakeComposio,
    github: fakeGitHub,
    run: (inputs = {}, extra = {}) =>
      runAction({
        ...extra,
        inputs: {
          'subscription-id': 'ws_123',
          'api-key': API_KEY,
          'github-token': TOKEN,
          repository: 'acme/app',
          'composio-base-url': fakeComposio.url,
          ...inputs
        },
        env: { GITHUB_API_URL: fakeGitHub.url, ...extra.env }
      }),
    close: async () => {
      const [composioClosed] = await Promise.allSettled([fakeComposio.close(), fakeGitHub.close()])
      fakeGitHub.assertNoViolations()
      if (composioClosed.status === 'rejected') throw composioClosed.reason
    }
  }
}

/** The one `::error::` line a run printed, with its escaped newlines restored. */
export function errorOf(result: RunResult): string {
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!.replace(/%0A/g, '\n')
}

/** The secret and the encodings a careless log line could carry it in. */
export function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  return [
    secret,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    encodeURIComponent(secret),
    bytes.toString('hex')
  ]
}

/**
 * Runs `work` with `inputs` in process.env as the runner passes them (INPUT_<NAME>), as
 * @actions/core reads them, then restores the environment.
 */
export function withInputs<T>(inputs: Record<string, string | undefined>, work: () => T): T {
  const saved = { ...process.env }
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined) process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  try {
    return work()
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}

/** Every secret the fake Composio ever held for ws_123, the one before the rotation included. */
export function leaksOfAll(result: RunResult, composio: FakeComposio, id = 'ws_123'): string[] {
  return composio.secretsHeld(id).flatMap(secret => leaks(result, secret))
}

/**
 * Every place the secret must never reach: stdout and stderr except the one `::add-mask::` line
 * (the runner turns it into the mask), and the job summary. Returns the offending places.
 */
export function leaks(result: RunResult, secret: string): string[] {
  const printed = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter(line => line !== `::add-mask::${secret}`)
    .join('\n')
  const places: string[] = []
  for (const encoded of encodings(secret)) {
    if (printed.includes(encoded)) places.push(`output contains ${encoded.slice(0, 6)}…`)
    if (result.summary.includes(encoded)) places.push(`summary contains ${encoded.slice(0, 6)}…`)
  }
  return places
}

export function sha256Prefix(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16)
}

/** The `-d '{…}'` bodies of the replay recipes the action printed, keyed by target label. */
export function replayBodies(
  printed: string
): Map<string, { encrypted_value: string; key_id: string }> {
  const bodies = new Map<string, { encrypted_value: string; key_id: string }>()
  // Workflow commands escape newlines as %0A; the recipe lines may arrive either way.
  // Also as the job summary's HTML escapes them.
  const text = printed
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  const recipe =
    /^(?:<pre[^>]*><code>)?# To finish (.+) by hand \(key_id \d+\), with GITHUB_TOKEN[^\n]*\n(?:[^\n]*\n){4}\s*-d '(\{[^\n]*\})'(?:<\/code><\/pre>)?$/gm
  for (const match of text.matchAll(recipe)) {
    bodies.set(match[1]!, JSON.parse(match[2]!) as { encrypted_value: string; key_id: string })
  }
  return bodies
}

export function requestsTo(
  fake: { requests: { method: string; path: string }[] },
  method: string,
  pattern: RegExp
): number {
  return fake.requests.filter(r => r.method === method && pattern.test(r.path)).length
}
