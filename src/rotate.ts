// Steps 3–4: the one irreversible call, and what a failure of it means for the old secret.
import { createHash } from 'node:crypto'
import type { Deps, Problems } from './action.js'
import type { CancellationGuard } from './cancel.js'
import { ComposioError, rotateWebhookSecret } from './composio.js'
import type { Settings } from './inputs.js'
import type { Rotation } from './report.js'

/** The one irreversible call. Its outputs are set at once: if a write fails, a later step can finish by hand. */
export async function rotate(
  settings: Settings,
  deps: Deps,
  guard: CancellationGuard,
  problems: Problems
): Promise<{ secret: string; rotation: Rotation }> {
  const { io } = deps
  guard.rotating()
  const secret = await rotateWebhookSecret(
    {
      baseUrl: settings.composioBaseUrl,
      auth: settings.composioAuth,
      fetch: deps.fetch,
      timeoutMs: settings.timeoutMs,
      sleep: ms => deps.sleep(ms, guard.signal),
      mask: io.setSecret,
      log: io.warning,
      mayRetry: () => !guard.signal.aborted
    },
    settings.subscriptionId
  ).catch(error => {
    throw explainRotationFailure(error)
  })
  const rotation: Rotation = {
    subscriptionId: settings.subscriptionId,
    secretName: settings.secretName,
    fingerprint: fingerprint(secret),
    rotatedAt: deps.now().toISOString()
  }
  await problems.note('Setting the outputs', () => {
    io.setOutput('secret', secret)
    io.setOutput('fingerprint', rotation.fingerprint)
    io.setOutput('rotated-at', rotation.rotatedAt)
  })
  io.info(
    `Rotated subscription ${settings.subscriptionId}; new secret fingerprint ${rotation.fingerprint}.`
  )
  return { secret, rotation }
}

/** First 16 hex digits of the secret's SHA-256: lets a receiver confirm which secret it holds. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
}

/** A failed rotation says whether the old secret may be dead, and what to do. */
function explainRotationFailure(error: unknown): unknown {
  if (!(error instanceof ComposioError)) return error
  const consequence = error.mayHaveRotated
    ? 'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts). Nothing was written to GitHub.'
    : 'Nothing was rotated and nothing written: the old secret still works.'
  return new ComposioError(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated)
}
