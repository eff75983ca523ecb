// @ts-check
// A clock for in-process runs that skips only idle time. The run's clock is real time plus the
// time jumped over; it jumps only when no request of the run is in flight (every fetch answered,
// body read) and the run sleeps: then to the earliest sleep's end. So a minute of rate limit takes
// no time, yet a request that did not wait for a sleep starts at its real moment: the skipped
// time between two events is exactly the waiting the run did between them, on any machine.
// Plain ESM: the tests (in-process.ts) and the bench (scripts/bench/scale.js) share it.

/** @typedef {(url: string, init?: RequestInit) => Promise<Response>} Fetch */
/** @typedef {{ at: number, fire: () => void, timer?: NodeJS.Timeout }} Sleeper */

/** Statuses whose answers have no body (a Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304])
const settled = () => new Promise(resolve => setImmediate(resolve))

export function idleClock() {
  let skipped = 0
  let inFlight = 0
  /** @type {Sleeper[]} */
  let sleepers = []
  /** @type {{ real: number, ms: number }[]} performance.now() of each jump, and its length */
  const jumps = []
  /** @type {number[]} */
  const sleeps = []
  /** @type {{ method: string, url: string, at: number }[]} each fetch as the run called it */
  const sent = []
  let settling = false
  /** The run's clock, on performance.now()'s scale. */
  const runNow = () => performance.now() + skipped

  /** @param {Sleeper} sleeper */
  const wake = sleeper => {
    sleepers = sleepers.filter(s => s !== sleeper)
    clearTimeout(sleeper.timer)
    sleeper.fire()
  }
  /** Real timers, re-aimed after a jump: a sleep ends when the run's clock reaches its end. */
  const aim = (/** @type {Sleeper} */ sleeper) => {
    clearTimeout(sleeper.timer)
    sleeper.timer = setTimeout(() => wake(sleeper), Math.max(0, sleeper.at - runNow()))
  }

  /** Once everything ready has run: if nothing is in flight, jump to the earliest sleep's end. */
  async function settle() {
    if (settling) return
    settling = true
    try {
      for (;;) {
        for (let i = 0; i < 5; i++) await settled()
        if (inFlight > 0 || sleepers.length === 0) return
        const next = sleepers.reduce((a, b) => (b.at < a.at ? b : a))
        const gap = next.at - runNow()
        if (gap > 0) {
          skipped += gap
          jumps.push({ real: performance.now(), ms: gap })
        }
        for (const sleeper of sleepers.filter(s => s.at <= runNow())) wake(sleeper)
        sleepers.forEach(aim)
      }
    } finally {
      settling = false
    }
  }

  return {
    /** Epoch milliseconds on the run's clock. */
    now: () => performance.timeOrigin + runNow(),
    /** Every sleep asked for, in ms. */
    sleeps,
    /** Every request, when the run handed it to fetch (performance.now()). */
    sent,
    /** @param {number} ms @param {AbortSignal} [signal] @returns {Promise<void>} */
    sleep: (ms, signal) =>
      new Promise(resolve => {
        sleeps.push(ms)
        /** @type {Sleeper} */
        const sleeper = { at: runNow() + ms, fire: () => resolve() }
        aim(sleeper)
        sleepers.push(sleeper)
        signal?.addEventListener('abort', () => wake(sleeper), { once: true })
        void settle()
      }),
    /**
     * The run's fetch, counted while in flight; the body is read before the answer is handed
     * over, so that reading it counts too.
     * @param {Fetch} fetch
     * @returns {Fetch}
     */
    track: fetch => async (url, init) => {
      sent.push({ method: init?.method ?? 'GET', url, at: performance.now() })
      inFlight++
      try {
        const response = await fetch(url, init)
        const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer()
        const { status, statusText, headers } = response
        return new Response(body, { status, statusText, headers })
      } finally {
        inFlight--
        void settle()
      }
    },
    /**
     * Milliseconds the run's clock jumped between two performance.now() instants (as the fakes
     * log them): the time the run spent waiting, not working, between them.
     * @param {number} from
     * @param {number} to
     */
    skippedBetween: (from, to) =>
      jumps.filter(j => j.real > from && j.real <= to).reduce((sum, j) => sum + j.ms, 0),
    /**
     * The run's clock at a performance.now() instant, in ms.
     * @param {number} real
     */
    at: real => real + jumps.filter(j => j.real <= real).reduce((sum, j) => sum + j.ms, 0)
  }
}

/** @typedef {ReturnType<typeof idleClock>} IdleClock */
