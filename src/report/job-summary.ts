// The runner's job summary file, through @actions/core. Light: main.ts writes the summary of an
// input error with it before anything else is loaded.
import * as core from '@actions/core'
import type { Summary } from '../context/run.js'

/** Fills the job summary with the toolkit's builder, then writes it. */
export async function writeJobSummary(fill: (summary: Summary) => Summary): Promise<void> {
  // Outside a runner there is no summary file (core.summary.write would throw).
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    return core.info('GITHUB_STEP_SUMMARY is not set: job summary not written.')
  }
  await fill(core.summary.emptyBuffer()).write()
}
