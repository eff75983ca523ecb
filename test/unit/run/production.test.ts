// The run's real sleep: it waits, ends early on a cancellation, and leaves nothing on the signal.
import { describe, expect, test } from '@jest/globals'
import { getEventListeners } from 'node:events'
import { sleepUnlessAborted } from '../../../src/run/production.js'

describe('sleepUnlessAborted', () => {
  test('many waits on one signal leave no abort listener behind (no MaxListenersExceededWarning)', async () => {
    const controller = new AbortController()
    for (let i = 0; i < 20; i++) await sleepUnlessAborted(0, controller.signal)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  test('a cancellation ends the wait at once, without an error', async () => {
    const controller = new AbortController()
    const started = performance.now()
    const waiting = sleepUnlessAborted(60_000, controller.signal)
    controller.abort()
    await expect(waiting).resolves.toBeUndefined()
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  test('an aborted signal does not wait at all; no signal waits the time', async () => {
    await expect(sleepUnlessAborted(60_000, AbortSignal.abort())).resolves.toBeUndefined()
    await expect(sleepUnlessAborted(1)).resolves.toBeUndefined()
  })
})
