// The queues @octokit/plugin-throttling schedules every request through, given in its options
// (`throttle.global`, `throttle.write` (write-budget.ts), `throttle.retryLimiter`; the plugin reads each with `??`,
// and test/unit/github/client.test.ts fails if an upgrade stops reading them). They replace
// Bottleneck's: Bottleneck yields to the event loop at each step of each job behind a lock, so a
// limiter lets about one job through every 2.5 ms, and the plugin chains two or three per request:
// ten parallel writes left over ~30 ms instead of together. The plugin's
// rate-limit decisions (onRateLimit, onSecondaryRateLimit) are its own, unchanged.

type Job = (...args: unknown[]) => unknown
type Sleep = (ms: number) => Promise<void>

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

  constructor(private readonly sleep: Sleep) {}

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
