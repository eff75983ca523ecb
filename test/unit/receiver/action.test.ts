// The verify-receiver action's frame, in this process at the fetch boundary: the secret masked
// before anything, outputs and the summary written, one ::error:: on failure. (The bundle runs
// against a real receiver in test/integration/verify-receiver.test.ts.)
import { afterAll, afterEach, beforeAll, beforeEach, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signature } from '../../../src/receiver/delivery.js'
import {
  outageSeconds,
  runVerifyReceiver,
  type ActionDeps
} from '../../../src/run/receiver-action.js'
import { parseOutputFile } from '../../fakes/runner.js'
import { withInputs } from '../inputs/with-inputs.js'

const SECRET = 'the_new_secret_0006'
let dir: string
let printed: string[]
let write: jest.SpiedFunction<typeof process.stdout.write>
// One directory for every test: @actions/core keeps the summary's path once it has read it.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-receiver-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
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
  process.exitCode = undefined // core.setFailed set it; this process is jest's
})

/** Answers `genuine` to a delivery signed with SECRET, else `forged`; a clock that each wait moves forward. */
function deps(genuine: number, forged: number): ActionDeps {
  let clock = Date.parse('2026-12-03T08:00:10.000Z')
  const isGenuine = (headers: Record<string, string>, body: string): boolean => {
    const [id, timestamp] = [headers['webhook-id']!, headers['webhook-timestamp']!]
    return headers['webhook-signature'] === signature(SECRET, id, timestamp, body)
  }
  return {
    fetch: (_, init) => {
      const signedWithSecret = isGenuine(
        init?.headers as Record<string, string>,
        init?.body as string
      )
      return Promise.resolve(new Response(null, { status: signedWithSecret ? genuine : forged }))
    },
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
  expect(summary).toContain(
    '<h2>✅ Composio webhook receiver confirmed: it verifies deliveries with the new secret</h2>'
  )
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
  // What a person reads after a green rotation: the failure, first.
  const summary = readFileSync(join(dir, 'summary'), 'utf8')
  expect(summary).toMatch(
    /^<h2>❌ Composio webhook receiver NOT confirmed: the receiver still rejects the new secret<\/h2>/
  )
})

test('a bad input fails before any request, the secret masked all the same', async () => {
  const d = deps(204, 401)
  const fetch = jest.spyOn(d, 'fetch')
  await run({ url: 'http://h.example/hook' }, d)
  expect(fetch).not.toHaveBeenCalled()
  expect(printed[0]).toBe(`::add-mask::${SECRET}\n`)
  expect(printed.join('')).toContain("::error::Input 'url': 'http://h.example/hook' must use https")
  // It heads a summary too.
  expect(readFileSync(join(dir, 'summary'), 'utf8')).toMatch(
    /^<h2>❌ Composio webhook receiver NOT checked<\/h2>\nInput 'url': 'http:\/\/h.example\/hook' must use https/
  )
})

test('outageSeconds: to the millisecond; none when rotated-at is later than the confirmation', () => {
  expect(outageSeconds(new Date(1000), new Date(3500))).toBe('2.500')
  expect(outageSeconds(new Date(1000), new Date(1000))).toBe('0.000')
  expect(outageSeconds(new Date(3500), new Date(1000))).toBeUndefined()
})
