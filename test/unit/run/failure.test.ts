// What a failed run says of itself, by where it stopped: the headline, the lines, what to do.
import { describe, expect, test } from '@jest/globals'
import { summary } from '@actions/core'
import { ComposioError } from '../../../src/composio/errors.js'
import { InputError, InputErrors } from '../../../src/inputs/read.js'
import { describeFailure } from '../../../src/notify/failure.js'
import { PreflightError } from '../../../src/preflight/preflight.js'
import { failureSummary, inputFailure } from '../../../src/report/failure-summary.js'
import { IncompleteRunError } from '../../../src/report/outcome.js'
import { envFailed, repoWritten, rotated } from './results.js'

describe('describeFailure', () => {
  test('invalid inputs: every one, and that nothing was sent', () => {
    const errors = [new InputError('a', 'is wrong'), new InputError('b', 'is <bad>')]
    const failure = inputFailure(new InputErrors(errors))
    expect(failure.headline).toBe('❌ Nothing was rotated: 2 inputs are invalid')
    expect(failure.details).toEqual(["Input 'a': is wrong", "Input 'b': is <bad>"])
    expect(failure.todo).toMatch(
      /^Nothing was sent to Composio or GitHub; the old secret still works/
    )
    expect(inputFailure(errors[0]!).headline).toBe('❌ Nothing was rotated: an input is invalid')
  })

  test('a refusal before the rotation: its headline and problems', () => {
    const failure = describeFailure(new PreflightError('Nothing was rotated: x', ['p1', 'p2']))
    expect(failure).toMatchObject({ headline: '❌ Nothing was rotated: x', details: ['p1', 'p2'] })
    expect(failure.todo).toMatch(/^The old secret still works\./)
  })

  test('a stored run that did not finish: the targets, no recipe', () => {
    const failure = describeFailure(
      new IncompleteRunError({
        source: rotated,
        results: [repoWritten, envFailed],
        confirmation: 'not needed',
        problems: []
      })
    )
    expect(failure.details).toEqual([
      'acme/app: updated',
      'acme/app@prod eu: NOT WRITTEN (HTTP 403: forbidden)'
    ])
    expect(failure.todo).toMatch(/^Finish the targets NOT WRITTEN/)
    expect(JSON.stringify(failure)).not.toMatch(/curl|encrypted_value/)
  })

  test("the rotation's failure: what Composio said, then what to do", () => {
    const error = new ComposioError(
      'HTTP 403 X: no\nNothing was rotated and nothing written.',
      403,
      false
    )
    expect(describeFailure(error)).toEqual({
      headline: "❌ Composio's rotation failed",
      details: ['HTTP 403 X: no'],
      todo: 'Nothing was rotated and nothing written.'
    })
  })

  test('anything else: its first line; a longer message whole, for the summary only', () => {
    expect(describeFailure('boom')).toEqual({ headline: '❌ boom', details: [], todo: '' })
    const failure = describeFailure(new Error('Cancelled after the rotation.\n# To finish x'))
    expect(failure.headline).toBe('❌ Cancelled after the rotation.')
    expect(failure.text).toBe('Cancelled after the rotation.\n# To finish x')
    const html = failureSummary(summary.emptyBuffer(), failure).stringify()
    expect(html).toContain(
      '<pre lang="text"><code>Cancelled after the rotation.\n# To finish x</code></pre>'
    )
  })

  test('the summary escapes every line', () => {
    const html = failureSummary(summary.emptyBuffer(), {
      headline: '❌ <h>',
      details: ['<script>'],
      todo: 'a & b'
    }).stringify()
    expect(html).toBe(
      '<h2>❌ &lt;h&gt;</h2>\n<ul><li>&lt;script&gt;</li></ul>\n<p><strong>What to do:</strong> a &amp; b</p>\n'
    )
  })
})
