// Every run that ends writes a job summary that says what happened and what to do: input errors
// (all of them at once), preflight and write-check refusals, a failed rotation. The bundle, as a
// runner runs it.
import { afterEach, describe, expect, test } from '@jest/globals'
import { composioError } from '../fakes/composio.js'
import { NODE24, type RunResult } from '../fakes/runner.js'
import { PROBE, ROTATE, leaksOfAll, on, startScenario, type Scenario } from '../support/scenario.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const errorLines = (result: RunResult): string[] => {
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!
    .replace(/^::error::/, '')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%')
    .split('\n')
}

/** The summary's list items, as text. */
const items = (html: string): string[] => [...html.matchAll(/<li>(.*?)<\/li>/g)].map(m => m[1]!)

describe('invalid inputs: every one at once, in the error and in the summary', () => {
  test('three invalid inputs: one error with a line each, a summary listing them, nothing sent', async () => {
    scenario = await startScenario()
    const result = await scenario.run({
      'subscription-id': 'ws 1',
      'secret-name': 'GITHUB_X',
      'dry-run': 'yes'
    })
    expect(result.code).toBe(1)
    const expected = [
      "Input 'subscription-id': must be a Composio webhook subscription ID: 1 to 128 letters, digits, '_' or '-'",
      "Input 'secret-name': 'GITHUB_X' must not start with GITHUB_",
      "Input 'dry-run': 'yes' is not a boolean; use true or false"
    ]
    expect(errorLines(result)).toEqual(expected)
    expect(result.summary).toMatch(/^<h2>❌ Nothing was rotated: 3 inputs are invalid<\/h2>\n/)
    expect(items(result.summary)).toEqual(expected) // nothing in them to escape
    expect(result.summary).toContain('<strong>What to do:</strong> Nothing was sent')
    expect(scenario.composio.requests).toHaveLength(0)
    expect(scenario.github.requests).toHaveLength(0)
  })
})

describe('every bad targets line at once', () => {
  test('three bad lines and another bad input: a line each, in the error and the summary', async () => {
    scenario = await startScenario()
    const result = await scenario.run(
      { repository: '', targets: 'acme/app\nnot-a-repo\norg:-x\nACME/APP', rotate: 'no' },
      { node: NODE24 }
    )
    expect(result.code).toBe(1)
    const expected = [
      "Input 'targets': line 2 ('not-a-repo'): 'not-a-repo' is not a repository; expected owner/name",
      "Input 'targets': line 3 ('org:-x'): '-x' is not an organization name",
      "Input 'targets': line 4 ('ACME/APP'): duplicate of line 1",
      "Input 'rotate': 'no' is not a boolean; use true or false"
    ]
    expect(errorLines(result)).toEqual(expected)
    expect(result.summary).toMatch(/^<h2>❌ Nothing was rotated: 4 inputs are invalid<\/h2>\n/)
    expect(items(result.summary)).toEqual(expected)
    expect(scenario.composio.requests).toHaveLength(0)
    expect(scenario.github.requests).toHaveLength(0)
  })
})

describe('a near miss of an input name is refused before anything is sent', () => {
  const refused = (given: string, meant: string) =>
    `Input '${given}': is not an input of this action (the runner set INPUT_${given.toUpperCase()}); did you mean '${meant}'? Refused before anything is sent: the runner would only warn, and the run would go ahead without '${meant}'`

  test('dry_run: true (the input is dry-run): refused, nothing rotated, nothing sent', async () => {
    scenario = await startScenario()
    const result = await scenario.run({ dry_run: 'true' }, { node: NODE24 })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([refused('dry_run', 'dry-run')])
    expect(result.summary).toMatch(/^<h2>❌ Nothing was rotated: an input is invalid<\/h2>\n/)
    expect(scenario.composio.requests).toHaveLength(0)
    expect(scenario.github.requests).toHaveLength(0)
    expect(result.outputs).toEqual({})
  })

  test('with other invalid inputs: every one at once (a typo, a swap, a bad value)', async () => {
    scenario = await startScenario()
    const result = await scenario.run(
      { 'secret-nmae': 'X', timeout_seconds: '5', 'dry-run': 'yes' },
      { node: NODE24 }
    )
    expect(result.code).toBe(1)
    expect(errorLines(result).sort()).toEqual(
      [
        refused('secret-nmae', 'secret-name'),
        refused('timeout_seconds', 'timeout-seconds'),
        "Input 'dry-run': 'yes' is not a boolean; use true or false"
      ].sort()
    )
    expect(scenario.composio.requests).toHaveLength(0)
    expect(scenario.github.requests).toHaveLength(0)
  })
})

describe('refusals before the rotation', () => {
  test('preflight: the headline, each problem with its hint, what to do', async () => {
    scenario = await startScenario({
      fault: on('GET', /\/public-key$/, { status: 404, body: { message: 'Not Found' } })
    })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(
      /^<h2>❌ Nothing was rotated: 1 of 1 targets cannot be written<\/h2>\n/
    )
    expect(items(result.summary)).toEqual([errorLines(result)[1]!.replace(/^ {2}- /, '')])
    expect(items(result.summary)[0]).toMatch(/^acme\/app: could not read the public key: HTTP 404/)
    expect(result.summary).toContain('The old secret still works.')
    expect(scenario.composio.rotations).toHaveLength(0)
  })

  test('write check: the refused probe write, and what to do', async () => {
    scenario = await startScenario({
      fault: on('PUT', PROBE, {
        status: 403,
        body: { message: 'Resource not accessible by personal access token' }
      })
    })
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(
      /^<h2>❌ Nothing was rotated: 1 of 1 targets cannot be written<\/h2>\n/
    )
    expect(items(result.summary)[0]).toMatch(
      /^acme\/app: a test write \(COMPOSIO_WEBHOOK_SECRET_WRITE_CHECK\) was refused: HTTP 403/
    )
    expect(scenario.composio.rotations).toHaveLength(0)
  })
})

describe('a failed rotation', () => {
  test('says it failed, why, and whether the old secret still works', async () => {
    scenario = await startScenario(
      {},
      { fault: on('POST', ROTATE, composioError(403, 'APIKey_InsufficientPermissions', 'no')) }
    )
    const result = await scenario.run()
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(/^<h2>❌ Composio's rotation failed<\/h2>\n/)
    expect(items(result.summary)[0]).toMatch(/HTTP 403 APIKey_InsufficientPermissions/)
    expect(result.summary).toContain(
      '<strong>What to do:</strong> Nothing was rotated and nothing written: the old secret still works.'
    )
    expect(leaksOfAll(result, scenario.composio)).toEqual([])
  })
})
