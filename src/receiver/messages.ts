// What the receiver check says: a line per round, the sentence that ends it, and what failed in
// a few words for a headline. Pure.
import {
  NOT_NOW,
  REFUSALS,
  describeAnswer,
  forgedNonRefusal,
  type Answer,
  type Conclusion,
  type Round
} from './verdict.js'

const pair = (round: Round, time: (answer: Answer) => string): string =>
  `${describeAnswer(round.genuine)} to the delivery signed with the new secret${time(round.genuine)}, ${describeAnswer(round.forged)} to the one signed with a random secret${time(round.forged)}`

const answers = (round: Round): string => pair(round, () => '')

export function roundLine(round: Round, index: number): string {
  const first = round.forgedFirst ? 'random-secret one sent first' : 'new-secret one sent first'
  return `Receiver check, round ${index} (${first}): ${pair(round, answer => ` (${answer.ms} ms)`)}: ${round.verdict}.`
}

/** The sentence of a check that the rounds decided. */
export function decidedMessage(shownUrl: string, conclusion: Conclusion, round: Round): string {
  switch (conclusion) {
    case 'confirmed':
      return `The receiver at ${shownUrl} verifies deliveries with the new secret (${answers(round)}), whichever of the two is sent first.`
    case 'confirmed, event refused':
      return `The receiver at ${shownUrl} verified the delivery signed with the new secret, then refused the check event itself (${answers(round)}): confirmed. Answering 2xx to verified events of unknown types avoids this note (docs/receiver.md).`
    case 'redirected': {
      const redirect = [round.genuine, round.forged].find(a => 'redirect' in a && a.redirect)!
      return `Receiver check of ${shownUrl}: the receiver ${describeAnswer(redirect)}. Give the URL it redirects to.`
    }
    case 'forgery accepted':
      return `Security finding: the receiver at ${shownUrl} accepted a delivery signed with a random secret (${answers(round)}). It does not verify Composio's signatures, so anyone who knows its URL can send it events: make it verify every delivery before acting on it (docs/receiver.md).`
  }
}

/** What failed, for a headline: "…, but the receiver still rejects the new secret". */
export function unfinishedHeadline(last: Round): string {
  switch (last.verdict) {
    case 'not yet':
      return 'the receiver still rejects the new secret'
    case 'forgery accepted':
      return 'the receiver accepts forged deliveries'
    case 'redirected':
      return 'the receiver redirects the check'
    default:
      return 'the receiver check got no conclusive answer'
  }
}

/** Why no round could decide, when a forged delivery got an answer the table does not read. */
function forgedNote(rounds: Round[]): string {
  const status = forgedNonRefusal(rounds)
  if (status === undefined) return ''
  const answered = ` The receiver answered ${status} to a forged delivery`
  if (status >= 500) return `${answered}; answer 401 so that it can be told apart from an outage.`
  return NOT_NOW.includes(status)
    ? `${answered}, which says "not now" (a rate limit, a duplicate), not "bad signature": let the check's two deliveries a round through (their user-agent says what they are).`
    : `${answered}; only ${REFUSALS.join(', ')} are read as refusing it (docs/receiver.md): answer 401.`
}

/** The sentence of a check that ran out of time (or was cancelled). */
export function unfinishedMessage(
  shownUrl: string,
  rounds: Round[],
  seconds: number,
  cancelled: boolean
): string {
  if (cancelled)
    return `Receiver check of ${shownUrl}: cancelled after ${seconds} s, not confirmed.`
  const last = rounds.at(-1)!
  // What to do must work after the job has ended, when the secret output is gone.
  const found =
    last.verdict === 'not yet'
      ? `the receiver still rejects deliveries signed with the new secret after ${seconds} s: redeploy it from the secret the rotation stored (not from the secret output, which ends with the job), then check it again with a run of rotate-composio-webhook-secret with rotate: false and verify-receiver (re-running the job would rotate again)`
      : `no conclusive answer after ${seconds} s`
  return `Receiver check of ${shownUrl}: ${found} (last answers: ${answers(last)}).${forgedNote(rounds)}`
}
