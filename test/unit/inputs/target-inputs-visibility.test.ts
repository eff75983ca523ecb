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

  /** visibility: selected, with `list` as selected-repositories. */
  const selected = (list: string): Inputs => ({
    visibility: 'selected',
    'selected-repositories': list
  })

  test.each<[string, Inputs, string | undefined, string[]]>([
    ['no visibility', {}, undefined, []],
    ['all', { visibility: 'all' }, 'all', []],
    ['private', { visibility: 'private' }, 'private', []],
    ['selected, comma separated', selected('app, web,api'), 'selected', ['app', 'web', 'api']],
    [
      'selected, newline separated',
      selected('app\nweb\r\n\napi\n'),
      'selected',
      ['app', 'web', 'api']
    ],
    ['selected, both separators', selected('app,\nweb.site'), 'selected', ['app', 'web.site']]
  ])('%s', (_name, inputs, visibility, repositories) => {
    expect(options(inputs)).toEqual({ visibility, selectedRepositories: repositories })
  })

  test('visibility with an org target among others is accepted', () => {
    const mixed: Target[] = [{ kind: 'repository', owner: 'acme', repo: 'app' }, ...ORG]
    expect(options({ visibility: 'private' }, mixed).visibility).toBe('private')
  })

  const REPO_ONLY: Target[] = [{ kind: 'repository', owner: 'acme', repo: 'app' }]
  // By the input the error names: how it is wrong, the inputs, a fragment of the error, and the
  // targets (the org alone unless given).
  const ERRORS: Record<string, [string, Inputs, string, Target[]?][]> = {
    visibility: [
      ['unknown value', { visibility: 'public' }, "'public' is not one of all, private, selected"],
      ['wrong case', { visibility: 'All' }, "'All' is not one of"],
      [
        'no org target',
        { visibility: 'all' },
        'applies only to organization targets (org:NAME)',
        REPO_ONLY
      ]
    ],
    'selected-repositories': [
      [
        'selected without a list',
        { visibility: 'selected' },
        "is required when visibility is 'selected'"
      ],
      ['selected with only separators', selected(' ,\n, '), 'is required'],
      [
        'a list with visibility all',
        { visibility: 'all', 'selected-repositories': 'app' },
        "is allowed only with visibility 'selected'"
      ],
      [
        'a list without visibility',
        { 'selected-repositories': 'app' },
        "only with visibility 'selected'"
      ],
      [
        'an owner/name instead of a name',
        selected('app, acme/web'),
        "'acme/web' is not a repository name"
      ],
      ["'..'", selected('..'), "'..'"]
    ]
  }
  test.each(
    Object.entries(ERRORS).flatMap(([name, rows]) => rows.map(row => [name, ...row] as const))
  )('%s: %s → error', (name, _how, inputs, fragment, targets = ORG) => {
    errorOf(() => options(inputs, targets), name, fragment)
  })
})
