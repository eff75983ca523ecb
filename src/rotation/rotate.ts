// Step 4: the secret to store. Rotated exactly once (the one irreversible call), recovered by a
// read when the rotation's answer is lost, or, with `rotate: false`, the current one as read.
import { createHash } from 'node:crypto'
import { rotateWebhookSecret } from '../composio/client.js'
import { ComposioError } from '../composio/errors.js'
import type { Checked } from '../context/results.js'
import type { Source } from '../context/results.js'
import type { Run } from '../context/run.js'
import { readCurrentSecret, type Reading } from './read-back.js'
import { explainRotationFailure, judgeRead, type RotationOutcome } from './recovery.js'

/** Where the stored secret came from, and what is safe to print about it. Never the secret. */
export interface Obtained {
  secret: string
  source: Source
  /** The subscription before the rotation (its full secret, its `updated_at`), when a read showed it. */
  before?: Reading
}

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
}

/** The rotation, or (rotate: false) the current secret; masked the moment it was parsed. */
export async function obtainSecret(run: Run, checked: Checked): Promise<Obtained> {
  const { settings } = run
  const read = checked.subscription
  const preflight =
    read?.secret === undefined ? undefined : { secret: read.secret, updatedAt: read.updatedAt }
  const obtained = settings.rotate
    ? await rotate(run, preflight)
    : { secret: preflight!.secret, how: 'current' as const } // preflight refused a masked one
  const source: Source = {
    subscriptionId: settings.subscriptionId,
    secretName: settings.secretName,
    fingerprint: fingerprint(obtained.secret),
    how: obtained.how,
    ...(obtained.how !== 'current' && { rotatedAt: run.deps.now().toISOString() })
  }
  const before = 'before' in obtained ? obtained.before : undefined
  return { secret: obtained.secret, source, before }
}

/**
 * Sets the outputs and says what was obtained, as soon as the writes are on their way: if a
 * write fails, a later step of the job can still finish by hand with these.
 */
export function announce(run: Run, { secret, source }: Obtained): void {
  const { io } = run
  run.problems.noteNow('Setting the outputs', () => {
    io.setOutput('secret', secret)
    io.setOutput('fingerprint', source.fingerprint)
    io.setOutput('rotated', String(source.how !== 'current'))
    if (source.rotatedAt) io.setOutput('rotated-at', source.rotatedAt)
  })
  io.info(
    source.how === 'current'
      ? `Read the current secret of subscription ${source.subscriptionId} (not rotated); fingerprint ${source.fingerprint}.`
      : `Rotated subscription ${source.subscriptionId}; new secret fingerprint ${source.fingerprint}.`
  )
}

/**
 * The one irreversible call. When its answer is lost, the subscription is read before any new
 * attempt and judged against the baseline, what it held before the rotation (src/rotation/recovery.ts):
 * a secret never seen, updated later, means the rotation happened (stored as if answered); the
 * baseline's, that no attempt so far took effect (retried as any failure); anything else, that
 * the attempt may have rotated: unknown. Each attempt's outcome replaces the previous one's.
 */
async function rotate(
  run: Run,
  preflight: Reading | undefined
): Promise<{ secret: string; how: 'rotated' | 'recovered'; before?: Reading }> {
  await waitForWriteBudget(run)
  // A read after a lost answer proves something only against the secret from before: when the
  // preflight did not show it in full, one more read, right before the rotation.
  const baseline = preflight ?? (await readCurrentSecret(run, 'before the rotation', 1))
  // Every secret read so far: a lagging replica may show any of them again.
  const seen = new Set(baseline ? [baseline.secret] : [])
  run.guard.rotating()
  let outcome: RotationOutcome = 'not rotated'
  let recovered = false
  let attemptsInDoubt = 0
  const afterFailure = async (error: ComposioError): Promise<string | undefined> => {
    // This attempt rotated nothing (a refusal, a 429): what the earlier ones left stands.
    if (!error.mayHaveRotated) return undefined
    // Not read back (no baseline, or cancelled): this attempt may have rotated.
    // One attempt per read: the rotation's own retries follow, and a dead Composio must not double them.
    const read =
      baseline === undefined || run.guard.signal.aborted
        ? undefined
        : await readCurrentSecret(run, 'back', 1)
    const verdict = judgeRead(baseline, seen, read, ++attemptsInDoubt)
    if (read) seen.add(read.secret)
    if (verdict !== 'new') {
      // Once a read showed a secret it could not place, the baseline seen again proves nothing.
      if (!(outcome === 'unproven' && verdict === 'not taken effect')) outcome = verdict
      return undefined
    }
    recovered = true
    run.io.warning(
      `${error.message}. The answer was lost, but Composio's subscription now holds a new secret: the rotation happened, and that secret is the one stored. Not rotating again.`
    )
    return read!.secret
  }
  try {
    const secret = await rotateWebhookSecret(
      run.composio,
      run.settings.subscriptionId,
      afterFailure
    )
    return { secret, how: recovered ? 'recovered' : 'rotated', before: baseline }
  } catch (error) {
    throw error instanceof ComposioError ? explainRotationFailure(error, outcome) : error
  }
}

/**
 * GitHub accepts about 80 writes a minute, the write checks included. The writes after the
 * rotation must never be the ones that wait: the rotation waits until all of them can start.
 */
async function waitForWriteBudget(run: Run): Promise<void> {
  const count = run.settings.targets.length
  const { writes } = run.github
  if (count > writes.limit) {
    run.io.warning(
      `${count} targets: GitHub accepts about ${writes.limit} secret writes a minute, so the last ${count - writes.limit} writes after the rotation start about a minute after the others.`
    )
  }
  const wait = writes.delayFor(count)
  if (wait <= 0) return
  run.io.info(
    `Waiting ${Math.ceil(wait / 1000)} s before rotating: GitHub accepts about ${writes.limit} secret writes a minute (the write checks were writes too), and the ${count} writes after the rotation must go out at once.`
  )
  await run.deps.sleep(wait)
}
