// The receiver check's section of the job summary: every request's status and time, never a
// body; the URL escaped; a long check shortened to its first and last rounds.
import { describe, expect, test } from '@jest/globals'
import { summary } from '@actions/core'
import type { ReceiverOutcome } from '../../../src/receiver/check.js'
import { receiverSection } from '../../../src/receiver/summary.js'
import type { Round } from '../../../src/receiver/verdict.js'

const round = (i: number, genuine = 401, forgedFirst = false): Round => ({
  at: new Date(Date.UTC(2026, 11, 3, 8, 0, i * 10)),
  forgedFirst,
  genuine: { status: genuine, ms: 12 },
  forged: { error: 'timed out after 10 s (timeout-seconds)', ms: 10_000 },
  verdict: 'no answer'
})
const section = (outcome: ReceiverOutcome): string =>
  receiverSection(summary.emptyBuffer(), outcome).stringify()

describe('receiverSection', () => {
  test('a row per request: round, sent at, signed with, answer, time', () => {
    const html = section({
      shownUrl: 'https://h.example/hook',
      rounds: [round(0)],
      message: 'Receiver check of https://h.example/<b>hook</b>: not confirmed.'
    })
    expect(html).toContain('<h3>Receiver check: NOT confirmed</h3>')
    expect(html).toContain(
      'Receiver check of https://h.example/&lt;b&gt;hook&lt;/b&gt;: not confirmed.'
    )
    expect(html).toContain(
      '<tr><td>1</td><td>2026-12-03T08:00:00.000Z</td><td>new secret</td><td>HTTP 401</td><td>12 ms</td></tr>'
    )
    expect(html).toContain(
      '<tr><td>1</td><td>2026-12-03T08:00:00.000Z</td><td>random secret</td><td>timed out after 10 s (timeout-seconds)</td><td>10000 ms</td></tr>'
    )
  })

  test('the rows in the order the deliveries were sent', () => {
    const html = section({
      shownUrl: 'https://h.example/hook',
      rounds: [round(0, 401, true)],
      message: 'x'
    })
    expect(html.indexOf('random secret')).toBeLessThan(html.indexOf('new secret'))
  })

  test('confirmed: the heading says so', () => {
    const html = section({
      shownUrl: 'https://h.example/hook',
      rounds: [round(0, 204)],
      confirmedAt: new Date(),
      message: 'confirmed'
    })
    expect(html).toContain('<h3>Receiver check: confirmed</h3>')
  })

  test('a long check: the first 10 rounds, a row saying how many are left out, the last 20', () => {
    const rounds = Array.from({ length: 35 }, (_, i) => round(i))
    const html = section({ shownUrl: 'https://h.example/hook', rounds, message: 'x' })
    const numbers = [...html.matchAll(/<tr><td>(\d+|…)<\/td>/g)].map(m => m[1])
    expect(numbers.filter(n => n === '…')).toHaveLength(1)
    expect(html).toContain('5 rounds not shown')
    const shown = [...new Set(numbers.filter(n => n !== '…').map(Number))]
    expect(shown).toEqual([
      ...Array.from({ length: 10 }, (_, i) => i + 1),
      ...Array.from({ length: 20 }, (_, i) => i + 16)
    ])
  })
})
