// How the receiver check reads answers (the table in docs/receiver.md): a round's pair, then the
// rounds together. Pure. A receiver that verifies no signature cannot tell the two deliveries
// apart but by their order, so a round proves little alone: the check confirms only when the
// receiver sorted them right over several rounds, with the forged one sent first AND second.

/** What one delivery got back: a status, or why there was none (words that quote no body). */
export type Answer =
  { status: number; ms: number } | { error: string; ms: number; redirect?: boolean }

export type Verdict =
  /** 2xx to the genuine delivery, a refusal (400, 401, 403) to the forged one. */
  | 'verified'
  /** A refusal to the forged one, another 4xx (422, 404…) to the genuine one: verified, then the check event refused. */
  | 'verified, event refused'
  /** A refusal to both: the receiver does not (yet) verify with the new secret. */
  | 'not yet'
  /** 2xx to the forged delivery: the receiver does not verify signatures. Final. */
  | 'forgery accepted'
  /** A redirect: never followed, and asking again changes nothing. Final. */
  | 'redirected'
  /** 408, 409, 425, 429, 5xx, no answer, a timeout, or a pair the table does not read: ask again. */
  | 'no answer'

/** One round: its pair of deliveries, sent one after the other in the order `forgedFirst` says. */
export interface Round {
  at: Date
  forgedFirst: boolean
  genuine: Answer
  forged: Answer
  verdict: Verdict
}

/** What the rounds so far decide; undefined: ask again. */
export type Conclusion =
  'confirmed' | 'confirmed, event refused' | 'forgery accepted' | 'redirected'

/** The answers that say "your signature is wrong"; any other 4xx may be about anything else. */
export const REFUSALS = [400, 401, 403]
/** The 4xx that say "not now" (timeout, conflict, too early, rate limit): no answer this round. */
export const NOT_NOW = [408, 409, 425, 429]

const statusOf = (answer: Answer): number | undefined =>
  'status' in answer ? answer.status : undefined
const inRange = (status: number | undefined, from: number, to: number): boolean =>
  status !== undefined && status >= from && status <= to
const isRedirect = (answer: Answer): boolean => 'redirect' in answer && answer.redirect === true

export function classify(genuine: Answer, forged: Answer): Verdict {
  const [g, f] = [statusOf(genuine), statusOf(forged)]
  // Whatever the genuine delivery got: a receiver that takes a forgery verifies nothing.
  if (inRange(f, 200, 299)) return 'forgery accepted'
  if (isRedirect(genuine) || isRedirect(forged)) return 'redirected'
  if (f === undefined || !REFUSALS.includes(f)) return 'no answer'
  if (inRange(g, 200, 299)) return 'verified'
  if (g === undefined || NOT_NOW.includes(g) || !inRange(g, 400, 499)) return 'no answer'
  return REFUSALS.includes(g) ? 'not yet' : 'verified, event refused'
}

const isVerified = (round: Round): boolean =>
  round.verdict === 'verified' || round.verdict === 'verified, event refused'

/**
 * Verified rounds in a row (rounds without an answer between them aside) that confirm. The order
 * of each pair is random: a receiver that verifies nothing and guesses which delivery is the
 * genuine one guesses right with a chance of one in two a round, and one in 2^16 (65,536) for
 * them all. Verified rounds follow each other at once: 16 cost 32 round trips, not intervals.
 */
export const CONFIRMING_ROUNDS = 16

/**
 * A forgery or a redirect ends the check at once. A confirmation needs CONFIRMING_ROUNDS
 * verified rounds since the last refusal of the genuine delivery, the forged delivery sent first
 * in some and second in others.
 */
export function conclude(rounds: Round[]): Conclusion | undefined {
  const last = rounds.at(-1)
  if (last?.verdict === 'forgery accepted' || last?.verdict === 'redirected') return last.verdict
  if (!last || !isVerified(last)) return undefined
  const since = rounds.slice(rounds.findLastIndex(round => round.verdict === 'not yet') + 1)
  const streak = since.filter(isVerified)
  const bothOrders =
    streak.some(round => round.forgedFirst) && streak.some(round => !round.forgedFirst)
  if (streak.length < CONFIRMING_ROUNDS || !bothOrders) return undefined
  return streak.every(round => round.verdict === 'verified')
    ? 'confirmed'
    : 'confirmed, event refused'
}

export const isConfirmed = (conclusion: Conclusion | undefined): boolean =>
  conclusion === 'confirmed' || conclusion === 'confirmed, event refused'

/** The last status, not a refusal nor 2xx, that a forged delivery got: why no round decided. */
export function forgedNonRefusal(rounds: Round[]): number | undefined {
  return rounds
    .map(round => statusOf(round.forged))
    .filter(status => status !== undefined && !REFUSALS.includes(status))
    .at(-1)
}

/** `HTTP 401`, or `timed out after 10 s (timeout-seconds)`. */
export function describeAnswer(answer: Answer): string {
  return 'status' in answer ? `HTTP ${answer.status}` : answer.error
}
