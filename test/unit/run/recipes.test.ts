import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  incompleteMessage,
  isWritten,
  replayRecipe,
  statusOf,
  unfinishedMessage
} from '../../../src/report/recipes.js'
import { shellQuote } from '../../../src/shell.js'
import { API, current, envFailed, orgFailed, repoWritten, result, rotated } from './results.js'

/** Runs `script` in /bin/sh in an empty directory; what it printed, and that directory. */
function sh(script: string): { stdout: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'recipe-'))
  const run = spawnSync('/bin/sh', ['-c', script], { cwd: dir, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  return { stdout: run.stdout, dir }
}

const HOSTILE = [
  'plain',
  "it's",
  '$(touch PWNED)',
  '`touch PWNED`',
  "a'$(touch PWNED)'b",
  "''",
  '$HOME ${HOME} \\ " ; | & * ? ~ # !',
  'two\nlines',
  ''
]

describe('shellQuote', () => {
  test.each(HOSTILE)('%j reaches the command as a literal, running nothing', value => {
    const { stdout, dir } = sh(`printf %s ${shellQuote(value)}`)
    expect(stdout).toBe(value)
    expect(existsSync(join(dir, 'PWNED'))).toBe(false)
  })
})

describe('replayRecipe', () => {
  /** Runs the whole recipe, as pasted, with a curl that prints its arguments, one per NUL. */
  function replay(recipe: string): string[] {
    const curl = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }; GITHUB_TOKEN=t0k`
    const { stdout, dir } = sh(`${curl}\n${recipe}`)
    expect(existsSync(join(dir, 'PWNED'))).toBe(false)
    return stdout.split('\0').slice(0, -1)
  }

  test.each([repoWritten, envFailed, orgFailed])('$label: the exact request, through sh', write => {
    const recipe = replayRecipe(write)
    // The prose is a shell comment: the block pastes whole.
    expect(recipe.split('\n').slice(0, 2)).toEqual([
      `# To finish ${write.label} by hand (key_id ${write.keyId}), with GITHUB_TOKEN set to a token`,
      "# that may write this secret (the value is sealed for this target's key: only GitHub can open it):"
    ])
    const args = replay(recipe)
    expect(args.slice(0, 4)).toEqual(['-fsS', '-X', 'PUT', write.request.url])
    expect(args.slice(4, 10)).toEqual([
      '-H',
      'Authorization: Bearer t0k',
      '-H',
      'Accept: application/vnd.github+json',
      '-H',
      'Content-Type: application/json'
    ])
    expect(args[10]).toBe('-d')
    expect(JSON.parse(args[11] ?? '')).toEqual(write.request.body)
    expect(args).toHaveLength(12)
  })

  test.each(HOSTILE.slice(1, 6))('a URL and a body holding %j stay literal', value => {
    const hostile = result('acme/app', `/repos/acme/app/${value}`, { failed: 'x' }, { note: value })
    const args = replay(replayRecipe(hostile))
    expect(args[3]).toBe(`${API}/repos/acme/app/${value}`)
    expect(JSON.parse(args[11] ?? '')).toMatchObject({ note: value })
  })

  test('the token stays a variable of the shell that runs it', () => {
    expect(replayRecipe(repoWritten)).toContain('-H "Authorization: Bearer $GITHUB_TOKEN"')
  })
})

describe('statusOf and isWritten', () => {
  test.each([
    ['created', result('a/b', '/x', { written: 'created', at: '2026-11-27T08:00:01.000Z' }), true],
    ['updated', repoWritten, true],
    ['NOT WRITTEN (HTTP 403: forbidden)', envFailed, false],
    ['NOT WRITTEN (timed out after 2 s (timeout-seconds))', orgFailed, false]
  ] as const)('%s', (status, write, written) => {
    expect(statusOf(write)).toBe(status)
    expect(isWritten(write)).toBe(written)
  })
})

describe('incompleteMessage', () => {
  test('rotated, two of three not written: one line per target, then a recipe per unwritten one', () => {
    const lines = incompleteMessage(rotated, [repoWritten, envFailed, orgFailed]).split('\n')
    expect(lines.slice(0, 5)).toEqual([
      "The webhook subscription 'ws_sub_1' WAS ROTATED (fingerprint 0123456789abcdef) and its old secret no longer works, but 2 of 3 target(s) did not receive COMPOSIO_WEBHOOK_SECRET.",
      'acme/app: updated',
      'acme/app@prod eu: NOT WRITTEN (HTTP 403: forbidden)',
      'org:acme: NOT WRITTEN (timed out after 2 s (timeout-seconds))',
      "Finish by hand: run this action again with rotate: false (it stores Composio's current secret without rotating, where Composio returns it in full), or send the request shown for each target not written. Running it with rotate: true would rotate again."
    ])
    expect(lines.slice(5).join('\n')).toBe(`${replayRecipe(envFailed)}\n${replayRecipe(orgFailed)}`)
  })

  test('the current secret (not rotated) says so', () => {
    const message = incompleteMessage(current, [envFailed])
    expect(message.split('\n')[0]).toBe(
      "The current secret of subscription 'ws_sub_1' (fingerprint 0123456789abcdef; not rotated) was being stored, but 1 of 1 target(s) did not receive COMPOSIO_WEBHOOK_SECRET."
    )
    expect(message).not.toContain('WAS ROTATED')
  })

  test('every target written but a problem noted: no recipe, the problem named', () => {
    expect(
      incompleteMessage(rotated, [repoWritten], ['Writing the job summary failed: ENOSPC'])
    ).toBe(
      [
        "The webhook subscription 'ws_sub_1' WAS ROTATED (fingerprint 0123456789abcdef) and its old secret no longer works; COMPOSIO_WEBHOOK_SECRET was stored in every target, but the run did not finish cleanly.",
        'acme/app: updated',
        'Also: Writing the job summary failed: ENOSPC'
      ].join('\n')
    )
  })
})

describe('unfinishedMessage', () => {
  test.each([
    ['rotated', rotated, 'after the rotation. The webhook subscription'],
    ['current', current, 'while storing the current secret (not rotated). The current secret']
  ] as const)('%s', (_how, source, start) => {
    const message = unfinishedMessage(source, [repoWritten, envFailed])
    expect(message.startsWith(start)).toBe(true)
    expect(message.endsWith(incompleteMessage(source, [repoWritten, envFailed]))).toBe(true)
  })
})
