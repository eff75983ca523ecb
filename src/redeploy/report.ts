// What a redeploy tells its reader: the `redeploys` output, a job summary section, and, for
// every repository not redeployed, a problem that fails the run at the end with the command that
// redeploys it by hand (the secret is stored by then).
import type { Run, Summary } from '../context/run.js'
import { escapeHtml, header } from '../report/html.js'
import { shellQuote } from '../shell.js'
import type { PreparedRedeploy } from './check.js'
import type { RedeployResult } from './follow.js'

/** Dispatched, but no run known to be ours: whether it deployed is unknown. */
const UNKNOWN_RUN = new Set(['not_found', 'not_identified'])

/** The `redeploys` output: one entry per line, as far as each got. */
export function setRedeploysOutput(run: Run, results: RedeployResult[]): void {
  const output = results.map(({ repository, workflow, runUrl, conclusion }) => ({
    repository,
    workflow,
    run_url: runUrl ?? null,
    conclusion
  }))
  run.problems.noteNow('Setting the redeploys output', () =>
    run.io.setOutput('redeploys', JSON.stringify(output))
  )
}

export function noteRedeploys(run: Run, results: RedeployResult[]): void {
  if (run.settings.redeploy.length === 0) return
  setRedeploysOutput(run, results)
  for (const result of results) {
    if (result.conclusion === 'success') continue
    const { repository, workflow, ref, runUrl, detail, conclusion } = result
    const command = `gh workflow run ${shellQuote(workflow)} -R ${shellQuote(repository)} --ref ${shellQuote(ref)}`
    const what = `(${workflow} on ${ref}${runUrl ? `, ${runUrl}` : ''}): ${detail}`
    run.problems.add(
      UNKNOWN_RUN.has(conclusion)
        ? `${repository} may not be redeployed ${what}. If no run of that dispatch deployed, redeploy by hand: ${command}`
        : `${repository} was not redeployed ${what}. Redeploy by hand once the cause is fixed: ${command}`
    )
  }
}

/** The summary's Redeploys section: one row per repository. */
export function redeploySummary(summary: Summary, results: RedeployResult[]): Summary {
  if (results.length === 0) return summary
  return summary
    .addHeading('Redeploys', 3)
    .addTable([
      header('Repository', 'Workflow', 'Run', 'Conclusion'),
      ...results.map(result => [
        escapeHtml(result.repository),
        escapeHtml(`${result.workflow} on ${result.ref}`),
        runCell(result),
        escapeHtml(result.detail ? `${result.conclusion}: ${result.detail}` : result.conclusion)
      ])
    ])
}

/** A link to the run; a run whose URL was not https is named by its id, never linked. */
function runCell({ runUrl, runId }: RedeployResult): string {
  if (runUrl) return `<a href="${escapeHtml(runUrl)}">run</a>`
  return runId === undefined ? 'none' : `run ${runId} (URL not shown)`
}

/** A dry run's Redeploys section: what each line would dispatch, and after which writes. */
export function redeployPlan(summary: Summary, lines: PreparedRedeploy[]): Summary {
  if (lines.length === 0) return summary
  return summary
    .addHeading('Redeploys', 3)
    .addRaw(
      '<p>Checked, not started. A real run would dispatch each workflow (no inputs) once every target of its repository holds the new secret:</p>',
      true
    )
    .addTable([
      ['Repository', 'Would dispatch', 'On', 'After writing'].map(data => ({ data, header: true })),
      ...lines.map(line => [
        escapeHtml(`${line.owner}/${line.repo}`),
        `<code>${escapeHtml(line.workflowPath)}</code>`,
        `<code>${escapeHtml(line.dispatchRef)}</code>`,
        escapeHtml(line.labels.join(', '))
      ])
    ])
}
