// The queues @octokit/plugin-throttling schedules every request through, without Bottleneck's
// cost. Bottleneck yields to the event loop (a setTimeout) at each step of each job, behind a
// one-at-a-time lock, so a limiter lets about one job through every 2.5 ms however it is
// configured, and the plugin chains two or three limiters per request: ten parallel writes left
// over ~30 ms instead of together (docs/benchmarks.md). The plugin reads these objects from its
// options; its rate-limit decisions (onRateLimit, onSecondaryRateLimit) are unchanged.

type Job = (...args: unknown[]) => unknown

/** A Bottleneck.Group stand-in: at most `limit` jobs at once, started the moment a slot frees. */
export class ConcurrencyLimit {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  key(): this {
    return this
  }

  async schedule(_options: unknown, job: Job, ...args: unknown[]): Promise<unknown> {
    if (this.running >= this.limit) await new Promise<void>(resolve => this.waiting.push(resolve))
    this.running++
    try {
      return await job(...args)
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }
}

/**
 * GitHub's secondary limit on writes: at most `limit` started per `windowMs`. Below it a job
 * starts at once; past it, when the oldest start leaves the window.
 */
export class StartRate {
  private readonly starts: number[] = []

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number = Date.now
  ) {}

  key(): this {
    return this
  }

  async schedule(_options: unknown, job: Job, ...args: unknown[]): Promise<unknown> {
    for (;;) {
      while (this.starts.length > 0 && this.starts[0]! <= this.now() - this.windowMs)
        this.starts.shift()
      if (this.starts.length < this.limit) break
      await this.sleep(this.starts[0]! + this.windowMs - this.now())
    }
    this.starts.push(this.now())
    return job(...args)
  }
}

type FailedHandler = (
  error: unknown,
  info: { args: unknown[]; retryCount: number }
) => Promise<number | undefined> | number | undefined

/**
 * The plugin's retry limiter, as Bottleneck runs it: when a job fails, the `failed` handler (the
 * plugin's, which asks onRateLimit / onSecondaryRateLimit) returns how many ms to wait before
 * running it again, or nothing to let the error through.
 */
export class RetryScheduler {
  private failed: FailedHandler | undefined

  constructor(private readonly sleep: (ms: number) => Promise<void>) {}

  on(event: string, handler: FailedHandler): void {
    if (event === 'failed') this.failed = handler
  }

  async schedule(job: Job, ...args: unknown[]): Promise<unknown> {
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await job(...args)
      } catch (error) {
        const wait = await this.failed?.(error, { args, retryCount })
        if (typeof wait !== 'number') throw error
        await this.sleep(wait)
      }
    }
  }
}
