// The README is part of the product: it fits on a page, its tables match action.yml, its first
// workflow is the example file, every page under docs/ is one click away, and every YAML snippet
// (README and docs/) gives this action only inputs it has. The pages themselves: pages.test.ts.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { parseRedeployLines } from '../../src/inputs/redeploy.js'
import { githubTargetsOf, parseTargetLines } from '../../src/inputs/targets.js'
import {
  ROOT,
  brokenLink,
  codeBlocks,
  docsPages,
  links,
  read,
  resolveLink,
  section,
  sourceText,
  tableRows
} from './markdown.js'

const readme = read('README.md')
const readmeSection = (title: string): string => section(readme, title)
/** Text with every run of white space as one space: prose wraps anywhere. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

type ActionYml = {
  inputs: Record<string, { required?: boolean; default?: string | number | boolean }>
  outputs: Record<string, unknown>
}
const action = parse(read('action.yml')) as ActionYml
const verifyAction = parse(read('verify-receiver/action.yml')) as ActionYml

const unquote = (cell: string): string => cell.replace(/^`(.*)`$/, '$1')

/** The pages a moved section now lives on, by the title it had in the README. */
const MOVED: [title: string, page: string][] = [
  ['Troubleshooting', 'docs/troubleshooting.md'],
  ['Security', 'docs/security.md'],
  ['Timeouts and retries', 'docs/timeouts-and-retries.md'],
  ['Proxy', 'docs/proxy.md'],
  ['Local runs', 'docs/local-runs.md'],
  ['Versioning', 'docs/versioning.md'],
  ['How it works', 'docs/how-it-works.md'],
  ['When the answer is lost', 'docs/lost-answer.md'],
  ['Storing without rotating (`rotate: false`)', 'docs/rotate-false.md']
]
const page = (file: string): string => read(file)

test('starts with its purpose and the two commands, before anything else', () => {
  const [title, purpose, commands] = readme.split('\n\n')
  expect(title).toBe('# rotate-composio-webhook-secret')
  expect(purpose?.split('. ')).toHaveLength(1) // one sentence
  const lines = commands?.split('\n') ?? []
  expect(lines[0]).toBe('```sh')
  expect(lines[1]).toMatch(/^npm ci && npm run demo(\s+#.*)?$/)
  expect(lines[2]).toMatch(/^npm test(\s+#.*)?$/)
  expect(lines[3]).toBe('```')
})

test('fits on a page: at most 20 KB', () => {
  expect(Buffer.byteLength(readme, 'utf8')).toBeLessThanOrEqual(20_000)
})

test('its first screen says what it does, what it needs, and the two commands', () => {
  const first = flat(readme.split('\n').slice(0, 25).join('\n'))
  expect(first).toContain('**What it needs**')
  for (const need of ["subscription's ID", 'Composio API key', 'GitHub token', '[Setup](#setup)']) {
    expect(first).toContain(need)
  }
  expect(first).toContain('npm ci && npm run demo')
  expect(first).toContain('npm test')
})

describe('the Inputs table', () => {
  const rows = tableRows(readmeSection('Inputs'))
  const table = rows.map(([name = '', required = '', defaultValue = '']) => ({
    name: unquote(name),
    required: /^yes\b/.test(required) ? true : /^no\b/.test(required) ? false : required,
    default: unquote(defaultValue)
  }))
  const expected = Object.entries(action.inputs).map(([name, input]) => ({
    name,
    required: input.required === true,
    default: input.default === undefined ? '' : String(input.default)
  }))

  test("lists exactly action.yml's inputs, in its order", () => {
    expect(table.map(row => row.name)).toEqual(expected.map(input => input.name))
  })

  test('with the same required flags and defaults', () => {
    expect(table).toEqual(expected)
  })
})

test("the Outputs table lists exactly action.yml's outputs, in its order", () => {
  const names = tableRows(readmeSection('Outputs')).map(([name = '']) => unquote(name))
  expect(names).toEqual(Object.keys(action.outputs))
})

test('mentions every example workflow', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter(name => name.endsWith('.yml'))
  expect(examples.length).toBeGreaterThan(0)
  for (const name of examples) expect(readme).toContain(`examples/${name}`)
})

test('its first workflow is examples/scheduled-rotation.yml, verbatim', () => {
  expect(codeBlocks(readme, 'yaml')[0]).toBe(read('examples/scheduled-rotation.yml'))
})

describe('every YAML snippet, in the README and in docs/', () => {
  type Step = { uses?: string; with?: Record<string, unknown> }
  const steps = (node: unknown): Step[] =>
    Array.isArray(node)
      ? node.flatMap(steps)
      : node !== null && typeof node === 'object'
        ? [
            ...('uses' in node ? [node as Step] : []),
            ...Object.values(node as Record<string, unknown>).flatMap(steps)
          ]
        : []
  /** The steps of this repository's actions, each with the action.yml it must follow. */
  const ours = (block: string): [Step, ActionYml][] =>
    steps(parse(block) as unknown).flatMap((step): [Step, ActionYml][] =>
      step.uses?.startsWith('your-org/rotate-composio-webhook-secret@')
        ? [[step, action]]
        : step.uses?.startsWith('your-org/rotate-composio-webhook-secret/verify-receiver@')
          ? [[step, verifyAction]]
          : []
    )
  const pages = ['README.md', ...docsPages()]
  const blocks = pages.flatMap(page => codeBlocks(read(page), 'yaml').map(block => [page, block]))

  test('there are several, in the README and in docs/', () => {
    expect(blocks.filter(([page]) => page === 'README.md').length).toBeGreaterThanOrEqual(1)
    expect(blocks.flatMap(([, block = '']) => ours(block)).length).toBeGreaterThan(3)
  })

  test.each(blocks)(
    '%s: parses, and gives this action only inputs it has, with valid targets',
    (_page, block) => {
      for (const [step, metadata] of ours(block)) {
        const inputs = Object.keys(step.with ?? {})
        expect(inputs.filter(name => !(name in metadata.inputs))).toEqual([])
        const targets = step.with?.['targets']
        if (typeof targets === 'string') expect(parseTargetLines(targets).length).toBeGreaterThan(0)
      }
    }
  )
})

test('says, above the headline workflow, that the receiver must be redeployed, and why', () => {
  const use = readmeSection('Use it')
  const why = flat(use.slice(0, use.indexOf('```yaml')))
  expect(why).toContain('**Your webhook receiver must be redeployed with the new secret.**')
  expect(why).toContain('Composio signs with the new secret only')
  expect(why).toContain('(`redeploy`)')
  expect(why).toContain('[`verify-receiver`](docs/receiver.md#the-receiver-check)')
})

describe('the headline workflow: one step, the whole loop, nothing after the rotation', () => {
  const text = codeBlocks(readme, 'yaml')[0] ?? ''
  type Step = { uses?: string; run?: string; with?: Record<string, unknown> }
  const workflow = parse(text) as {
    on: Record<string, unknown>
    jobs: Record<string, { steps: Step[] }>
  }
  const steps = Object.values(workflow.jobs).flatMap(job => job.steps)
  const inputs = steps[0]?.with ?? {}

  test('about 17 to 25 lines, scheduled and by hand, with permissions', () => {
    const lines = text.trimEnd().split('\n').length
    expect(lines).toBeGreaterThanOrEqual(17)
    expect(lines).toBeLessThanOrEqual(25)
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(text).toMatch(/^permissions:\n {2}contents: read\b/m)
  })

  test('a single step: this action, with its own redeploy and verify-receiver; no shell step', () => {
    expect(steps).toHaveLength(1)
    expect(steps[0]?.uses).toBe('your-org/rotate-composio-webhook-secret@v1')
    expect(steps.some(step => step.run !== undefined)).toBe(false)
    expect(inputs['verify-receiver']).toBe('subscription')
    expect(inputs['dry-run']).toBe('${{ inputs.dry-run || false }}')
  })

  test('its redeploy line parses, for the repository the secret is written to, as the runner fills it in', () => {
    const redeploy = String(inputs['redeploy']).replace('${{ github.repository }}', 'acme/app')
    const targets = githubTargetsOf(parseTargetLines('acme/app')) // `repository` defaults to github.repository
    const [line] = parseRedeployLines(redeploy, targets)
    expect(line).toMatchObject({
      owner: 'acme',
      repo: 'app',
      workflow: 'deploy.yml',
      ref: undefined
    })
    // The same line for another repository is refused: its deploy would ship the old secret.
    expect(() => parseRedeployLines('acme/other: deploy.yml', targets)).toThrow(
      /receives no target/
    )
  })

  test('the deploy.yml it starts is one the reader has: Setup says so and links an example', () => {
    const setup = flat(readmeSection('Setup'))
    expect(setup).toContain('`.github/workflows/deploy.yml`')
    expect(setup).toContain('(examples/deploy-receiver.yml)')
  })

  test('each secret and variable says where it comes from, in Setup, numbered', () => {
    const comments = [...text.matchAll(/# Setup (\d)/g)].map(m => Number(m[1]))
    expect(comments.sort()).toEqual([1, 2, 3, 4, 5])
    const items = readmeSection('Setup')
      .split('\n')
      .filter(line => /^\d\. /.test(line))
    expect(items.map(line => line.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.'])
  })
})

describe('Setup', () => {
  const setup = flat(readmeSection('Setup'))

  test('where the subscription ID comes from: the dashboard, and the list endpoint', () => {
    expect(setup).toContain('`COMPOSIO_WEBHOOK_SUBSCRIPTION_ID`')
    expect(setup).toContain('dashboard')
    expect(setup).toContain('https://backend.composio.dev/api/v3/webhook_subscriptions')
  })

  test("the key's Webhooks permission, read and write, and why each", () => {
    expect(setup).toContain('**Webhooks: Read and write**')
    expect(setup).toContain('Read for the preflight')
    expect(setup).toContain('Write for the rotation')
  })

  test('the token: per target kind (the Permissions table), redeploy and failure-issue', () => {
    expect(setup).toContain('[permissions](#permissions)')
    expect(setup).toContain('Actions: Read and write for `redeploy`')
    expect(setup).toContain('Issues: Read and write for `failure-issue`')
    const rows = tableRows(readmeSection('Permissions')).map(([first = '']) => first)
    for (const kind of [
      '`owner/name`',
      '`owner/name@env`',
      '`org:NAME`',
      '`redeploy`',
      '`failure-issue`'
    ]) {
      expect(rows).toContain(kind)
    }
    expect(rows.some(row => row.includes('`dependabot:`') && row.includes('`codespaces:`'))).toBe(
      true
    )
  })

  test('the uses: line: who your-org is, and forking', () => {
    expect(setup).toContain('`your-org` stands for the owner')
    expect(setup).toContain('fork this repository')
  })
})

test('docs/receiver.md: the verify-receiver action names its inputs and outputs', () => {
  const text = section(read('docs/receiver.md'), 'The receiver check', 'docs/receiver.md')
  for (const name of [...Object.keys(verifyAction.inputs), ...Object.keys(verifyAction.outputs)]) {
    expect(text).toContain(name)
  }
  expect(text).toContain('"type": "composio.webhook_secret.check"')
  expect(sourceText('src')).toContain("CHECK_EVENT_TYPE = 'composio.webhook_secret.check'")
})

test('has the sections a security review needs', () => {
  for (const title of [
    'Use it',
    'Setup',
    'Inputs',
    'Outputs',
    'Permissions',
    'Security',
    'How it works'
  ]) {
    expect(() => readmeSection(title)).not.toThrow()
  }
})

describe('one click away', () => {
  const targets = links(readme).map(link => resolveLink('README.md', link.target).file)

  test.each(MOVED)(
    'the moved section %s: its page exists, titled so, and the README links it',
    (title, page) => {
      expect(read(page).split('\n')[0]).toBe(`# ${title}`)
      expect(targets).toContain(page)
    }
  )

  test('each page moved out of the README is linked on a line of its own', () => {
    for (const [, moved] of MOVED) {
      const lines = readme.split('\n').filter(line => line.includes(`](${moved}`))
      expect([moved, lines.length]).toEqual([moved, expect.any(Number)])
      expect(lines.length).toBeGreaterThan(0)
    }
  })

  test('every page under docs/ is linked from the README', () => {
    const pages = docsPages()
    expect(pages.length).toBeGreaterThanOrEqual(MOVED.length)
    expect(pages.filter(page => !targets.includes(page))).toEqual([])
  })

  test('every link of the README resolves to a file, and an anchor to one of its headings', () => {
    const all = links(readme)
    expect(all.length).toBeGreaterThan(10)
    expect(all.map(link => brokenLink('README.md', link.target)).filter(Boolean)).toEqual([])
  })
})

test('Security says what the preflight proves, then links the details', () => {
  const security = readmeSection('Security')
  expect(security).toContain('**What the preflight proves.**')
  for (const claim of ['every input is valid', 'public key', 'test write', 'does not prove']) {
    expect(flat(security)).toContain(claim)
  }
  expect(security).toContain('(docs/security.md)')
  expect(security).toContain('(SECURITY.md)')
})

test('Permissions: the token must write, the write check proves it, GITHUB_TOKEN cannot', () => {
  const permissions = readmeSection('Permissions')
  expect(permissions).toContain('**write**')
  expect(permissions).toContain('_WRITE_CHECK')
  expect(flat(permissions)).toContain('`GITHUB_TOKEN` can never write secrets')
  expect(sourceText('src')).toContain("WRITE_CHECK_SUFFIX = '_WRITE_CHECK'")
})

test('docs/how-it-works.md names every endpoint the action calls, in order', () => {
  const steps = page('docs/how-it-works.md')
  const endpoints = [
    'GET /repos/{owner}/{repo}/actions/secrets/public-key',
    'GET /repos/{owner}/{repo}/environments/{environment}/secrets/public-key',
    'GET /orgs/{org}/actions/secrets/public-key',
    'GET /orgs/{org}/actions/secrets/{name}',
    'GET /orgs/{org}/actions/secrets/{name}/repositories',
    'GET /repos/{org}/{repo}',
    'GET {composio-base-url}/api/v3.1/webhook_subscriptions/{subscription-id}',
    '{name}_WRITE_CHECK',
    'POST {composio-base-url}/api/v3/webhook_subscriptions/{subscription-id}/rotate_secret',
    'PUT /repos/{owner}/{repo}/actions/secrets/{name}',
    'PUT /repos/{owner}/{repo}/environments/{environment}/secrets/{name}',
    'PUT /orgs/{org}/actions/secrets/{name}',
    'DELETE /repos/{owner}/{repo}/actions/secrets/{name}_WRITE_CHECK',
    'DELETE /repos/{owner}/{repo}/environments/{environment}/secrets/{name}_WRITE_CHECK',
    'DELETE /orgs/{org}/actions/secrets/{name}_WRITE_CHECK',
    'POST /repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches',
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}'
  ]
  const positions = endpoints.map(endpoint => steps.indexOf(endpoint))
  expect(endpoints.filter((_, i) => positions[i] === -1)).toEqual([])
  expect(positions).toEqual([...positions].sort((a, b) => a - b))
  const src = sourceText('src')
  expect(src).toContain('/api/v3/webhook_subscriptions/')
  expect(src).toContain('/api/v3.1/webhook_subscriptions/')
})

describe('the two moved pages each show an example', () => {
  test('When the answer is lost: a step log whose lines the action prints', () => {
    const [log = ''] = codeBlocks(page('docs/lost-answer.md'), 'text')
    expect(log).toContain('::warning::')
    expect(sourceText('src')).toContain(
      "The answer was lost, but Composio's subscription now holds a new secret: the rotation happened, and that secret is the one stored. Not rotating again."
    )
    expect(log).toContain('Not rotating again.')
  })

  test('Storing without rotating: a step with rotate: false', () => {
    const [step = ''] = codeBlocks(page('docs/rotate-false.md'), 'yaml')
    expect(step).toMatch(/^\s+rotate: false$/m)
  })
})

// What the README's moved pages quote of the action's messages; docs/troubleshooting.md quotes the
// rest (pages.test.ts). When the action's wording changes, this points at the line to update.
const quoting = flat([readme, page('docs/lost-answer.md'), page('docs/rotate-false.md')].join('\n'))
const QUOTED = [
  "The rotation did not take effect as far as Composio's read",
  'nothing written; the old secret should still work. A lagging read looks the same',
  'The subscription may have been rotated although no secret reached this run',
  "Composio did not return the subscription's full secret (it came masked, empty or missing), so storing it without rotating is impossible. Run with rotate: true to rotate and store the new one",
  'not recorded',
  'Rotated subscription ',
  '; new secret fingerprint ',
  'Stored '
]

test.each(QUOTED)('quotes a message the action still prints: %s', message => {
  expect(sourceText('src')).toContain(message)
  expect(quoting).toContain(message)
})
