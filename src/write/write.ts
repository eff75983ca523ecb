// Step 5: seal the secret for each target with that target's own key, then write every target
// in parallel. Every target is attempted; failures are results, not exceptions.
import type { PreparedTarget } from '../context/results.js'
import type { Run, TargetResult, WriteOutcome, WriteResult } from '../context/run.js'
import { describeGitHubError } from '../github/errors.js'
import { putSecret, writeRequest, type SecretWrite } from '../github/secrets.js'
import { unfinishedMessage } from '../report/recipes.js'
import type { Obtained } from '../rotation/rotate.js'
import type { Sealer } from '../seal.js'

/**
 * Writes every target at once: every turn in GitHub's write budget is taken first (given at once
 * up to 80, in the places kept for them; later ones as the secret's own writes leave the window),
 * then each target's value is sealed and its write sent before the next is sealed. A
 * cancellation during the writes, or while rotating, prints the recipe of every write GitHub has
 * not confirmed, and of every write going on `alongside` (the runtime stores') not confirmed.
 */
export async function writeEverywhere(
  run: Run,
  targets: PreparedTarget[],
  obtained: Obtained,
  seal: Sealer,
  options: {
    /** Told of each target as its write settles, written or not, before the others are. */
    onSettled?: (result: WriteResult) => void
    /** The results, as they stand, of the writes beside these (src/write/stores.ts). */
    alongside?: TargetResult[]
  } = {}
): Promise<WriteResult[]> {
  const { onSettled, alongside = [] } = options
  const { octokit, writes } = run.github
  const sealed: SecretWrite[] = []
  // Target `index`'s write, sealed for its own key: a value sealed for one scope is garbage
  // in another.
  const writeFor = (index: number): SecretWrite => {
    const { target, key, access } = targets[index]!
    return (sealed[index] ??= {
      target,
      name: run.settings.secretName,
      encryptedValue: seal(obtained.secret, key.key),
      keyId: key.keyId,
      ...(access && { access })
    })
  }
  // A write's recipe is built only if it is printed: on the way of the writes, it would cost.
  const withRecipes = (why: string): WriteResult[] =>
    targets.map(({ label }, index) => {
      const write = writeFor(index)
      return {
        label,
        keyId: write.keyId,
        get request() {
          return writeRequest(octokit, write)
        },
        outcome: { failed: why }
      }
    })
  // Cancelled while rotating: the answer came, but nothing more is sent. From here a second
  // signal prints the recipes too, not "waiting for Composio's answer".
  if (run.guard.signal.aborted) {
    const results = withRecipes('cancelled before the write')
    const unfinished = () => unfinishedMessage(obtained.source, [...results, ...alongside])
    run.guard.writing(unfinished)
    throw new Error(`Cancelled ${unfinished()}`)
  }
  const turns = writes.turnsForWrites(targets.length)
  const settled = targets.map(async (_, index) => {
    const write = writeFor(index)
    let outcome: WriteOutcome
    try {
      await turns[index]
      outcome = { written: await putSecret(octokit, write), at: run.deps.now().toISOString() }
    } catch (error) {
      outcome = {
        failed: describeGitHubError(error, write.target, run.settings.timeoutMs, 'write')
      }
    }
    results[index]!.outcome = outcome // set by then: written below, before any answer can come
    onSettled?.(results[index]!)
  })
  const results = withRecipes('cancelled before GitHub confirmed the write')
  run.guard.writing(() => unfinishedMessage(obtained.source, [...results, ...alongside]))
  await Promise.all(settled)
  return results
}
