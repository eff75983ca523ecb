// Partial failure after the rotation: every target is attempted, the ones that failed are named
// with a replay recipe that opens to the rotated secret, and the ones that landed are reported
// as landed. The bundled action, five targets, two of them refused by GitHub for good.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import {
  PROBE,
  SECRET_WRITE,
  leaksOfAll,
  replayBodies,
  row,
  sha256Prefix,
  startScenario,
  type Scenario
} from '../support/scenario.js'

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const TARGETS = [
  'acme/app',
  'acme/app@production',
  'acme/app@staging',
  'acme/api',
  'acme/api@production'
]
const WRITTEN = ['acme/app', 'acme/app@production', 'acme/api@production']
const REFUSED: Record<string, { path: string; status: number; message: string }> = {
  'acme/app@staging': {
    path: `/repos/acme/app/environments/staging/secrets/${NAME}`,
    status: 422,
    message: 'Unprocessable Entity'
  },
  'acme/api': {
    path: `/repos/acme/api/actions/secrets/${NAME}`,
    status: 500,
    message: 'Server Error'
  }
}

let scenario: Scenario
let result: RunResult
let secret: string
let error: string

// One run, many observations: the run takes Octokit's real backoff on the 500s (0.5 s + 2 s).
beforeAll(async () => {
  scenario = await startScenario({
    repositories: {
      'acme/app': { environments: ['production', 'staging'] },
      'acme/api': { environments: ['production'] }
    },
    fault: ({ method, path }: { method: string; path: string }) => {
      const refused = Object.values(REFUSED).find(r => r.path === path)
      return method === 'PUT' && refused
        ? { status: refused.status, body: { message: refused.message } }
        : undefined
    }
  })
  result = await scenario.run({ repository: '', targets: TARGETS.join('\n') })
  secret = scenario.composio.currentSecret('ws_123')!
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  error = errors[0]!.replace(/%0A/g, '\n').replace(/%25/g, '%')
})
afterAll(async () => scenario?.close())

describe('two of five targets refuse the write', () => {
  test('the run fails, cleanly, after rotating once', () => {
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(error).toMatch(/^::error::The webhook subscription 'ws_123' WAS ROTATED/)
  })

  test('every target was attempted; the 500 was retried, the 422 was not', () => {
    const puts = scenario.github.requests
      .filter(r => r.method === 'PUT' && SECRET_WRITE.test(r.path))
      .map(r => r.path)
    expect(new Set(puts).size).toBe(5)
    expect(puts.filter(p => p === REFUSED['acme/api']!.path)).toHaveLength(3)
    expect(puts.filter(p => p === REFUSED['acme/app@staging']!.path)).toHaveLength(1)
  })

  test('the three others hold the rotated secret (the fake opened what it received)', () => {
    for (const target of WRITTEN) expect(scenario.github.secret(target, NAME)).toBe(secret)
    for (const target of Object.keys(REFUSED))
      expect(scenario.github.secret(target, NAME)).toBeUndefined()
  })

  test('the error carries one replay recipe per unwritten target, each opening to the secret', () => {
    const recipes = replayBodies(error)
    expect([...recipes.keys()].sort()).toEqual(Object.keys(REFUSED).sort())
    for (const [target, body] of recipes) {
      expect(body.key_id).toBe(scenario.github.publicKey(target).key_id)
      expect(scenario.github.open(target, body.encrypted_value)).toBe(secret)
      expect(error).toContain(`'${scenario.github.url}${REFUSED[target]!.path}'`)
    }
  })

  // One line per target, in the order given, the failed ones among the others; then the recipes.
  test('the error lists every target on a line of its own, written or NOT WRITTEN', () => {
    const lines = error.split('\n')
    const status = lines.slice(1, 6)
    expect(status).toEqual([
      'acme/app: created',
      'acme/app@production: created',
      'acme/app@staging: NOT WRITTEN (HTTP 422: Unprocessable Entity. Hint: GitHub refused the request as malformed)',
      'acme/api: NOT WRITTEN (HTTP 500: Server Error)',
      'acme/api@production: created'
    ])
    expect(lines[6]).toMatch(/^Finish by hand: run this action again with rotate: false/)
    expect(lines[7]).toMatch(/^# To finish acme\/app@staging by hand/)
  })

  test('the write checks were made before the rotation and removed after it', () => {
    for (const target of TARGETS)
      expect(scenario.github.secretEntry(target, `${NAME}_WRITE_CHECK`)).toBeUndefined()
    expect(scenario.github.requests.filter(r => PROBE.test(r.path))).toHaveLength(10)
  })

  test('the job summary: the outcome first, a row for each of the five, a section per unwritten one', () => {
    expect(result.summary).toMatch(
      /^<h2>❌ Composio webhook secret rotated, but NOT written to 2 of 5 targets: finish by hand<\/h2>/
    )
    for (const target of WRITTEN) expect(result.summary).toContain(row('✅ created', target))
    for (const target of Object.keys(REFUSED))
      expect(result.summary).toContain(`${row('❌ NOT WRITTEN', target)}<td>—</td></tr>`)
    expect(result.summary).toContain(
      '<h4>❌ acme/app@staging</h4>\n<p>HTTP 422: Unprocessable Entity. Hint: GitHub refused the request as malformed</p>'
    )
    expect(result.summary).toContain('<h4>❌ acme/api</h4>\n<p>HTTP 500: Server Error</p>')
    const recipes = replayBodies(result.summary)
    expect([...recipes.keys()].sort()).toEqual(Object.keys(REFUSED).sort())
    for (const [target, body] of recipes)
      expect(scenario.github.open(target, body.encrypted_value)).toBe(secret)
  })

  test('outputs: the masked secret and its fingerprint are set; targets lists the three written', () => {
    expect(result.outputs['secret']).toBe(secret)
    expect(result.outputs['fingerprint']).toBe(sha256Prefix(secret))
    expect(JSON.parse(result.outputs['targets']!)).toEqual(WRITTEN)
  })

  test('the secret, and the one before it, are printed nowhere', () => {
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})
