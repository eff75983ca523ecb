// The job summary of a run that got as far as the writes (or a dry run), built with
// @actions/core's builder: the first line says how the run ended; the secret's name and
// fingerprint come once, above a table with one row per target, status first; what went wrong
// with a target, and how to finish it by hand, comes below the table, one section per target.
import type { Checked, Confirmation, Source } from '../context/results.js'
import type { Summary, TargetResult } from '../context/run.js'
import type { Settings } from '../inputs/settings.js'
import { displayUrl } from '../http/urls.js'
import { CONFIRMATION_TEXT } from './confirmation.js'
import { FAILED, OK, code, escapeHtml, header, paragraph } from './html.js'
import { isWritten, replayRecipe } from './recipes.js'
import { storeProofRow, type StoreProof } from './store-summary.js'

const targetCount = (count: number): string => `${count} target${count === 1 ? '' : 's'}`

/**
 * A section that another step adds to the stored summary (a receiver check, redeploys): it gets
 * the builder after the targets and their recipes, and adds its own heading and content. Any
 * text from an input or a server goes through escapeHtml.
 */
export type SummarySection = (summary: Summary) => Summary

/** What a run that obtained the secret did with it. */
export interface Stored {
  source: Source
  results: TargetResult[]
  confirmation: Confirmation
  /** Anything else that went wrong (an output not set, a rotation around this run). */
  problems: string[]
  /** What failed, for the headline, when a step can say it ("the receiver still rejects the new secret"). */
  failed?: string
}

/** The first line of a stored run: how it ended. */
export function storedHeadline({ source, results, problems, failed }: Stored): string {
  const unwritten = results.filter(result => !isWritten(result)).length
  const what = source.how === 'current' ? 'stored (not rotated)' : 'rotated'
  if (unwritten > 0) {
    const secret = source.how === 'current' ? 'secret (not rotated)' : 'secret rotated, but'
    return `${FAILED} Composio webhook ${secret} NOT written to ${unwritten} of ${targetCount(results.length)}: finish by hand`
  }
  const stored = source.how === 'current' ? what : `${what} and stored`
  return problems.length > 0
    ? `${FAILED} Composio webhook secret ${stored} in every target, but ${failed ?? 'the run did not finish cleanly'}`
    : `${OK} Composio webhook secret ${stored} in ${targetCount(results.length)}`
}

/** `2026-11-27 08:00:00 UTC`, from an ISO 8601 time. */
const utc = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')

export function storedSummary(
  summary: Summary,
  stored: Stored,
  sections: SummarySection[] = []
): Summary {
  const { source, results, confirmation, problems } = stored
  const failed = results.filter(result => !isWritten(result))
  const when = source.rotatedAt ? `rotated ${utc(source.rotatedAt)}` : 'not rotated'
  summary
    .addHeading(escapeHtml(storedHeadline(stored)), 2)
    .addRaw(
      paragraph(
        `Secret ${code(source.secretName)} of subscription ${code(source.subscriptionId)} (${when}), fingerprint ${code(source.fingerprint)}: the first 16 hex digits of its SHA-256, for a receiver to compare.${failed.length > 0 ? ` Only the targets marked ${OK} hold it.` : ''}`
      ),
      true
    )
  if (source.how === 'recovered')
    summary.addRaw(
      paragraph(
        "The rotation's answer was lost; the secret stored is the one Composio's subscription held when read back."
      ),
      true
    )
  if (CONFIRMATION_TEXT[confirmation])
    summary.addRaw(paragraph(escapeHtml(CONFIRMATION_TEXT[confirmation])), true)
  summary.addTable([
    header('Status', 'Target', 'Written at'),
    ...results.map(result =>
      'written' in result.outcome
        ? [`${OK} ${result.outcome.written}`, escapeHtml(result.label), utc(result.outcome.at)]
        : [`${FAILED} NOT WRITTEN`, escapeHtml(result.label), '—']
    )
  ])
  if (failed.length > 0) finishByHand(summary, failed)
  if (problems.length > 0) summary.addHeading('Also', 3).addList(problems.map(escapeHtml))
  for (const section of sections) section(summary)
  return summary
}

/** Below the table: each unwritten target, why, and the block that finishes it. */
function finishByHand(summary: Summary, failed: TargetResult[]): void {
  summary
    .addHeading('Finish by hand', 3)
    .addRaw(
      paragraph(
        `Run this action again with ${code('rotate: false')}: it stores Composio's current secret without rotating, where Composio returns it in full. Or paste each block below into a shell, with ${code('GITHUB_TOKEN')} set to a token that may write the secret. Running it with ${code('rotate: true')} would rotate again.`
      ),
      true
    )
  for (const result of failed) {
    const why = 'failed' in result.outcome ? result.outcome.failed : ''
    summary
      .addHeading(`${FAILED} ${escapeHtml(result.label)}`, 4)
      .addRaw(paragraph(escapeHtml(why)), true)
      .addCodeBlock(escapeHtml(replayRecipe(result)), 'sh')
  }
}

export function dryRunSummary(
  summary: Summary,
  settings: Settings,
  checked: Checked,
  proofs: StoreProof[] = []
): Summary {
  const { subscription } = checked
  const plan = settings.rotate
    ? `rotate subscription ${code(settings.subscriptionId)} once and write ${code(settings.secretName)} to`
    : `store the current secret of subscription ${code(settings.subscriptionId)}, without rotating, as ${code(settings.secretName)} in`
  summary
    .addHeading(
      `${OK} Dry run: every target accepted a test write; nothing was rotated or written`,
      2
    )
    .addRaw(
      paragraph(
        `Each target accepted a probe secret (deleted since). A real run would ${plan} ${targetCount(checked.targets.length + proofs.length)}:`
      ),
      true
    )
    .addTable([
      header('Status', 'Target', 'Checked'),
      ...checked.targets.map(target => [
        `${OK} write accepted`,
        escapeHtml(target.label),
        `key_id ${target.key.keyId}${target.access ? `, visibility ${target.access.visibility}` : ''}`
      ]),
      ...proofs.map(storeProofRow)
    ])
  if (!subscription) {
    return summary.addRaw(
      paragraph("Composio's subscription could not be read (see the warning)."),
      true
    )
  }
  return summary
    .addHeading('Subscription', 3)
    .addList([
      `webhook_url: ${code(subscription.webhookUrl === undefined ? '(not given)' : displayUrl(subscription.webhookUrl))}`,
      `version: ${code(subscription.version ?? '(not given)')}`,
      `enabled_events: ${(subscription.enabledEvents ?? []).map(code).join(', ') || '(none given)'}`,
      `secret: ${subscription.secret === undefined ? 'masked in the read' : 'returned in full (not shown)'}`
    ])
}
