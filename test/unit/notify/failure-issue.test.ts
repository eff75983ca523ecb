// The failure issue's text: what happened in a fenced block (no markdown, no mention), what is
// left to do, the run.
import { describe, expect, test } from '@jest/globals'
import { failureText } from '../../../src/notify/failure-issue.js'

const failure = {
  headline: '❌ Nothing was rotated: 1 of 2 targets cannot be written',
  details: ['acme/app@production: could not read the public key: HTTP 404: Not Found'],
  todo: 'The old secret still works.'
}

describe('failureText', () => {
  test('the run, what happened in a text block, what is left to do', () => {
    expect(failureText(failure, 'https://github.com/acme/app/actions/runs/7')).toBe(
      [
        'A run of rotate-composio-webhook-secret failed: https://github.com/acme/app/actions/runs/7.',
        '',
        '```text',
        '❌ Nothing was rotated: 1 of 2 targets cannot be written',
        'acme/app@production: could not read the public key: HTTP 404: Not Found',
        '```',
        '',
        '**What is left to do:** The old secret still works.',
        '',
        "The run's log and job summary have the details (and any recipe to finish by hand); this issue never holds the secret."
      ].join('\n')
    )
  })

  test('a fence longer than any run of backticks in the text; no link, no todo', () => {
    const text = failureText({ ...failure, details: ['a ```` b'], todo: '' }, undefined)
    expect(text).toContain('\n`````text\n')
    expect(text.startsWith('A run of rotate-composio-webhook-secret failed.')).toBe(true)
    expect(text).toContain("**What is left to do:** see the run's log.")
  })
})
