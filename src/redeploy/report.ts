// What a redeploy tells its reader: the `redeploys` output, a job summary section, and, for
// every repository not redeployed, a problem that fails the run at the end with the command that
// redeploys it by hand (the secret is stored by then).
import { escapeHtml } from '../run/html.js'
import type { Run, Summary } from '../run/context.js'
import { shellQuote } from '../shell.js'
import type { RedeployResult } from './follow.js'

export function noteRedeploys(run: Run, results: RedeployResult[]): void {
  if (run.settings.redeploy.length === 0) return
  const output = results.map(({ repository, workflow, runUrl, conclusion }) => ({
    repository,
    workflow,
    run_url: runUrl ?? null,
    conclusion
  }))
  run.problems.noteNow('Setting the redeploys output', () =>
    run.io.setOutput('redeploys', JSON.stringify(output))
  )
  for (const result of results) {
    if (result.conclusion === 'success') continue
    const { repository, workflow, ref, runUrl, detail } = result
    run.problems.add(
      `${repository} was not redeployed (${workflow} on ${ref}${runUrl ? `, ${runUrl}` : ''}): ${detail}. Redeploy by hand once the cause is fixed: gh workflow run ${shellQuote(workflow)} -R ${shellQuote(repository)} --ref ${shellQuote(ref)}`
    )
  }
}

/** The summary's Redeploys section: one row per repository. */
export function redeploySummary(summary: Summary, results: RedeployResult[]): Summary {
  if (results.length === 0) return summary
  return summary
    .addHeading('Redeploys', 3)
    .addTable([
      ['Repository', 'Workflow', 'Run', 'Conclusion'].map(data => ({ data, header: true })),
      ...results.map(result => [
        escapeHtml(result.repository),
        escapeHtml(`${result.workflow} on ${result.ref}`),
        result.runUrl ? `<a href="${escapeHtml(result.runUrl)}">run</a>` : 'none',
        escapeHtml(result.detail ? `${result.conclusion}: ${result.detail}` : result.conclusion)
      ])
    ])
}
