// GitHub's secondary limit on content-creating requests (about 80 a minute), shared by two lanes
// so that, by construction, the writes of the secret after the rotation never wait behind a
// write check, a probe delete or a retry of either:
//
// - The secret lane: the rotated secret's writes and every retry of them (the main client's
//   `throttle.write`). The first attempts ask for their turns all at once (`turnsForWrites`, in
//   target order); a request then passes the lane without waiting, retries included, and is
//   counted once.
// - The check lane: the write checks' PUTs and DELETEs and their retries (the write-check
//   client's `throttle.write`). It yields: a check starts only when no secret write waits for its
//   turn and the window keeps a place for every secret write reserved (`reserve`) and not yet
//   started. A retried probe DELETE therefore takes a place only if the writes leave one.
//
// The rotation waits (delayFor) until the window can take the first min(count, 80) writes at once;
// from the reservation on, no check can take their places; past 80 targets the later writes wait
// only for the secret's own earlier writes to leave the window. Each lane has its own client, so
// its own concurrency slots too (client.ts).

type Job = (...args: unknown[]) => unknown
type Sleep = (ms: number) => Promise<void>

/** What the throttling plugin calls on its `write` queue: a Bottleneck.Group stand-in. */
export interface WriteLane {
  key(): WriteLane
  schedule(options: { priority?: number }, job: Job, ...args: unknown[]): Promise<unknown>
}

export class WriteBudget {
  private readonly starts: number[] = []
  /** First attempts of the secret's writes waiting for their turn, in target order. */
  private readonly turns: (() => void)[] = []
  private readonly checks: (() => void)[] = []
  /** Secret writes the check lane leaves a place for, until each has had its turn. */
  private reserved = 0
  /** Turns given whose request has not passed the secret lane yet (counted at the turn). */
  private given = 0
  private waking = false

  readonly secretLane: WriteLane = {
    key: () => this.secretLane,
    schedule: (_options, job, ...args) => {
      // A request without a turn given is a retry: counted (GitHub counts it), never held.
      if (this.given > 0) this.given--
      else this.starts.push(this.now())
      return new Promise(resolve => resolve(job(...args)))
    }
  }

  readonly checkLane: WriteLane = {
    key: () => this.checkLane,
    schedule: async (options, job, ...args) => {
      await new Promise<void>(resolve => {
        // The plugin marks its rate-limit retries priority 0: ahead of the checks not yet started.
        if (options.priority === 0) this.checks.unshift(resolve)
        else this.checks.push(resolve)
        this.admit()
      })
      return job(...args)
    }
  }

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
    private readonly sleep: Sleep,
    private readonly now: () => number = Date.now
  ) {}

  /** Keeps places for `count` writes of the secret: the check lane never takes them. */
  reserve(count: number): void {
    this.reserved = count
  }

  /** The writes will not come (or have all had their turn): the checks may take every place. */
  release(): void {
    this.reserved = 0
    this.admit()
  }

  /**
   * The turns of `count` first attempts of secret writes, asked for together so that no check
   * starts between them: each resolved at once while the window has room.
   */
  turnsForWrites(count: number): Promise<void>[] {
    const turns = Array.from(
      { length: count },
      () => new Promise<void>(resolve => this.turns.push(resolve))
    )
    this.admit()
    return turns
  }

  /**
   * How long until `count` jobs could start at once (all `limit`, when more are asked for).
   * The rotation waits this long, so that the writes after it never wait.
   */
  delayFor(count: number): number {
    this.forgetOld()
    const mustLeave = this.starts.length - (this.limit - Math.min(count, this.limit))
    return mustLeave <= 0 ? 0 : this.starts[mustLeave - 1]! + this.windowMs - this.now()
  }

  private forgetOld(): void {
    while (this.starts.length > 0 && this.starts[0]! <= this.now() - this.windowMs)
      this.starts.shift()
  }

  /** Gives the secret's writes their turns first; then starts checks that leave the reserve free. */
  private admit(): void {
    this.forgetOld()
    while (this.turns.length > 0 && this.starts.length < this.limit) {
      this.starts.push(this.now())
      this.given++
      if (this.reserved > 0) this.reserved--
      this.turns.shift()!()
    }
    while (
      this.checks.length > 0 &&
      this.turns.length === 0 &&
      this.starts.length + this.reserved < this.limit
    ) {
      this.starts.push(this.now())
      this.checks.shift()!()
    }
    if (this.turns.length + this.checks.length > 0) this.wakeWhenAStartLeaves()
  }

  /** Without a start in the window, only a turn given or a release can make room. */
  private wakeWhenAStartLeaves(): void {
    if (this.waking || this.starts.length === 0) return
    this.waking = true
    void this.sleep(this.starts[0]! + this.windowMs - this.now()).then(() => {
      this.waking = false
      this.admit()
    })
  }
}
