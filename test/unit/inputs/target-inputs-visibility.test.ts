// How an organization secret is shared: visibility and selected-repositories.
import { describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/inputs/read.js'
import {
  readOrganizationOptions,
  type OrganizationOptions
} from '../../../src/inputs/target-inputs.js'
import type { Target } from '../../../src/inputs/targets.js'
import { thrown, withInputs, type Inputs } from './with-inputs.js'

function errorOf(work: () => unknown, name: string, fragment: string): void {
  const error = thrown(work)
  expect(error).toBeInstanceOf(InputError)
  expect(error.message.startsWith(`Input '${name}': `)).toBe(true)
  expect(error.message).toContain(fragment)
}

describe('visibility and selected-repositories', () => {
  const ORG: Target[] = [{ kind: 'organization', org: 'acme' }]
  const options = (inputs: Inputs, targets = ORG): OrganizationOptions =>
    withInputs(inputs, () => readOrganizationOptions(targets))

  test.each<[string, Inputs, string | undefined, string[]]>([
    ['no visibility', {}, undefined, []],
    ['all', { visibility: 'all' }, 'all', []],
    ['private', { visibility: 'private' }, 'private', []],
    [
      'selected, comma separated',
      { visibility: 'selected', 'selected-repositories': 'app, web,api' },
      'selected',
      ['app', 'web', 'api']
    ],
    [
      'selected, newline separated',
      { visibility: 'selected', 'selected-repositories': 'app\nweb\r\n\napi\n' },
      'selected',
      ['app', 'web', 'api']
    ],
    [
      'selected, both separators',
      { visibility: 'selected', 'selected-repositories': 'app,\nweb.site' },
      'selected',
      ['app', 'web.site']
    ]
  ])('%s', (_name, inputs, visibility, selected) => {
    expect(options(inputs)).toEqual({ visibility, selectedRepositories: selected })
  })

  test('visibility with an org target among others is accepted', () => {
    const mixed: Target[] = [{ kind: 'repository', owner: 'acme', repo: 'app' }, ...ORG]
    expect(options({ visibility: 'private' }, mixed).visibility).toBe('private')
  })

  const REPO_ONLY: Target[] = [{ kind: 'repository', owner: 'acme', repo: 'app' }]
  test.each<[string, string, Inputs, Target[], string]>([
    [
      'visibility',
      'unknown value',
      { visibility: 'public' },
      ORG,
      "'public' is not one of all, private, selected"
    ],
    ['visibility', 'wrong case', { visibility: 'All' }, ORG, "'All' is not one of"],
    [
      'visibility',
      'no org target',
      { visibility: 'all' },
      REPO_ONLY,
      'applies only to organization targets (org:NAME)'
    ],
    [
      'selected-repositories',
      'selected without a list',
      { visibility: 'selected' },
      ORG,
      "is required when visibility is 'selected'"
    ],
    [
      'selected-repositories',
      'selected with only separators',
      { visibility: 'selected', 'selected-repositories': ' ,\n, ' },
      ORG,
      'is required'
    ],
    [
      'selected-repositories',
      'a list with visibility all',
      { visibility: 'all', 'selected-repositories': 'app' },
      ORG,
      "is allowed only with visibility 'selected'"
    ],
    [
      'selected-repositories',
      'a list without visibility',
      { 'selected-repositories': 'app' },
      ORG,
      "only with visibility 'selected'"
    ],
    [
      'selected-repositories',
      'an owner/name instead of a name',
      { visibility: 'selected', 'selected-repositories': 'app, acme/web' },
      ORG,
      "'acme/web' is not a repository name"
    ],
    [
      'selected-repositories',
      "'..'",
      { visibility: 'selected', 'selected-repositories': '..' },
      ORG,
      "'..'"
    ]
  ])('%s: %s → error', (name, _how, inputs, targets, fragment) => {
    errorOf(() => options(inputs, targets), name, fragment)
  })
})
