// The job summary, built with @actions/core's summary builder. Its HTML is not escaped by the
// builder, so every text that comes from an input or a server is escaped here.
import type { Settings } from '../inputs/settings.js'
import { CONFIRMATION_TEXT, type Confirmation } from './confirm.js'
import type { Summary, WriteResult } from './context.js'
import type { Checked } from './preflight.js'
import { isWritten, replayRecipe, statusOf } from './recipes.js'
import type { Source } from './rotate.js'

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`
const header = (...names: string[]) => names.map(data => ({ data, header: true }))

export function storedSummary(
  summary: Summary,
  source: Source,
  results: WriteResult[],
  confirmation: Confirmation,
  /** Sections of other steps (the redeploys), after the targets. */
  more: (summary: Summary) => Summary = summary => summary
): Summary {
  const failed = results.filter(result => !isWritten(result))
  const what = source.how === 'current' ? 'stored (not rotated)' : 'rotated'
  summary
    .addHeading(
      `Composio webhook secret ${what}${failed.length > 0 ? ', NOT stored everywhere' : ''}`,
      2
    )
    .addRaw(
      `Subscription ${code(source.subscriptionId)}, secret fingerprint ${code(source.fingerprint)} (first 16 hex digits of its SHA-256).`,
      true
    )
  if (source.how === 'recovered')
    summary.addRaw(
      "The rotation's answer was lost; the secret stored is the one Composio's subscription held when read back.",
      true
    )
  if (CONFIRMATION_TEXT[confirmation]) summary.addRaw(CONFIRMATION_TEXT[confirmation], true)
  summary.addTable([
    header('Target', 'Secret', 'Result', 'Fingerprint', 'Time'),
    ...results.map(result => [
      escapeHtml(result.label),
      source.secretName,
      escapeHtml(statusOf(result)),
      code(source.fingerprint),
      source.rotatedAt ?? 'not rotated'
    ])
  ])
  more(summary)
  if (failed.length > 0) {
    summary.addHeading('Finish by hand', 3)
    summary.addRaw('Run this action again with <code>rotate: false</code>, or send:', true)
    for (const result of failed) summary.addCodeBlock(escapeHtml(replayRecipe(result)), 'sh')
  }
  return summary
}

export function dryRunSummary(summary: Summary, settings: Settings, checked: Checked): Summary {
  const { subscription } = checked
  const plan = settings.rotate
    ? `rotate subscription ${code(settings.subscriptionId)} once and write`
    : `store the current secret of subscription ${code(settings.subscriptionId)}, without rotating, in`
  summary
    .addHeading('Composio webhook secret: dry run', 2)
    .addRaw(
      `Every target accepted a test write (a probe secret, deleted since). Nothing was rotated, and ${settings.secretName} was not written. A real run would ${plan}:`,
      true
    )
    .addTable([
      header('Target', 'Secret', 'Checked'),
      ...checked.targets.map(target => [
        escapeHtml(target.label),
        settings.secretName,
        `key_id ${target.key.keyId}, write accepted${target.access ? `, visibility ${target.access.visibility}` : ''}`
      ])
    ])
  if (!subscription) {
    return summary.addRaw("Composio's subscription could not be read (see the warning).", true)
  }
  return summary
    .addHeading('Subscription', 3)
    .addList([
      `webhook_url: ${code(subscription.webhookUrl ?? '(not given)')}`,
      `version: ${code(subscription.version ?? '(not given)')}`,
      `enabled_events: ${(subscription.enabledEvents ?? []).map(code).join(', ') || '(none given)'}`,
      `secret: ${subscription.secret === undefined ? 'masked in the read' : 'returned in full (not shown)'}`
    ])
}
