// The declared inputs, one list per action, equal to its action.yml; and which INPUT_ variables
// are near misses of them.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import {
  MAIN_INPUTS,
  VERIFY_RECEIVER_INPUTS,
  nearMissOf,
  nearMisses,
  variableOf
} from '../../../src/inputs/declared.js'

const inputsOf = (file: string): string[] =>
  Object.keys((parse(readFileSync(file, 'utf8')) as { inputs: object }).inputs)

test("the lists are action.yml's inputs, in its order", () => {
  expect([...MAIN_INPUTS]).toEqual(inputsOf('action.yml'))
  expect([...VERIFY_RECEIVER_INPUTS]).toEqual(inputsOf('verify-receiver/action.yml'))
})

describe('nearMissOf (the variable name without INPUT_)', () => {
  test.each([
    ['DRY_RUN', 'dry-run'], // the `_`/`-` swap
    ['dry-run', 'dry-run'], // case: @actions/core reads INPUT_DRY-RUN only
    ['DRYRUN', 'dry-run'],
    ['DRY-RUNN', 'dry-run'],
    ['SUBSCRIPTON-ID', 'subscription-id'], // a letter dropped
    ['SUBSCRIPTION_ID', 'subscription-id'],
    ['SECERT-NAME', 'secret-name'], // two letters swapped
    ['TARGET', 'targets'],
    ['ROTATED', 'rotate'], // an output's name given as an input
    ['GITHUB_TOKEN', 'github-token'],
    ['VERIFY-RECIEVER', 'verify-receiver']
  ])('%s → %s', (given, meant) => {
    expect(nearMissOf(given, MAIN_INPUTS)).toBe(meant)
  })

  test.each([
    'DRY-RUN', // exact
    'SUBSCRIPTION-ID',
    'FOO',
    'ENV',
    'REPOSITORIES', // three edits from 'repository'
    'TOKEN',
    'RUN',
    // A workflow's own env, two edits from 'rotate': too far for a name of 6 letters.
    'STATE',
    'ROUTE'
  ])('%s: not a near miss', given => {
    expect(nearMissOf(given, MAIN_INPUTS)).toBeUndefined()
  })

  test('every exact variable passes; its swapped and lower-case forms do not', () => {
    for (const declared of [MAIN_INPUTS, VERIFY_RECEIVER_INPUTS]) {
      for (const name of declared) {
        const exact = variableOf(name).slice('INPUT_'.length)
        expect(nearMissOf(exact, declared)).toBeUndefined()
        expect(nearMissOf(name, declared)).toBe(name)
        if (name.includes('-')) expect(nearMissOf(exact.replace(/-/g, '_'), declared)).toBe(name)
      }
    }
  })

  test('verify-receiver has its own inputs: URI is url; the main action’s names are not near misses', () => {
    expect(nearMissOf('URI', VERIFY_RECEIVER_INPUTS)).toBe('url')
    expect(nearMissOf('SECRETS', VERIFY_RECEIVER_INPUTS)).toBe('secret')
    expect(nearMissOf('VERIFY-TIMEOUT-SECONDS', VERIFY_RECEIVER_INPUTS)).toBeUndefined()
    expect(nearMissOf('SUBSCRIPTION-ID', VERIFY_RECEIVER_INPUTS)).toBeUndefined()
  })
})

describe('nearMisses', () => {
  test('only INPUT_ variables, one error each, naming the variable and the input meant', () => {
    const errors = nearMisses(
      { 'INPUT_DRY-RUN': 'false', INPUT_DRY_RUN: 'true', DRY_RUN: 'x', 'INPUT_dry-run': 'y' },
      MAIN_INPUTS
    )
    expect(errors.map(error => error.message)).toEqual([
      "Input 'dry_run': is not an input of this action (the runner set INPUT_DRY_RUN); did you mean 'dry-run'? Refused before anything is sent: the runner would only warn, and the run would go ahead without 'dry-run'",
      "Input 'dry-run': was set as INPUT_dry-run, which is not read (the action reads INPUT_DRY-RUN). Refused before anything is sent: the runner would only warn, and the run would go ahead without 'dry-run'"
    ])
  })
})
