// CancellationGuard: what SIGINT / SIGTERM do in each phase of a run. The runner sends SIGINT,
// then SIGTERM 7.5 s later.
import { describe, expect, test } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { CancellationGuard } from '../../../src/run/cancel.js'

function guarded() {
  const signals = new EventEmitter()
  const events: string[] = []
  const guard = new CancellationGuard(
    signals,
    message => void events.push(`fail: ${message}`),
    code => void events.push(`exit ${code}`)
  )
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
  test.each<[string, 'SIGINT' | 'SIGTERM', (guard: CancellationGuard) => void, string]>([
    [
      'checking: prints that nothing happened, then exits 1; later signals do nothing',
      'SIGINT',
      () => {},
      BEFORE
    ],
    [
      'write-check probes written: the message says where they may remain',
      'SIGTERM',
      guard => guard.probesWritten('Write-check secrets X_WRITE_CHECK may remain in the targets.'),
      'Cancelled (SIGTERM) before the rotation: nothing was rotated, nothing written.\nWrite-check secrets X_WRITE_CHECK may remain in the targets.'
    ],
    [
      'writing: prints what is unfinished as it stands when the signal arrives',
      'SIGINT',
      guard => {
        guard.probesWritten('Probes may remain.')
        guard.rotating()
        let state = 'nothing yet'
        guard.writing(() => `after the rotation. ${state}`)
        state = 'acme/app: NOT WRITTEN (cancelled before GitHub confirmed the write)'
      },
      'Cancelled (SIGINT) after the rotation. acme/app: NOT WRITTEN (cancelled before GitHub confirmed the write)\nProbes may remain.'
    ]
  ])('%s', (_title, signal, setup, message) => {
    const { events, guard, send } = guarded()
    setup(guard)
    send(signal)
    expect(events).toEqual([`fail: ${message}`, 'exit 1'])
    expect(guard.signal.aborted).toBe(false)
    send(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT')
    expect(events).toHaveLength(2)
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
