// What a run that did not finish says: every target, written or NOT WRITTEN, then for each one not
// written the exact request that finishes it by hand. Never the secret: sealed values only, which
// only GitHub can open, and every value in a command quoted for the shell.
import type { Source } from '../context/results.js'
import type { TargetResult, WriteResult } from '../context/run.js'
import { shellQuote } from '../shell.js'

/**
 * The request that finishes one target by hand, with any token that may write secrets. Every
 * line is shell: the block pastes whole into bash, its prose a comment (a target's label holds no
 * line break: src/inputs/targets.ts refuses control characters in names).
 */
export function replayRecipe(result: TargetResult): string {
  // A runtime store's: no sealed value exists for it (src/report/store-recipe.ts).
  if ('recipe' in result) return result.recipe
  return githubRecipe(result)
}

function githubRecipe(result: WriteResult): string {
  const { method, url, body } = result.request
  return [
    `# To finish ${result.label} by hand (key_id ${result.keyId}), with GITHUB_TOKEN set to a token`,
    "# that may write this secret (the value is sealed for this target's key: only GitHub can open it):",
    `curl -fsS -X ${method} ${shellQuote(url)} \\`,
    `  -H "Authorization: Bearer $GITHUB_TOKEN" \\`,
    `  -H 'Accept: application/vnd.github+json' -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body))}`
  ].join('\n')
}

export const isWritten = (result: TargetResult): boolean => 'written' in result.outcome

/** `acme/app: created`, or `acme/api: NOT WRITTEN (timed out after 2 s (timeout-seconds))`. */
export function statusOf(result: TargetResult): string {
  return 'written' in result.outcome
    ? result.outcome.written
    : `NOT WRITTEN (${result.outcome.failed})`
}

/**
 * The error of a run that obtained the secret but did not finish cleanly: each target as written
 * or not, a replay recipe per unwritten one, and anything else that went wrong.
 */
export function incompleteMessage(
  source: Source,
  results: TargetResult[],
  problems: string[] = [],
  failed = 'the run did not finish cleanly'
): string {
  const { subscriptionId, fingerprint, secretName } = source
  const head =
    source.how === 'current'
      ? `The current secret of subscription '${subscriptionId}' (fingerprint ${fingerprint}; not rotated) was being stored`
      : `The webhook subscription '${subscriptionId}' WAS ROTATED (fingerprint ${fingerprint}) and its old secret no longer works`
  const unwritten = results.filter(result => !isWritten(result))
  const lines = [
    unwritten.length > 0
      ? `${head}, but ${unwritten.length} of ${results.length} target(s) did not receive ${secretName}.`
      : `${head}; ${secretName} was stored in every target, but ${failed}.`,
    ...results.map(result => `${result.label}: ${statusOf(result)}`)
  ]
  if (unwritten.length > 0) {
    lines.push(
      "Finish by hand: run this action again with rotate: false (it stores Composio's current secret without rotating, where Composio returns it in full), or send the request shown for each target not written. Running it with rotate: true would rotate again.",
      ...unwritten.map(replayRecipe)
    )
  }
  return [...lines, ...problems.map(problem => `Also: ${problem}`)].join('\n')
}

/** What a cancellation during the writes prints after `Cancelled (SIGNAL) `. */
export function unfinishedMessage(source: Source, results: TargetResult[]): string {
  const when =
    source.how === 'current'
      ? 'while storing the current secret (not rotated)'
      : 'after the rotation'
  return `${when}. ${incompleteMessage(source, results)}`
}
