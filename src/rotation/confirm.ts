// After a rotation, Composio is read once more, in parallel with the writes: does the
// subscription hold the secret this run stores? Only a secret that is neither the new one nor
// the one before the run fails it: someone rotated around this run. A secret recovered by a read
// after a lost answer needs this second read to agree, else it may be a stale replica's.
import type { Confirmation } from '../context/results.js'
import type { Run } from '../context/run.js'
import { CONFIRMATION_TEXT } from '../report/confirmation.js'
import { readCurrentSecret } from './read-back.js'
import type { Obtained } from './rotate.js'

export async function confirmRotation(run: Run, obtained: Obtained): Promise<Confirmation> {
  const { how } = obtained.source
  // A current one was not rotated; a cancelled run sends nothing more.
  if (how === 'current' || run.guard.signal.aborted) return 'not needed'
  const current = (await readCurrentSecret(run, 'back'))?.secret
  if (current === obtained.secret) return 'confirmed'
  if (how === 'recovered' && (current === undefined || current === obtained.before)) {
    run.io.warning(CONFIRMATION_TEXT['possibly stale'])
    return 'possibly stale'
  }
  if (current === undefined) return 'unconfirmed'
  if (current === obtained.before) {
    run.io.warning(
      "Composio's read after the rotation still showed the previous secret (a stale read); the rotation's answer is the secret stored."
    )
    return 'stale'
  }
  return 'changed'
}
