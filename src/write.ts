// Step 5: seal the secret for each target with that target's own key, then write every target
// in parallel. Every target is attempted; failures are results, not exceptions.
import type { GitHubClient } from './github/client.js'
import { describeGitHubError } from './github/errors.js'
import { putSecret, secretWrite, type SecretWrite } from './github/secrets.js'
import type { PreparedTarget } from './preflight.js'
import type { Sealer } from './seal.js'

export type WriteOutcome = { written: 'created' | 'updated' } | { failed: string }

export interface WriteResult {
  prepared: PreparedTarget
  write: SecretWrite
  outcome: WriteOutcome
}

/** Sealed writes, one per target; a value sealed for one scope is garbage in another. */
export function sealFor(
  prepared: PreparedTarget[],
  name: string,
  secret: string,
  seal: Sealer
): SecretWrite[] {
  return prepared.map(p => secretWrite(p.target, name, seal(secret, p.key.key), p.key, p.access))
}

export async function writeAll(
  github: GitHubClient,
  prepared: PreparedTarget[],
  writes: SecretWrite[],
  timeoutMs: number,
  onSettled: (index: number, outcome: WriteOutcome) => void
): Promise<WriteResult[]> {
  return Promise.all(
    prepared.map(async (p, index): Promise<WriteResult> => {
      const write = writes[index]!
      let outcome: WriteOutcome
      try {
        outcome = { written: await putSecret(github, write) }
      } catch (error) {
        outcome = { failed: describeGitHubError(error, p.target, timeoutMs) }
      }
      onSettled(index, outcome)
      return { prepared: p, write, outcome }
    })
  )
}
