// What a read after a lost rotation answer proves. Replicas lag: a read may show the secret from
// before the rotation, or from several rotations ago. Only a secret never seen before, with an
// `updated_at` later than the baseline's, is taken for the rotation's result; anything else
// leaves the rotation unknown, and nothing is stored.
import { ComposioError } from '../composio/errors.js'
import type { Reading } from './read-back.js'

/**
 * new: the rotation's result; not taken effect: the baseline's secret, as before; unproven: a
 * secret not provably the newest rotation's (seen before, updated no later than the baseline, or
 * read after more than one attempt that may have rotated, whose results a lagging read cannot
 * tell apart); unknown: no full secret read, or no baseline to compare with.
 */
export type ReadVerdict = 'new' | 'not taken effect' | 'unproven' | 'unknown'

/** `attemptsInDoubt`: the attempts so far that may have rotated, this one included. */
export function judgeRead(
  baseline: Reading | undefined,
  seen: ReadonlySet<string>,
  read: Reading | undefined,
  attemptsInDoubt: number
): ReadVerdict {
  if (baseline === undefined || read === undefined) return 'unknown'
  if (read.secret === baseline.secret) return 'not taken effect'
  const newer =
    baseline.updatedAt !== undefined &&
    read.updatedAt !== undefined &&
    read.updatedAt > baseline.updatedAt
  return newer && !seen.has(read.secret) && attemptsInDoubt === 1 ? 'new' : 'unproven'
}

/** What the failed attempts so far have left: nothing rotated, no change seen, an older read, or unknown. */
export type RotationOutcome = 'not rotated' | Exclude<ReadVerdict, 'new'>

/** A failed rotation says whether the old secret may be dead, and what to do. */
export function explainRotationFailure(
  error: ComposioError,
  outcome: RotationOutcome
): ComposioError {
  const consequence = {
    unknown:
      'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts), or with rotate: false to store the secret it holds now. Nothing was written to GitHub.',
    unproven:
      "The subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Composio's read after the lost answer showed a secret that is not provably the newest rotation's (a lagging read: a secret seen before, one updated no later than the one before the rotation, or one of several attempts): it was not stored. Run this action with rotate: false in a few minutes, to store the secret the subscription holds then (or again with rotate: true: the newest rotation is the one that counts). Nothing was written to GitHub.",
    // A replica lagging behind every attempt shows the same: said as likely, not as seen.
    'not taken effect':
      "The rotation did not take effect as far as Composio's read shows (the subscription still showed the secret it had before): nothing written; the old secret should still work. A lagging read looks the same: if deliveries fail verification, run this action with rotate: false in a few minutes.",
    'not rotated': 'Nothing was rotated and nothing written: the old secret still works.'
  }[outcome]
  return new ComposioError(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated)
}
