// Credentials that cannot travel in an HTTP header (a newline pasted into a secret, a NUL, a
// character beyond Latin-1). Found by the property tests: fetch refuses such a header before
// sending anything, with an error that quotes the header, credential included. The run must fail
// without echoing the credential, without retrying, and without claiming a rotation that could
// not have happened.
import { afterEach, describe, expect, test } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFetch, describeNetworkError } from '../../src/http/http.js'
import { InputError } from '../../src/inputs/read.js'
import { readSettings } from '../../src/inputs/settings.js'
import type { RunResult } from '../fakes/runner.js'
import {
  API_KEY,
  requestsTo,
  startScenario,
  TOKEN,
  withInputs,
  type Scenario
} from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const PART = 'PART2_c0ffee'
const UNSENDABLE: [string, string][] = [
  ['an inner newline', `${API_KEY}\n${PART}`],
  ['an inner carriage return', `${API_KEY}\r${PART}`],
  ['a character beyond Latin-1', `🔑${PART}`]
]

/** What a reader sees: everything but the `::add-mask::` lines (which the runner consumes). */
function visible(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}\n${result.summary}`
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

function errorLine(result: RunResult): string {
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!.replace(/%0A/g, '\n')
}

describe('an api-key that cannot be sent as a header', () => {
  test.each(UNSENDABLE)(
    'with %s: nothing sent, not retried, not echoed, "nothing was rotated"',
    async (_, key) => {
      scenario = await startScenario()
      const result = await scenario.run({ 'api-key': key })
      expect(result.code).toBe(1)
      expect(result.stderr).toBe('')
      expect(visible(result)).not.toContain(PART)
      expect(scenario.composio.requests).toHaveLength(0)
      expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
      const error = errorLine(result)
      expect(error).toContain("'api-key'")
      expect(error).not.toContain('may have been rotated')
      expect(error).toMatch(
        /^::error::Input 'api-key': holds a character an HTTP header cannot carry/
      )
      expect(result.stdout).not.toMatch(/::warning::.*retrying/)
    }
  )
})

describe('a github-token that cannot be sent as a header', () => {
  test('with an inner newline: Composio never called, the token not echoed', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ 'github-token': `${TOKEN}\n${PART}` })
    expect(result.code).toBe(1)
    expect(visible(result)).not.toContain(PART)
    expect(visible(result)).not.toContain(TOKEN)
    expect(scenario.composio.requests).toHaveLength(0)
    expect(errorLine(result)).toMatch(/nothing was rotated|^::error::Input 'github-token'/i)
  })
})

describe('describeNetworkError never quotes a header value', () => {
  const fetch = createFetch(1000)
  test.each(UNSENDABLE)('fetch’s own error for %s', async (_, value) => {
    const thrown = await fetch('http://127.0.0.1:9/', { headers: { 'x-api-key': value } }).then(
      () => undefined,
      (error: unknown) => error
    )
    expect((thrown as Error).name).toBe('TypeError') // of Node's realm: not instanceof jest's
    const described = describeNetworkError(thrown, 1000)
    expect(described).not.toContain(PART)
    expect(described).not.toMatch(/at index \d+ has a value of \d+/)
  })

  test('a real network error keeps its code and reason', async () => {
    const server = createServer()
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise(resolve => server.close(resolve))
    const thrown = await fetch(`http://127.0.0.1:${port}/`).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(describeNetworkError(thrown, 1000)).toBe(
      `network error: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:${port}`
    )
  })
})

describe('inputs', () => {
  // A credential no HTTP header can carry is refused as an input, before any request, naming the
  // input and never quoting the value (fetch's own refusal would quote it).
  test.each([['api-key'], ['user-api-key'], ['github-token']])(
    '%s with an inner newline is an input error',
    name => {
      const inputs: Record<string, string> = {
        'subscription-id': 'ws_123',
        'github-token': TOKEN,
        [name]: `${API_KEY}\n${PART}`
      }
      const read = () => withInputs(inputs, () => readSettings({ GITHUB_REPOSITORY: 'acme/app' }))
      expect(read).toThrow(InputError)
      expect(read).toThrow(new RegExp(`^Input '${name}'`))
    }
  )
})
