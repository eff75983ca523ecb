// Where the secret goes: `targets`, or `repository` and `environment`, read from INPUT_* through
// @actions/core as the runner passes them. How an organization secret is shared:
// target-inputs-visibility.test.ts.
import { describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/inputs/read.js'
import { readTargets } from '../../../src/inputs/target-inputs.js'
import { parseTargetLines, type Target } from '../../../src/inputs/targets.js'
import { thrown, withInputs, type Inputs } from './with-inputs.js'

/** null: GITHUB_REPOSITORY unset. */
const targetsOf = (inputs: Inputs, workflowRepository: string | null = 'acme/app'): Target[] =>
  withInputs(inputs, () => readTargets(workflowRepository ?? undefined)).targets

function errorOf(work: () => unknown, name: string, fragment?: string | RegExp): string {
  const error = thrown(work)
  expect(error).toBeInstanceOf(InputError)
  expect(error.message.startsWith(`Input '${name}': `)).toBe(true)
  if (fragment !== undefined) expect(error.message).toMatch(fragment)
  return error.message
}

describe('repository and environment', () => {
  test.each<[string, Inputs, string | null, Target]>([
    [
      'empty repository → the workflow’s',
      {},
      'acme/app',
      { kind: 'repository', owner: 'acme', repo: 'app' }
    ],
    [
      'explicit repository',
      { repository: 'other-org/other.repo' },
      'acme/app',
      { kind: 'repository', owner: 'other-org', repo: 'other.repo' }
    ],
    [
      'repository without GITHUB_REPOSITORY',
      { repository: 'x1/y_2' },
      null,
      { kind: 'repository', owner: 'x1', repo: 'y_2' }
    ],
    [
      'environment → in the workflow’s repository',
      { environment: 'production' },
      'acme/app',
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'production' }
    ],
    [
      'environment with spaces inside, in an explicit repository',
      { repository: 'o/r', environment: 'staging eu 1' },
      'acme/app',
      { kind: 'environment', owner: 'o', repo: 'r', environment: 'staging eu 1' }
    ]
  ])('%s', (_name, inputs, workflowRepository, target) => {
    expect(targetsOf(inputs, workflowRepository)).toEqual([target])
  })

  test('no repository and no GITHUB_REPOSITORY → error', () => {
    const message = errorOf(() => targetsOf({}, null), 'repository')
    expect(message).toBe("Input 'repository': is required (owner/name) when targets is empty")
  })

  test.each(['x', 'a/b/c', '/b', 'a/', 'a/..', 'a/.', '-a/b', 'a-/b', 'a b/c', 'a/b c', 'a/b@c'])(
    'repository %j → error quoting it',
    value => {
      errorOf(
        () => targetsOf({ repository: value }),
        'repository',
        `'${value}' is not a repository`
      )
    }
  )

  test('a bad GITHUB_REPOSITORY fallback is reported against repository', () => {
    errorOf(() => targetsOf({}, 'nonsense'), 'repository', "'nonsense'")
  })

  test('a bad repository with a valid environment → the error names repository', () => {
    errorOf(() => targetsOf({ repository: 'x', environment: 'production' }), 'repository')
  })

  test.each(['prod\u0001', 'a\u007fb', 'x'.repeat(256)])('environment %j → error', value => {
    errorOf(() => targetsOf({ environment: value }), 'environment', 'is not an environment name')
  })

  // Whatever the user can write in one form, the other accepts as the same target.
  test.each(['prod (eu) #2', '#1', 'release#2', 'a@b', 'Prödüction', 'x'.repeat(255)])(
    'environment %j and targets accept the same name',
    name => {
      const fromInput = targetsOf({ environment: name })
      expect(fromInput).toEqual(targetsOf({ targets: `acme/app@${name}` }))
      expect(fromInput).toEqual(parseTargetLines(`acme/app@${name}`))
      expect(fromInput[0]).toMatchObject({ kind: 'environment', environment: name })
    }
  )
})

describe('targets', () => {
  test('multi-line targets with comment lines and blank lines', () => {
    const text =
      '# where the secret goes\nacme/app\n\nacme/app@prod (eu) #2\n  # comment\norg:acme\n'
    expect(targetsOf({ targets: text })).toEqual([
      { kind: 'repository', owner: 'acme', repo: 'app' },
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'prod (eu) #2' },
      { kind: 'organization', org: 'acme' }
    ])
  })

  test.each<[string, Inputs, string | null]>([
    [
      'repository equal to GITHUB_REPOSITORY (the runner default)',
      { repository: 'acme/app' },
      'acme/app'
    ],
    ['empty repository', { repository: '' }, 'acme/app'],
    ['no GITHUB_REPOSITORY at all', {}, null]
  ])('targets with %s → accepted', (_name, inputs, workflowRepository) => {
    expect(targetsOf({ targets: 'o/r', ...inputs }, workflowRepository)).toEqual([
      { kind: 'repository', owner: 'o', repo: 'r' }
    ])
  })

  test.each<[string, Inputs, string | null, string]>([
    [
      'a different repository',
      { repository: 'acme/other' },
      'acme/app',
      "Input 'targets': cannot be combined with 'repository'; list it in targets"
    ],
    [
      'a repository while GITHUB_REPOSITORY is unset',
      { repository: 'acme/app' },
      null,
      "Input 'targets': cannot be combined with 'repository'; list it in targets"
    ],
    [
      'an environment',
      { environment: 'production' },
      'acme/app',
      "Input 'targets': cannot be combined with 'environment'; write owner/name@environment"
    ]
  ])('targets with %s → error', (_name, inputs, workflowRepository, message) => {
    expect(thrown(() => targetsOf({ targets: 'o/r', ...inputs }, workflowRepository)).message).toBe(
      message
    )
  })

  test.each([
    ['a bad line', 'acme/app\nnot-a-target', /line 2 \('not-a-target'\)/],
    ['only comments', '# nothing\n\n  # here', 'no targets'],
    ['a duplicate', 'acme/app\nACME/APP', /line 2.*duplicate of line 1/]
  ])('targets with %s → error', (_name, value, fragment) => {
    errorOf(() => targetsOf({ targets: value }), 'targets', fragment)
  })
})
