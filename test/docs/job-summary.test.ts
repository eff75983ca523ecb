// docs/job-summary.md: the rendered summaries are there and linked, the script that renders them
// stays out of `npm test` (run here only with a stand-in for Chromium: it changes no tracked
// picture unless asked), and failure-issue's permission and label are said where users look.
import { spawnSync } from 'node:child_process'
import { afterAll, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { FAILURE_LABEL } from '../../src/notify/find-issues.js'
import { ROOT, links, read } from './markdown.js'

const page = read('docs/job-summary.md')
const RENDERED = ['success', 'partial-failure', 'preflight-refusal', 'dry-run']

describe('the rendered summaries', () => {
  test('a success, a partial failure, a preflight refusal and a dry run, each shown on the page', () => {
    const pictures = readdirSync(join(ROOT, 'docs', 'summaries')).sort()
    expect(pictures).toEqual(RENDERED.map(name => `${name}.png`).sort())
    const shown = links(page).map(link => link.target)
    for (const name of RENDERED) expect(shown).toContain(`summaries/${name}.png`)
    expect(links(read('README.md')).map(link => link.target)).toContain('docs/job-summary.md')
  })

  test('scripts/render-summaries.js renders them, and npm test does not run it', () => {
    const script = read('scripts/render-summaries.js')
    for (const name of RENDERED) expect(script).toContain(`name: '${name}'`)
    expect(script).toContain('WIDTH = 900')
    expect(page).toContain('node scripts/render-summaries.js')
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    expect(scripts['test']).not.toContain('render-summaries')
    expect(existsSync(join(ROOT, 'test', 'render-summaries.test.ts'))).toBe(false)
  })
})

describe('failure-issue', () => {
  const action = parse(read('action.yml')) as {
    inputs: Record<string, { description: string; default?: string }>
  }

  test("action.yml: default false, and the token's issues: write", () => {
    expect(action.inputs['failure-issue']?.default).toBe('false')
    expect(action.inputs['failure-issue']?.description).toContain('issues: write')
    expect(action.inputs['failure-issue']?.description).toContain(FAILURE_LABEL)
  })

  test('the page: the label, the permission, never the secret, a warning at worst', () => {
    const text = page.replace(/\s+/g, ' ')
    expect(text).toContain(`labelled \`${FAILURE_LABEL}\``)
    expect(text).toContain('Issues: Read and write')
    expect(text).toContain('`issues: write` (GitHub App)')
    expect(text).toContain('It never holds the secret')
    expect(text).toContain('Could not open or update the failure issue in owner/name')
  })

  test('an example turns it on and names the permission', () => {
    const example = read('examples/matrix-subscriptions.yml')
    expect(example).toMatch(/^\s+failure-issue: true$/m)
    expect(example).toContain('Issues: Read and write (issues: write)')
  })
})

describe('scripts/render-summaries.js, with a stand-in for Chromium', () => {
  // Answers --dump-dom with a laid-out height, and writes a file for --screenshot=PATH.
  const dir = mkdtempSync(join(tmpdir(), 'render-summaries-test-'))
  const chromium = join(dir, 'chromium')
  writeFileSync(
    chromium,
    `#!/usr/bin/env node
const shot = process.argv.find(arg => arg.startsWith('--screenshot='))
if (shot) require('fs').writeFileSync(shot.slice('--screenshot='.length), 'png')
else process.stdout.write('<body data-height="480"></body>')
`
  )
  chmodSync(chromium, 0o755)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const tracked = (): string[] =>
    RENDERED.map(name => readFileSync(join(ROOT, 'docs', 'summaries', `${name}.png`), 'base64'))

  test('leaves the tracked pictures alone without --update, and says where it wrote', () => {
    const before = tracked()
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/render-summaries.js'), '--chromium', chromium],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }
    )
    expect(run.status).toBe(0)
    expect(tracked()).toEqual(before)
    const out = join(tmpdir(), 'rotate-composio-webhook-secret-summaries')
    for (const name of RENDERED) expect(run.stderr).toContain(`wrote ${join(out, `${name}.png`)}`)
    expect(run.stderr).toContain('docs/summaries/ unchanged: run with --update to replace them.')
  }, 120_000)

  test('names the emoji font package it needs, here and in the script', () => {
    expect(page).toContain('fonts-noto-color-emoji')
    expect(read('scripts/render-summaries.js')).toContain("debian: 'fonts-noto-color-emoji'")
    expect(page).toContain('node scripts/render-summaries.js --update')
  })
})
