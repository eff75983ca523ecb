// After a rotation, Composio is read once more, in parallel with the writes: does the
// subscription hold the secret this run stores? Only a secret that is neither the new one nor
// the one before the run fails it: someone rotated around this run. A secret recovered by a read
// after a lost answer needs this second read to agree, else it may be a stale replica's.
import type { Confirmation } from '../context/results.js'
import type { Run } from '../context/run.js'
import { CONFIRMATION_TEXT } from '../report/confirmation.js'
import { readCurrentSecret, type Reading } from './read-back.js'
import type { Obtained } from './rotate.js'

export async function confirmRotation(run: Run, obtained: Obtained): Promise<Confirmation> {
  const { how } = obtained.source
  // A current one was not rotated; a cancelled run sends nothing more.
  if (how === 'current' || run.guard.signal.aborted) return 'not needed'
  const read = await readCurrentSecret(run, 'back')
  if (read?.secret === obtained.secret) return 'confirmed'
  const older = read !== undefined && isFromBefore(read, obtained.before)
  if (how === 'recovered' && (read === undefined || older)) {
    run.io.warning(CONFIRMATION_TEXT['possibly stale'])
    return 'possibly stale'
  }
  if (read === undefined) return 'unconfirmed'
  if (older) {
    run.io.warning(
      "Composio's read after the rotation still showed the previous secret, or an older one (a stale read); the rotation's answer is the secret stored."
    )
    return 'stale'
  }
  return 'changed'
}

/**
 * A read of the secret from before the rotation, or of one no newer than it (a replica lagging
 * further behind): not a rotation by someone else during this run.
 */
function isFromBefore(read: Reading, before: Reading | undefined): boolean {
  if (before === undefined) return false
  if (read.secret === before.secret) return true
  return (
    read.updatedAt !== undefined &&
    before.updatedAt !== undefined &&
    read.updatedAt <= before.updatedAt
  )
}
