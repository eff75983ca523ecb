import { describe, expect, test } from '@jest/globals'
import { parseRedeployLines, readRedeployOptions } from '../../../src/inputs/redeploy.js'
import { githubTargetsOf, parseTargetLines } from '../../../src/inputs/targets.js'
import { thrown, withInputs } from './with-inputs.js'

const TARGETS = githubTargetsOf(
  parseTargetLines(
    'acme/app\nacme/app@production\ndependabot:acme/app\nacme/api\norg:beta\ncodespaces:gamma/web'
  )
)
const parse = (text: string) => parseRedeployLines(text, TARGETS)

describe('parseRedeployLines', () => {
  test('file names, IDs, refs, comments, blank lines and CRLF', () => {
    const lines = parse(
      '# deploys\r\nacme/app: deploy.yml\r\n\r\n  acme/api:  123456@release/v2  \nbeta/site: ship.yaml@v1.2.3'
    )
    expect(lines).toEqual([
      {
        line: 'acme/app: deploy.yml',
        owner: 'acme',
        repo: 'app',
        workflow: 'deploy.yml',
        ref: undefined,
        labels: ['acme/app', 'acme/app@production', 'dependabot:acme/app']
      },
      {
        line: 'acme/api:  123456@release/v2',
        owner: 'acme',
        repo: 'api',
        workflow: '123456',
        ref: 'release/v2',
        labels: ['acme/api']
      },
      {
        line: 'beta/site: ship.yaml@v1.2.3',
        owner: 'beta',
        repo: 'site',
        workflow: 'ship.yaml',
        ref: 'v1.2.3',
        // An organization secret reaches the repositories of its organization.
        labels: ['org:beta']
      }
    ])
  })

  test.each([
    [
      'no colon',
      'acme/app deploy.yml',
      "line 1 ('acme/app deploy.yml'): expected owner/repo: workflow[@ref]"
    ],
    ['a bad repository', 'acme: deploy.yml', "'acme' is not a repository"],
    [
      'no workflow',
      'acme/app:',
      "'' is not a workflow: give its file name in .github/workflows (deploy.yml) or its numeric ID"
    ],
    ['a path', 'acme/app: .github/workflows/deploy.yml', 'is not a workflow'],
    ['not YAML', 'acme/app: deploy.sh', "'deploy.sh' is not a workflow"],
    ['an empty ref', 'acme/app: deploy.yml@', "'' is not a ref"],
    ['a ref with a space', 'acme/app: deploy.yml@my branch', "'my branch' is not a ref"],
    ['a ref that is an option', 'acme/app: deploy.yml@-x', "'-x' is not a ref"],
    ['a ref with ..', 'acme/app: deploy.yml@a..b', "'a..b' is not a ref"],
    ['a ref with a quote', "acme/app: deploy.yml@a'b", 'is not a ref'],
    [
      'a repository without target',
      'acme/worker: deploy.yml',
      'acme/worker receives no target (a dispatched run reads Actions secrets only), so a redeploy would deploy the old secret'
    ],
    [
      'a repository with only a Codespaces target',
      'gamma/web: deploy.yml',
      'gamma/web receives no target'
    ]
  ])('%s is refused, naming the line', (_name, text, fragment) => {
    expect(() => parse(text)).toThrow(fragment)
    expect(() => parse(`# first\n${text}`)).toThrow(/^line 2 \(/)
  })

  test('a repository twice, whatever the case, is refused', () => {
    expect(() => parse('acme/app: deploy.yml\nACME/App: other.yml')).toThrow(
      "line 2 ('ACME/App: other.yml'): this repository is already on line 1; one workflow per repository"
    )
  })
})

describe('readRedeployOptions', () => {
  test('nothing given: no redeploys, 20 minutes', () => {
    expect(withInputs({}, () => readRedeployOptions(TARGETS))).toEqual({
      redeploy: [],
      redeployTimeoutMs: 20 * 60_000
    })
  })

  test('errors name the input', () => {
    const error = thrown(() =>
      withInputs({ redeploy: 'acme/worker: deploy.yml' }, () => readRedeployOptions(TARGETS))
    )
    expect(error.message).toMatch(/^Input 'redeploy': line 1 \('acme\/worker: deploy.yml'\)/)
  })

  test.each([
    ['1.5', 90_000],
    ['360', 360 * 60_000]
  ])('redeploy-timeout-minutes %s', (text, ms) => {
    const options = withInputs({ 'redeploy-timeout-minutes': text }, () =>
      readRedeployOptions(TARGETS)
    )
    expect(options.redeployTimeoutMs).toBe(ms)
  })

  test.each(['0', '361', '-1', 'ten', '1e3', '20m'])(
    'redeploy-timeout-minutes %j is refused',
    text => {
      const error = thrown(() =>
        withInputs({ 'redeploy-timeout-minutes': text }, () => readRedeployOptions(TARGETS))
      )
      expect(error.message).toBe(
        `Input 'redeploy-timeout-minutes': '${text}' is not a number of minutes above 0 and at most 360`
      )
    }
  )
})
