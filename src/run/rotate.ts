// Step 4: the secret to store. Rotated exactly once (the one irreversible call), recovered by a
// read when the rotation's answer is lost, or, with `rotate: false`, the current one as read.
import { createHash } from 'node:crypto'
import { readWebhookSubscription, rotateWebhookSecret } from '../composio/client.js'
import { ComposioError } from '../composio/errors.js'
import type { Run } from './context.js'
import type { Checked } from './preflight.js'

/** Where the stored secret came from, and what is safe to print about it. Never the secret. */
export interface Source {
  subscriptionId: string
  secretName: string
  /** First 16 hex digits of the secret's SHA-256: lets a receiver confirm which secret it holds. */
  fingerprint: string
  /** rotated: by this run; recovered: rotated, its answer lost, read back; current: not rotated. */
  how: 'rotated' | 'recovered' | 'current'
  rotatedAt?: string
}

export interface Obtained {
  secret: string
  source: Source
}

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
}

/** The rotation, or (rotate: false) the current secret; masked the moment it was parsed. */
export async function obtainSecret(run: Run, checked: Checked): Promise<Obtained> {
  const { settings } = run
  const before = checked.subscription?.secret
  const obtained = settings.rotate
    ? await rotate(run, before)
    : { secret: before!, how: 'current' as const } // preflight refused a masked one
  const source: Source = {
    subscriptionId: settings.subscriptionId,
    secretName: settings.secretName,
    fingerprint: fingerprint(obtained.secret),
    how: obtained.how,
    ...(obtained.how !== 'current' && { rotatedAt: run.deps.now().toISOString() })
  }
  return { secret: obtained.secret, source }
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
 * attempt: a secret other than `before` means the rotation happened (stored as if answered); the
 * same one means it did not take effect (retried as any failure); no full secret, unknown.
 */
async function rotate(
  run: Run,
  before: string | undefined
): Promise<{ secret: string; how: 'rotated' | 'recovered' }> {
  await waitForWriteBudget(run)
  run.guard.rotating()
  let state: RotationState = 'not rotated'
  let recovered = false
  const afterFailure = async (error: ComposioError): Promise<string | undefined> => {
    if (!error.mayHaveRotated || run.guard.signal.aborted) return undefined
    // One attempt: the rotation's own retries follow, and a dead Composio must not double them.
    const current = await readCurrentSecret(run, 1)
    if (current === undefined) state = 'unknown'
    else if (current === before) state = 'not taken effect'
    else {
      recovered = true
      run.io.warning(
        before === undefined
          ? `${error.message}. The answer was lost, but Composio's subscription now holds a full secret, which the read before the rotation could not show: it is the subscription's current secret, and it is the one stored. Not rotating again.`
          : `${error.message}. The answer was lost, but Composio's subscription now holds a new secret: the rotation happened, and that secret is the one stored. Not rotating again.`
      )
      return current
    }
    return undefined
  }
  try {
    const secret = await rotateWebhookSecret(
      run.composio,
      run.settings.subscriptionId,
      afterFailure
    )
    return { secret, how: recovered ? 'recovered' : 'rotated' }
  } catch (error) {
    throw error instanceof ComposioError ? explainRotationFailure(error, state) : error
  }
}

/** The subscription's current full secret, or undefined (masked, or no answer: said as a warning). */
export async function readCurrentSecret(
  run: Run,
  maxAttempts?: number
): Promise<string | undefined> {
  const options = maxAttempts ? { ...run.composio, maxAttempts } : run.composio
  try {
    return (await readWebhookSubscription(options, run.settings.subscriptionId)).secret
  } catch (error) {
    run.io.warning(`Could not read the subscription back: ${(error as Error).message}`)
    return undefined
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

/** What the reads after lost answers have shown: nothing yet, nothing conclusive, or no change. */
type RotationState = 'not rotated' | 'unknown' | 'not taken effect'

/** A failed rotation says whether the old secret may be dead, and what to do. */
function explainRotationFailure(error: ComposioError, state: RotationState): ComposioError {
  const consequence =
    state === 'unknown' || (state === 'not rotated' && error.mayHaveRotated)
      ? 'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts). Nothing was written to GitHub.'
      : state === 'not taken effect'
        ? "The rotation did not take effect (Composio's subscription still holds the secret it had before): nothing written; the old secret still works."
        : 'Nothing was rotated and nothing written: the old secret still works.'
  return new ComposioError(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated)
}
