// Runner cancellation: SIGINT, then SIGTERM 7.5 s later. What a signal must do depends on whether
// the irreversible rotation has been sent: before it, stop; after it, never leave silently.

export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: string) => void): unknown
  off(event: 'SIGINT' | 'SIGTERM', listener: (signal: string) => void): unknown
}

type Phase =
  | { name: 'checking' }
  | { name: 'rotating' }
  | { name: 'writing'; unfinished: () => string }
  | { name: 'done' }

export class CancellationGuard {
  private phase: Phase = { name: 'checking' }
  private readonly controller = new AbortController()
  /** Says which write-check secrets a cancelled run may leave behind, once there are some. */
  private leftovers = ''

  constructor(
    private readonly signals: SignalSource,
    private readonly fail: (message: string) => void,
    /** Exits once what `fail` printed has been flushed: a recipe cut off is a secret lost. */
    private readonly exit: (code: number) => void
  ) {
    signals.on('SIGINT', this.onSignal)
    signals.on('SIGTERM', this.onSignal)
  }

  /** Aborted once a signal arrives while rotating: no new attempt, no backoff wait. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  probesWritten(note: string): void {
    this.leftovers = `\n${note}`
  }

  rotating(): void {
    this.phase = { name: 'rotating' }
  }

  /**
   * From here a signal prints `Cancelled (SIGNAL) ` and `unfinished()` (which says what happened,
   * with the replay recipes of unconfirmed writes) and exits.
   */
  writing(unfinished: () => string): void {
    this.phase = { name: 'writing', unfinished }
  }

  dispose(): void {
    this.phase = { name: 'done' }
    this.signals.off('SIGINT', this.onSignal)
    this.signals.off('SIGTERM', this.onSignal)
  }

  private readonly onSignal = (signal: string): void => {
    switch (this.phase.name) {
      case 'checking':
        return this.stop(
          `Cancelled (${signal}) before the rotation: nothing was rotated, nothing written.`
        )
      case 'rotating':
        // The old secret may already be dead: wait for Composio's answer (bounded by the timeout),
        // then the run reports what is left to do instead of writing. A second signal (the
        // runner's SIGTERM, 7.5 s after SIGINT) means no more waiting: say so before the kill.
        if (!this.controller.signal.aborted) return this.controller.abort()
        return this.stop(
          `Cancelled (${signal}) while waiting for Composio's answer: the subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Run this action again: the newest rotation is the one that counts.`
        )
      case 'writing':
        return this.stop(`Cancelled (${signal}) ${this.phase.unfinished()}`)
      case 'done':
        return
    }
  }

  private stop(message: string): void {
    this.phase = { name: 'done' }
    this.fail(`${message}${this.leftovers}`)
    this.exit(1)
  }
}
