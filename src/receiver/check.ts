// The receiver check's loop: one pair of deliveries per round, one after the other (never
// together: a receiver that rate-limits or drops a burst must not look like one that refuses a
// forgery), in a random order. A round every interval (start to start), or at once after a
// verified round, until enough of them confirm (verdict.ts). The timeout is wall time:
// no round starts after it, and no request outlives it by more than one request timeout. Bodies
// of answers are never read.
import { randomInt } from 'node:crypto'
import { RedirectRefusedError, describeNetworkError, type Fetch } from '../http/http.js'
import type { CheckTiming } from '../inputs/receiver-inputs.js'
import { displayUrl } from '../http/urls.js'
import { deliveryPair, randomSecret, type Delivery } from './delivery.js'
import { decidedMessage, roundLine, unfinishedMessage, unfinishedHeadline } from './messages.js'
import { classify, conclude, isConfirmed, type Answer, type Round } from './verdict.js'

export interface ReceiverOutcome {
  /** The receiver's URL as logs show it (no query). */
  shownUrl: string
  rounds: Round[]
  /** Set only when the receiver answered as one that verifies with the new secret. */
  confirmedAt?: Date
  /** What the check found, in a sentence: the confirmation, or why it failed. */
  message: string
  /** What failed, for a headline ("the receiver still rejects the new secret"); unset when confirmed. */
  failed?: string
}

export interface CheckDeps {
  fetch: Fetch
  /** Resolves early when the run is cancelled. */
  sleep: (ms: number) => Promise<void>
  now: () => Date
  /** Aborted when the run is cancelled: no new round, no request left waiting. */
  signal?: AbortSignal
  /** Each request's own bound: the last round's requests end at most this long after the timeout. */
  requestTimeoutMs: number
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
  const deadline = started + timing.timeoutMs
  const rounds: Round[] = []
  let next = started
  for (;;) {
    const forgedFirst = randomInt(2) === 1
    const round = await sendRound(url, secret, forgerySecret, forgedFirst, deadline, deps)
    rounds.push(round)
    deps.log(roundLine(round, rounds.length))
    const conclusion = conclude(rounds)
    if (conclusion) {
      const message = decidedMessage(shownUrl, conclusion, round)
      return isConfirmed(conclusion)
        ? { shownUrl, rounds, message, confirmedAt: deps.now() }
        : { shownUrl, rounds, message, failed: unfinishedHeadline(round) }
    }
    // A verified round is followed at once, to gather the rounds that confirm; others, on a fixed
    // schedule from the start, so slow rounds do not push the later ones back.
    next = round.verdict.startsWith('verified') ? deps.now().getTime() : next + timing.intervalMs
    const cancelled = deps.signal?.aborted ?? false
    if (cancelled || next > deadline || deps.now().getTime() >= deadline) {
      const seconds = Math.round((deps.now().getTime() - started) / 1000)
      const message = unfinishedMessage(shownUrl, rounds, seconds, cancelled)
      const failed = cancelled ? 'the receiver check was cancelled' : unfinishedHeadline(round)
      return { shownUrl, rounds, message, failed }
    }
    await deps.sleep(Math.max(0, next - deps.now().getTime()))
  }
}

/** One round's pair, one delivery after the other; none outlives the deadline by more than one request timeout. */
async function sendRound(
  url: string,
  secret: string,
  forgerySecret: string,
  forgedFirst: boolean,
  deadline: number,
  deps: CheckDeps
): Promise<Round> {
  const at = deps.now()
  const pair = deliveryPair(secret, forgerySecret, at)
  const cutOff = AbortSignal.timeout(Math.max(0, deadline + deps.requestTimeoutMs - at.getTime()))
  const signal = deps.signal ? AbortSignal.any([deps.signal, cutOff]) : cutOff
  const cut = { signal, cutOff }
  const first = await send(url, forgedFirst ? pair.forged : pair.genuine, cut, deps)
  const second = await send(url, forgedFirst ? pair.genuine : pair.forged, cut, deps)
  const [genuine, forged] = forgedFirst ? [second, first] : [first, second]
  return { at, forgedFirst, genuine, forged, verdict: classify(genuine, forged) }
}

async function send(
  url: string,
  delivery: Delivery,
  { signal, cutOff }: { signal: AbortSignal; cutOff: AbortSignal },
  deps: CheckDeps
): Promise<Answer> {
  const started = deps.now().getTime()
  const ms = (): number => deps.now().getTime() - started
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      signal
    })
    await response.body?.cancel().catch(() => undefined)
    return { status: response.status, ms: ms() }
  } catch (error) {
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError'
    const why = !timedOut
      ? describeNetworkError(error, 0)
      : cutOff.aborted && !deps.signal?.aborted
        ? "no answer before the check's timeout"
        : deps.requestTimedOut
    return {
      error: why,
      ms: ms(),
      ...(error instanceof RedirectRefusedError && { redirect: true })
    }
  }
}
