// The queues given to @octokit/plugin-throttling, on their own (the write queue:
// write-budget.test.ts). That the plugin really uses them: client.test.ts.
import { describe, expect, test } from '@jest/globals'
import { ConcurrencyLimit, RetryScheduler } from '../../../src/github/limits.js'

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
