// The verify-receiver action's frame, in this process at the fetch boundary: the secret masked
// before anything, outputs and the summary written, one ::error:: on failure. (The bundle runs
// against a real receiver in test/integration/verify-receiver.test.ts.)
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { outageSeconds, runVerifyReceiver, type ActionDeps } from '../../../src/receiver/action.js'
import { parseOutputFile } from '../../fakes/runner.js'
import { withInputs } from '../inputs/with-inputs.js'

const SECRET = 'the_new_secret_0006'
let dir: string
let printed: string[]
let write: jest.SpiedFunction<typeof process.stdout.write>
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-receiver-'))
  for (const name of ['output', 'summary']) writeFileSync(join(dir, name), '')
  process.env['GITHUB_OUTPUT'] = join(dir, 'output')
  process.env['GITHUB_STEP_SUMMARY'] = join(dir, 'summary')
  printed = []
  write = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    printed.push(String(chunk))
    return true
  })
})
afterEach(() => {
  write.mockRestore()
  delete process.env['GITHUB_OUTPUT']
  delete process.env['GITHUB_STEP_SUMMARY']
  rmSync(dir, { recursive: true, force: true })
  process.exitCode = undefined // core.setFailed set it; this process is jest's
})

/** Answers every pair with `genuine` and `forged`; a clock that each wait moves forward. */
function deps(genuine: number, forged: number): ActionDeps {
  let clock = Date.parse('2026-12-03T08:00:10.000Z')
  let calls = 0
  return {
    fetch: () =>
      Promise.resolve(new Response(null, { status: calls++ % 2 === 0 ? genuine : forged })),
    sleep: ms => ((clock += ms), Promise.resolve()),
    now: () => new Date(clock)
  }
}

const run = (inputs: Record<string, string>, d: ActionDeps) =>
  withInputs({ secret: SECRET, url: 'https://h.example/hook', ...inputs }, () =>
    runVerifyReceiver(d)
  )

test('confirmed: outputs confirmed-at and outage-seconds; the secret masked first', async () => {
  await run({ 'rotated-at': '2026-12-03T08:00:00.000Z' }, deps(204, 401))
  expect(printed[0]).toBe(`::add-mask::${SECRET}\n`)
  expect(printed.slice(1).join('')).not.toContain(SECRET)
  const outputs = parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'))
  expect(outputs).toEqual({
    'confirmed-at': '2026-12-03T08:00:10.000Z',
    'outage-seconds': '10.000'
  })
  const summary = readFileSync(join(dir, 'summary'), 'utf8')
  expect(summary).toContain('<h2>Composio webhook receiver</h2>')
  expect(summary).toContain("Outage: 10.000 s from the rotation to the receiver's confirmation.")
  expect(process.exitCode).toBeUndefined()
})

test('not confirmed: one ::error:: with the message, no outputs', async () => {
  await run({ 'timeout-seconds': '20' }, deps(401, 401))
  const errors = printed.filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  expect(errors[0]).toContain(
    'the receiver still rejects deliveries signed with the new secret after 20 s'
  )
  expect(readFileSync(join(dir, 'output'), 'utf8')).toBe('')
  expect(process.exitCode).toBe(1)
})

test('a bad input fails before any request, the secret masked all the same', async () => {
  const d = deps(204, 401)
  const fetch = jest.spyOn(d, 'fetch')
  await run({ url: 'http://h.example/hook' }, d)
  expect(fetch).not.toHaveBeenCalled()
  expect(printed[0]).toBe(`::add-mask::${SECRET}\n`)
  expect(printed.join('')).toContain("::error::Input 'url': 'http://h.example/hook' must use https")
})

test('outageSeconds: to the millisecond', () => {
  expect(outageSeconds(new Date(1000), new Date(3500))).toBe('2.500')
})
