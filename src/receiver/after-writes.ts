// The receiver check in a run of the main action (verify-receiver): its URL settled before
// anything irreversible, the check itself once every write is done. Never in a dry run. A failed
// check fails the run at the end, after everything else was reported: the secret is stored.
import type { Checked } from '../context/results.js'
import type { Run, TargetResult } from '../context/run.js'
import { timedOut } from '../http/http.js'
import { displayUrl, isLoopback, subscriptionReceiverUrl, urlCredentials } from '../http/urls.js'
import { failBeforeRotation } from '../preflight/preflight.js'
import type { RedeployResult } from '../redeploy/follow.js'
import { isWritten } from '../report/recipes.js'
import { checkReceiver, type ReceiverOutcome } from './check.js'

/**
 * Sets the webhook-url output (the subscription's receiver, as Composio's read gave it), and
 * returns the URL to check, if any: the input's, or (`subscription`) the read's, held to where
 * Composio can deliver (https to a public address; loopback too when Composio is on this
 * machine). A URL that fails it fails the run here, before the rotation.
 */
export function receiverUrlOf(run: Run, checked: Checked): string | undefined {
  const { io, settings } = run
  const webhookUrl = checked.subscription?.webhookUrl
  // Like every output, a failure to set it is noted, not fatal: it must not stop a run by itself.
  if (webhookUrl) {
    // Set whole (verify-receiver's url needs the receiver's token, if it takes one), but a query
    // or user info is masked first: the runner prints outputs passed as a later step's inputs.
    for (const part of urlCredentials(webhookUrl)) io.setSecret(part)
    run.problems.noteNow('Setting the webhook-url output', () =>
      io.setOutput('webhook-url', webhookUrl)
    )
  }
  const target = settings.verifyReceiver
  if (!target) return undefined
  let url: string
  if ('url' in target) url = target.url
  else if (!webhookUrl) {
    return failBeforeRotation(run, 'the receiver to check is unknown', [
      "verify-receiver is 'subscription', but Composio's read of the subscription gave no webhook_url: give the receiver's URL instead"
    ])
  } else {
    try {
      const composioIsLocal = isLoopback(new URL(settings.composioBaseUrl).hostname)
      url = subscriptionReceiverUrl(webhookUrl, composioIsLocal)
    } catch (error) {
      return failBeforeRotation(run, 'the receiver cannot be checked', [
        `verify-receiver: the subscription's webhook_url ${(error as Error).message}`
      ])
    }
  }
  if (settings.dryRun) {
    io.info(
      `Dry run: the receiver at ${displayUrl(url)} is not checked (a real run checks it once every write is done).`
    )
  }
  return url
}

/**
 * The check, once every write is done and every redeploy has ended; skipped, and said so, when
 * a write failed or a redeploy did not succeed (the receiver cannot hold the new secret yet).
 */
export async function verifyAfterWrites(
  run: Run,
  secret: string,
  url: string,
  results: TargetResult[],
  redeployed: RedeployResult[] = []
): Promise<ReceiverOutcome | undefined> {
  const skipped = !results.every(isWritten)
    ? 'skipped: not every target was written, and finishing the writes comes first.'
    : redeployed.some(result => result.conclusion !== 'success')
      ? 'skipped: a redeploy did not succeed, so the receiver cannot hold the new secret yet.'
      : undefined
  if (skipped) {
    run.io.warning(`Receiver check of ${displayUrl(url)} ${skipped}`)
    return undefined
  }
  return verifyReceiver(run, secret, url)
}

/** Runs the check; sets receiver-confirmed-at when confirmed, else notes a problem that fails the run. */
export async function verifyReceiver(
  run: Run,
  secret: string,
  url: string
): Promise<ReceiverOutcome> {
  const { deps, settings, io, guard } = run
  const { timeoutMs, intervalMs } = settings.verifyTiming
  io.info(
    `Checking the receiver at ${displayUrl(url)}: two distinct deliveries, one signed with the new secret and one with a random secret, one after the other in a random order, every ${intervalMs / 1000} s (at once after a verified round) for up to ${timeoutMs / 1000} s.`
  )
  const outcome = await checkReceiver(url, secret, settings.verifyTiming, {
    fetch: deps.fetch,
    sleep: ms => deps.sleep(ms, guard.signal),
    now: deps.now,
    signal: guard.signal,
    requestTimeoutMs: settings.timeoutMs,
    requestTimedOut: timedOut(settings.timeoutMs),
    log: io.info
  })
  const { confirmedAt } = outcome
  if (confirmedAt) {
    io.info(outcome.message)
    run.problems.noteNow('Setting the receiver-confirmed-at output', () =>
      io.setOutput('receiver-confirmed-at', confirmedAt.toISOString())
    )
  } else run.problems.add(outcome.message)
  return outcome
}
