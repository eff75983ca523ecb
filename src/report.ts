// Step 6: what a run tells its workflow and its reader. Never the secret: only its fingerprint,
// and sealed values, which only GitHub can open.
import type { SecretWrite } from './github/secrets.js'
import type { PreparedTarget } from './preflight.js'
import type { WriteResult } from './write.js'

export interface Rotation {
  subscriptionId: string
  secretName: string
  fingerprint: string
  rotatedAt: string
}

/** The exact request that finishes one target by hand, with any token that may write secrets. */
export function replayRecipe(apiUrl: string, label: string, write: SecretWrite): string {
  return [
    `${label}: key_id ${write.body.key_id}; the value is sealed for this target's key (only GitHub can open it). Send:`,
    `  curl -fsS -X PUT "${apiUrl}${write.path}" \\`,
    `    -H "Authorization: Bearer $GITHUB_TOKEN" -H "Accept: application/vnd.github+json" \\`,
    `    -d '${JSON.stringify(write.body)}'`
  ].join('\n')
}

export function writtenLabels(results: WriteResult[]): string[] {
  return results.flatMap(r => ('written' in r.outcome ? [r.prepared.label] : []))
}

/**
 * The error of a run whose rotation happened but which did not finish cleanly: each target as
 * written or not, a replay recipe per unwritten one, and anything else that went wrong.
 */
export function incompleteMessage(
  rotation: Rotation,
  apiUrl: string,
  results: WriteResult[],
  problems: string[] = []
): string {
  const unwritten = results.filter(r => 'failed' in r.outcome)
  const head = `The webhook subscription '${rotation.subscriptionId}' WAS ROTATED (fingerprint ${rotation.fingerprint}) and its old secret no longer works`
  const lines = [
    unwritten.length > 0
      ? `${head}, but ${unwritten.length} of ${results.length} target(s) did not receive ${rotation.secretName}.`
      : `${head}; ${rotation.secretName} was stored in every target, but the run did not finish cleanly.`,
    ...results.flatMap(r =>
      'written' in r.outcome ? [`${r.prepared.label}: ${r.outcome.written}`] : []
    )
  ]
  if (unwritten.length > 0) {
    lines.push(
      'Finish by hand: for each target below, send the request shown (re-running this action would rotate again).'
    )
    for (const r of unwritten) {
      lines.push(
        `${replayRecipe(apiUrl, r.prepared.label, r.write)}\n  (not written: ${failure(r)})`
      )
    }
  }
  return [...lines, ...problems.map(problem => `Also: ${problem}`)].join('\n')
}

const failure = (result: WriteResult): string =>
  'failed' in result.outcome ? result.outcome.failed : ''

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

export function rotationSummary(
  rotation: Rotation,
  apiUrl: string,
  results: WriteResult[]
): string {
  const rows = results.map(r => {
    const result =
      'written' in r.outcome ? r.outcome.written : `**not written**: ${r.outcome.failed}`
    return `| ${cell(r.prepared.label)} | ${rotation.secretName} | ${cell(result)} | \`${rotation.fingerprint}\` | ${rotation.rotatedAt} |`
  })
  const failed = results.filter(r => 'failed' in r.outcome)
  const recipes = failed.map(
    r => '```sh\n' + replayRecipe(apiUrl, r.prepared.label, r.write) + '\n```'
  )
  return [
    `## ${failed.length === 0 ? 'Composio webhook secret rotated' : 'Composio webhook secret rotated, NOT stored everywhere'}`,
    '',
    `Subscription \`${rotation.subscriptionId}\`, new secret fingerprint \`${rotation.fingerprint}\` (first 16 hex digits of its SHA-256).`,
    '',
    '| Target | Secret | Result | Fingerprint | Time |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(failed.length > 0 ? ['', '### Finish by hand', '', ...recipes] : []),
    ''
  ].join('\n')
}

export function dryRunSummary(
  secretName: string,
  subscriptionId: string,
  prepared: PreparedTarget[]
): string {
  const rows = prepared.map(
    p =>
      `| ${cell(p.label)} | ${secretName} | key_id ${p.key.keyId}${p.access ? `, visibility ${p.access.visibility}` : ''} |`
  )
  return [
    '## Composio webhook secret: dry run',
    '',
    `Every target is writable. A real run would rotate subscription \`${subscriptionId}\` once and write:`,
    '',
    '| Target | Secret | Checked |',
    '| --- | --- | --- |',
    ...rows,
    ''
  ].join('\n')
}
