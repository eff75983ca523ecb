import { describe, expect, test } from '@jest/globals'
import {
  MAX_TARGETS,
  formatTarget,
  parseTarget,
  parseTargetLines,
  type Target
} from '../../src/targets.js'

const OWNER_39 = 'o'.repeat(39)
const REPO_100 = 'r'.repeat(100)
const ENV_255 = 'e'.repeat(255)

describe('parseTarget: the three syntaxes', () => {
  test.each<[string, Target]>([
    ['acme/app', { kind: 'repository', owner: 'acme', repo: 'app' }],
    [
      'Acme-Corp/my.repo_name-2',
      { kind: 'repository', owner: 'Acme-Corp', repo: 'my.repo_name-2' }
    ],
    ['acme/.github', { kind: 'repository', owner: 'acme', repo: '.github' }],
    [`${OWNER_39}/${REPO_100}`, { kind: 'repository', owner: OWNER_39, repo: REPO_100 }],
    [
      'acme/app@production',
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'production' }
    ],
    [
      'acme/app@staging eu (blue)',
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'staging eu (blue)' }
    ],
    [
      'acme/app@prod/eu-1',
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'prod/eu-1' }
    ],
    [
      'acme/app@Prödüction',
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'Prödüction' }
    ],
    [
      `acme/app@${ENV_255}`,
      { kind: 'environment', owner: 'acme', repo: 'app', environment: ENV_255 }
    ],
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

describe('parseTarget: refused', () => {
  test.each([
    ['empty', '', 'is not a repository'],
    ['no slash', 'acme', 'is not a repository'],
    ['no name', 'acme/', 'is not a repository'],
    ['no owner', '/app', 'is not a repository'],
    ['three parts', 'acme/app/x', 'is not a repository'],
    ["'..' as a name", 'acme/..', 'is not a repository'],
    ["'.' as a name", 'acme/.', 'is not a repository'],
    ['owner with a leading hyphen', '-acme/app', 'is not a repository'],
    ['owner with a trailing hyphen', 'acme-/app', 'is not a repository'],
    ['owner with a double hyphen', 'ac--me/app', 'is not a repository'],
    ['owner of 40 characters', `${'o'.repeat(40)}/app`, 'is not a repository'],
    ['name of 101 characters', `acme/${'r'.repeat(101)}`, 'is not a repository'],
    ['space in the name', 'acme/my app', 'is not a repository'],
    ['empty organization', 'org:', 'is not an organization name'],
    ['organization with a leading hyphen', 'org:-acme', 'is not an organization name'],
    ['organization with a slash', 'org:acme/app', 'is not an organization name'],
    ['organization with a space', 'org: acme', 'is not an organization name'],
    ['empty environment', 'acme/app@', 'is not an environment name'],
    ['environment with a leading space', 'acme/app@ prod', 'is not an environment name'],
    ['environment with a trailing space', 'acme/app@prod ', 'is not an environment name'],
    ['environment with NUL', 'acme/app@pr\u0000od', 'is not an environment name'],
    ['environment with a tab', 'acme/app@pr\tod', 'is not an environment name'],
    ['environment with a newline', 'acme/app@pr\nod', 'is not an environment name'],
    ['environment with a carriage return', 'acme/app@prod\r', 'is not an environment name'],
    ['environment with DEL', 'acme/app@prod\u007f', 'is not an environment name'],
    ['environment of 256 characters', `acme/app@${'e'.repeat(256)}`, 'is not an environment name'],
    ['environment on a bad repository', 'acme@prod', 'is not a repository']
  ])('%s (%j)', (_name, text, fragment) => {
    expect(() => parseTarget(text)).toThrow(fragment)
  })
})

describe('formatTarget', () => {
  test.each<[Target, string]>([
    [{ kind: 'repository', owner: 'acme', repo: 'app' }, 'acme/app'],
    [{ kind: 'environment', owner: 'acme', repo: 'app', environment: 'my env' }, 'acme/app@my env'],
    [{ kind: 'organization', org: 'acme' }, 'org:acme']
  ])('%j → %s', (target, text) => {
    expect(formatTarget(target)).toBe(text)
  })

  test.each([
    'acme/app',
    'Acme/App.js',
    'acme/app@production',
    'acme/app@staging eu (blue)',
    'acme/app@a@b',
    'org:acme',
    `${OWNER_39}/${REPO_100}@${ENV_255}`
  ])('round trip %j', text => {
    const target = parseTarget(text)
    expect(formatTarget(target)).toBe(text)
    expect(parseTarget(formatTarget(target))).toEqual(target)
  })

  test('ORG: is normalized to org:', () => {
    expect(formatTarget(parseTarget('ORG:acme'))).toBe('org:acme')
  })
})

describe('parseTargetLines', () => {
  test('all three syntaxes, blank lines, comments, indentation and CRLF', () => {
    const text = [
      '# Where the webhook secret goes',
      '',
      '  acme/app  ',
      'acme/app@production # the live one',
      '\t# an indented comment',
      'acme/app@staging eu\t# tab before the comment',
      'org:acme',
      '   ',
      ''
    ].join('\r\n')
    expect(parseTargetLines(text)).toEqual([
      { kind: 'repository', owner: 'acme', repo: 'app' },
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'production' },
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'staging eu' },
      { kind: 'organization', org: 'acme' }
    ])
  })

  test('a # not preceded by whitespace is part of the line', () => {
    expect(parseTargetLines('acme/app@release#2')).toEqual([
      { kind: 'environment', owner: 'acme', repo: 'app', environment: 'release#2' }
    ])
  })

  test('the same repository as a repository and an environment target is not a duplicate', () => {
    expect(parseTargetLines('acme/app\nacme/app@prod\nacme/app@staging')).toHaveLength(3)
  })

  test.each([
    ['repository, other case', 'acme/app\n\nACME/App', 3, 1],
    ['environment, other case', '# c\nacme/app@Prod\nacme/app@prod', 3, 2],
    ['organization, other prefix case', 'org:Acme\nORG:acme', 2, 1],
    ['exact repeat after a comment', 'acme/app\n# again:\nacme/app # again', 3, 1]
  ])('duplicate %s → error naming both lines', (_name, text, line, first) => {
    expect(() => parseTargetLines(text)).toThrow(
      new RegExp(`^line ${line} \\(.*\\): duplicate of line ${first}$`)
    )
  })

  test.each([
    ['second line', 'acme/app\nnot a target', 2, 'not a target'],
    ['after comments and blanks', '# c\n\nacme', 3, 'acme'],
    ['comment stripped from the quoted line', 'acme/app\nacme/a/b # oops', 2, 'acme/a/b'],
    ['environment with a control character', 'acme/app@x\u0001y', 1, 'acme/app@x\u0001y']
  ])('bad line: %s → error with its number and text', (_name, text, line, quoted) => {
    let message = ''
    try {
      parseTargetLines(text)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain(`line ${line} ('${quoted}')`)
  })

  test.each([
    ['empty', ''],
    ['blank lines', '\n  \n\r\n'],
    ['comments only', '# one\n  # two']
  ])('%s → error', (_name, text) => {
    expect(() => parseTargetLines(text)).toThrow('no targets')
  })

  const many = (count: number): string =>
    Array.from({ length: count }, (_, i) => `acme/repo-${i}`).join('\n')

  test(`exactly ${MAX_TARGETS} targets are allowed`, () => {
    expect(MAX_TARGETS).toBe(100)
    expect(parseTargetLines(many(100))).toHaveLength(100)
  })

  test('more than 100 targets → error', () => {
    expect(() => parseTargetLines(many(101))).toThrow('101 targets: at most 100 are allowed')
  })
})
