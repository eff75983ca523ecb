// The README is part of the product: its tables must match action.yml, its first workflow must be
// the example file, and every error message it explains must still be one the action prints.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { parseTargetLines } from '../../src/targets.js'

const ROOT = join(import.meta.dirname, '..', '..')
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const readme = read('README.md')

type ActionYml = {
  inputs: Record<string, { required?: boolean; default?: string | number | boolean }>
  outputs: Record<string, unknown>
}
const action = parse(read('action.yml')) as ActionYml

/** The text from a `## title` heading to the next `## ` heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`)
  if (start === -1) throw new Error(`README has no '## ${title}' section`)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end === -1 ? undefined : end)
}

/** The rows of the first Markdown table in `text`, as trimmed cells (header and rule dropped). */
function tableRows(text: string): string[][] {
  const lines = text.split('\n')
  const first = lines.findIndex(line => line.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break
    // Split on pipes that are not escaped (`\|` inside a cell).
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim())
    )
  }
  return rows
}

const unquote = (cell: string): string => cell.replace(/^`(.*)`$/, '$1')

function sourceText(dir: string): string {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
    .map(entry => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

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

describe('the Inputs table', () => {
  const rows = tableRows(section('Inputs'))
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

test("the Outputs table lists exactly action.yml's outputs", () => {
  const names = tableRows(section('Outputs')).map(([name = '']) => unquote(name))
  expect(names).toEqual(Object.keys(action.outputs))
})

test('mentions every example workflow', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter(name => name.endsWith('.yml'))
  expect(examples.length).toBeGreaterThan(0)
  for (const name of examples) expect(readme).toContain(`examples/${name}`)
})

test('its first workflow is examples/scheduled-rotation.yml, verbatim', () => {
  const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
  expect(block).toBe(read('examples/scheduled-rotation.yml'))
})

test('every YAML snippet parses, and gives this action only inputs it has, with valid targets', () => {
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => match[1] ?? '')
  expect(blocks.length).toBeGreaterThan(3)
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
  const ours = blocks
    .flatMap(block => steps(parse(block.replace(/with: …/g, 'with: {}')) as unknown))
    .filter(step => step.uses?.startsWith('your-org/rotate-composio-webhook-secret@'))
  expect(ours.length).toBeGreaterThan(3)
  for (const step of ours) {
    const inputs = Object.keys(step.with ?? {})
    expect(inputs.filter(name => !(name in action.inputs))).toEqual([])
    const targets = step.with?.['targets']
    if (typeof targets === 'string') expect(parseTargetLines(targets).length).toBeGreaterThan(0)
  }
})

test('has the sections a security review needs', () => {
  for (const title of [
    'Inputs',
    'Outputs',
    'Permissions',
    'When the new value is visible',
    'Security',
    'How it works',
    'Timeouts and retries',
    'Troubleshooting',
    'Proxy',
    'Local runs',
    'Versioning'
  ]) {
    expect(() => section(title)).not.toThrow()
  }
})

test('How it works names every endpoint the action calls', () => {
  const steps = section('How it works')
  for (const endpoint of [
    'GET /repos/{owner}/{repo}/actions/secrets/public-key',
    'GET /repos/{owner}/{repo}/environments/{environment}/secrets/public-key',
    'GET /orgs/{org}/actions/secrets/public-key',
    'GET /orgs/{org}/actions/secrets/{name}',
    'GET /orgs/{org}/actions/secrets/{name}/repositories',
    'GET /repos/{org}/{repo}',
    'POST {composio-base-url}/api/v3/webhook_subscriptions/{subscription-id}/rotate_secret',
    'PUT /repos/{owner}/{repo}/actions/secrets/{name}',
    'PUT /repos/{owner}/{repo}/environments/{environment}/secrets/{name}',
    'PUT /orgs/{org}/actions/secrets/{name}'
  ]) {
    expect(steps).toContain(endpoint)
  }
  expect(sourceText('src')).toContain('/api/v3/webhook_subscriptions/')
})

test('the local-run command is the package script', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
  expect(scripts['local-action']).toBe('npx @github/local-action . src/main.ts .env')
  expect(section('Local runs')).toContain('npm run local-action')
  expect(read('.env.example')).toMatch(/^INPUT_SUBSCRIPTION-ID=/m)
})

// Pieces of every message the Troubleshooting section explains. Each must appear in the README and
// in src/: when the action's wording changes, this test points at the README line to update.
const MESSAGES = [
  'is required and was empty',
  'were both empty; give exactly one',
  'were both given; give exactly one',
  'may contain only letters, digits and underscores',
  "cannot be combined with 'repository'",
  'is not a repository; expected owner/name',
  'is not an environment name',
  'is not one of all, private, selected',
  'applies only to organization targets',
  "is required when visibility is 'selected'",
  'is not a boolean; use true or false',
  'is not a number of seconds from 1 to',
  'must use https (plain http is allowed only to localhost',
  'must not carry credentials',
  'Nothing was rotated: ',
  'targets cannot be written.',
  'could not read the public key',
  'could not find the selected repository',
  'could not read the current visibility of',
  'the github-token is invalid or expired',
  'the github-token may not manage these secrets. GITHUB_TOKEN never can',
  'does not exist, or the github-token cannot see it',
  'GitHub refused the request as malformed',
  'no complete answer within',
  'holds a character an HTTP header cannot carry',
  'network error: ',
  'Composio rotate_secret for subscription',
  '(request_id: ',
  'Suggested fix: ',
  'Nothing was rotated and nothing written: the old secret still works.',
  'The subscription may have been rotated although no secret reached this run',
  "without a non-empty string 'secret' (body not shown: it may hold a secret)",
  'cancelled before attempt',
  'WAS ROTATED (fingerprint',
  'and its old secret no longer works',
  'Finish by hand',
  '(not written: ',
  'Cancelled after the rotation.',
  'before the rotation: nothing was rotated, nothing written.',
  "the value is sealed for this target's key (only GitHub can open it)",
  'rate limit on',
  'retrying in'
]

test.each(MESSAGES)('explains a message the action still prints: %s', message => {
  expect(sourceText('src')).toContain(message)
  expect(readme).toContain(message)
})
