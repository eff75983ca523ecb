// Every workflow a reader may copy passes actionlint: the example files, this repository's own
// workflows, and every YAML snippet of the README and docs/ (a step or a list of steps is linted
// inside a minimal workflow). actionlint knows each context, expression, event and runner label,
// and the inputs of the well-known actions; this action's own inputs: readme.test.ts.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { actionlint } from './actionlint.js'
import { ROOT, codeBlocks, docsPages, read } from './markdown.js'

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => `${dir}/${name}`)

const indent = (text: string, spaces: number): string =>
  text.replace(/^(?=.)/gm, ' '.repeat(spaces))

/**
 * A snippet as a workflow: a whole workflow as it is; a step, or a list of steps, inside one job;
 * anything else as the `with:` of this action. A step it refers to as `steps.rotate` comes first.
 */
export function asWorkflow(block: string): string {
  const node = parse(block) as unknown
  if (node !== null && typeof node === 'object' && 'jobs' in node) return block
  const isStep = node !== null && typeof node === 'object' && ('uses' in node || 'run' in node)
  const steps = Array.isArray(node)
    ? block
    : isStep
      ? `- ${indent(block, 2).trimStart()}`
      : `- uses: your-org/rotate-composio-webhook-secret@v1\n  with:\n${indent(block, 4)}`
  const rotate = /steps\.rotate\./.test(block) && !/id: rotate\b/.test(block)
  const all = (rotate ? "- id: rotate\n  run: 'true'\n" : '') + steps
  return `on: workflow_dispatch\npermissions:\n  contents: read\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n${indent(all, 6)}`
}

const files = [...yamlFiles('examples'), ...yamlFiles('.github/workflows')].map(path => ({
  path,
  data: read(path)
}))
const snippets = ['README.md', ...docsPages()].flatMap(page =>
  codeBlocks(read(page), 'yaml').map((block, i) => ({
    path: `${page} (YAML block ${i + 1})`,
    data: asWorkflow(block)
  }))
)
const all = [...files, ...snippets]
const findings = actionlint(all)

test('lints the examples, the workflows, and the snippets of the README and docs/', () => {
  expect(files.map(file => file.path)).toEqual(
    expect.arrayContaining(['examples/scheduled-rotation.yml', 'examples/deploy-receiver.yml'])
  )
  expect(snippets.filter(s => s.path.startsWith('README.md')).length).toBeGreaterThanOrEqual(1)
  expect(snippets.filter(s => s.path.startsWith('docs/')).length).toBeGreaterThanOrEqual(3)
})

describe.each(all.map((file, i) => [file.path, i] as const))('%s', (_path, i) => {
  test('passes actionlint', () => {
    expect(findings[i]).toEqual([])
  })
})

describe('the linter and the wrapping catch what they must', () => {
  test('a broken workflow: an unknown context, a bad input of a known action', () => {
    const [broken = []] = actionlint([
      {
        path: 'broken.yml',
        data: asWorkflow(
          '- uses: actions/checkout@v4\n  with:\n    fetch-dept: 1\n- run: echo ${{ secret.TOKEN }}'
        )
      }
    ])
    expect(broken.map(finding => finding.kind).sort()).toEqual(['action', 'expression'])
  })

  test('a single step, a list of steps, and inputs alone become one job', () => {
    const one = parse(asWorkflow('uses: ./\nwith:\n  a: 1')) as { jobs: { snippet: unknown } }
    expect(one.jobs.snippet).toMatchObject({ steps: [{ uses: './', with: { a: 1 } }] })
    const two = parse(asWorkflow('- run: a\n- run: b')) as { jobs: { snippet: unknown } }
    expect(two.jobs.snippet).toMatchObject({ steps: [{ run: 'a' }, { run: 'b' }] })
    const inputs = parse(asWorkflow('targets: |\n  acme/app\n')) as { jobs: { snippet: unknown } }
    expect(inputs.jobs.snippet).toMatchObject({ steps: [{ with: { targets: 'acme/app\n' } }] })
  })
})
