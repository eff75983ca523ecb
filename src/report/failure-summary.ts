// What a failed run says, wherever it stopped: a headline, a line for each thing that went wrong,
// and what is left to do; in the job summary (and, with failure-issue, in an issue). Light:
// main.ts writes the summary of an input error with it before anything else is loaded.
import type { Io, Summary } from '../context/run.js'
import { InputErrors, type InputError } from '../inputs/read.js'
import { FAILED, escapeHtml, paragraph } from './html.js'

export interface Failure {
  /** The first line: how the run ended. */
  headline: string
  /** What went wrong, a line each: the inputs, the problems, the targets. */
  details: string[]
  /** What is left to do. */
  todo: string
  /** The whole message, for the summary only: it may hold recipes. */
  text?: string
}

export const AGAIN = 'then run this action again'

export function inputFailure(error: InputError): Failure {
  const lines = error instanceof InputErrors ? error.errors.map(e => e.message) : [error.message]
  const count = lines.length === 1 ? 'an input is' : `${lines.length} inputs are`
  return {
    headline: `${FAILED} Nothing was rotated: ${count} invalid`,
    details: lines,
    todo: `Nothing was sent to Composio or GitHub; the old secret still works. Fix the inputs above in the workflow (the README's Inputs table says what each accepts), ${AGAIN}.`
  }
}

export function failureSummary(summary: Summary, failure: Failure): Summary {
  summary.addHeading(escapeHtml(failure.headline), 2)
  if (failure.details.length > 0) summary.addList(failure.details.map(escapeHtml))
  if (failure.todo)
    summary.addRaw(paragraph(`<strong>What to do:</strong> ${escapeHtml(failure.todo)}`), true)
  if (failure.text) summary.addCodeBlock(escapeHtml(failure.text), 'text')
  return summary
}

/**
 * Writes the failure's job summary. Never throws: a summary that cannot be written is a warning,
 * and the run's own error stays the one it fails with.
 */
export async function writeFailureSummary(
  io: Pick<Io, 'writeSummary' | 'warning'>,
  failure: Failure
): Promise<void> {
  try {
    await io.writeSummary(summary => failureSummary(summary, failure))
  } catch (problem) {
    const why = problem instanceof Error ? problem.message : String(problem)
    io.warning(`Writing the job summary failed: ${why}`)
  }
}
