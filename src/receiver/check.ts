// The receiver check's loop: one pair of deliveries per round, a round every interval (start to
// start, so a receiver that switches secrets is confirmed at most one interval and one round trip
// later), until the answers decide or the time is up. Bodies of answers are never read.
import { RedirectRefusedError, describeNetworkError, type Fetch } from '../http.js'
import type { CheckTiming } from '../inputs/receiver-inputs.js'
import { displayUrl } from '../inputs/urls.js'
import { deliveryPair, randomSecret, type Delivery } from './delivery.js'
import { decidedMessage, roundLine, unfinishedMessage } from './messages.js'
import { classify, isConfirmed, isFinal, type Answer, type Verdict } from './verdict.js'

export interface Round {
  at: Date
  genuine: Answer
  forged: Answer
  verdict: Verdict
}

export interface ReceiverOutcome {
  /** The receiver's URL as logs show it (no query). */
  shownUrl: string
  rounds: Round[]
  /** Set only when the receiver answered as one that verifies with the new secret. */
  confirmedAt?: Date
  /** What the check found, in a sentence: the confirmation, or why it failed. */
  message: string
}

export interface CheckDeps {
  fetch: Fetch
  /** Resolves early when the run is cancelled. */
  sleep: (ms: number) => Promise<void>
  now: () => Date
  /** Aborted when the run is cancelled: no new round, no request left waiting. */
  signal?: AbortSignal
  /** How a request that hit its timeout is described, e.g. `timed out after 10 s`. */
  requestTimedOut: string
  log: (line: string) => void
}

export async function checkReceiver(
  url: string,
  secret: string,
  timing: CheckTiming,
  deps: CheckDeps
): Promise<ReceiverOutcome> {
  const shownUrl = displayUrl(url)
  const forgerySecret = randomSecret() // one per run, never the new secret
  const started = deps.now().getTime()
  const rounds: Round[] = []
  for (;;) {
    const at = deps.now()
    const pair = deliveryPair(secret, forgerySecret, at)
    const [genuine, forged] = await Promise.all([
      send(url, pair.genuine, deps),
      send(url, pair.forged, deps)
    ])
    const round: Round = { at, genuine, forged, verdict: classify(genuine, forged) }
    rounds.push(round)
    deps.log(roundLine(round, rounds.length))
    if (isFinal(round.verdict)) {
      const confirmedAt = isConfirmed(round.verdict) ? deps.now() : undefined
      return {
        shownUrl,
        rounds,
        message: decidedMessage(shownUrl, round),
        ...(confirmedAt && { confirmedAt })
      }
    }
    // On a fixed schedule from the start: slow rounds do not push the later ones back.
    const next = started + rounds.length * timing.intervalMs
    const cancelled = deps.signal?.aborted ?? false
    if (cancelled || next - started > timing.timeoutMs) {
      const seconds = Math.round((deps.now().getTime() - started) / 1000)
      return { shownUrl, rounds, message: unfinishedMessage(shownUrl, round, seconds, cancelled) }
    }
    await deps.sleep(Math.max(0, next - deps.now().getTime()))
  }
}

async function send(url: string, delivery: Delivery, deps: CheckDeps): Promise<Answer> {
  const started = deps.now().getTime()
  const ms = (): number => deps.now().getTime() - started
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      ...(deps.signal && { signal: deps.signal })
    })
    await response.body?.cancel().catch(() => undefined)
    return { status: response.status, ms: ms() }
  } catch (error) {
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError'
    return {
      error: timedOut ? deps.requestTimedOut : describeNetworkError(error, 0),
      ms: ms(),
      ...(error instanceof RedirectRefusedError && { redirect: true })
    }
  }
}
