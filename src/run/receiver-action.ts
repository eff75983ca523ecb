// The verify-receiver action: for workflows that redeploy the receiver between the rotation and
// the check. Its frame and its single catch, over the same layers as the main action's check.
import * as core from '@actions/core'
import { createFetch } from '../http/http.js'
import { urlCredentials } from '../http/urls.js'
import {
  readVerifyReceiverSettings,
  type VerifyReceiverSettings
} from '../inputs/receiver-inputs.js'
import { checkReceiver, type CheckDeps, type ReceiverOutcome } from '../receiver/check.js'
import { receiverSection } from '../receiver/summary.js'
import { escapeHtml } from '../report/html.js'

/** Each request's bound: the check's own timeout-seconds bounds the whole check. */
const REQUEST_TIMEOUT_MS = 10_000

export type ActionDeps = Pick<CheckDeps, 'fetch' | 'sleep' | 'now'>

function productionDeps(timeoutMs: number): ActionDeps {
  return {
    fetch: createFetch(timeoutMs),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    now: () => new Date()
  }
}

/** Anything thrown, Error or not, fails the step with one `::error::` annotation. */
export async function runVerifyReceiver(deps?: ActionDeps): Promise<void> {
  try {
    // Masked before anything else, valid input or not.
    const secret = core.getInput('secret')
    if (secret !== '') core.setSecret(secret)
    for (const part of urlCredentials(core.getInput('url'))) core.setSecret(part)
    const settings = readVerifyReceiverSettings()
    const requestTimeoutMs = Math.min(REQUEST_TIMEOUT_MS, settings.timing.timeoutMs)
    const outcome = await checkReceiver(settings.url, settings.secret, settings.timing, {
      ...(deps ?? productionDeps(requestTimeoutMs)),
      requestTimeoutMs,
      requestTimedOut: `timed out after ${requestTimeoutMs / 1000} s`,
      log: core.info
    })
    await report(outcome, settings)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // A check that did not run (an invalid input) heads its summary too; a failed one has its own.
    if (!(error instanceof CheckFailedError)) await notCheckedSummary(message)
    core.setFailed(message)
  }
}

/** The check ran and did not confirm: its summary is written already. */
class CheckFailedError extends Error {
  override name = 'CheckFailedError'
}

/**
 * Seconds from the rotation to the confirmation, to the millisecond; undefined when rotated-at is
 * later than the confirmation (another runner's clock, a wrong input): an outage not measured is
 * not claimed, not even as 0.
 */
export function outageSeconds(rotatedAt: Date, confirmedAt: Date): string | undefined {
  const ms = confirmedAt.getTime() - rotatedAt.getTime()
  return ms < 0 ? undefined : (ms / 1000).toFixed(3)
}

async function report(outcome: ReceiverOutcome, settings: VerifyReceiverSettings): Promise<void> {
  const { confirmedAt } = outcome
  const outage =
    confirmedAt && settings.rotatedAt ? outageSeconds(settings.rotatedAt, confirmedAt) : undefined
  if (confirmedAt) {
    core.info(outcome.message)
    if (settings.rotatedAt && outage === undefined) {
      core.warning(
        `rotated-at (${settings.rotatedAt.toISOString()}) is later than the confirmation (${confirmedAt.toISOString()}): outage-seconds is not set. Pass the main action's rotated-at output from the same run.`
      )
    }
    core.setOutput('confirmed-at', confirmedAt.toISOString())
    if (outage !== undefined) {
      core.setOutput('outage-seconds', outage)
      core.info(`Outage: ${outage} s from the rotation to the receiver's confirmation.`)
    }
  }
  await writeSummary(outcome, outage).catch((error: unknown) =>
    core.warning(`Writing the job summary failed: ${(error as Error).message}`)
  )
  if (!confirmedAt) throw new CheckFailedError(outcome.message + wrongSecretNote(outcome))
}

/**
 * This action knows the secret only as its `secret` input: a receiver that refuses it may hold the
 * stored secret already, and the input be another (a repository secret, an earlier run's output).
 */
function wrongSecretNote(outcome: ReceiverOutcome): string {
  return outcome.rounds.at(-1)?.verdict === 'not yet'
    ? " If the receiver holds the stored secret already, this step's secret input is another: pass it the main action's secret output of the same job."
    : ''
}

/** The first line a person reads after a green rotation: what the check found. */
export function receiverHeadline(outcome: ReceiverOutcome): string {
  return outcome.confirmedAt
    ? '✅ Composio webhook receiver confirmed: it verifies deliveries with the new secret'
    : `❌ Composio webhook receiver NOT confirmed: ${outcome.failed ?? 'the receiver check failed'}`
}

async function notCheckedSummary(message: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  await core.summary
    .emptyBuffer()
    .addHeading('❌ Composio webhook receiver NOT checked', 2)
    .addRaw(escapeHtml(message), true)
    .write()
    .catch((error: unknown) =>
      core.warning(`Writing the job summary failed: ${(error as Error).message}`)
    )
}

async function writeSummary(outcome: ReceiverOutcome, outage: string | undefined): Promise<void> {
  // Outside a runner there is no summary file (core.summary.write would throw).
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const summary = core.summary.emptyBuffer().addHeading(escapeHtml(receiverHeadline(outcome)), 2)
  if (outage !== undefined) {
    summary.addRaw(`Outage: ${outage} s from the rotation to the receiver's confirmation.`, true)
  }
  await receiverSection(summary, outcome).write()
}
