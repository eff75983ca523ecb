// The job summary, built with @actions/core's builder, which escapes nothing: every label and
// every server's text must arrive escaped.
import { describe, expect, test } from '@jest/globals'
import { summary } from '@actions/core'
import type { Subscription } from '../../../src/composio/subscription.js'
import type { Checked, Confirmation } from '../../../src/context/results.js'
import type { WriteResult } from '../../../src/context/run.js'
import type { Settings } from '../../../src/inputs/settings.js'
import { CONFIRMATION_TEXT } from '../../../src/report/confirmation.js'
import { escapeHtml } from '../../../src/report/html.js'
import { replayRecipe } from '../../../src/report/recipes.js'
import { dryRunSummary, storedSummary, type SummarySection } from '../../../src/report/summary.js'
import { current, envFailed, orgFailed, repoWritten, result, rotated } from './results.js'

/** Each table row's cells, header row included. */
const rows = (html: string): string[][] =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(([, cell]) => cell ?? '')
  )

const stored = (confirmation: Confirmation, ...results: WriteResult[]) =>
  storedSummary(summary.emptyBuffer(), {
    source: rotated,
    results,
    confirmation,
    problems: []
  }).stringify()

describe('escapeHtml', () => {
  test('&, <, > and " are escaped; & first', () => {
    expect(escapeHtml(`<a href="x">&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;'
    )
  })
})

describe('storedSummary', () => {
  test('all written: the outcome first, the secret once above the table, status first, no recipe', () => {
    const created = result('org:acme', '/orgs/acme/actions/secrets/X', {
      written: 'created',
      at: '2026-11-27T08:00:02.500Z'
    })
    const html = stored('confirmed', repoWritten, created)
    expect(
      html.startsWith('<h2>✅ Composio webhook secret rotated and stored in 2 targets</h2>')
    ).toBe(true)
    expect(html).toContain(
      '<p>Secret <code>COMPOSIO_WEBHOOK_SECRET</code> of subscription <code>ws_sub_1</code> (rotated 2026-11-27 08:00:00 UTC), fingerprint <code>0123456789abcdef</code>: the first 16 hex digits of its SHA-256, for a receiver to compare.</p>'
    )
    expect(html.split('0123456789abcdef')).toHaveLength(2) // once
    expect(html).toContain(`<p>${CONFIRMATION_TEXT.confirmed}</p>`)
    expect(rows(html)).toEqual([
      ['Status', 'Target', 'Written at'],
      ['✅ updated', 'acme/app', '2026-11-27 08:00:01 UTC'],
      ['✅ created', 'org:acme', '2026-11-27 08:00:02 UTC']
    ])
    expect(html).not.toContain('Finish by hand')
    expect(html).not.toContain('undefined')
  })

  test('failures: ❌ rows with no time and no fingerprint; below the table, one section per target with why and its recipe', () => {
    const html = stored('unconfirmed', repoWritten, envFailed, orgFailed)
    expect(
      html.startsWith(
        '<h2>❌ Composio webhook secret rotated, but NOT written to 2 of 3 targets: finish by hand</h2>'
      )
    ).toBe(true)
    expect(html).toContain('Only the targets marked ✅ hold it.')
    expect(rows(html)).toEqual([
      ['Status', 'Target', 'Written at'],
      ['✅ updated', 'acme/app', '2026-11-27 08:00:01 UTC'],
      ['❌ NOT WRITTEN', 'acme/app@prod eu', '—'],
      ['❌ NOT WRITTEN', 'org:acme', '—']
    ])
    const [table, byHand = ''] = html.split('<h3>Finish by hand</h3>')
    expect(table).not.toContain('HTTP 403') // the reasons are below the table, not in a cell
    expect(byHand).toContain('Run this action again with <code>rotate: false</code>')
    const sections = byHand.split('<h4>').slice(1)
    expect(sections).toEqual([
      `❌ acme/app@prod eu</h4>\n<p>HTTP 403: forbidden</p>\n<pre lang="sh"><code>${escapeHtml(replayRecipe(envFailed))}</code></pre>\n`,
      `❌ org:acme</h4>\n<p>timed out after 2 s (timeout-seconds)</p>\n<pre lang="sh"><code>${escapeHtml(replayRecipe(orgFailed))}</code></pre>\n`
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
    expect(rows(html)[1]).toEqual(['❌ NOT WRITTEN', 'acme/app@&lt;b&gt;x&lt;/b&gt;', '—'])
    expect(html).toContain(
      '<p>HTTP 500: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>'
    )
    expect(html).toContain('# To finish acme/app@&lt;b&gt;x&lt;/b&gt; by hand')
  })

  test.each(Object.keys(CONFIRMATION_TEXT) as Confirmation[])('confirmation %s', confirmation => {
    const html = stored(confirmation, repoWritten)
    if (confirmation === 'not needed') expect(CONFIRMATION_TEXT[confirmation]).toBe('')
    else expect(html).toContain(CONFIRMATION_TEXT[confirmation])
  })

  test('the current secret: "stored (not rotated)", said once above the table', () => {
    const html = storedSummary(summary.emptyBuffer(), {
      source: current,
      results: [repoWritten],
      confirmation: 'not needed',
      problems: []
    }).stringify()
    expect(html).toContain('<h2>✅ Composio webhook secret stored (not rotated) in 1 target</h2>')
    expect(html).toContain('(not rotated), fingerprint')
  })

  test('written everywhere, but a problem: ❌, and the problem under "Also"', () => {
    const html = storedSummary(summary.emptyBuffer(), {
      source: rotated,
      results: [repoWritten],
      confirmation: 'changed',
      problems: ['Setting the targets output failed: <EACCES>']
    }).stringify()
    expect(html).toContain(
      '<h2>❌ Composio webhook secret rotated and stored in every target, but the run did not finish cleanly</h2>'
    )
    expect(html).toContain(
      '<h3>Also</h3>\n<ul><li>Setting the targets output failed: &lt;EACCES&gt;</li></ul>'
    )
  })

  test('written everywhere, but the receiver check failed: the headline names it', () => {
    const html = storedSummary(summary.emptyBuffer(), {
      source: rotated,
      results: [repoWritten],
      confirmation: 'confirmed',
      problems: ['Receiver check of https://h.example/hook: …'],
      failed: 'the receiver still rejects the new secret'
    }).stringify()
    expect(html).toMatch(
      /^<h2>❌ Composio webhook secret rotated and stored in every target, but the receiver still rejects the new secret<\/h2>/
    )
  })

  test('a recovered secret says the answer was lost', () => {
    const recovered = { ...rotated, how: 'recovered' as const }
    const html = storedSummary(summary.emptyBuffer(), {
      source: recovered,
      results: [repoWritten],
      confirmation: 'not needed',
      problems: []
    }).stringify()
    expect(html).toContain(
      "The rotation's answer was lost; the secret stored is the one Composio's subscription held when read back."
    )
  })

  test('sections of other steps come last, in the order given', () => {
    const section =
      (name: string): SummarySection =>
      builder =>
        builder.addHeading(name, 3)
    const html = storedSummary(
      summary.emptyBuffer(),
      { source: rotated, results: [envFailed], confirmation: 'not needed', problems: [] },
      [section('Receiver check'), section('Redeploys')]
    ).stringify()
    expect(html.indexOf('<h3>Finish by hand</h3>')).toBeLessThan(
      html.indexOf('<h3>Receiver check</h3>')
    )
    expect(html.endsWith('<h3>Receiver check</h3>\n<h3>Redeploys</h3>\n')).toBe(true)
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
    expect(html).toContain(
      '<h2>✅ Dry run: every target accepted a test write; nothing was rotated or written</h2>'
    )
    expect(html).toContain(
      'A real run would rotate subscription <code>ws_sub_1</code> once and write <code>HOOK</code> to 3 targets:'
    )
    expect(rows(html)).toEqual([
      ['Status', 'Target', 'Checked'],
      ['✅ write accepted', 'acme/app', 'key_id 11'],
      ['✅ write accepted', 'acme/app@&lt;b&gt;x&lt;/b&gt;', 'key_id 22'],
      ['✅ write accepted', 'org:acme', 'key_id 33, visibility private']
    ])
    expect(html).toContain("Composio's subscription could not be read (see the warning).")
  })

  test("the subscription's fields, escaped; the secret never shown", () => {
    const subscription: Subscription = {
      secret: SECRET,
      webhookUrl: 'https://x.example/"><img src=x onerror=alert(1)>?token=t0k3n',
      version: 'V3',
      enabledEvents: ['a<b', 'c&d']
    }
    const html = dryRunSummary(
      summary.emptyBuffer(),
      settings(false),
      checked(subscription)
    ).stringify()
    expect(html).toContain(
      'A real run would store the current secret of subscription <code>ws_sub_1</code>, without rotating, as <code>HOOK</code> in 3 targets:'
    )
    expect(html).toContain(
      '<ul><li>webhook_url: <code>https://x.example/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E?…</code></li><li>version: <code>V3</code></li><li>enabled_events: <code>a&lt;b</code>, <code>c&amp;d</code></li><li>secret: returned in full (not shown)</li></ul>'
    )
    expect(html).not.toContain(SECRET)
    expect(html).not.toContain('t0k3n') // a receiver's query may hold its token
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
