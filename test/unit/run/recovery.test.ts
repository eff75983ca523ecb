// judgeRead: what a read after a lost rotation answer proves (issue 22, item 10).
import { describe, expect, test } from '@jest/globals'
import type { Reading } from '../../../src/rotation/read-back.js'
import { judgeRead, type ReadVerdict } from '../../../src/rotation/recovery.js'

const T = Date.parse('2026-12-01T10:00:00.000Z')
const BASELINE: Reading = { secret: 'baseline', updatedAt: T }
const EARLIER_READ = 'seen-in-an-earlier-read'
const SEEN = new Set([BASELINE.secret, EARLIER_READ])
const read = (secret: string, updatedAt: number | undefined): Reading => ({ secret, updatedAt })

describe('judgeRead', () => {
  test.each<[string, Reading | undefined, Reading | undefined, number, ReadVerdict]>([
    [
      'a new secret, updated later, after the first lost answer',
      BASELINE,
      read('s', T + 1),
      1,
      'new'
    ],
    ['the baseline secret', BASELINE, read('baseline', T), 1, 'not taken effect'],
    [
      'the baseline secret, however dated',
      BASELINE,
      read('baseline', T + 9),
      1,
      'not taken effect'
    ],
    [
      'an older secret (updated before the baseline)',
      BASELINE,
      read('s', T - 60_000),
      1,
      'unproven'
    ],
    ['updated at the same time as the baseline', BASELINE, read('s', T), 1, 'unproven'],
    [
      'a secret an earlier read showed, dated later',
      BASELINE,
      read(EARLIER_READ, T + 5),
      1,
      'unproven'
    ],
    ['no updated_at in the read', BASELINE, read('s', undefined), 1, 'unproven'],
    ['no updated_at in the baseline', read('baseline', undefined), read('s', T + 1), 1, 'unproven'],
    [
      'a new secret after the second attempt that may have rotated',
      BASELINE,
      read('s', T + 1),
      2,
      'unproven'
    ],
    ['no full secret read', BASELINE, undefined, 1, 'unknown'],
    ['no baseline', undefined, read('s', T + 1), 1, 'unknown']
  ])('%s → %s', (_name, baseline, reading, attempts, verdict) => {
    expect(judgeRead(baseline, SEEN, reading, attempts)).toBe(verdict)
  })
})
