// The queues given to @octokit/plugin-throttling, on their own. That the plugin really uses
// them: client.test.ts.
import { describe, expect, test } from '@jest/globals'
import { ConcurrencyLimit, RetryScheduler, StartRate } from '../../../src/github/limits.js'

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('ConcurrencyLimit', () => {
  test('starts jobs at once up to the limit, the next one as soon as a slot frees', async () => {
    const limit = new ConcurrencyLimit(2)
    const started: number[] = []
    const release: (() => void)[] = []
    const job = (n: number) => () => {
      started.push(n)
      return new Promise<number>(resolve => release.push(() => resolve(n)))
    }
    const results = [1, 2, 3, 4].map(n => limit.key().schedule({}, job(n)))
    await tick()
    expect(started).toEqual([1, 2])
    release.shift()!()
    await tick()
    expect(started).toEqual([1, 2, 3])
    release.forEach(done => done())
    await tick()
    release.forEach(done => done())
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4])
  })

  test('passes arguments through and frees the slot when a job throws', async () => {
    const limit = new ConcurrencyLimit(1)
    await expect(limit.schedule({}, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom'
    )
    await expect(limit.schedule({}, (a, b) => `${String(a)}${String(b)}`, 'x', 'y')).resolves.toBe(
      'xy'
    )
  })
})

describe('RetryScheduler', () => {
  test('runs a job again after the wait its failed handler returns, with the retry count', async () => {
    const sleeps: number[] = []
    const scheduler = new RetryScheduler(ms => (sleeps.push(ms), Promise.resolve()))
    const seen: number[] = []
    scheduler.on(
      'failed',
      (_error, info) => (seen.push(info.retryCount), info.retryCount < 2 ? 10 : undefined)
    )
    scheduler.on('other', () => 0) // only 'failed' matters
    let calls = 0
    const job = (arg: unknown) =>
      ++calls < 3 ? Promise.reject(new Error('rate limited')) : Promise.resolve(arg)
    await expect(scheduler.schedule(job, 'ok')).resolves.toBe('ok')
    expect(calls).toBe(3)
    expect(seen).toEqual([0, 1])
    expect(sleeps).toEqual([10, 10])
  })

  test('lets the error through when the handler returns nothing, or without a handler', async () => {
    const scheduler = new RetryScheduler(() => Promise.resolve())
    await expect(scheduler.schedule(() => Promise.reject(new Error('no handler')))).rejects.toThrow(
      'no handler'
    )
    scheduler.on('failed', () => undefined)
    await expect(scheduler.schedule(() => Promise.reject(new Error('403')))).rejects.toThrow('403')
  })
})

/** A StartRate on a fake clock; its sleep advances the clock once the started jobs have run. */
function startRate(limit: number, windowMs: number) {
  const clock = { now: 1000 }
  const sleeps: number[] = []
  const rate = new StartRate(
    limit,
    windowMs,
    ms => {
      sleeps.push(ms)
      return new Promise<void>(resolve => setImmediate(() => ((clock.now += ms), resolve())))
    },
    () => clock.now
  )
  const started: [string, number][] = []
  const job = (name: string) => () => started.push([name, clock.now])
  return { rate, clock, sleeps, started, job }
}

describe('StartRate', () => {
  test('starts up to the limit at once, then each as the oldest start leaves the window', async () => {
    const { rate, clock, sleeps, started, job } = startRate(2, 60_000)
    await rate.key().schedule({}, job('a'))
    clock.now += 10_000
    await Promise.all(['b', 'c', 'd', 'e'].map(name => rate.schedule({}, job(name))))
    expect(started).toEqual([
      ['a', 1000],
      ['b', 11_000],
      ['c', 61_000], // a (1000) left the window
      ['d', 71_000], // b (11 000) left it
      ['e', 121_000]
    ])
    expect(sleeps).toEqual([50_000, 10_000, 50_000])
  })

  test('is FIFO: a job scheduled while others wait starts after them', async () => {
    let now = 0
    const wakes: (() => void)[] = []
    const rate = new StartRate(
      1,
      1000,
      ms => new Promise<void>(resolve => wakes.push(() => ((now += ms), resolve()))),
      () => now
    )
    const started: string[] = []
    const schedule = (name: string) => rate.schedule({}, () => started.push(name))
    const all = [schedule('A'), schedule('B'), schedule('C')]
    await tick()
    expect(started).toEqual(['A'])
    all.push(schedule('D')) // arrives while B and C wait
    for (const expected of [
      ['A', 'B'],
      ['A', 'B', 'C'],
      ['A', 'B', 'C', 'D']
    ]) {
      wakes.shift()!()
      await tick()
      expect(started).toEqual(expected)
    }
    await Promise.all(all)
    expect(wakes).toEqual([])
  })

  test('passes the arguments and the result through', async () => {
    const { rate } = startRate(1, 1000)
    await expect(rate.schedule({}, (a, b) => [a, b], 1, 2)).resolves.toEqual([1, 2])
  })

  test('delayFor(n): how long until n jobs could start at once', async () => {
    const { rate, clock, job } = startRate(3, 60_000)
    expect(rate.delayFor(80)).toBe(0)
    clock.now = 0
    await Promise.all([rate.schedule({}, job('a')), rate.schedule({}, job('b'))])
    clock.now = 10_000
    await rate.schedule({}, job('c'))
    clock.now = 20_000
    // Starts at 0, 0 and 10 000; a new start must wait for one, two or three of them to leave.
    expect([0, 1, 2, 3, 10].map(n => rate.delayFor(n))).toEqual([0, 40_000, 40_000, 50_000, 50_000])
    clock.now = 60_000 // the two starts at 0 have left
    expect([1, 2, 3].map(n => rate.delayFor(n))).toEqual([0, 0, 10_000])
    clock.now = 70_000
    expect(rate.delayFor(3)).toBe(0)
    expect(rate.limit).toBe(3)
  })
})
