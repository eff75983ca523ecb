// cloudflare:<account_id>/<script_name> targets, bundled, against the fakes of Composio, GitHub
// and Cloudflare (held to ./fakes/cloudflare-schema.js in every test) and a fake Worker that
// verifies deliveries with its binding as it is at each request: proved writable before the
// rotation, written the moment the secret is known, and a failed write finished by hand by a
// pasted recipe that never holds the secret.
import { afterEach, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  ACCOUNT,
  CF_READ_TOKEN,
  CF_TOKEN,
  SCRIPT,
  cloudflareError,
  startFakeCloudflare
} from '../fakes/cloudflare.js'
import type { FakeReceiver } from '../fakes/receiver.js'
import { NODE24, type RunResult } from '../fakes/runner.js'
import {
  API_KEY,
  NAME,
  errorOf,
  leaksOfAll,
  on,
  requestsTo,
  row,
  startScenario,
  type Scenario
} from '../support/scenario.js'

type FakeCloudflare = Awaited<ReturnType<typeof startFakeCloudflare>>
let scenario: Scenario | undefined
let cloudflare: FakeCloudflare | undefined
let worker: FakeReceiver | undefined
afterEach(async () => {
  await Promise.all([scenario?.close(), cloudflare?.close(), worker?.close()])
  scenario = cloudflare = worker = undefined
})

const LABEL = `cloudflare:${ACCOUNT}/${SCRIPT}`
const SECRETS = new RegExp(`/accounts/${ACCOUNT}/workers/scripts/${SCRIPT}/secrets`)
const PROBE_DELETE = new RegExp(`${SECRETS.source}/${NAME}_WRITE_CHECK$`)

async function start(): Promise<{ s: Scenario; cf: FakeCloudflare }> {
  ;[scenario, cloudflare] = await Promise.all([startScenario(), startFakeCloudflare()])
  return { s: scenario, cf: cloudflare }
}

/** The bundle on Node 24, as `runs.using: node24` runs it. */
const run = (s: Scenario, cf: FakeCloudflare, inputs: Record<string, string> = {}) =>
  s.run(
    {
      targets: `acme/app\n${LABEL}`,
      'cloudflare-api-token': CF_TOKEN,
      'cloudflare-api-url': cf.url,
      ...inputs
    },
    { node: NODE24 }
  )

/** The Cloudflare PUTs in order, each with the name it wrote (never the text). */
const puts = (cf: FakeCloudflare) =>
  cf.requests
    .filter(r => r.method === 'PUT')
    .map(r => ({ name: (r.body as { name: string }).name, at: r.startedAt }))

/**
 * Runs a recipe in bash as a user would paste it, with the credentials it names. Asynchronous:
 * the fakes answer from this process.
 */
function paste(recipe: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env['PATH'],
    COMPOSIO_API_KEY: API_KEY,
    CLOUDFLARE_API_TOKEN: CF_TOKEN
  }
  const child = spawn('bash', ['-c', recipe], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let [stdout, stderr] = ['', '']
  child.stdout.on('data', chunk => (stdout += String(chunk)))
  child.stderr.on('data', chunk => (stderr += String(chunk)))
  return new Promise(resolve => child.on('close', status => resolve({ status, stdout, stderr })))
}

/** Nothing Composio ever held, nor the Cloudflare token, is printed or summarised. */
function expectNoLeak(result: RunResult, s: Scenario): void {
  expect(leaksOfAll(result, s.composio)).toEqual([])
  const printed = `${result.stdout}\n${result.stderr}\n${result.summary}`
  expect(printed.replaceAll(`::add-mask::${CF_TOKEN}`, '')).not.toContain(CF_TOKEN)
  expect(result.stdout).toContain(`::add-mask::${CF_TOKEN}`)
}

describe('cloudflare: targets', () => {
  test('proved by a probe before the rotation, written with the secret, in the summary and outputs', async () => {
    const { s, cf } = await start()
    const result = await run(s, cf)
    expect(result.code).toBe(0)
    const secret = s.composio.currentSecret('ws_123')!
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(secret)
    expect(cf.binding(ACCOUNT, SCRIPT, `${NAME}_WRITE_CHECK`)).toBeUndefined()
    // The probe, written and deleted, then the secret: three new versions of the Worker.
    expect(puts(cf).map(p => p.name)).toEqual([`${NAME}_WRITE_CHECK`, NAME])
    expect(requestsTo(cf, 'DELETE', PROBE_DELETE)).toBe(1)
    expect(cf.versions(ACCOUNT, SCRIPT)).toBe(4)
    // Proved before the one irreversible call, written after it.
    const [probe, write] = puts(cf)
    const rotatedAt = s.composio.rotations[0]!.at
    const deleteEnded = cf.requests.find(r => r.method === 'DELETE')!.endedAt!
    expect(probe!.at).toBeLessThan(rotatedAt)
    expect(deleteEnded).toBeLessThan(rotatedAt)
    expect(write!.at).toBeGreaterThan(rotatedAt)
    expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app', LABEL])
    expect(result.outputs['rotated']).toBe('true')
    expect(result.summary).toMatch(
      new RegExp(`<tr><td>✅ written</td><td>${LABEL}</td><td>\\d{4}-`)
    )
    expect(result.summary).toContain('two new versions of the Worker deployed')
    expect(result.stdout).toContain(`${LABEL} accepted the probe secret ${NAME}_WRITE_CHECK`)
    expectNoLeak(result, s)
  })

  test('the write starts as soon as the rotation is answered, before any GitHub write', async () => {
    const { s, cf } = await start()
    s.github.setLatency(150)
    const result = await run(s, cf)
    expect(result.code).toBe(0)
    const rotation = s.composio.requests.find(r => r.method === 'POST')!
    const write = cf.requests.filter(r => r.method === 'PUT').at(-1)!
    const githubWrite = s.github.requests.find(
      r => r.method === 'PUT' && r.path.endsWith(`/${NAME}`)
    )!
    // Within a round trip of the answer (a local one here), not behind GitHub's writes.
    expect(write.startedAt - rotation.endedAt!).toBeLessThan(100)
    expect(write.startedAt).toBeLessThan(githubWrite.startedAt)
  })

  test('a dry run proves the Worker writable and writes nothing else', async () => {
    const { s, cf } = await start()
    const result = await run(s, cf, { 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(s.composio.rotations).toHaveLength(0)
    expect(puts(cf).map(p => p.name)).toEqual([`${NAME}_WRITE_CHECK`])
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBeUndefined()
    expect(cf.binding(ACCOUNT, SCRIPT, `${NAME}_WRITE_CHECK`)).toBeUndefined()
    expect(result.summary).toMatch(
      new RegExp(`<tr><td>✅ write accepted</td><td>${LABEL}</td><td>accepted the probe secret`)
    )
    expect(result.stdout).toContain(`to acme/app, ${LABEL}`)
    expectNoLeak(result, s)
  })

  test('a token without Workers Scripts Write: refused before the rotation, with the fix', async () => {
    const { s, cf } = await start()
    const result = await run(s, cf, { 'cloudflare-api-token': CF_READ_TOKEN })
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(0)
    const error = errorOf(result)
    expect(error).toContain('Nothing was rotated: 1 of 2 targets cannot be written')
    expect(error).toContain(`${LABEL}: Cloudflare refused to write the probe secret`)
    expect(error).toContain('HTTP 403 (10000 Authentication error)')
    expect(error).toContain('"Workers Scripts Write" (Account › Workers Scripts › Edit)')
    // GitHub's probe, written beside it, is deleted again.
    expect(s.github.secret('acme/app', `${NAME}_WRITE_CHECK`)).toBeUndefined()
    expect(s.github.secret('acme/app', NAME)).toBeUndefined()
  })

  test('an unknown Worker is named, before the rotation', async () => {
    const { s, cf } = await start()
    const result = await run(s, cf, { targets: `cloudflare:${ACCOUNT}/no-such-worker` })
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(0)
    expect(errorOf(result)).toContain(
      `account ${ACCOUNT} has no Worker named 'no-such-worker': check the script name in targets`
    )
  })

  test('a 429 is retried after its Retry-After', async () => {
    const { s, cf } = await start()
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) =>
        attempt === 2
          ? cloudflareError(429, 10429, 'Too many requests', { 'retry-after': '1' })
          : undefined
      )
    )
    const result = await run(s, cf)
    expect(result.code).toBe(0)
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(s.composio.currentSecret('ws_123'))
    expect(result.stdout).toContain('HTTP 429')
    expect(result.stdout).toContain('retrying in 1 s')
  })
})

describe('hostile answers', () => {
  test('a redirect is refused, before the rotation: the token never reaches its target', async () => {
    const { s, cf } = await start()
    const elsewhere = await startFakeCloudflare()
    try {
      cf.expectViolations() // a 307 is no answer Cloudflare documents: injected on purpose
      cf.setFault(
        on('PUT', SECRETS, { status: 307, headers: { location: `${elsewhere.url}/accounts` } })
      )
      const result = await run(s, cf)
      expect(result.code).toBe(1)
      expect(s.composio.rotations).toHaveLength(0)
      expect(elsewhere.requests).toHaveLength(0)
      expect(errorOf(result)).toContain('a redirect to')
      expect(cf.requests.filter(r => r.method === 'PUT')).toHaveLength(1) // not retried
    } finally {
      await elsewhere.close()
    }
  })

  test('an error that quotes the secret back never prints it', async () => {
    const { s, cf } = await start()
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) =>
        attempt === 2
          ? cloudflareError(400, 10021, `text '${s.composio.currentSecret('ws_123')}' rejected`)
          : undefined
      )
    )
    const result = await run(s, cf)
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain("text '***' rejected")
    expectNoLeak(result, s)
  })
})

describe('a failed write after the rotation', () => {
  /** The store's recipe block, from the `# To finish` line to its closing `)`. */
  const recipeOf = (text: string): string => {
    const start = text.indexOf(`# To finish ${LABEL} by hand`)
    expect(start).toBeGreaterThanOrEqual(0)
    return text.slice(start, text.indexOf('\n)', start) + 2)
  }

  test('fails the run with a recipe that, pasted, finishes the job without printing the secret', async () => {
    const { s, cf } = await start()
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) =>
        attempt === 2 ? cloudflareError(403, 10000, 'Authentication error') : undefined
      )
    )
    const result = await run(s, cf)
    expect(result.code).toBe(1)
    expect(s.composio.rotations).toHaveLength(1)
    expect(s.github.secret('acme/app', NAME)).toBe(s.composio.currentSecret('ws_123'))
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBeUndefined()
    const error = errorOf(result)
    expect(error).toContain('WAS ROTATED')
    expect(error).toContain(`${LABEL}: NOT WRITTEN (Cloudflare refused to write the secret`)
    expect(result.summary).toContain(row('❌ NOT WRITTEN', LABEL, '—'))
    expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app'])
    expectNoLeak(result, s)
    const recipe = recipeOf(error)
    expect(recipe).toContain(`rotate: false and targets: ${LABEL}`)
    // Pasted into bash, with the credentials it names: the Worker gets the secret, and nothing
    // the shell prints holds it.
    cf.setFault(undefined)
    const pasted = await paste(recipe)
    expect(pasted.stderr).toBe('')
    expect(pasted.status).toBe(0)
    expect(pasted.stdout).toBe(`${NAME} written to ${LABEL}.\n`)
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(s.composio.currentSecret('ws_123'))
  })

  test('the pasted recipe writes nothing when Composio now holds another secret', async () => {
    const { s, cf } = await start()
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) =>
        attempt === 2 ? cloudflareError(403, 10000, 'Authentication error') : undefined
      )
    )
    const result = await run(s, cf)
    expect(result.code).toBe(1)
    cf.setFault(undefined)
    s.composio.rotateOutOfBand('ws_123')
    const pasted = await paste(recipeOf(errorOf(result)))
    expect(pasted.status).not.toBe(0)
    expect(pasted.stderr).toContain(
      'Composio now holds another secret than the one this run stored'
    )
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBeUndefined()
  })

  test("the recipe's first option: rotate: false with only the Worker stores the current secret", async () => {
    const { s, cf } = await start()
    const result = await run(s, cf, { rotate: 'false', targets: LABEL })
    expect(result.code).toBe(0)
    expect(s.composio.rotations).toHaveLength(0)
    // Nothing rotated, nothing to protect: no probe, the write is the check.
    expect(puts(cf).map(p => p.name)).toEqual([NAME])
    expect(cf.binding(ACCOUNT, SCRIPT, NAME)).toBe(s.composio.currentSecret('ws_123'))
    expect(JSON.parse(result.outputs['targets']!)).toEqual([LABEL])
    expectNoLeak(result, s)
  })
})

describe('rotate → Worker → receiver check', () => {
  test('the Worker verifies with the new secret as soon as it is written: confirmed, no redeploy', async () => {
    const { s, cf } = await start()
    worker = await cf.startWorker(NAME)
    const result = await run(s, cf, { targets: LABEL, 'verify-receiver': worker.url })
    expect(result.code).toBe(0)
    expect(result.outputs['receiver-confirmed-at']).toBeDefined()
    const firstVerified = worker.deliveries.find(d => d.verified)!
    expect(firstVerified.at).toBeGreaterThan(0)
    expect(result.stdout).not.toContain('::warning::Receiver check')
    expectNoLeak(result, s)
  })

  test('skipped, and said so, when the Worker was not written', async () => {
    const { s, cf } = await start()
    worker = await cf.startWorker(NAME)
    cf.setFault(
      on('PUT', SECRETS, ({ attempt }) =>
        attempt === 2 ? cloudflareError(403, 10000, 'Authentication error') : undefined
      )
    )
    const result = await run(s, cf, { targets: LABEL, 'verify-receiver': worker.url })
    expect(result.code).toBe(1)
    expect(result.outputs['receiver-confirmed-at']).toBeUndefined()
    expect(worker.deliveries).toHaveLength(0)
    expect(result.stdout).toContain('skipped: not every target was written')
  })
})

describe('inputs', () => {
  test('a cloudflare: target without a token, and a plain-http API off loopback: refused before any request', async () => {
    const { s, cf } = await start()
    const result = await run(s, cf, {
      'cloudflare-api-token': '',
      'cloudflare-api-url': 'http://api.example.com/client/v4'
    })
    expect(result.code).toBe(1)
    const error = errorOf(result)
    expect(error).toContain(
      "Input 'cloudflare-api-url': 'http://api.example.com/client/v4' must use https"
    )
    expect(error).toContain("Input 'cloudflare-api-token': is required for cloudflare: targets")
    expect(s.composio.requests).toHaveLength(0)
    expect(s.github.requests).toHaveLength(0)
    expect(cf.requests).toHaveLength(0)
  })
})
