// The table of docs/receiver.md, row by row; then the rounds together: a confirmation needs the
// receiver to sort the pair right with the forged delivery first and with it second.
import { describe, expect, test } from '@jest/globals'
import {
  CONFIRMING_ROUNDS,
  classify,
  conclude,
  forgedNonRefusal,
  isConfirmed,
  type Answer,
  type Round,
  type Verdict
} from '../../../src/receiver/verdict.js'

const status = (code: number): Answer => ({ status: code, ms: 5 })
const none = (error = 'network error: ECONNREFUSED'): Answer => ({ error, ms: 5 })
const redirect: Answer = { error: 'answered HTTP 307, a redirect to …', ms: 5, redirect: true }

describe('one round', () => {
  test.each<[string, Answer, Answer, Verdict]>([
    ['2xx, 401: verified', status(204), status(401), 'verified'],
    ['200, 403: verified', status(200), status(403), 'verified'],
    ['200, 400: verified', status(200), status(400), 'verified'],
    ['the same refusal: not yet', status(401), status(401), 'not yet'],
    ['two refusals (401, 403): not yet', status(401), status(403), 'not yet'],
    [
      '422 against 401: verified, event refused',
      status(422),
      status(401),
      'verified, event refused'
    ],
    [
      '404 against 401: verified, event refused',
      status(404),
      status(401),
      'verified, event refused'
    ],
    ['any, then 2xx: a forgery accepted', status(401), status(200), 'forgery accepted'],
    ['2xx to both: a forgery accepted', status(204), status(204), 'forgery accepted'],
    ['5xx, then 2xx: a forgery accepted still', status(503), status(202), 'forgery accepted'],
    ['no answer, then 2xx: a forgery accepted', none(), status(200), 'forgery accepted'],
    // Only "your signature is wrong" refuses a forgery; "not now" answers nothing.
    ['2xx, then 409 (a repeated id): no answer', status(200), status(409), 'no answer'],
    ['2xx, then 429 (a rate limit): no answer', status(200), status(429), 'no answer'],
    ['2xx, then 408: no answer', status(200), status(408), 'no answer'],
    ['2xx, then 425: no answer', status(200), status(425), 'no answer'],
    ['2xx, then 503: no answer', status(200), status(503), 'no answer'],
    ['2xx, then 422: no answer', status(200), status(422), 'no answer'],
    ['2xx, then 404: no answer', status(200), status(404), 'no answer'],
    ['429 to the genuine one: no answer', status(429), status(401), 'no answer'],
    ['409 to the genuine one: no answer', status(409), status(401), 'no answer'],
    ['5xx to the genuine one: no answer', status(503), status(401), 'no answer'],
    ['a network error: no answer', none(), status(401), 'no answer'],
    [
      'a timeout: no answer',
      none('timed out after 10 s'),
      none('timed out after 10 s'),
      'no answer'
    ],
    ['2xx, then no answer: no answer', status(204), none(), 'no answer'],
    ['a redirect: redirected', redirect, redirect, 'redirected'],
    ['401, then a redirect: redirected', status(401), redirect, 'redirected']
  ])('%s', (_, genuine, forged, verdict) => {
    expect(classify(genuine, forged)).toBe(verdict)
  })
})

/** A round of the given statuses, the forged delivery sent first or second. */
const round = (genuine: number, forged: number, forgedFirst: boolean): Round => ({
  at: new Date(0),
  forgedFirst,
  genuine: status(genuine),
  forged: status(forged),
  verdict: classify(status(genuine), status(forged))
})

/** A receiver that verifies nothing and answers by arrival: `first` to the first of each pair. */
const byArrival = (first: number, second: number, forgedFirst: boolean): Round =>
  forgedFirst ? round(second, first, true) : round(first, second, false)

/** `n` verified rounds, the forged delivery first in every other one from `start`. */
const verified = (n: number, start = false, genuine = 204): Round[] =>
  Array.from({ length: n }, (_, i) => round(genuine, 401, i % 2 === 1 ? !start : start))

describe('the rounds together', () => {
  test(`${CONFIRMING_ROUNDS} verified rounds in both orders confirm; fewer do not`, () => {
    expect(conclude(verified(CONFIRMING_ROUNDS - 1))).toBeUndefined()
    expect(conclude(verified(CONFIRMING_ROUNDS))).toBe('confirmed')
    expect(conclude(verified(CONFIRMING_ROUNDS, true))).toBe('confirmed')
    const refused = [round(422, 401, true), ...verified(CONFIRMING_ROUNDS - 1)]
    expect(conclude(refused)).toBe('confirmed, event refused')
  })

  test('all in one order: not confirmed, however many', () => {
    const sameOrder = Array.from({ length: 20 }, () => round(204, 401, true))
    expect(conclude(sameOrder)).toBeUndefined()
  })

  test('a refusal of the genuine delivery starts the proof again; a round without answer does not', () => {
    const half = verified(CONFIRMING_ROUNDS / 2)
    expect(conclude([...half, round(401, 401, true), ...half])).toBeUndefined()
    expect(conclude([...half, round(503, 401, true), ...half])).toBe('confirmed')
  })

  test.each<[string, number, number]>([
    ['2xx to the first arrival, 401 to the second', 200, 401],
    ['2xx to the first, 409 to the repeat', 200, 409],
    ['2xx to the first, 429 to the burst', 200, 429],
    ['401 to the first, 422 to the second', 401, 422],
    ['422 to the first, 401 to the second', 422, 401],
    ['401 to the first, 403 to the second', 401, 403]
  ])('never confirmed: a receiver that answers by arrival, %s', (_, first, second) => {
    for (const start of [false, true]) {
      const rounds: Round[] = []
      for (let i = 0; i < 20 && !conclude(rounds); i++) {
        rounds.push(byArrival(first, second, i % 2 === 1 ? !start : start))
      }
      expect(isConfirmed(conclude(rounds))).toBe(false)
    }
  })

  test('a forgery or a redirect ends the check at once', () => {
    expect(conclude([...verified(5), round(401, 200, true)])).toBe('forgery accepted')
  })

  test('forgedNonRefusal: the last forged answer that is neither 2xx nor a refusal', () => {
    expect(forgedNonRefusal([round(204, 500, false), round(401, 401, true)])).toBe(500)
    expect(forgedNonRefusal([round(204, 401, false)])).toBeUndefined()
  })
})
