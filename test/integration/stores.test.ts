// Dependabot and Codespaces secrets: the same preflight, write check, sealing and recipes as
// Actions secrets, each store and scope with its own key (recipes and selected visibility:
// fan-out.test.ts).
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  NAME,
  PROBE,
  SECRET_WRITE,
  leaks,
  on,
  requestsTo,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const world: GitHubOptions = {
  repositories: { 'acme/app': {} },
  organizations: { acme: { repositories: ['api', 'web'] } }
}
const STORE_TARGETS = [
  'dependabot:acme/app',
  'dependabot:org:acme',
  'codespaces:acme/app',
  'codespaces:org:acme'
]

describe('Dependabot and Codespaces targets', () => {
  test('every store and scope holds the secret, each sealed with its own key', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ targets: ['acme/app', ...STORE_TARGETS].join('\n') })
    expect(result.code).toBe(0)
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(scenario.composio.rotations).toHaveLength(1)
    // The fake opened every stored value with the private key of that store and scope.
    for (const scope of ['acme/app', ...STORE_TARGETS])
      expect(scenario.github.secret(scope, NAME)).toBe(secret)
    // Five scopes, five keypairs.
    const keys = ['acme/app', ...STORE_TARGETS].map(scope => scenario.github.publicKey(scope).key)
    expect(new Set(keys).size).toBe(5)
    expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app', ...STORE_TARGETS])
    for (const store of ['dependabot', 'codespaces']) {
      expect(requestsTo(scenario.github, 'GET', new RegExp(`/${store}/secrets/public-key$`))).toBe(
        2
      )
      expect(requestsTo(scenario.github, 'PUT', new RegExp(`/${store}/secrets/${NAME}$`))).toBe(2)
      expect(
        requestsTo(scenario.github, 'DELETE', new RegExp(`/${store}/secrets/${NAME}_WRITE_CHECK$`))
      ).toBe(2)
      // The organization secret's current visibility is read from the store's own endpoint.
      expect(
        requestsTo(scenario.github, 'GET', new RegExp(`/orgs/acme/${store}/secrets/${NAME}$`))
      ).toBe(1)
    }
    // New organization secrets are private, as for Actions.
    expect(scenario.github.secretEntry('dependabot:org:acme', NAME)!.visibility).toBe('private')
    expect(scenario.github.secretEntry('codespaces:org:acme', NAME)!.visibility).toBe('private')
    expect(result.summary).toContain('<td>✅ created</td><td>dependabot:acme/app</td>')
    expect(result.summary).toContain('<td>✅ created</td><td>codespaces:org:acme</td>')
    expect(leaks(result, secret)).toEqual([])
  })

  test('an environment on a Dependabot target is refused before any request, naming the line', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ targets: 'acme/app\ndependabot:acme/app@prod' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      "::error::Input 'targets': line 2 ('dependabot:acme/app@prod'): dependabot secrets have no environments (environments exist only for Actions secrets); write dependabot:acme/app"
    )
    expect(scenario.github.requests).toHaveLength(0)
    expect(scenario.composio.requests).toHaveLength(0)
  })

  test("a token that may not write Codespaces secrets: nothing rotated, the store's permission named", async () => {
    scenario = await startScenario({
      ...world,
      fault: on('PUT', /\/codespaces\/secrets\//, {
        status: 403,
        body: { message: 'Resource not accessible by personal access token' }
      })
    })
    const result = await scenario.run({ targets: 'acme/app\ncodespaces:acme/app' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `Nothing was rotated: 1 of 2 targets cannot be written.%0A  - codespaces:acme/app: a test write (${NAME}_WRITE_CHECK) was refused: HTTP 403`
    )
    expect(result.stdout).toContain("'Codespaces secrets: Read and write' (fine-grained PAT)")
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(requestsTo(scenario.github, 'PUT', PROBE)).toBe(2)
  })
})
