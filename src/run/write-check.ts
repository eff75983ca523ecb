// Step 3: proof that every target accepts a write. GitHub lets a read-only token read the public
// key, so only a write proves write access. Each target gets a probe secret, <NAME>_WRITE_CHECK,
// holding a sealed throwaway value that no consumer reads. The probes are deleted alongside the
// rotation when GitHub's write budget allows, else behind the real writes (at once, in a dry
// run); a probe that cannot be deleted is named.
import { describeGitHubError } from '../github/errors.js'
import { deleteSecret, putSecret, type SecretWrite } from '../github/secrets.js'
import type { Run } from './context.js'
import { failBeforeRotation, type PreparedTarget } from './preflight.js'

export const WRITE_CHECK_SUFFIX = '_WRITE_CHECK'
const PROBE_VALUE = 'write check by rotate-composio-webhook-secret; not a secret; safe to delete'

export interface WriteCheck {
  /**
   * Starts the deletes now if GitHub's write budget can take them and `writesToCome` more at
   * once: then they go out alongside the rotation, not in the writes' way.
   */
  removeIfRoom(writesToCome: number): void
  /** Deletes the probes (once, however often it is called) and warns about any left behind. */
  remove(): Promise<void>
}

export async function checkWrites(run: Run, targets: PreparedTarget[]): Promise<WriteCheck> {
  const { octokit } = run.github
  const name = `${run.settings.secretName}${WRITE_CHECK_SUFFIX}`
  const seal = await run.sealer
  const probes: SecretWrite[] = targets.map(({ target, key }) => ({
    target,
    name,
    encryptedValue: seal(PROBE_VALUE, key.key),
    keyId: key.keyId,
    // The narrowest an organization secret can be: no repository may read it.
    ...(target.kind === 'organization' && {
      access: { visibility: 'selected' as const, selectedRepositoryIds: [] }
    })
  }))
  run.guard.probesWritten(
    `Write-check secrets ${name} may remain in the targets (they hold no secret; the next run removes them).`
  )
  const results = await Promise.allSettled(probes.map(probe => putSecret(octokit, probe)))
  let removing: Promise<void> | undefined
  const check: WriteCheck = {
    removeIfRoom: writesToCome => {
      if (run.github.writes.delayFor(targets.length + writesToCome) === 0) void check.remove()
    },
    remove: () => (removing ??= removeProbes(run, targets, name))
  }
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected'
      ? [
          `${targets[index]!.label}: a test write (${name}) was refused: ${describeGitHubError(result.reason, targets[index]!.target, run.settings.timeoutMs, 'write')}`
        ]
      : []
  )
  if (failures.length > 0) {
    await check.remove()
    failBeforeRotation(
      run,
      `${failures.length} of ${targets.length} targets cannot be written`,
      failures
    )
  }
  run.io.info(`Every target accepted a test write (${name}, deleted again after the writes).`)
  return check
}

/** Deletes every probe (one that was never written answers 404, which is fine). */
async function removeProbes(run: Run, targets: PreparedTarget[], name: string): Promise<void> {
  const { octokit } = run.github
  const results = await Promise.allSettled(
    targets.map(({ target }) => deleteSecret(octokit, target, name))
  )
  results.forEach((result, index) => {
    if (result.status === 'fulfilled' || (result.reason as { status?: number }).status === 404)
      return
    const { label, target } = targets[index]!
    const why = describeGitHubError(result.reason, target, run.settings.timeoutMs, 'write')
    run.io.warning(
      `Could not delete the write-check secret ${name} from ${label} (${why}). It holds no secret; delete it by hand or let the next run remove it.`
    )
  })
}
