// The receiver check in the job summary: what it found, then every request's answer and time.
// Never a body, never a header: the answers' bodies are not even read.
import type { Summary } from '../context/run.js'
import { escapeHtml, header } from '../report/html.js'
import type { ReceiverOutcome } from './check.js'
import { describeAnswer, type Answer, type Round } from './verdict.js'

/** Rounds shown in full at most; a long check shows its first and its last ones. */
const SHOWN_FIRST = 10
const SHOWN_LAST = 20

function rows(round: Round, index: number): string[][] {
  const row = (signedWith: string, answer: Answer): string[] => [
    String(index + 1),
    round.at.toISOString(),
    signedWith,
    escapeHtml(describeAnswer(answer)),
    `${answer.ms} ms`
  ]
  const genuine = row('new secret', round.genuine)
  const forged = row('random secret', round.forged)
  // In the order they were sent.
  return round.forgedFirst ? [forged, genuine] : [genuine, forged]
}

export function receiverSection(
  target: Summary,
  outcome: ReceiverOutcome,
  headingLevel = 3
): Summary {
  const { rounds } = outcome
  const hidden = rounds.length - SHOWN_FIRST - SHOWN_LAST
  const shown =
    hidden > 0
      ? [
          ...rounds.slice(0, SHOWN_FIRST).flatMap(rows),
          [`…`, `${hidden} rounds not shown`, '', '', ''],
          ...rounds
            .slice(-SHOWN_LAST)
            .flatMap((round, i) => rows(round, rounds.length - SHOWN_LAST + i))
        ]
      : rounds.flatMap(rows)
  return target
    .addHeading(
      outcome.confirmedAt ? 'Receiver check: confirmed' : 'Receiver check: NOT confirmed',
      headingLevel
    )
    .addRaw(escapeHtml(outcome.message), true)
    .addTable([header('Round', 'Sent at', 'Signed with', 'Answer', 'Time'), ...shown])
}
