// What the receiver check says: a line per round, and the sentence that ends it. Pure.
import type { Round } from './check.js'
import { describeAnswer, type Answer } from './verdict.js'

const pair = (round: Round, time: (answer: Answer) => string): string =>
  `${describeAnswer(round.genuine)} to the delivery signed with the new secret${time(round.genuine)}, ${describeAnswer(round.forged)} to the one signed with a random secret${time(round.forged)}`

const answers = (round: Round): string => pair(round, () => '')

export function roundLine(round: Round, index: number): string {
  return `Receiver check, round ${index}: ${pair(round, answer => ` (${answer.ms} ms)`)}: ${round.verdict}.`
}

/** The sentence of a round whose verdict is final. */
export function decidedMessage(shownUrl: string, round: Round): string {
  switch (round.verdict) {
    case 'confirmed':
      return `The receiver at ${shownUrl} verifies deliveries with the new secret (${answers(round)}).`
    case 'confirmed, event refused':
      return `The receiver at ${shownUrl} verified the delivery signed with the new secret, then refused the check event itself (${answers(round)}): confirmed. Answering 2xx to verified events of unknown types avoids this note (docs/receiver.md).`
    case 'redirected': {
      const redirect = [round.genuine, round.forged].find(a => 'redirect' in a && a.redirect)!
      return `Receiver check of ${shownUrl}: the receiver ${describeAnswer(redirect)}. Give the URL it redirects to.`
    }
    default:
      return `Security finding: the receiver at ${shownUrl} accepted a delivery signed with a random secret (${answers(round)}). It does not verify Composio's signatures, so anyone who knows its URL can send it events: make it verify every delivery before acting on it (docs/receiver.md).`
  }
}

/** The sentence of a check that ran out of time (or was cancelled) on `last`. */
export function unfinishedMessage(
  shownUrl: string,
  last: Round,
  seconds: number,
  cancelled: boolean
): string {
  if (cancelled)
    return `Receiver check of ${shownUrl}: cancelled after ${seconds} s, not confirmed.`
  return last.verdict === 'not yet'
    ? `Receiver check of ${shownUrl}: the receiver still rejects deliveries signed with the new secret after ${seconds} s: redeploy it with the new secret (last answers: ${answers(last)}).`
    : `Receiver check of ${shownUrl}: no conclusive answer after ${seconds} s (last answers: ${answers(last)}).`
}
