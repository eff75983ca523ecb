// Step 6: what a run tells its workflow and its reader: the outputs, the job summary, and an
// error listing every target and a recipe per unwritten one when it did not finish cleanly.
import type { Checked, Confirmation, Source } from '../context/results.js'
import type { Run, TargetResult } from '../context/run.js'
import { CONFIRMATION_TEXT } from './confirmation.js'
import { incompleteMessage, isWritten } from './recipes.js'
import type { StoreProof } from './store-summary.js'
import { dryRunSummary, storedSummary, type Stored, type SummarySection } from './summary.js'

/** A run that obtained the secret but did not finish cleanly; its job summary is written. */
export class IncompleteRunError extends Error {
  override name = 'IncompleteRunError'
  constructor(readonly stored: Stored) {
    super(incompleteMessage(stored.source, stored.results, stored.problems, stored.failed))
  }
}

/**
 * `sections`: what other steps add to the summary, below the targets (see SummarySection);
 * `failed`: what failed, in a few words for the headline, when a step can name it.
 */
export async function reportStored(
  run: Run,
  source: Source,
  results: TargetResult[],
  confirmation: Confirmation,
  sections: SummarySection[] = [],
  failed?: string
): Promise<void> {
  const { io, problems } = run
  if (confirmation === 'changed') problems.add(CONFIRMATION_TEXT.changed)
  const written = results.filter(isWritten).map(result => result.label)
  await problems.note('Setting the targets output', () =>
    io.setOutput('targets', JSON.stringify(written))
  )
  const stored: Stored = {
    source,
    results,
    confirmation,
    problems: problems.list,
    ...(failed !== undefined && { failed })
  }
  await problems.note('Writing the job summary', () =>
    io.writeSummary(summary => storedSummary(summary, stored, sections))
  )
  if (problems.list.length > 0 || written.length < results.length) {
    throw new IncompleteRunError(stored)
  }
  io.info(`Stored ${source.secretName} in ${written.length} target(s): ${written.join(', ')}.`)
}

/** `proofs`: the runtime stores' proofs; `sections`: what other steps add below the plan. */
export async function reportDryRun(
  run: Run,
  checked: Checked,
  proofs: StoreProof[] = [],
  sections: SummarySection[] = []
): Promise<void> {
  const { io, settings } = run
  const labels = [...checked.targets, ...proofs].map(target => target.label).join(', ')
  const plan = settings.rotate
    ? `would rotate subscription ${settings.subscriptionId} once and write ${settings.secretName} to ${labels}`
    : `would store the current secret of subscription ${settings.subscriptionId}, without rotating, as ${settings.secretName} in ${labels}`
  io.info(
    `Dry run: every target accepted a test write, and Composio's subscription was read. A real run ${plan}. Nothing was rotated or written.`
  )
  io.setOutput('rotated', 'false')
  io.setOutput('targets', '[]')
  await io.writeSummary(summary =>
    sections.reduce(
      (built, section) => section(built),
      dryRunSummary(summary, settings, checked, proofs)
    )
  )
}
