// The write budget on its own, on a fake clock whose sleeps wait until the test wakes them: the
// writes of the secret never wait behind a check, whatever the checks and their retries do.
import { describe, expect, test } from '@jest/globals'
import { WriteBudget } from '../../../src/github/write-budget.js'

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

/** A budget on a clock that moves only when a sleep is woken (`wake()`) or the test moves it. */
function budget(limit: number, windowMs = 60_000) {
  const clock = { now: 0 }
  const sleeps: { ms: number; wake: () => void }[] = []
  const writes = new WriteBudget(
    limit,
    windowMs,
    ms => new Promise<void>(resolve => sleeps.push({ ms, wake: () => resolve() })),
    () => clock.now
  )
  const started: string[] = []
  const check = (name: string, priority?: number) =>
    writes.checkLane
      .key()
      .schedule(priority === undefined ? {} : { priority }, () => started.push(name))
  /** Asks for the turns of `names` together, as write.ts does. */
  const turns = (...names: string[]) =>
    writes.turnsForWrites(names.length).map((turn, i) => turn.then(() => started.push(names[i]!)))
  /** Moves the clock to the end of the first sleep and wakes it. */
  const wake = async (): Promise<void> => {
    const sleep = sleeps.shift()!
    clock.now += sleep.ms
    sleep.wake()
    await tick()
  }
  return { writes, clock, sleeps, started, check, turns, wake }
}

describe('the check lane', () => {
  test('starts up to the limit at once, then each as the oldest start leaves the window', async () => {
    const { clock, sleeps, started, check, wake } = budget(2)
    void check('a')
    await tick()
    clock.now = 10_000
    for (const name of ['b', 'c', 'd']) void check(name)
    await tick()
    expect(started).toEqual(['a', 'b'])
    expect(sleeps.map(s => s.ms)).toEqual([50_000]) // until a (at 0) leaves
    await wake()
    expect(started).toEqual(['a', 'b', 'c'])
    await wake()
    expect(started).toEqual(['a', 'b', 'c', 'd'])
  })

  test('leaves a place for every reserved write of the secret, until it has had its turn', async () => {
    const { writes, started, check, turns, sleeps } = budget(4)
    writes.reserve(3)
    for (const name of ['d1', 'd2', 'd3']) void check(name)
    await tick()
    expect(started).toEqual(['d1']) // 1 + 3 reserved = 4
    expect(sleeps).toHaveLength(1)
    void turns('w1', 'w2', 'w3')
    await tick()
    // The writes take the three kept places at once; the checks wait for the window.
    expect(started).toEqual(['d1', 'w1', 'w2', 'w3'])
    expect(writes.delayFor(1)).toBeGreaterThan(0)
  })

  test('release(): the writes will not come, the checks take every place', async () => {
    const { writes, started, check } = budget(4)
    writes.reserve(4)
    for (const name of ['d1', 'd2']) void check(name)
    await tick()
    expect(started).toEqual([])
    writes.release()
    await tick()
    expect(started).toEqual(['d1', 'd2'])
  })

  test('a retry the plugin marks priority 0 goes ahead of the checks not yet started', async () => {
    const { started, check, wake } = budget(1)
    void check('a')
    void check('b')
    void check('a again', 0)
    await tick()
    await wake()
    expect(started).toEqual(['a', 'a again'])
    await wake()
    expect(started).toEqual(['a', 'a again', 'b'])
  })

  test('passes the arguments and the result through', async () => {
    const { writes } = budget(1)
    await expect(writes.checkLane.schedule({}, (a, b) => [a, b], 1, 2)).resolves.toEqual([1, 2])
  })
})

describe('the secret lane', () => {
  test('turns come before every check waiting, in the order asked', async () => {
    const { writes, clock, started, check, turns, wake } = budget(2)
    void check('c1')
    void check('c2')
    await tick()
    clock.now = 1000
    void check('c3')
    void turns('w1', 'w2')
    await tick()
    expect(started).toEqual(['c1', 'c2'])
    await wake() // c1 and c2 leave the window together
    expect(started).toEqual(['c1', 'c2', 'w1', 'w2'])
    expect(writes.delayFor(1)).toBe(60_000)
  })

  test('a request of the secret lane (a retry: no turn asked) starts at once, and is counted', async () => {
    const { writes, started, check, turns } = budget(2)
    writes.reserve(2)
    void turns('w1', 'w2')
    await tick()
    void check('c1')
    // The window is full; the write's retries still go, each counted once.
    const lane = writes.secretLane.key()
    await lane.schedule({}, () => started.push('w1 request')) // the turn given to w1
    await lane.schedule({}, () => started.push('w2 request'))
    await lane.schedule({}, () => started.push('w1 retry'))
    await lane.schedule({}, () => started.push('w1 retry 2'))
    expect(started).toEqual(['w1', 'w2', 'w1 request', 'w2 request', 'w1 retry', 'w1 retry 2'])
    // Four starts in a window of 2: a new one waits until all four have left.
    expect(writes.delayFor(2)).toBe(60_000)
  })

  test('past the limit, a turn waits only for the window; no check takes a place meanwhile', async () => {
    const { writes, started, check, turns, wake } = budget(2)
    writes.reserve(3)
    void check('c1')
    void turns('w1', 'w2', 'w3')
    await tick()
    expect(started).toEqual(['w1', 'w2'])
    await wake()
    expect(started).toEqual(['w1', 'w2', 'w3', 'c1'])
  })

  test('delayFor(n): how long until n jobs could start at once', async () => {
    const { writes, clock, check } = budget(3)
    expect(writes.delayFor(80)).toBe(0)
    await Promise.all([check('a'), check('b')])
    clock.now = 10_000
    await check('c')
    clock.now = 20_000
    // Starts at 0, 0 and 10 000; a new start must wait for one, two or three of them to leave.
    expect([0, 1, 2, 3, 10].map(n => writes.delayFor(n))).toEqual([
      0, 40_000, 40_000, 50_000, 50_000
    ])
    clock.now = 60_000 // the two starts at 0 have left
    expect([1, 2, 3].map(n => writes.delayFor(n))).toEqual([0, 0, 10_000])
    expect(writes.limit).toBe(3)
  })
})

test('turns asked together are all given before any check starts', async () => {
  const { writes, started, check, turns } = budget(10)
  writes.reserve(3)
  void check('c1')
  void turns('w1', 'w2', 'w3')
  await tick()
  expect(started).toEqual(['c1', 'w1', 'w2', 'w3'])
  void check('c2')
  await tick()
  expect(started).toEqual(['c1', 'w1', 'w2', 'w3', 'c2'])
})
