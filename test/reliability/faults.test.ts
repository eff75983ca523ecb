// Fault injection against the bundled action: servers that hang, reset, drip, or answer with
// something that is not the contract. Every case must end in a clear error, exit 1, no crash, no
// body echoed, and either nothing written or a replay recipe that opens to the rotated secret.
// The cases mostly wait on timers and sockets, so they run concurrently, each with its own fakes.
import { describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import {
  NAME,
  READ,
  ROTATE,
  SECRET_WRITE,
  leaksOfAll,
  on,
  replayBodies,
  requestsTo,
  startScenario,
  type ComposioOptions,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'

/** Runs `body` with fresh fakes, closed afterwards whatever happens. */
async function using(
  options: { github?: GitHubOptions; composio?: ComposioOptions },
  body: (scenario: Scenario) => Promise<void>
): Promise<void> {
  const scenario = await startScenario(options.github, options.composio)
  try {
    await body(scenario)
  } finally {
    await scenario.close()
  }
}

type Fault = { method: string; path: string; attempt: number }

/** Every secret Composio ever held in this scenario, and its encodings, must stay unprinted. */
function expectNoSecretLeaked(scenario: Scenario, result: RunResult): void {
  expect(leaksOfAll(result, scenario.composio)).toEqual([])
}

/** A handled failure: exit 1, one `::error::`, no stack trace, nothing printed to stderr. */
function expectCleanFailure(result: RunResult): string {
  expect(result.code).toBe(1)
  expect(result.signal).toBeNull()
  expect(result.stderr).toBe('')
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m)
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!.replace(/%0A/g, '\n')
}

function expectNothingWritten(scenario: Scenario): void {
  expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  expect(scenario.github.secret('acme/app', NAME)).toBeUndefined()
}

describe('timeouts bound every attempt', () => {
  test.concurrent(
    'a Composio that never answers: three bounded attempts, none read back (no secret from before to compare with), then "may have been rotated", within 30 s at timeout-seconds 2',
    () =>
      using({ composio: { fault: () => ({ hang: true }) } }, async scenario => {
        const result = await scenario.run({ 'timeout-seconds': '2' })
        const error = expectCleanFailure(result)
        expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(3)
        // The preflight read: 3 × 2 s + 1.5 s of backoff; one more read right before the
        // rotation, 2 s; then 3 rotations: 3 × 2 s + 1.5 s; about 17 s in all, plus start-up.
        // Without a secret from before, a read after a lost answer would prove nothing.
        expect(requestsTo(scenario.composio, 'GET', READ)).toBe(4)
        expect(result.wallMs).toBeGreaterThanOrEqual(17_000)
        expect(result.wallMs).toBeLessThan(30_000)
        expect(error).toContain('timed out after 2 s (timeout-seconds)')
        expect(error).toContain('may have been rotated')
        expect(error).toContain('run this action again')
        expectNothingWritten(scenario)
      }),
    45_000
  )

  test.concurrent('a GitHub that never answers the public-key read: fails, nothing rotated', () =>
    using(
      {
        github: {
          fault: ({ path }: Fault) => (path.endsWith('/public-key') ? { hang: true } : undefined)
        }
      },
      async scenario => {
        const result = await scenario.run({ 'timeout-seconds': '1' })
        const error = expectCleanFailure(result)
        // 3 attempts × 1 s + Octokit's 0.5 s and 2 s of backoff, plus start-up.
        expect(result.wallMs).toBeLessThan(15_000)
        expect(requestsTo(scenario.github, 'GET', /\/public-key$/)).toBe(3)
        expect(error).toContain('Nothing was rotated')
        expect(error).toMatch(
          /acme\/app: could not read the public key: timed out after 1 s \(timeout-seconds\)/
        )
        expect(scenario.composio.rotations).toHaveLength(0)
        expectNothingWritten(scenario)
      }
    )
  )

  test.concurrent(
    'a GitHub that never answers the PUT after the rotation: fails with a replay recipe that opens to the secret',
    () =>
      using(
        {
          github: { fault: on('PUT', SECRET_WRITE, { hang: true as const }) }
        },
        async scenario => {
          const result = await scenario.run({ 'timeout-seconds': '1' })
          const error = expectCleanFailure(result)
          const secret = scenario.composio.currentSecret('ws_123')!
          expect(result.wallMs).toBeLessThan(15_000)
          expect(scenario.composio.rotations).toHaveLength(1)
          expect(error).toContain('WAS ROTATED')
          // One line per target, the failed one with the others, then the recipe.
          expect(error).toContain(
            '\nacme/app: NOT WRITTEN (timed out after 1 s (timeout-seconds))\n'
          )
          const body = replayBodies(result.stdout).get('acme/app')!
          expect(body.key_id).toBe(scenario.github.publicKey('acme/app').key_id)
          expect(scenario.github.open('acme/app', body.encrypted_value)).toBe(secret)
          expect(result.outputs['secret']).toBe(secret)
          expect(JSON.parse(result.outputs['targets']!)).toEqual([])
          expect(result.summary).toContain(
            '<h4>❌ acme/app</h4>\n<p>timed out after 1 s (timeout-seconds)</p>'
          )
          expectNoSecretLeaked(scenario, result)
        }
      )
  )
})

describe('a lost answer that Composio cannot confirm is retried, and the newest rotation is stored', () => {
  test.concurrent(
    'rotated, then the connection reset before the answer, the read masked: rotate again, store the newest secret',
    () =>
      using(
        {
          composio: {
            readSecret: 'masked',
            fault: on('POST', ROTATE, ({ attempt }) =>
              attempt === 1 ? { rotateThen: { reset: true as const } } : undefined
            )
          }
        },
        async scenario => {
          const result = await scenario.run()
          expect(result.code).toBe(0)
          const rotations = scenario.composio.rotations
          expect(rotations).toHaveLength(2)
          const newest = scenario.composio.currentSecret('ws_123')!
          expect(rotations[1]!.secret).toBe(newest)
          expect(scenario.github.secret('acme/app', NAME)).toBe(newest)
          expect(scenario.github.secret('acme/app', NAME)).not.toBe(rotations[0]!.secret)
          expect(result.outputs['secret']).toBe(newest)
          expect(result.stdout).toMatch(/::warning::.*rotate_secret.*network error.*retrying/)
          expect(result.summary).toContain('could not be confirmed')
          expectNoSecretLeaked(scenario, result)
        }
      )
  )
})

// Distinctive content in each hostile body: if any of it shows up in the output, a body was echoed.
const MARK = 'ZEBRA_7c1f'
const HTML_502 = `<!DOCTYPE html><html><head><title>502 Bad Gateway ${MARK}</title></head><body><h1>502 Bad Gateway</h1><p>${MARK} cloudflare</p></body></html>`
const HUGE = { id: 'ws_123', secret: `${MARK}_${'x'.repeat(2 * 1024 * 1024)}` }

interface HostileCase {
  name: string
  fault: NonNullable<NonNullable<ComposioOptions>['fault']>
  inputs?: Record<string, string>
  /** Composio requests the run makes: 3 when retried, 1 when not. */
  attempts: number
  message: RegExp
}

const hostile: HostileCase[] = [
  {
    name: 'connection reset before any answer (every attempt)',
    fault: () => ({ reset: true }),
    attempts: 3,
    message: /network error/
  },
  {
    name: 'a 200 cut off in the middle of its body (the connection closes early)',
    fault: () => ({
      rotateThen: {
        status: 200,
        body: `{"id":"ws_123","secret":"${MARK}`,
        headers: {
          'content-type': 'application/json',
          'content-length': '300',
          connection: 'close'
        }
      }
    }),
    attempts: 3,
    message: /network error: UND_ERR_RES_CONTENT_LENGTH_MISMATCH/
  },
  {
    name: 'a body that drips one byte every 300 ms, beyond the 1 s timeout',
    fault: () => ({ dripMs: 300 }),
    inputs: { 'timeout-seconds': '1' },
    attempts: 3,
    message: /timed out after 1 s \(timeout-seconds\)/
  },
  {
    name: 'an HTML 502 page from a proxy (retried)',
    fault: () => ({ status: 502, body: HTML_502, headers: { 'content-type': 'text/html' } }),
    attempts: 3,
    message: /HTTP 502/
  },
  {
    name: 'truncated JSON on 200',
    fault: () => ({
      rotateThen: {
        status: 200,
        body: `{"id":"ws_123","secret":"${MARK}`,
        headers: { 'content-type': 'application/json' }
      }
    }),
    attempts: 1,
    message: /HTTP 200 without a full 'secret'/
  },
  {
    name: 'a 200 without secret',
    fault: () => ({ rotateThen: { status: 200, body: { id: 'ws_123', note: MARK } } }),
    attempts: 1,
    message: /HTTP 200 without a full 'secret'/
  },
  {
    name: 'a secret that is a number',
    fault: () => ({ rotateThen: { status: 200, body: { id: 'ws_123', secret: 7_351_902_468 } } }),
    attempts: 1,
    message: /HTTP 200 without a full 'secret'/
  },
  {
    name: 'an empty secret',
    fault: () => ({ rotateThen: { status: 200, body: { id: 'ws_123', secret: '', note: MARK } } }),
    attempts: 1,
    message: /HTTP 200 without a full 'secret'/
  },
  {
    name: 'a body over 1 MiB',
    fault: () => ({ rotateThen: { status: 200, body: HUGE } }),
    attempts: 3,
    message: /exceeded 1048576 bytes/
  }
]

// Every Composio request gets the hostile answer, the reads included: the preflight read and the
// read after each lost answer learn nothing, so the run cannot tell whether it rotated.
describe('hostile Composio answers: a clear error, exit 1, no crash, no body echoed, nothing written', () => {
  test.concurrent.each(hostile)('$name', ({ fault, inputs, attempts, message }) =>
    using({ composio: { fault } }, async scenario => {
      scenario.composio.expectViolations() // hostile on purpose
      const result = await scenario.run(inputs)
      const error = expectCleanFailure(result)
      expect(error).toMatch(message)
      expect(error).toContain(`Composio rotate_secret for subscription 'ws_123'`)
      // Each case is one whose answer may have followed a real rotation.
      expect(error).toContain('may have been rotated')
      expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(attempts)
      const printed = `${result.stdout}\n${result.stderr}\n${result.summary}`
      for (const echo of [MARK, '7351902468', '<html', 'DOCTYPE', 'xxxxxxxx'])
        expect(printed).not.toContain(echo)
      expectNothingWritten(scenario)
      expect(result.outputs['secret']).toBeUndefined()
      expectNoSecretLeaked(scenario, result)
    })
  )
})
