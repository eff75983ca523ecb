// What a person copies works as copied: the examples' comments name what the token must reach,
// the App token covers the targets, the runner and schedule caveats sit next to what they concern,
// the Marketplace accepts action.yml, and the versioning story (package.json, CHANGELOG, SECURITY,
// scripts/release.sh) tells one version. The rest of the docs: readme.test.ts, pages.test.ts,
// examples.test.ts.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import {
  formatTarget,
  githubTargetsOf,
  parseTargetLines,
  type Target
} from '../../src/inputs/targets.js'
import { ROOT, codeBlocks, read, section } from './markdown.js'

const THIS_ACTION = 'your-org/rotate-composio-webhook-secret@v1'
/** Text with every run of white space as one space: prose wraps anywhere. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

type Step = { id?: string; uses?: string; with?: Record<string, string> }
type Workflow = { on?: Record<string, unknown>; jobs?: Record<string, { steps?: Step[] }> }
const steps = (file: string): Step[] =>
  Object.values((parse(read(file)) as Workflow).jobs ?? {}).flatMap(job => job.steps ?? [])
/** The examples that rotate (not examples/deploy-receiver.yml, the workflow they start). */
const examples = readdirSync(join(ROOT, 'examples'))
  .filter(name => name.endsWith('.yml'))
  .map(name => `examples/${name}`)
  .filter(file => steps(file).some(step => step.uses === THIS_ACTION))

/** The comment lines right above the first `key:` line of a file, as one line of text. */
function commentAbove(file: string, key: string): string {
  const lines = read(file).split('\n')
  const at = lines.findIndex(line => new RegExp(`^\\s*${key}:`).test(line))
  expect(at).toBeGreaterThan(0)
  const comment: string[] = []
  for (let i = at - 1; i >= 0 && /^\s*#/.test(lines[i] ?? ''); i--) {
    comment.unshift((lines[i] ?? '').replace(/^\s*#\s?/, ''))
  }
  return flat(comment.join(' '))
}

/** Every repository a step of this action makes the token reach, as owner/name. */
function repositoriesSelected(step: Step): string[] {
  const targets = githubTargetsOf(parseTargetLines(step.with?.['targets'] ?? ''))
  const selected = (step.with?.['selected-repositories'] ?? '').split(/[\s,]+/).filter(Boolean)
  const names = targets.flatMap((target: Target) =>
    target.kind === 'organization'
      ? selected.map(name => `${target.org}/${name}`)
      : [formatTarget({ kind: 'repository', owner: target.owner, repo: target.repo })]
  )
  return [...new Set(names)]
}

describe('examples/fan-out.yml', () => {
  const step = steps('examples/fan-out.yml').find(s => s.uses === THIS_ACTION)!

  test("the token's comment names every repository the step selects", () => {
    const selected = repositoriesSelected(step)
    expect(selected.length).toBeGreaterThanOrEqual(4) // targets and selected repositories
    const comment = commentAbove('examples/fan-out.yml', 'github-token')
    expect(selected.filter(name => !comment.includes(name))).toEqual([])
    // and states the README's rule
    expect(comment).toContain('The token must see every repository this step selects')
    expect(read('README.md')).toContain('the token must also see each selected repository')
  })
})

describe('examples/github-app-token.yml', () => {
  const all = steps('examples/github-app-token.yml')
  const mint = all.find(s => s.uses?.startsWith('actions/create-github-app-token@'))!
  const rotate = all.find(s => s.uses === THIS_ACTION)!

  test('mints with client-id (app-id is deprecated since v3.1.0), pinned to v3.1.0 or later', () => {
    expect(Object.keys(mint.with ?? {})).toContain('client-id')
    expect(Object.keys(mint.with ?? {})).not.toContain('app-id')
    const pin = /create-github-app-token@[0-9a-f]{40} # v(\d+)\.(\d+)\.\d+$/m.exec(
      read('examples/github-app-token.yml')
    )
    const [major, minor] = [Number(pin?.[1]), Number(pin?.[2])]
    expect(major > 3 || (major === 3 && minor >= 1)).toBe(true)
  })

  test("owner and repositories cover every target (else the token sees only the workflow's repository)", () => {
    const owner = mint.with?.['owner']
    const repositories = (mint.with?.['repositories'] ?? '').split(/[\s,]+/).filter(Boolean)
    const targets = repositoriesSelected(rotate)
    expect(targets.length).toBeGreaterThan(0)
    for (const target of targets) {
      const [targetOwner, name] = target.split('/')
      expect([target, targetOwner, repositories.includes(name!)]).toEqual([target, owner, true])
    }
    expect(rotate.with?.['github-token']).toBe(`\${{ steps.${mint.id}.outputs.token }}`)
  })
})

test('the runner requirement of node24 is stated for GHES and self-hosted runners', () => {
  const using = (parse(read('action.yml')) as { runs: { using: string } }).runs.using
  expect(using).toBe('node24')
  const readme = flat(read('README.md'))
  expect(readme).toContain(
    'On `node24`, GHES and self-hosted runners need runner 2.327.1 or later.'
  )
  const page = flat(section(read('docs/troubleshooting.md'), 'When the action does not run'))
  expect(page).toContain('a self-hosted runner, and the runners of GitHub Enterprise Server')
  expect(page).toContain('need **runner 2.327.1 or later**')
})

describe('schedules stop after 60 days without activity in a public repository', () => {
  test.each(examples)('%s says so next to its schedule', file => {
    expect((parse(read(file)) as Workflow).on).toHaveProperty('schedule')
    expect(commentAbove(file, 'schedule')).toMatch(/^Public repositories: .*60 days/)
  })

  test('the README says so right after its scheduled workflow, with a link to what to do', () => {
    const readme = read('README.md')
    const workflow = codeBlocks(readme, 'yaml')[0]!
    // The paragraphs between the first workflow and the next code block.
    const after = readme.slice(readme.indexOf(workflow) + workflow.length + '```\n'.length)
    const paragraph = after
      .slice(0, after.indexOf('```'))
      .split('\n\n')
      .find(text => text.startsWith('**Schedules stop.**'))
    expect(flat(paragraph ?? '')).toContain(
      'In a public repository GitHub disables schedules after 60 days'
    )
    expect(paragraph).toContain('(docs/troubleshooting.md#the-scheduled-rotation-stopped-running)')
  })

  test('docs/troubleshooting.md says what to do: where to run it, how to notice, how to re-enable', () => {
    const page = flat(read('docs/troubleshooting.md'))
    const text = page.slice(page.indexOf('### The scheduled rotation stopped running'))
    for (const claim of [
      'GitHub disables scheduled workflows when no repository activity has occurred in 60 days',
      'private repository',
      '`disabled_inactivity`',
      'PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable',
      '`gh workflow enable'
    ]) {
      expect(text).toContain(claim)
    }
  })
})

/** Every action.yml of the repository (the root's and any sub-action's), node_modules aside. */
function actionFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    if (entry.isDirectory()) {
      return ['node_modules', '.git'].includes(entry.name) ? [] : actionFiles(join(dir, entry.name))
    }
    return entry.name === 'action.yml' ? [relative(ROOT, join(dir, entry.name))] : []
  })
}

describe('the Marketplace accepts every action.yml', () => {
  const files = actionFiles()

  test('the root action.yml is among them', () => {
    expect(files).toContain('action.yml')
  })

  test.each(files)('%s: a name, and a description under 125 characters', file => {
    const action = parse(read(file)) as { name?: string; description?: string }
    expect(action.name).toBeTruthy()
    expect(action.description?.length).toBeGreaterThan(0)
    expect([file, action.description!.length < 125]).toEqual([file, true])
  })
})

describe('the versioning story tells one version', () => {
  const version = (JSON.parse(read('package.json')) as { version: string }).version
  const major = `v${version.split('.')[0]}`

  /** Runs scripts/release.sh from a copy of the files it reads, some of them changed. */
  function release(args: string[], changes: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'release-'))
    try {
      for (const file of ['package.json', 'CHANGELOG.md', 'SECURITY.md', 'scripts/release.sh']) {
        cpSync(join(ROOT, file), join(dir, file))
      }
      for (const [file, text] of Object.entries(changes)) writeFileSync(join(dir, file), text)
      return spawnSync('bash', [join(dir, 'scripts/release.sh'), ...args], { encoding: 'utf8' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  test('the first release is 1.0.0, and CHANGELOG.md and SECURITY.md agree with package.json', () => {
    expect(version).toBe('1.0.0')
    const released = /^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/m.exec(read('CHANGELOG.md'))
    expect(released?.[1]).toBe(version)
    expect(read('CHANGELOG.md')).toContain(
      `[${version}]: https://github.com/your-org/rotate-composio-webhook-secret/releases/tag/v${version}`
    )
    expect(read('SECURITY.md')).toMatch(
      new RegExp(`^Supported versions: .*\\(\`${major}\`\\)\\.$`, 'm')
    )
  })

  test('scripts/release.sh --check agrees, in the words docs/versioning.md quotes', () => {
    const result = release(['--check'])
    expect([result.status, result.stderr]).toEqual([0, ''])
    expect(result.stdout).toBe(
      `release: v${version}: package.json, CHANGELOG.md and SECURITY.md agree\n`
    )
    expect(read('docs/versioning.md')).toContain('scripts/release.sh --check')
    expect(read('docs/versioning.md')).toContain('package.json, CHANGELOG.md and SECURITY.md agree')
  })

  test('scripts/release.sh refuses a version other than package.json', () => {
    const result = release(['v9.9.9'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`package.json says ${version}, not 'v9.9.9'`)
  })

  test('scripts/release.sh refuses a CHANGELOG without the section, and SECURITY without the major', () => {
    const changelog = read('CHANGELOG.md').replace(`## [${version}]`, '## [0.0.0]')
    expect(release(['--check'], { 'CHANGELOG.md': changelog }).stderr).toContain(
      `CHANGELOG.md has no '## [${version}] - YYYY-MM-DD' section`
    )
    const security = read('SECURITY.md').replace(`(\`${major}\`)`, '(`v0`)')
    expect(release(['--check'], { 'SECURITY.md': security }).stderr).toContain(
      `SECURITY.md does not name ${major} as the supported version`
    )
  })

  test('the README and docs/versioning.md say what your-org stands for', () => {
    expect(flat(read('README.md'))).toContain(
      '`your-org` stands for the owner of the repository that publishes this action'
    )
    expect(flat(read('docs/versioning.md'))).toContain(
      '`your-org` in every example stands for the owner (user or organization) of the repository that publishes this action'
    )
  })
})
