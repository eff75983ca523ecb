// Write access proved by a write, on the bundle. GitHub lets a read-only token read a public key,
// so the preflight writes a probe secret, <NAME>_WRITE_CHECK, to every target before anything is
// rotated, and deletes it once the real writes have gone out. No value a consumer reads changes.
import { afterEach, describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import {
  NAME,
  PROBE,
  ROTATE,
  leaksOfAll,
  on,
  requestsTo,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const PROBE_NAME = `${NAME}_WRITE_CHECK`
const TARGETS = 'acme/app\nacme/app@production\norg:acme'
const SCOPES = ['acme/app', 'acme/app@production', 'org:acme']
const world: GitHubOptions = {
  repositories: { 'acme/app': { environments: ['production'] } },
  organizations: { acme: { repositories: ['app'] } }
}
/** What a fine-grained token with "Secrets: Read" only gets for any write. */
const readOnly = {
  status: 403,
  body: {
    message: 'Resource not accessible by personal access token',
    documentation_url: 'https://docs.github.com/rest/actions/secrets',
    status: '403'
  }
}

function errorOf(result: RunResult): string {
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!.replace(/%0A/g, '\n')
}

describe('a read-only token (every write answers 403)', () => {
  test.each([
    ['a dry run', { 'dry-run': 'true' }],
    ['a real run', {}]
  ])('%s fails before any rotation, naming the missing permission', async (_, inputs) => {
    scenario = await startScenario({ ...world, fault: on('PUT', /./, readOnly) })
    const before = scenario.composio.currentSecret('ws_123')
    const result = await scenario.run({ repository: '', targets: TARGETS, ...inputs })
    const error = errorOf(result)
    expect(result.code).toBe(1)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
    expect(scenario.composio.currentSecret('ws_123')).toBe(before)
    expect(error).toMatch(/^::error::Nothing was rotated: 3 of 3 targets cannot be written\./)
    expect(error).toContain(
      `acme/app: a test write (${PROBE_NAME}) was refused: HTTP 403: Resource not accessible by personal access token`
    )
    expect(error).toContain(
      "'Secrets: Read and write' (fine-grained PAT), 'secrets: write' (GitHub App)"
    )
    expect(error).toContain("'organization_secrets: write' (GitHub App)")
    expect(error).not.toContain('every target is writable')
    for (const scope of SCOPES) expect(scenario.github.secret(scope, NAME)).toBeUndefined()
  })
})

describe('the probe', () => {
  test('is written before the rotation, holds no secret, and is deleted after the writes', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ repository: '', targets: TARGETS })
    expect(result.code).toBe(0)
    const rotate = scenario.composio.requests.find(r => ROTATE.test(r.path))!
    const probes = scenario.github.requests.filter(r => r.method === 'PUT' && PROBE.test(r.path))
    expect(probes).toHaveLength(3)
    for (const probe of probes) expect(probe.endedAt!).toBeLessThanOrEqual(rotate.startedAt)
    // Sealed for each scope's own key; it opens to a throwaway text, never to a secret.
    for (const probe of probes) {
      const scope = SCOPES.find(s =>
        probe.path.includes(
          s.startsWith('org:')
            ? '/orgs/acme/'
            : s.includes('@')
              ? '/environments/production/'
              : '/repos/acme/app/actions/'
        )
      )!
      const value = scenario.github.open(
        scope,
        (probe.body as { encrypted_value: string }).encrypted_value
      )
      expect(value).toMatch(/^write check by rotate-composio-webhook-secret/)
      expect(scenario.composio.secretsHeld('ws_123')).not.toContain(value)
    }
    // The organization probe is readable by no repository.
    const orgProbe = probes.find(p => p.path.startsWith('/orgs/'))!
    expect(orgProbe.body).toMatchObject({ visibility: 'selected', selected_repository_ids: [] })
    for (const scope of SCOPES) {
      expect(scenario.github.secretEntry(scope, PROBE_NAME)).toBeUndefined()
      expect(scenario.github.secret(scope, NAME)).toBe(scenario.composio.currentSecret('ws_123'))
    }
    // Deleted once the writes went out (behind them in the write queue, which is FIFO: see
    // test/unit/github/limits.test.ts), so never while the old secret was still the live one.
    for (const remove of scenario.github.requests.filter(r => r.method === 'DELETE'))
      expect(remove.startedAt).toBeGreaterThanOrEqual(rotate.endedAt!)
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })

  test('never touches the secret consumers read: a dry run leaves an existing value as it was', async () => {
    scenario = await startScenario()
    await scenario.run() // the secret exists now
    const stored = scenario.github.secretEntry('acme/app', NAME)!
    const result = await scenario.run({ 'dry-run': 'true' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      `Every target accepted a test write (${PROBE_NAME}, deleted again now: a dry run writes nothing else).`
    )
    expect(scenario.github.secretEntry('acme/app', NAME)).toEqual(stored)
    expect(scenario.github.secretEntry('acme/app', PROBE_NAME)).toBeUndefined()
  })

  test('that cannot be deleted: a warning naming it and the target; the run still succeeds', async () => {
    scenario = await startScenario({
      ...world,
      fault: on('DELETE', /\/environments\/production\//, {
        status: 403,
        body: { message: 'Must have admin rights' }
      })
    })
    const result = await scenario.run({ repository: '', targets: TARGETS })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      new RegExp(
        `::warning::Could not delete the write-check secret ${PROBE_NAME} from acme/app@production \\(HTTP 403: Must have admin rights`
      )
    )
    expect(scenario.github.secretEntry('acme/app@production', PROBE_NAME)).toBeDefined()
    expect(scenario.github.secretEntry('acme/app', PROBE_NAME)).toBeUndefined()
  })

  test('a failed check removes the probes that were written', async () => {
    scenario = await startScenario({ ...world, fault: on('PUT', /^\/orgs\//, readOnly) })
    const result = await scenario.run({ repository: '', targets: TARGETS })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(/Nothing was rotated: 1 of 3 targets cannot be written/)
    for (const scope of SCOPES)
      expect(scenario.github.secretEntry(scope, PROBE_NAME)).toBeUndefined()
  })
})
