import { describe, expect, test } from '@jest/globals'
import {
  LineErrors,
  MAX_TARGETS,
  formatTarget,
  isRepositoryName,
  parseTarget,
  parseTargetLines,
  type Target
} from '../../../src/inputs/targets.js'
import { thrown } from './with-inputs.js'

const OWNER_39 = 'o'.repeat(39)
const REPO_100 = 'r'.repeat(100)
const ENV_255 = 'e'.repeat(255)
const env = (environment: string): Target => ({
  kind: 'environment',
  owner: 'acme',
  repo: 'app',
  environment
})

describe('parseTarget: the three syntaxes', () => {
  test.each<[string, Target]>([
    ['acme/app', { kind: 'repository', owner: 'acme', repo: 'app' }],
    [
      'Acme-Corp/my.repo_name-2',
      { kind: 'repository', owner: 'Acme-Corp', repo: 'my.repo_name-2' }
    ],
    ['acme/.github', { kind: 'repository', owner: 'acme', repo: '.github' }],
    [`${OWNER_39}/${REPO_100}`, { kind: 'repository', owner: OWNER_39, repo: REPO_100 }],
    // Enterprise Managed Users: handle_shortcode (the shortcode: 3 to 8 alphanumerics).
    ['mona_acme/app', { kind: 'repository', owner: 'mona_acme', repo: 'app' }],
    ['mona-lisa_ACME2024/app', { kind: 'repository', owner: 'mona-lisa_ACME2024', repo: 'app' }],
    [
      'octo_admin/app@prod',
      { kind: 'environment', owner: 'octo_admin', repo: 'app', environment: 'prod' }
    ],
    [
      `${'m'.repeat(34)}_acme/app`,
      { kind: 'repository', owner: `${'m'.repeat(34)}_acme`, repo: 'app' }
    ],
    ['acme/app@production', env('production')],
    ['acme/app@staging eu (blue)', env('staging eu (blue)')],
    ['acme/app@prod/eu-1', env('prod/eu-1')],
    ['acme/app@Prödüction', env('Prödüction')],
    ['acme/app@prod (eu) #2', env('prod (eu) #2')],
    ['acme/app@#1', env('#1')],
    ['acme/app@a@b', env('a@b')],
    [`acme/app@${ENV_255}`, env(ENV_255)],
    ['org:acme', { kind: 'organization', org: 'acme' }],
    ['org:a-b-c', { kind: 'organization', org: 'a-b-c' }],
    [`org:${OWNER_39}`, { kind: 'organization', org: OWNER_39 }]
  ])('%j', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected)
  })

  test.each(['ORG:acme', 'Org:acme'])('the org: prefix is case-insensitive (%j)', text => {
    expect(parseTarget(text)).toEqual({ kind: 'organization', org: 'acme' })
  })
})

describe('parseTarget: Dependabot and Codespaces stores', () => {
  test.each<[string, Target]>([
    [
      'dependabot:acme/app',
      { kind: 'repository', owner: 'acme', repo: 'app', store: 'dependabot' }
    ],
    ['dependabot:org:acme', { kind: 'organization', org: 'acme', store: 'dependabot' }],
    [
      'codespaces:acme/app',
      { kind: 'repository', owner: 'acme', repo: 'app', store: 'codespaces' }
    ],
    ['Codespaces:ORG:acme', { kind: 'organization', org: 'acme', store: 'codespaces' }]
  ])('%j', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected)
  })

  test.each([
    [
      'dependabot:acme/app@prod',
      'dependabot secrets have no environments (environments exist only for Actions secrets); write dependabot:acme/app'
    ],
    ['codespaces:acme/app@prod', 'codespaces secrets have no environments'],
    ['dependabot:', "'' is not a repository"],
    ['dependabot:codespaces:acme/app', "'codespaces:acme/app' is not a repository"],
    ['dependabot: acme/app', "' acme/app' is not a repository"]
  ])('%j is refused', (text, fragment) => {
    expect(() => parseTarget(text)).toThrow(fragment)
  })

  test('the store prefix is part of the line: a store target names its line', () => {
    expect(() => parseTargetLines('acme/app\ndependabot:acme/app@prod')).toThrow(
      "line 2 ('dependabot:acme/app@prod'): dependabot secrets have no environments"
    )
  })

  test('every bad line at once, each by its number, in one LineErrors', () => {
    const error = thrown(() =>
      parseTargetLines('acme/app\nnot-a-repo\n\norg:\nacme/app\nacme/api@ prod')
    )
    expect(error).toBeInstanceOf(LineErrors)
    expect((error as LineErrors).problems).toEqual([
      "line 2 ('not-a-repo'): 'not-a-repo' is not a repository; expected owner/name",
      "line 4 ('org:'): '' is not an organization name",
      "line 5 ('acme/app'): duplicate of line 1",
      "line 6 ('acme/api@ prod'): ' prod' is not an environment name (1 to 255 characters, no control characters, no leading or trailing space)"
    ])
  })

  test('the same repository in each store is three targets, twice in one store a duplicate', () => {
    expect(parseTargetLines('acme/app\ndependabot:acme/app\ncodespaces:acme/app')).toHaveLength(3)
    expect(() => parseTargetLines('dependabot:acme/app\nDEPENDABOT:Acme/App')).toThrow(
      "line 2 ('DEPENDABOT:Acme/App'): duplicate of line 1"
    )
  })
})

describe('parseTarget: refused', () => {
  const ENV_RULE =
    'is not an environment name (1 to 255 characters, no control characters, no leading or trailing space)'
  test.each([
    ['empty', '', "'' is not a repository; expected owner/name"],
    ['no slash', 'acme', "'acme' is not a repository; expected owner/name"],
    ['no name', 'acme/', 'is not a repository'],
    ['no owner', '/app', 'is not a repository'],
    ['three parts', 'acme/app/x', 'is not a repository'],
    ["'..' as a name", 'acme/..', 'is not a repository'],
    ["'.' as a name", 'acme/.', 'is not a repository'],
    ['owner with a leading hyphen', '-acme/app', 'is not a repository'],
    ['owner with a trailing hyphen', 'acme-/app', 'is not a repository'],
    ['owner with a double hyphen', 'ac--me/app', 'is not a repository'],
    ['owner of 40 characters', `${'o'.repeat(40)}/app`, 'is not a repository'],
    ['managed user of 40 characters', `${'m'.repeat(35)}_acme/app`, 'is not a repository'],
    ['managed user with a 2-character shortcode', 'mona_ab/app', 'is not a repository'],
    ['managed user with a 9-character shortcode', 'mona_abcdefghi/app', 'is not a repository'],
    ['owner with two underscores', 'mona_acme_x/app', 'is not a repository'],
    ['owner with a leading underscore', '_acme/app', 'is not a repository'],
    ['owner with a hyphen before the underscore', 'mona-_acme/app', 'is not a repository'],
    ['shortcode with a hyphen', 'mona_ac-me/app', 'is not a repository'],
    // GitHub's organization names have no underscore, managed enterprise or not.
    ['organization with an underscore', 'org:mona_acme', "'mona_acme' is not an organization name"],
    ['name of 101 characters', `acme/${'r'.repeat(101)}`, 'is not a repository'],
    ['space in the name', 'acme/my app', "'acme/my app' is not a repository"],
    ['a trailing comment on a repository', 'acme/app # main', "'acme/app # main' is not a"],
    ['empty organization', 'org:', "'' is not an organization name"],
    ['organization with a leading hyphen', 'org:-acme', 'is not an organization name'],
    ['organization with a slash', 'org:acme/app', "'acme/app' is not an organization name"],
    ['organization with a space', 'org: acme', 'is not an organization name'],
    ['empty environment', 'acme/app@', `'' ${ENV_RULE}`],
    ['environment with a leading space', 'acme/app@ prod', `' prod' ${ENV_RULE}`],
    ['environment with a trailing space', 'acme/app@prod ', ENV_RULE],
    ['environment with NUL', 'acme/app@pr\u0000od', ENV_RULE],
    ['environment with a tab', 'acme/app@prod\t# tab', ENV_RULE],
    ['environment with a newline', 'acme/app@pr\nod', ENV_RULE],
    ['environment with a carriage return', 'acme/app@prod\r', ENV_RULE],
    ['environment with DEL', 'acme/app@prod\u007f', ENV_RULE],
    ['environment of 256 characters', `acme/app@${'e'.repeat(256)}`, ENV_RULE],
    ['environment on a bad repository', 'acme@prod', "'acme' is not a repository"]
  ])('%s (%j)', (_name, text, fragment) => {
    expect(() => parseTarget(text)).toThrow(fragment)
  })
})

describe('formatTarget and isRepositoryName', () => {
  test.each<[Target, string]>([
    [{ kind: 'repository', owner: 'acme', repo: 'app' }, 'acme/app'],
    [env('my env'), 'acme/app@my env'],
    [{ kind: 'organization', org: 'acme' }, 'org:acme']
  ])('%j → %s', (target, text) => {
    expect(formatTarget(target)).toBe(text)
  })

  test.each([
    'acme/app',
    'Acme/App.js',
    'acme/app@production',
    'acme/app@staging eu (blue)',
    'acme/app@prod (eu) #2',
    'acme/app@a@b',
    'org:acme',
    'dependabot:acme/app',
    'codespaces:org:acme',
    `${OWNER_39}/${REPO_100}@${ENV_255}`
  ])('round trip %j', text => {
    const target = parseTarget(text)
    expect(formatTarget(target)).toBe(text)
    expect(parseTarget(formatTarget(target))).toEqual(target)
  })

  test('ORG: is normalized to org:', () => {
    expect(formatTarget(parseTarget('ORG:acme'))).toBe('org:acme')
  })

  test.each([
    ['app', true],
    ['.github', true],
    ['web.site', true],
    ['..', false],
    ['.', false],
    ['acme/web', false],
    ['', false]
  ])('isRepositoryName(%j) → %s', (name, expected) => {
    expect(isRepositoryName(name)).toBe(expected)
  })
})

describe('parseTargetLines', () => {
  test('all three syntaxes, blank lines, comment lines, indentation and CRLF', () => {
    const text = [
      '# Where the webhook secret goes',
      '',
      '  acme/app  ',
      'acme/app@production',
      '  # comment',
      '\t# an indented comment',
      'acme/app@prod (eu) #2',
      'org:acme',
      '   ',
      ''
    ].join('\r\n')
    expect(parseTargetLines(text)).toEqual([
      { kind: 'repository', owner: 'acme', repo: 'app' },
      env('production'),
      env('prod (eu) #2'),
      { kind: 'organization', org: 'acme' }
    ])
  })

  test('a # that is not the first non-blank character is part of the name', () => {
    expect(parseTargetLines('acme/app@release#2\nacme/app@live # eu')).toEqual([
      env('release#2'),
      env('live # eu')
    ])
  })

  test('the same repository as a repository and an environment target is not a duplicate', () => {
    expect(parseTargetLines('acme/app\nacme/app@prod\nacme/app@staging')).toHaveLength(3)
  })

  test.each([
    ['repository, other case', 'acme/app\n\nACME/App', 3, 1],
    ['environment, other case', '# c\nacme/app@Prod #2\nacme/app@prod #2', 3, 2],
    ['organization, other prefix case', 'org:Acme\nORG:acme', 2, 1],
    ['exact repeat after a comment', 'acme/app\n# again:\n  acme/app', 3, 1]
  ])('duplicate %s → error naming both lines', (_name, text, line, first) => {
    expect(() => parseTargetLines(text)).toThrow(
      new RegExp(`^line ${line} \\(.*\\): duplicate of line ${first}$`)
    )
  })

  test.each([
    ['second line', 'acme/app\nnot a target', 2, 'not a target'],
    ['after comments and blanks', '# c\n\nacme', 3, 'acme'],
    ['a trailing comment is not stripped', 'acme/app\nacme/a/b # oops', 2, 'acme/a/b # oops'],
    ['environment with a control character', 'acme/app@x\u0001y', 1, 'acme/app@x\u0001y']
  ])('bad line: %s → error with its number and text', (_name, text, line, quoted) => {
    expect(thrown(() => parseTargetLines(text)).message).toContain(`line ${line} ('${quoted}'): `)
  })

  test.each([
    ['empty', ''],
    ['blank lines', '\n  \n\r\n'],
    ['comments only', '# one\n  # two']
  ])('%s → error', (_name, text) => {
    expect(() => parseTargetLines(text)).toThrow('no targets: give at least one line')
  })

  const many = (count: number): string =>
    Array.from({ length: count }, (_, i) => `acme/repo-${i}`).join('\n')

  test(`exactly ${MAX_TARGETS} targets are allowed, not one more`, () => {
    expect(MAX_TARGETS).toBe(100)
    expect(parseTargetLines(many(100))).toHaveLength(100)
    expect(() => parseTargetLines(many(101))).toThrow('101 targets: at most 100 are allowed')
  })
})
