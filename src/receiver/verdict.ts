// How one round's pair of answers is read (the table in docs/receiver.md). Pure.

/** What one delivery got back: a status, or why there was none (words that quote no body). */
export type Answer =
  { status: number; ms: number } | { error: string; ms: number; redirect?: boolean }

export type Verdict =
  /** 2xx to the genuine delivery, 4xx to the forged one. */
  | 'confirmed'
  /** Two different 4xx: the signature verified, then the receiver refused the check event. */
  | 'confirmed, event refused'
  /** The same 4xx to both: the receiver does not (yet) verify with the new secret. */
  | 'not yet'
  /** 2xx to the forged delivery: the receiver does not verify signatures. Final. */
  | 'forgery accepted'
  /** A redirect: never followed, and asking again changes nothing. Final. */
  | 'redirected'
  /** 5xx, no answer, a timeout, or a pair the table does not read: ask again next round. */
  | 'no answer'

const isStatus = (answer: Answer, from: number, to: number): boolean =>
  'status' in answer && answer.status >= from && answer.status <= to
const is2xx = (answer: Answer): boolean => isStatus(answer, 200, 299)
const is4xx = (answer: Answer): boolean => isStatus(answer, 400, 499)

export function classify(genuine: Answer, forged: Answer): Verdict {
  // Whatever the genuine delivery got: a receiver that takes a forgery verifies nothing.
  if (is2xx(forged)) return 'forgery accepted'
  if (('redirect' in genuine && genuine.redirect) || ('redirect' in forged && forged.redirect))
    return 'redirected'
  if (is2xx(genuine) && is4xx(forged)) return 'confirmed'
  if (is4xx(genuine) && is4xx(forged)) {
    return (genuine as { status: number }).status === (forged as { status: number }).status
      ? 'not yet'
      : 'confirmed, event refused'
  }
  return 'no answer'
}

export const isFinal = (verdict: Verdict): boolean =>
  verdict !== 'not yet' && verdict !== 'no answer'
export const isConfirmed = (verdict: Verdict): boolean =>
  verdict === 'confirmed' || verdict === 'confirmed, event refused'

/** `HTTP 401`, or `timed out after 10 s (timeout-seconds)`. */
export function describeAnswer(answer: Answer): string {
  return 'status' in answer ? `HTTP ${answer.status}` : answer.error
}
