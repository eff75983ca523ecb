// Step 3: proof that every target accepts a write. GitHub lets a read-only token read the public
// key, so only a write proves write access. Each target gets a probe secret, <NAME>_WRITE_CHECK,
// holding a sealed throwaway value that no consumer reads. The deletes are queued before the
// rotation, in the write budget's check lane: they take only the places the writes of the secret
// leave (during the rotation, with up to 26 targets; else beside or after the writes), never one
// those writes need (src/github/write-budget.ts). At once in a dry run, which writes nothing else.
// A probe that cannot be deleted is named.
import type { PreparedTarget } from '../context/results.js'
import type { Run } from '../context/run.js'
import { describeGitHubError } from '../github/errors.js'
import { deleteSecret, deleteUrl, putSecret, type SecretWrite } from '../github/secrets.js'
import { failBeforeRotation } from '../preflight/preflight.js'
import { shellQuote } from '../shell.js'

export const WRITE_CHECK_SUFFIX = '_WRITE_CHECK'
const PROBE_VALUE = 'write check by rotate-composio-webhook-secret; not a secret; safe to delete'

export interface WriteCheck {
  /**
   * Queues the deletes now, behind `writesToCome` writes of the secret: GitHub's write budget
   * keeps a place for each of those, and the deletes go out as the rest of it allows.
   */
  removeBehind(writesToCome: number): void
  /**
   * Deletes the probes (once, however often it is called; no place is kept for writes any more)
   * and warns about any left behind.
   */
  remove(): Promise<void>
}

export async function checkWrites(run: Run, targets: PreparedTarget[]): Promise<WriteCheck> {
  const { writeChecks, writes } = run.github
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
  // From the first PUT until its DELETE is answered, a probe may exist: a cancellation names it.
  const unconfirmed = new Set(targets)
  run.guard.probesWritten(() => leftovers(run, [...unconfirmed], name))
  const results = await Promise.allSettled(probes.map(probe => putSecret(writeChecks, probe)))
  let removing: Promise<void> | undefined
  const deleting = () =>
    (removing ??= removeProbes(run, targets, name, target => unconfirmed.delete(target)))
  const check: WriteCheck = {
    removeBehind: writesToCome => {
      writes.reserve(writesToCome)
      void deleting()
    },
    remove: () => {
      writes.release()
      return deleting()
    }
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
  run.io.info(`Every target accepted a test write (${name}, ${whenDeleted(run, targets.length)}).`)
  return check
}

/** When the probes go, as checkWrites's caller queues them (action.ts). */
function whenDeleted(run: Run, count: number): string {
  if (run.settings.dryRun) return 'deleted again now: a dry run writes nothing else'
  // The deletes and a place for each write of the secret, beside the probes just written.
  if (run.github.writes.delayFor(2 * count) === 0)
    return 'deleted again while the secret is rotated'
  return `deleted again as GitHub's write budget leaves room beside the ${count} writes of the secret, some up to a minute after them`
}

/**
 * Deletes every probe (one that was never written answers 404, which is fine), telling `deleted`
 * of each as its answer comes.
 */
async function removeProbes(
  run: Run,
  targets: PreparedTarget[],
  name: string,
  deleted: (target: PreparedTarget) => void
): Promise<void> {
  const { writeChecks } = run.github
  const results = await Promise.allSettled(
    targets.map(async prepared => {
      try {
        await deleteSecret(writeChecks, prepared.target, name)
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error
      }
      deleted(prepared)
    })
  )
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') return
    const { label, target } = targets[index]!
    const why = describeGitHubError(result.reason, target, run.settings.timeoutMs, 'write')
    run.io.warning(
      `Could not delete the write-check secret ${name} from ${label} (${why}). It holds no secret; delete it by hand or let the next run remove it.`
    )
  })
}

/** The warning that names each probe not confirmed deleted, with the request that deletes it. */
function leftovers(run: Run, targets: PreparedTarget[], name: string): string | undefined {
  if (targets.length === 0) return undefined
  const commands = targets.map(
    ({ target }) =>
      `curl -fsS -X DELETE ${shellQuote(deleteUrl(run.github.octokit, target, name))} -H "Authorization: Bearer $GITHUB_TOKEN" -H 'Accept: application/vnd.github+json'`
  )
  return [
    `The write-check secret ${name} is not confirmed deleted from ${targets.map(t => t.label).join(', ')}. It holds no secret and the next run removes it; to delete it now, with GITHUB_TOKEN set to a token that may write secrets:`,
    ...commands
  ].join('\n')
}
