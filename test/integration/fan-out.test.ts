// One rotation, every consumer: mixed repository, environment and organization targets.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  PROBE,
  SECRET_WRITE,
  leaks,
  on,
  replayBodies,
  requestsTo,
  row,
  startScenario,
  type GitHubOptions,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const world: GitHubOptions = {
  repositories: {
    'acme/app': { environments: ['production', 'staging', 'prod (eu)', 'prod (eu) #2'] },
    'acme/worker': {},
    'beta/site': { environments: ['prod'] }
  },
  organizations: {
    acme: {
      repositories: ['api', 'web', 'billing'],
      secrets: {
        SHARED: { visibility: 'selected', selectedRepositories: ['api', 'billing'] },
        OPEN: { visibility: 'all' }
      }
    },
    beta: { repositories: ['one'] }
  }
}

describe('mixed targets', () => {
  test('every target opens to the same secret from a single rotation', async () => {
    scenario = await startScenario(world)
    const targets = [
      'acme/app',
      'acme/app@production',
      '  # comment line',
      '',
      'acme/worker',
      'beta/site@prod',
      'org:acme'
    ]
    const result = await scenario.run({ targets: targets.join('\n') })
    expect(result.code).toBe(0)
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(scenario.composio.rotations).toHaveLength(1)
    const written = ['acme/app', 'acme/app@production', 'acme/worker', 'beta/site@prod', 'org:acme']
    for (const scope of written) expect(scenario.github.secret(scope, NAME)).toBe(secret)
    expect(JSON.parse(result.outputs['targets']!)).toEqual(written)
    // Per target one key read, a write check and its delete, and one write; plus one visibility
    // read for the organization.
    expect(requestsTo(scenario.github, 'GET', /\/public-key$/)).toBe(5)
    expect(requestsTo(scenario.github, 'PUT', PROBE)).toBe(5)
    expect(requestsTo(scenario.github, 'DELETE', PROBE)).toBe(5)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(5)
    expect(scenario.github.requests).toHaveLength(21)
    // A new organization secret is private: never wider than asked.
    expect(scenario.github.secretEntry('org:acme', NAME)!.visibility).toBe('private')
    expect(leaks(result, secret)).toEqual([])
  })

  test('organization secret with selected repositories given by name, in every store', async () => {
    scenario = await startScenario(world)
    const scopes = ['org:acme', 'dependabot:org:acme', 'codespaces:org:acme']
    const result = await scenario.run({
      targets: scopes.join('\n'),
      visibility: 'selected',
      'selected-repositories': 'api,\nweb'
    })
    expect(result.code).toBe(0)
    const ids = [scenario.github.repoId('acme/api'), scenario.github.repoId('acme/web')]
    for (const scope of scopes) {
      const entry = scenario.github.secretEntry(scope, NAME)!
      expect(entry.visibility).toBe('selected')
      expect(entry.selectedRepositoryIds).toEqual(ids)
    }
    const puts = scenario.github.requests.filter(
      r => r.method === 'PUT' && SECRET_WRITE.test(r.path)
    )
    expect(puts).toHaveLength(3)
    for (const put of puts)
      expect(put.body).toMatchObject({ visibility: 'selected', selected_repository_ids: ids })
  })

  test('an update keeps the existing visibility and selected repositories', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ targets: 'org:acme', 'secret-name': 'SHARED' })
    expect(result.code).toBe(0)
    const entry = scenario.github.secretEntry('org:acme', 'SHARED')!
    expect(entry.value).toBe(scenario.composio.currentSecret('ws_123'))
    expect(entry.visibility).toBe('selected')
    expect(entry.selectedRepositoryIds).toEqual([
      scenario.github.repoId('acme/api'),
      scenario.github.repoId('acme/billing')
    ])
    expect(result.summary).toContain(row('✅ updated', 'org:acme'))
  })

  test('an existing visibility "all" is kept, and changed only when asked', async () => {
    scenario = await startScenario(world)
    const kept = await scenario.run({ targets: 'org:acme', 'secret-name': 'OPEN' })
    expect(kept.code).toBe(0)
    expect(scenario.github.secretEntry('org:acme', 'OPEN')!.visibility).toBe('all')
    const changed = await scenario.run({
      targets: 'org:acme',
      'secret-name': 'OPEN',
      visibility: 'private'
    })
    expect(changed.code).toBe(0)
    expect(scenario.github.secretEntry('org:acme', 'OPEN')!.visibility).toBe('private')
    // Asked-for visibility needs no read of the current one.
    expect(requestsTo(scenario.github, 'GET', /\/actions\/secrets\/OPEN$/)).toBe(1)
  })
})

describe('names are never shortened', () => {
  test("a '#' inside a targets line is part of the environment's name, as in the environment input", async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ targets: '# the EU stage\nacme/app@prod (eu) #2' })
    expect(result.code).toBe(0)
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(scenario.github.secret('acme/app@prod (eu) #2', NAME)).toBe(secret)
    expect(scenario.github.secret('acme/app@prod (eu)', NAME)).toBeUndefined()
    expect(JSON.parse(result.outputs['targets']!)).toEqual(['acme/app@prod (eu) #2'])
    const again = await scenario.run({ environment: 'prod (eu) #2' })
    expect(again.code).toBe(0)
    expect(scenario.github.secret('acme/app@prod (eu) #2', NAME)).toBe(
      scenario.composio.currentSecret('ws_123')
    )
    expect(scenario.github.secret('acme/app@prod (eu)', NAME)).toBeUndefined()
  })
})

describe('preflight across targets', () => {
  test('a bad line names its line number and the line; zero requests', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ targets: 'acme/app\n\nacme/app@\norg:acme' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("::error::Input 'targets': line 3 ('acme/app@')")
    expect(scenario.github.requests).toHaveLength(0)
    expect(scenario.composio.requests).toHaveLength(0)
  })

  test('targets together with another repository is refused', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({ targets: 'acme/app', repository: 'acme/worker' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("Input 'targets': cannot be combined with 'repository'")
    expect(scenario.github.requests).toHaveLength(0)
  })

  test('one unreachable target among five: nothing rotated, the failing one named with its hint', async () => {
    scenario = await startScenario(world)
    const targets = ['acme/app', 'acme/app@staging', 'acme/worker', 'acme/ghost', 'org:beta']
    const result = await scenario.run({ targets: targets.join('\n') })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /Nothing was rotated: 1 of 5 targets cannot be written\.%0A {2}- acme\/ghost: could not read the public key: HTTP 404/
    )
    expect(scenario.composio.rotations).toHaveLength(0)
    expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
    // Every target was checked, not just up to the first failure.
    expect(requestsTo(scenario.github, 'GET', /\/public-key$/)).toBe(5)
  })

  test('an unknown selected repository fails the preflight', async () => {
    scenario = await startScenario(world)
    const result = await scenario.run({
      targets: 'org:acme',
      visibility: 'selected',
      'selected-repositories': 'api nope'
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /org:acme: could not find the selected repository acme\/nope: HTTP 404: Not Found\. Hint: the repository does not exist/
    )
    expect(scenario.composio.rotations).toHaveLength(0)
  })

  test('each target is sealed with its own key: a replayed value opens only in its own scope', async () => {
    scenario = await startScenario({
      ...world,
      fault: on('PUT', SECRET_WRITE, { status: 422, body: { message: 'no' } })
    })
    // Dependabot and Codespaces scopes too: each store has its own keys.
    const targets = [
      'acme/app',
      'acme/app@production',
      'org:acme',
      'dependabot:acme/app',
      'codespaces:org:acme'
    ]
    const result = await scenario.run({ targets: targets.join('\n') })
    expect(result.code).toBe(1)
    const bodies = replayBodies(result.stdout)
    expect([...bodies.keys()].sort()).toEqual([...targets].sort())
    const secret = scenario.composio.currentSecret('ws_123')
    for (const [scope, body] of bodies) {
      expect(scenario.github.open(scope, body.encrypted_value)).toBe(secret)
      expect(body.key_id).toBe(scenario.github.publicKey(scope).key_id)
    }
    expect(() =>
      scenario.github.open('acme/app', bodies.get('org:acme')!.encrypted_value)
    ).toThrow()
    expect(() =>
      scenario.github.open('acme/app', bodies.get('dependabot:acme/app')!.encrypted_value)
    ).toThrow()
    expect(result.stdout).toContain(`/repos/acme/app/dependabot/secrets/${NAME}`)
    expect(result.stdout).toContain(`/orgs/acme/codespaces/secrets/${NAME}`)
  })
})

describe('an Enterprise Managed User owns repositories too', () => {
  test('mona_acme/app and its environment: written, as GitHub names managed users handle_shortcode', async () => {
    scenario = await startScenario({
      repositories: { 'mona_acme/app': { environments: ['production'] } }
    })
    const result = await scenario.run({
      repository: '',
      targets: 'mona_acme/app\nmona_acme/app@production'
    })
    expect(result.code).toBe(0)
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(scenario.github.secret('mona_acme/app', NAME)).toBe(secret)
    expect(scenario.github.secret('mona_acme/app@production', NAME)).toBe(secret)
    expect(leaks(result, secret)).toEqual([])
  })
})
