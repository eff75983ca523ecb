// CancellationGuard: what SIGINT / SIGTERM do in each phase of a run. The runner sends SIGINT,
// then SIGTERM 7.5 s later.
import { describe, expect, test } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { CancellationGuard } from '../../../src/context/cancel.js'

function guarded() {
  const signals = new EventEmitter()
  const events: string[] = []
  const guard = new CancellationGuard(signals, {
    fail: message => void events.push(`fail: ${message}`),
    warn: message => void events.push(`warn: ${message}`),
    info: message => void events.push(`info: ${message}`),
    exit: code => void events.push(`exit ${code}`),
    sleep: () => Promise.resolve(),
    now: () => new Date(0)
  })
  const send = (signal: 'SIGINT' | 'SIGTERM'): boolean => signals.emit(signal, signal)
  return { signals, events, guard, send }
}

const BEFORE = 'Cancelled (SIGINT) before the rotation: nothing was rotated, nothing written.'

describe('CancellationGuard', () => {
  test('listens to SIGINT and SIGTERM until disposed', () => {
    const { signals, guard } = guarded()
    expect(signals.listenerCount('SIGINT')).toBe(1)
    expect(signals.listenerCount('SIGTERM')).toBe(1)
    guard.dispose()
    expect(signals.listenerCount('SIGINT')).toBe(0)
    expect(signals.listenerCount('SIGTERM')).toBe(0)
  })

  // Before the rotation, and once its answer is in, the first signal fails the run at once with
  // what stands then; a later signal does nothing.
  test.each<[string, 'SIGINT' | 'SIGTERM', (guard: CancellationGuard) => void, string[]]>([
    [
      'checking: prints that nothing happened, then exits 1; later signals do nothing',
      'SIGINT',
      () => {},
      [`fail: ${BEFORE}`]
    ],
    [
      'write-check probes not confirmed deleted: named in a warning after the error',
      'SIGTERM',
      guard => guard.probesWritten(() => 'X_WRITE_CHECK is not confirmed deleted from acme/app.'),
      [
        'fail: Cancelled (SIGTERM) before the rotation: nothing was rotated, nothing written.',
        'warn: X_WRITE_CHECK is not confirmed deleted from acme/app.'
      ]
    ],
    [
      'writing: prints what is unfinished as it stands when the signal arrives, and each note',
      'SIGINT',
      guard => {
        guard.probesWritten(() => undefined) // every probe deleted: nothing said of them
        guard.rotating()
        let state = 'nothing yet'
        guard.writing(() => `after the rotation. ${state}`)
        guard.alsoSay(() => `Redeploys: ${state === 'nothing yet' ? 'none' : 'one started'}.`)
        guard.alsoSay(() => undefined)
        state = 'acme/app: NOT WRITTEN (cancelled before GitHub confirmed the write)'
      },
      [
        'fail: Cancelled (SIGINT) after the rotation. acme/app: NOT WRITTEN (cancelled before GitHub confirmed the write)\nRedeploys: one started.'
      ]
    ]
  ])('%s', (_title, signal, setup, said) => {
    const { events, guard, send } = guarded()
    setup(guard)
    send(signal)
    expect(events).toEqual([...said, 'exit 1'])
    expect(guard.signal.aborted).toBe(false)
    send(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT')
    expect(events).toHaveLength(said.length + 1)
  })

  test("rotating: the first signal aborts the guard's signal and waits; the second says what happened, then exits", () => {
    const { events, guard, send } = guarded()
    guard.rotating()
    send('SIGINT')
    expect(guard.signal.aborted).toBe(true)
    expect(events).toEqual([])
    send('SIGTERM')
    expect(events).toEqual([
      "fail: Cancelled (SIGTERM) while waiting for Composio's answer: the subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Run this action again: the newest rotation is the one that counts.",
      'exit 1'
    ])
  })

  test('done: a signal after dispose is ignored', () => {
    const { events, guard, signals } = guarded()
    const [listener] = signals.listeners('SIGINT') as ((signal: string) => void)[]
    guard.dispose()
    listener?.('SIGINT') // a signal already on its way when the listener was removed
    expect(events).toEqual([])
  })
})

describe('boundCleanup: a cancelled run cleans up within 3 s of the first signal', () => {
  /** `sleepsForever`: the bound is never reached (the cleanup answers first). */
  function cancelledWith(leftover: { names: string | undefined }, sleepsForever = false) {
    const signals = new EventEmitter()
    const events: string[] = []
    let now = 1000
    const guard = new CancellationGuard(signals, {
      fail: () => undefined,
      warn: message => void events.push(`warn: ${message}`),
      info: message => void events.push(`info: ${message}`),
      exit: code => void events.push(`exit ${code}`),
      sleep: (ms, signal) =>
        new Promise(resolve => {
          events.push(`sleep ${ms}`)
          signal?.addEventListener('abort', () => resolve())
          if (!sleepsForever || ms === 0) resolve()
        }),
      now: () => new Date(now)
    })
    guard.probesWritten(() => leftover.names)
    guard.rotating()
    signals.emit('SIGINT', 'SIGINT')
    guard.dispose()
    return { guard, events, later: (ms: number) => (now += ms) }
  }

  test('a hung DELETE: the probe is named at once, and the run exits 3 s after the signal', async () => {
    const { guard, events, later } = cancelledWith({ names: 'X from acme/app' })
    later(1200) // Composio answered 1.2 s after the signal
    await guard.boundCleanup(new Promise<void>(() => undefined))
    expect(events).toEqual(['sleep 0', 'warn: X from acme/app', 'sleep 1800', 'exit 1'])
  })

  test('cancelled more than 3 s before the failure: no wait at all', async () => {
    const { guard, events, later } = cancelledWith({ names: 'X from acme/app' })
    later(5000) // past the bound already: no wait at all
    await guard.boundCleanup(new Promise<void>(() => undefined))
    expect(events).toEqual(['sleep 0', 'warn: X from acme/app', 'sleep 0', 'exit 1'])
  })

  test('deletes that finish in time: said so, and no exit (the process ends on its own)', async () => {
    const leftover = { names: 'X from acme/app' as string | undefined }
    const { guard, events } = cancelledWith(leftover, true)
    let finish = (): void => undefined
    const cleanup = guard.boundCleanup(new Promise<void>(resolve => (finish = resolve)))
    await new Promise(resolve => setTimeout(resolve, 0)) // the warning is out
    leftover.names = undefined
    finish()
    await cleanup
    expect(events).toEqual([
      'sleep 0',
      'warn: X from acme/app',
      'sleep 3000',
      'info: The write-check secrets named above were deleted after all.'
    ])
  })

  test('nothing left, or no signal: nothing said, nothing awaited', async () => {
    const { guard, events } = cancelledWith({ names: undefined })
    await guard.boundCleanup(new Promise<void>(() => undefined))
    expect(events).toEqual(['sleep 0'])
    const { guard: calm, events: calmEvents } = guarded()
    calm.probesWritten(() => 'X from acme/app')
    await calm.boundCleanup(new Promise<void>(() => undefined))
    expect(calmEvents).toEqual([])
  })
})
