// The table of docs/receiver.md, row by row.
import { expect, test } from '@jest/globals'
import { classify, isConfirmed, isFinal, type Answer } from '../../../src/receiver/verdict.js'

const status = (code: number): Answer => ({ status: code, ms: 5 })
const none = (error = 'network error: ECONNREFUSED'): Answer => ({ error, ms: 5 })
const redirect: Answer = { error: 'answered HTTP 307, a redirect to …', ms: 5, redirect: true }

test.each<[string, Answer, Answer, ReturnType<typeof classify>]>([
  ['2xx, 4xx: confirmed', status(204), status(401), 'confirmed'],
  ['200, 403: confirmed', status(200), status(403), 'confirmed'],
  ['the same 4xx: not yet', status(401), status(401), 'not yet'],
  [
    'different 4xx: confirmed, the event refused',
    status(422),
    status(401),
    'confirmed, event refused'
  ],
  ['any, then 2xx: a forgery accepted', status(401), status(200), 'forgery accepted'],
  ['2xx to both: a forgery accepted', status(204), status(204), 'forgery accepted'],
  ['5xx, then 2xx: a forgery accepted still', status(503), status(202), 'forgery accepted'],
  [
    'no answer to the genuine one, then 2xx: a forgery accepted',
    none(),
    status(200),
    'forgery accepted'
  ],
  ['5xx to the genuine one: no answer', status(503), status(401), 'no answer'],
  ['5xx to both: no answer', status(500), status(500), 'no answer'],
  ['a network error: no answer', none(), status(401), 'no answer'],
  ['a timeout: no answer', none('timed out after 10 s'), none('timed out after 10 s'), 'no answer'],
  ['2xx, then no answer: no answer (the forgery unknown)', status(204), none(), 'no answer'],
  ['4xx, then 5xx: no answer', status(401), status(503), 'no answer'],
  ['a redirect: redirected', redirect, redirect, 'redirected'],
  ['4xx, then a redirect: redirected', status(401), redirect, 'redirected']
])('%s', (_, genuine, forged, verdict) => {
  expect(classify(genuine, forged)).toBe(verdict)
})

test('final and confirmed verdicts', () => {
  expect(['confirmed', 'confirmed, event refused'].every(v => isConfirmed(v as never))).toBe(true)
  expect(isConfirmed('forgery accepted')).toBe(false)
  expect(isFinal('forgery accepted') && isFinal('redirected') && isFinal('confirmed')).toBe(true)
  expect(isFinal('not yet') || isFinal('no answer')).toBe(false)
})
