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

/** A target the rotated secret did not reach: its sealed write, ready to replay. */
export interface Unwritten {
  label: string
  write: SecretWrite
  why: string
}

/** The error of a run whose rotation happened but whose writes did not all land. */
export function incompleteMessage(
  rotation: Rotation,
  apiUrl: string,
  unwritten: Unwritten[]
): string {
  const lines = unwritten.map(
    u => `${replayRecipe(apiUrl, u.label, u.write)}\n  (not written: ${u.why})`
  )
  return [
    `The webhook subscription '${rotation.subscriptionId}' WAS ROTATED (fingerprint ${rotation.fingerprint}) and its old secret no longer works, ` +
      `but ${unwritten.length} target(s) did not receive ${rotation.secretName}.`,
    'Finish by hand: for each target below, send the request shown (re-running this action would rotate again).',
    ...lines
  ].join('\n')
}

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
