import { describe, expect, test } from '@jest/globals'
import type { SecretWrite } from '../../src/github/secrets.js'
import type { PreparedTarget } from '../../src/preflight.js'
import {
  dryRunSummary,
  incompleteMessage,
  replayRecipe,
  rotationSummary,
  writtenLabels,
  type Rotation
} from '../../src/report.js'
import type { Target } from '../../src/targets.js'
import type { WriteOutcome, WriteResult } from '../../src/write.js'

const API = 'https://api.github.com'
const rotation: Rotation = {
  subscriptionId: 'ws_sub_1',
  secretName: 'COMPOSIO_WEBHOOK_SECRET',
  fingerprint: '0123456789abcdef',
  rotatedAt: '2026-11-27T08:00:00.000Z'
}

const repoTarget: Target = { kind: 'repository', owner: 'acme', repo: 'app' }
const envTarget: Target = {
  kind: 'environment',
  owner: 'acme',
  repo: 'app',
  environment: 'prod eu'
}
const orgTarget: Target = { kind: 'organization', org: 'acme' }

const prepared = (target: Target, label: string, keyId: string): PreparedTarget => ({
  target,
  label,
  key: { keyId, key: 'cHVibGljLWtleQ==' }
})

const writes: Record<string, SecretWrite> = {
  repo: {
    path: '/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
    body: { encrypted_value: 'c2VhbGVkLXJlcG8+Lw==', key_id: '568250167242549743' }
  },
  env: {
    path: '/repos/acme/app/environments/prod%20eu/secrets/COMPOSIO_WEBHOOK_SECRET',
    body: { encrypted_value: 'c2VhbGVkLWVudg==', key_id: 'env-key-2' }
  },
  org: {
    path: '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
    body: {
      encrypted_value: 'c2VhbGVkLW9yZw==',
      key_id: 'org-key-3',
      visibility: 'selected',
      selected_repository_ids: [1296269, 42]
    }
  }
}

function result(
  target: Target,
  label: string,
  write: SecretWrite,
  outcome: WriteOutcome
): WriteResult {
  return { prepared: prepared(target, label, write.body.key_id), write, outcome }
}

/** The table rows of a summary, without the header and separator. */
function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter(
      line => line.startsWith('| ') && !line.startsWith('| Target') && !line.startsWith('| ---')
    )
}

/** Cells of a row, split on unescaped pipes. */
const cells = (row: string): string[] =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map(c => c.trim())

describe('replayRecipe', () => {
  test.each([
    ['repository', API, writes.repo!],
    ['environment', API, writes.env!],
    ['organization', API, writes.org!],
    ['GHES', 'https://ghes.example.com/api/v3', writes.repo!]
  ])('%s: full URL, key_id, JSON body', (_name, apiUrl, write) => {
    const recipe = replayRecipe(apiUrl, 'the label', write)
    expect(recipe).toContain(`-X PUT "${apiUrl}${write.path}"`)
    expect(recipe).toContain(`key_id ${write.body.key_id}`)
    expect(recipe).toContain(`-d '${JSON.stringify(write.body)}'`)
    expect(recipe.startsWith('the label: ')).toBe(true)
    expect(recipe).toContain('Authorization: Bearer $GITHUB_TOKEN')
    expect(recipe).not.toContain('undefined')
    // The body in the recipe is the exact body, parseable as JSON.
    const body = /-d '(.*)'$/m.exec(recipe)?.[1]
    expect(JSON.parse(body ?? '')).toEqual(write.body)
  })
})

describe('writtenLabels', () => {
  test('only the targets written', () => {
    expect(
      writtenLabels([
        result(repoTarget, 'acme/app', writes.repo!, { written: 'created' }),
        result(envTarget, 'acme/app@prod eu', writes.env!, { failed: 'HTTP 403' }),
        result(orgTarget, 'org:acme', writes.org!, { written: 'updated' })
      ])
    ).toEqual(['acme/app', 'org:acme'])
  })
})

describe('rotationSummary', () => {
  test('all written: one row per target, fingerprint, no "Finish by hand"', () => {
    const summary = rotationSummary(rotation, API, [
      result(repoTarget, 'acme/app', writes.repo!, { written: 'created' }),
      result(envTarget, 'acme/app@prod eu', writes.env!, { written: 'updated' }),
      result(orgTarget, 'org:acme', writes.org!, { written: 'updated' })
    ])
    expect(summary).toContain('## Composio webhook secret rotated\n')
    expect(summary).toContain('`0123456789abcdef`')
    expect(summary).toContain('`ws_sub_1`')
    expect(summary).not.toContain('Finish by hand')
    expect(summary).not.toContain('curl')
    expect(summary).not.toContain('undefined')
    expect(tableRows(summary).map(cells)).toEqual([
      ['acme/app', 'COMPOSIO_WEBHOOK_SECRET', 'created', '`0123456789abcdef`', rotation.rotatedAt],
      [
        'acme/app@prod eu',
        'COMPOSIO_WEBHOOK_SECRET',
        'updated',
        '`0123456789abcdef`',
        rotation.rotatedAt
      ],
      ['org:acme', 'COMPOSIO_WEBHOOK_SECRET', 'updated', '`0123456789abcdef`', rotation.rotatedAt]
    ])
  })

  test('a failure: "not written" row, and a "Finish by hand" recipe for that target only', () => {
    const summary = rotationSummary(rotation, API, [
      result(repoTarget, 'acme/app', writes.repo!, { written: 'updated' }),
      result(envTarget, 'acme/app@prod eu', writes.env!, {
        failed: 'HTTP 403: Resource not accessible by integration'
      })
    ])
    expect(summary).toContain('NOT stored everywhere')
    const rows = tableRows(summary).map(cells)
    expect(rows).toHaveLength(2)
    expect(rows[0]?.[2]).toBe('updated')
    expect(rows[1]?.[2]).toBe('**not written**: HTTP 403: Resource not accessible by integration')
    const byHand = summary.split('### Finish by hand')[1] ?? ''
    expect(byHand).not.toBe('')
    expect(byHand).toContain(`${API}${writes.env!.path}`)
    expect(byHand).toContain(JSON.stringify(writes.env!.body))
    expect(byHand).not.toContain(writes.repo!.path)
    expect(byHand).toContain('```sh\n')
  })

  test("table cells escape '|' and keep each row on one line", () => {
    const summary = rotationSummary(rotation, API, [
      result(
        { kind: 'environment', owner: 'acme', repo: 'app', environment: 'a|b' },
        'acme/app@a|b',
        writes.env!,
        { failed: 'HTTP 422: bad | worse\nsecond line' }
      )
    ])
    const rows = tableRows(summary)
    expect(rows).toHaveLength(1)
    const row = rows[0] ?? ''
    expect(row).toContain('acme/app@a\\|b')
    expect(row).toContain('bad \\| worse second line')
    expect(cells(row)).toHaveLength(5)
  })
})

describe('incompleteMessage', () => {
  const mixed = [
    result(repoTarget, 'acme/app', writes.repo!, { written: 'updated' }),
    result(envTarget, 'acme/app@prod eu', writes.env!, { failed: 'HTTP 403: forbidden' }),
    result(orgTarget, 'org:acme', writes.org!, { failed: 'network error: ECONNRESET' })
  ]

  test('says WAS ROTATED, lists written targets, and each unwritten one with its recipe and why', () => {
    const message = incompleteMessage(rotation, API, mixed)
    expect(message).toContain("subscription 'ws_sub_1' WAS ROTATED")
    expect(message).toContain('fingerprint 0123456789abcdef')
    expect(message).toContain('2 of 3 target(s) did not receive COMPOSIO_WEBHOOK_SECRET')
    expect(message).toContain('\nacme/app: updated\n')
    expect(message).toContain('Finish by hand')
    for (const [label, write, why] of [
      ['acme/app@prod eu', writes.env!, 'HTTP 403: forbidden'],
      ['org:acme', writes.org!, 'network error: ECONNRESET']
    ] as const) {
      expect(message).toContain(`${label}: key_id ${write.body.key_id}`)
      expect(message).toContain(`${API}${write.path}`)
      expect(message).toContain(JSON.stringify(write.body))
      expect(message).toContain(`(not written: ${why})`)
    }
    expect(message).not.toContain(writes.repo!.path)
    expect(message).not.toContain('undefined')
  })

  test('every target written but a problem noted: no recipe, the problem named', () => {
    const written = [result(repoTarget, 'acme/app', writes.repo!, { written: 'created' })]
    const message = incompleteMessage(rotation, API, written, [
      'Writing the job summary failed: ENOSPC'
    ])
    expect(message).toContain('WAS ROTATED')
    expect(message).toContain('was stored in every target')
    expect(message).toContain('acme/app: created')
    expect(message).toContain('Also: Writing the job summary failed: ENOSPC')
    expect(message).not.toContain('Finish by hand')
  })
})

describe('dryRunSummary', () => {
  test('one row per target with its key_id, and visibility for organizations', () => {
    const summary = dryRunSummary('HOOK', 'ws_sub_1', [
      prepared(repoTarget, 'acme/app', 'k1'),
      { ...prepared(orgTarget, 'org:acme', 'k2'), access: { visibility: 'private' } }
    ])
    expect(summary).toContain('dry run')
    expect(summary).toContain('`ws_sub_1`')
    expect(tableRows(summary).map(cells)).toEqual([
      ['acme/app', 'HOOK', 'key_id k1'],
      ['org:acme', 'HOOK', 'key_id k2, visibility private']
    ])
  })
})
