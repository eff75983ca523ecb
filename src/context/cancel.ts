// Runner cancellation: SIGINT, then SIGTERM 7.5 s later. What a signal must do depends on whether
// the irreversible rotation has been sent: before it, stop; after it, never leave silently.

export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: string) => void): unknown
  off(event: 'SIGINT' | 'SIGTERM', listener: (signal: string) => void): unknown
}

/** What the guard says and does: the runner's log, the clock, the process. */
export interface GuardSink {
  fail: (message: string) => void
  warn: (message: string) => void
  info: (message: string) => void
  /** Exits once what `fail` printed has been flushed: a recipe cut off is a secret lost. */
  exit: (code: number) => void
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  now: () => Date
}

/**
 * How long after the first signal a cancelled run may go on cleaning up: well inside the 7.5 s
 * the runner leaves before its SIGTERM, which kills a run whose guard is gone.
 */
export const CLEANUP_AFTER_CANCEL_MS = 3000

type Phase =
  | { name: 'checking' }
  | { name: 'rotating' }
  | { name: 'writing'; unfinished: () => string }
  | { name: 'done' }

export class CancellationGuard {
  private phase: Phase = { name: 'checking' }
  private readonly controller = new AbortController()
  /** When the first signal arrived (ms since the epoch). */
  private signalledAt: number | undefined
  /** Names the write-check secrets not confirmed deleted, with how to delete each, if any. */
  private leftovers: () => string | undefined = () => undefined
  /** What else a cancellation says, each run when it happens (the redeploys started so far). */
  private readonly notes: (() => string | undefined)[] = []

  constructor(
    private readonly signals: SignalSource,
    private readonly sink: GuardSink
  ) {
    signals.on('SIGINT', this.onSignal)
    signals.on('SIGTERM', this.onSignal)
  }

  /** Aborted once a signal arrives while rotating: no new attempt, no backoff wait. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  probesWritten(leftovers: () => string | undefined): void {
    this.leftovers = leftovers
  }

  /** `note()` is added to what a cancellation prints, as it stands then. */
  alsoSay(note: () => string | undefined): void {
    this.notes.push(note)
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

  /**
   * The cleanup of a run that failed after a signal, bounded: the write-check secrets not yet
   * confirmed deleted are named at once (a DELETE may hang for timeout-seconds, past the
   * runner's SIGTERM), then the deletes get until CLEANUP_AFTER_CANCEL_MS after the signal
   * before the run exits. Without a signal, the cleanup takes its own course.
   */
  async boundCleanup(cleanup: Promise<void>): Promise<void> {
    if (this.signalledAt === undefined) return
    // One turn first: the run's own error, with its recipes, is printed once it has rejected.
    await this.sink.sleep(0)
    if (!this.warnLeftovers()) return
    const left = this.signalledAt + CLEANUP_AFTER_CANCEL_MS - this.sink.now().getTime()
    const timer = new AbortController()
    const deleted = await Promise.race([
      cleanup.then(() => this.leftovers() === undefined),
      this.sink.sleep(Math.max(0, left), timer.signal).then(() => undefined)
    ])
    timer.abort()
    if (deleted === undefined) return this.sink.exit(1)
    if (deleted) this.sink.info('The write-check secrets named above were deleted after all.')
  }

  private readonly onSignal = (signal: string): void => {
    this.signalledAt ??= this.sink.now().getTime()
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

  /** Says what stands (the error first: it may hold recipes), names what is left, and exits. */
  private stop(message: string): void {
    this.phase = { name: 'done' }
    const notes = this.notes.flatMap(note => note() ?? [])
    this.sink.fail([message, ...notes].join('\n'))
    this.warnLeftovers()
    this.sink.exit(1)
  }

  /** True when some write-check secret is not confirmed deleted (and was named). */
  private warnLeftovers(): boolean {
    const warning = this.leftovers()
    if (warning !== undefined) this.sink.warn(warning)
    return warning !== undefined
  }
}
