// reachProblem: whether a run of the redeployed repository reads what is written for it.
import { describe, expect, test } from '@jest/globals'
import type { OrganizationAccess } from '../../../src/github/secrets.js'
import type { RedeployLine } from '../../../src/inputs/redeploy.js'
import { reachProblem, type TargetAccess } from '../../../src/redeploy/reach.js'

const line = (labels: string[]): RedeployLine & { workflowPath: string } => ({
  line: 'acme/app: deploy.yml',
  workflowPath: '.github/workflows/deploy.yml',
  owner: 'acme',
  repo: 'app',
  workflow: 'deploy.yml',
  ref: undefined,
  labels
})
const org = (access: OrganizationAccess, store?: 'dependabot'): TargetAccess => ({
  target: { kind: 'organization', org: 'acme', ...(store && { store }) },
  label: store ? `${store}:org:acme` : 'org:acme',
  access
})
const repo = (visibility: string) => ({ id: 7, defaultBranch: 'main', visibility })

describe('reachProblem', () => {
  test.each<[string, OrganizationAccess, string, boolean]>([
    ['all, public', { visibility: 'all' }, 'public', true],
    ['private, private', { visibility: 'private' }, 'private', true],
    ['private, internal', { visibility: 'private' }, 'internal', true],
    ['private, public', { visibility: 'private' }, 'public', false],
    [
      'selected, included',
      { visibility: 'selected', selectedRepositoryIds: [3, 7] },
      'public',
      true
    ],
    [
      'selected, not included',
      { visibility: 'selected', selectedRepositoryIds: [3] },
      'private',
      false
    ],
    ['selected, none', { visibility: 'selected' }, 'private', false]
  ])('an organization secret, %s', (_name, access, visibility, reads) => {
    const problem = reachProblem(line(['org:acme']), repo(visibility), [org(access)], false)
    expect(problem === undefined).toBe(reads)
  })

  test("the repository's own target reaches it, whatever the organization secret's visibility", () => {
    const own: TargetAccess = {
      target: { kind: 'repository', owner: 'acme', repo: 'app' },
      label: 'acme/app'
    }
    const targets = [org({ visibility: 'selected', selectedRepositoryIds: [] }), own]
    expect(reachProblem(line(['acme/app', 'org:acme']), repo('public'), targets, false)).toBe(
      undefined
    )
  })

  test('a Dependabot organization secret does not count, even when visible to all', () => {
    const targets = [org({ visibility: 'all' }, 'dependabot'), org({ visibility: 'private' })]
    const problem = reachProblem(
      line(['dependabot:org:acme', 'org:acme']),
      repo('public'),
      targets,
      true
    )
    expect(problem).toBe(
      "acme/app could not read the secret, so its deploy would ship the old one: org:acme's secret will be visible to private and internal repositories only (visibility: private), and this repository is public (visibility not given: the existing secret's is kept, private for a new one). Add acme/app to targets, run the deploy job in the environment, or widen the organization secret's visibility"
    )
  })

  test("an environment's secret reaches a job that runs in it, or one the file cannot settle", () => {
    const production: TargetAccess = {
      target: { kind: 'environment', owner: 'acme', repo: 'app', environment: 'production' },
      label: 'acme/app@production'
    }
    const reach = (environments: string[] | undefined) =>
      reachProblem(line(['acme/app@production']), undefined, [production], false, environments)
    expect(reach(['staging', 'Production'])).toBeUndefined()
    expect(reach(undefined)).toBeUndefined()
    expect(reach(['staging'])).toBe(
      "acme/app could not read the secret, so its deploy would ship the old one: acme/app@production's secret is an environment's, and no job of .github/workflows/deploy.yml runs in environment 'production'. Add acme/app to targets, run the deploy job in the environment, or widen the organization secret's visibility"
    )
    expect(reach([])).toBeDefined()
  })
})
