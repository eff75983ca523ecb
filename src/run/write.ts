// Step 5: seal the secret for each target with that target's own key, then write every target
// in parallel. Every target is attempted; failures are results, not exceptions.
import { describeGitHubError } from '../github/errors.js'
import { putSecret, writeRequest, type SecretWrite } from '../github/secrets.js'
import type { Run, WriteResult } from './context.js'
import type { PreparedTarget } from './preflight.js'
import { unfinishedMessage } from './recipes.js'
import type { Obtained } from './rotate.js'

/**
 * Writes every target at once. A cancellation during the writes prints the recipe of every
 * write GitHub has not confirmed. `afterStart` runs once the writes have been sent, so that
 * what it sends queues behind them.
 */
export async function writeEverywhere(
  run: Run,
  targets: PreparedTarget[],
  obtained: Obtained,
  afterStart: () => void
): Promise<WriteResult[]> {
  const { octokit } = run.github
  const seal = await run.sealer
  // A value sealed for one scope is garbage in another: each target's own key.
  const writes = targets.map(({ target, key, access }): SecretWrite => ({
    target,
    name: run.settings.secretName,
    encryptedValue: seal(obtained.secret, key.key),
    keyId: key.keyId,
    ...(access && { access })
  }))
  const results: WriteResult[] = writes.map((write, index) => ({
    label: targets[index]!.label,
    keyId: write.keyId,
    request: writeRequest(octokit, write),
    outcome: { failed: 'cancelled before GitHub confirmed the write' }
  }))
  // Cancelled while rotating: the answer came, but nothing more is sent.
  if (run.guard.signal.aborted) {
    for (const result of results) result.outcome = { failed: 'cancelled before the write' }
    throw new Error(`Cancelled ${unfinishedMessage(obtained.source, results)}`)
  }
  run.guard.writing(() => unfinishedMessage(obtained.source, results))
  const settled = writes.map(async (write, index) => {
    try {
      results[index]!.outcome = { written: await putSecret(octokit, write) }
    } catch (error) {
      const why = describeGitHubError(error, write.target, run.settings.timeoutMs, 'write')
      results[index]!.outcome = { failed: why }
    }
  })
  afterStart()
  await Promise.all(settled)
  return results
}
