// The job summary, built with @actions/core's builder, which escapes nothing: every label and
// every server's text must arrive escaped.
import { describe, expect, test } from '@jest/globals'
import { summary } from '@actions/core'
import type { Subscription } from '../../../src/composio/subscription.js'
import type { Settings } from '../../../src/inputs/settings.js'
import { CONFIRMATION_TEXT, type Confirmation } from '../../../src/run/confirm.js'
import type { Checked } from '../../../src/run/preflight.js'
import { replayRecipe } from '../../../src/run/recipes.js'
import { dryRunSummary, escapeHtml, storedSummary } from '../../../src/run/summary.js'
import { current, envFailed, orgFailed, repoWritten, result, rotated } from './results.js'

/** Each table row's cells, header row included. */
const rows = (html: string): string[][] =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(([, cell]) => cell ?? '')
  )

const stored = (confirmation: Confirmation, ...results: Parameters<typeof storedSummary>[2]) =>
  storedSummary(summary.emptyBuffer(), rotated, results, confirmation).stringify()

describe('escapeHtml', () => {
  test('&, <, > and " are escaped; & first', () => {
    expect(escapeHtml(`<a href="x">&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;'
    )
  })
})

describe('storedSummary', () => {
  test('all written: one row per target, the fingerprint, no "Finish by hand"', () => {
    const created = result('org:acme', '/orgs/acme/actions/secrets/X', { written: 'created' })
    const html = stored('confirmed', repoWritten, created)
    expect(html).toContain('<h2>Composio webhook secret rotated</h2>')
    expect(html).toContain(
      'Subscription <code>ws_sub_1</code>, secret fingerprint <code>0123456789abcdef</code> (first 16 hex digits of its SHA-256).'
    )
    expect(html).toContain(CONFIRMATION_TEXT.confirmed)
    expect(rows(html)).toEqual([
      ['Target', 'Secret', 'Result', 'Fingerprint', 'Time'],
      [
        'acme/app',
        'COMPOSIO_WEBHOOK_SECRET',
        'updated',
        '<code>0123456789abcdef</code>',
        '2026-11-27T08:00:00.000Z'
      ],
      [
        'org:acme',
        'COMPOSIO_WEBHOOK_SECRET',
        'created',
        '<code>0123456789abcdef</code>',
        '2026-11-27T08:00:00.000Z'
      ]
    ])
    expect(html).not.toContain('Finish by hand')
    expect(html).not.toContain('undefined')
  })

  test('failures: NOT WRITTEN rows, and a recipe for each unwritten target only', () => {
    const html = stored('unconfirmed', repoWritten, envFailed, orgFailed)
    expect(html).toContain('<h2>Composio webhook secret rotated, NOT stored everywhere</h2>')
    expect(rows(html).map(row => row[2])).toEqual([
      'Result',
      'updated',
      'NOT WRITTEN (HTTP 403: forbidden)',
      'NOT WRITTEN (timed out after 2 s (timeout-seconds))'
    ])
    const byHand = html.split('<h3>Finish by hand</h3>')[1] ?? ''
    expect(byHand).toContain('Run this action again with <code>rotate: false</code>, or send:')
    const blocks = [...byHand.matchAll(/<pre lang="sh"><code>([^]*?)<\/code><\/pre>/g)].map(
      m => m[1]
    )
    expect(blocks).toEqual([
      escapeHtml(replayRecipe(envFailed)),
      escapeHtml(replayRecipe(orgFailed))
    ])
    expect(html).toContain(CONFIRMATION_TEXT.unconfirmed)
  })

  test('labels, reasons and recipes are escaped', () => {
    const hostile = result('acme/app@<b>x</b>', '/repos/acme/app/environments/%3Cb%3E/secrets/S', {
      failed: 'HTTP 500: <script>alert(1)</script> & "quotes"'
    })
    const html = stored('not needed', hostile)
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<script>')
    expect(rows(html)[1]?.slice(0, 3)).toEqual([
      'acme/app@&lt;b&gt;x&lt;/b&gt;',
      'COMPOSIO_WEBHOOK_SECRET',
      'NOT WRITTEN (HTTP 500: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;)'
    ])
    expect(html).toContain('To finish acme/app@&lt;b&gt;x&lt;/b&gt; by hand')
  })

  test.each(Object.keys(CONFIRMATION_TEXT) as Confirmation[])('confirmation %s', confirmation => {
    const html = stored(confirmation, repoWritten)
    if (confirmation === 'not needed') expect(CONFIRMATION_TEXT[confirmation]).toBe('')
    else expect(html).toContain(CONFIRMATION_TEXT[confirmation])
  })

  test('the current secret: "stored (not rotated)", no rotation time', () => {
    const html = storedSummary(
      summary.emptyBuffer(),
      current,
      [repoWritten],
      'not needed'
    ).stringify()
    expect(html).toContain('<h2>Composio webhook secret stored (not rotated)</h2>')
    expect(rows(html)[1]?.[4]).toBe('not rotated')
  })

  test('a recovered secret says the answer was lost', () => {
    const recovered = { ...rotated, how: 'recovered' as const }
    const html = storedSummary(
      summary.emptyBuffer(),
      recovered,
      [repoWritten],
      'not needed'
    ).stringify()
    expect(html).toContain(
      "The rotation's answer was lost; the secret stored is the one Composio's subscription held when read back."
    )
  })
})

describe('dryRunSummary', () => {
  const SECRET = 'f00dfeed'.repeat(8)
  const settings = (rotate: boolean) =>
    ({ rotate, subscriptionId: 'ws_sub_1', secretName: 'HOOK' }) as Settings
  const key = (keyId: string) => ({ keyId, key: 'k' })
  const checked = (subscription: Subscription | undefined): Checked => ({
    subscription,
    targets: [
      {
        target: { kind: 'repository', owner: 'acme', repo: 'app' },
        label: 'acme/app',
        key: key('11')
      },
      {
        target: { kind: 'environment', owner: 'acme', repo: 'app', environment: '<b>x</b>' },
        label: 'acme/app@<b>x</b>',
        key: key('22')
      },
      {
        target: { kind: 'organization', org: 'acme' },
        label: 'org:acme',
        key: key('33'),
        access: { visibility: 'private' }
      }
    ]
  })

  test('one row per target with its key_id, escaped, and visibility for organizations', () => {
    const html = dryRunSummary(
      summary.emptyBuffer(),
      settings(true),
      checked(undefined)
    ).stringify()
    expect(html).toContain('<h2>Composio webhook secret: dry run</h2>')
    expect(html).toContain(
      'A real run would rotate subscription <code>ws_sub_1</code> once and write:'
    )
    expect(rows(html)).toEqual([
      ['Target', 'Secret', 'Checked'],
      ['acme/app', 'HOOK', 'key_id 11, write accepted'],
      ['acme/app@&lt;b&gt;x&lt;/b&gt;', 'HOOK', 'key_id 22, write accepted'],
      ['org:acme', 'HOOK', 'key_id 33, write accepted, visibility private']
    ])
    expect(html).toContain("Composio's subscription could not be read (see the warning).")
  })

  test("the subscription's fields, escaped; the secret never shown", () => {
    const subscription: Subscription = {
      secret: SECRET,
      webhookUrl: 'https://x.example/"><img src=x onerror=alert(1)>',
      version: 'V3',
      enabledEvents: ['a<b', 'c&d']
    }
    const html = dryRunSummary(
      summary.emptyBuffer(),
      settings(false),
      checked(subscription)
    ).stringify()
    expect(html).toContain(
      'A real run would store the current secret of subscription <code>ws_sub_1</code>, without rotating, in:'
    )
    expect(html).toContain(
      '<ul><li>webhook_url: <code>https://x.example/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code></li><li>version: <code>V3</code></li><li>enabled_events: <code>a&lt;b</code>, <code>c&amp;d</code></li><li>secret: returned in full (not shown)</li></ul>'
    )
    expect(html).not.toContain(SECRET)
    expect(html).not.toContain('<img')
  })

  test('missing fields and a masked secret', () => {
    const html = dryRunSummary(
      summary.emptyBuffer(),
      settings(true),
      checked({ secret: undefined })
    ).stringify()
    expect(html).toContain(
      '<li>webhook_url: <code>(not given)</code></li><li>version: <code>(not given)</code></li><li>enabled_events: (none given)</li><li>secret: masked in the read</li>'
    )
  })
})
