import { describe, expect, test } from '@jest/globals'
import { dispatchTriggerProblem, jobEnvironments } from '../../../src/redeploy/workflow-file.js'

const job = '\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n'

describe('dispatchTriggerProblem: workflow_dispatch declared', () => {
  test.each([
    ['a single name', 'on: workflow_dispatch'],
    ['a list', 'on: [push, workflow_dispatch]'],
    ['a block list', 'on:\n  - push\n  - workflow_dispatch'],
    ['a mapping, empty trigger', 'on:\n  push:\n    branches: [main]\n  workflow_dispatch:'],
    [
      'a mapping with inputs',
      'on:\n  workflow_dispatch:\n    inputs:\n      why:\n        type: string'
    ],
    ['a quoted key', '"on":\n  workflow_dispatch: {}'],
    ['the YAML 1.1 key true', 'true:\n  workflow_dispatch: {}'],
    ['a flow mapping', 'on: { workflow_dispatch: null, schedule: [{ cron: "0 3 * * 1" }] }']
  ])('%s', (_name, on) => {
    expect(dispatchTriggerProblem(`name: Deploy\n${on}${job}`)).toBeUndefined()
  })
})

describe('dispatchTriggerProblem: refused', () => {
  test.each([
    [
      'a single other trigger',
      'on: push',
      'its on: declares push but not workflow_dispatch; add it'
    ],
    [
      'a list without it',
      'on: [push, pull_request]',
      'its on: declares push, pull_request but not workflow_dispatch; add it'
    ],
    [
      'a mapping without it',
      'on:\n  repository_dispatch:\n    types: [deploy]',
      'its on: declares repository_dispatch but not workflow_dispatch; add it'
    ],
    ['no on:', 'env:\n  A: 1', 'its on: declares no trigger; add workflow_dispatch'],
    ['an empty on:', 'on:', 'its on: declares no trigger; add workflow_dispatch'],
    [
      'workflow_dispatch only in a comment',
      'on: push # workflow_dispatch',
      'its on: declares push but not workflow_dispatch; add it'
    ],
    [
      'workflow_dispatch only as a job name',
      'on: push\njobs:\n  workflow_dispatch: {}',
      'its on: declares push but not workflow_dispatch; add it'
    ]
  ])('%s', (_name, text, problem) => {
    expect(dispatchTriggerProblem(text)).toBe(problem)
  })

  test('not YAML: the line is named', () => {
    expect(dispatchTriggerProblem('name: x\non: [push\njobs: {}')).toMatch(
      /^it is not valid YAML \(line \d+\)$/
    )
  })

  test.each(['- a\n- b', 'just text', ''])('not a mapping at the top (%j)', text => {
    expect(dispatchTriggerProblem(text)).toBe('it is not a workflow (no mapping at the top)')
  })
})

describe('dispatchTriggerProblem: inputs a dispatch without inputs cannot satisfy', () => {
  const inputs = (spec: string) => `on:\n  workflow_dispatch:\n    inputs:\n${spec}${job}`
  test.each([
    ['optional', '      why:\n        type: string\n'],
    ['required with a default', "      env:\n        required: true\n        default: 'prod'\n"],
    [
      'required with a false default',
      '      dry:\n        type: boolean\n        required: true\n        default: false\n'
    ],
    ['not required, no default', '      env:\n        required: false\n']
  ])('accepted: %s', (_name, spec) => {
    expect(dispatchTriggerProblem(inputs(spec))).toBeUndefined()
  })

  test.each([
    [
      'one',
      '      env:\n        required: true\n',
      "its workflow_dispatch input 'env' is required without a default, and a redeploy sends no inputs; give it a default or make it optional"
    ],
    [
      'two, one with a null default',
      '      env:\n        required: true\n      region:\n        required: true\n        default: ~\n',
      "its workflow_dispatch inputs 'env', 'region' are required without a default, and a redeploy sends no inputs; give them defaults or make them optional"
    ],
    [
      'an empty default, which is none, and required spelled as a string',
      "      env:\n        required: true\n        default: ''\n      region:\n        required: 'true'\n",
      "its workflow_dispatch inputs 'env' (its default is empty), 'region' are required without a default, and a redeploy sends no inputs; give them defaults or make them optional"
    ],
    [
      'two through a YAML anchor',
      '      env: &required\n        required: true\n      region: *required\n',
      "its workflow_dispatch inputs 'env', 'region' are required without a default, and a redeploy sends no inputs; give them defaults or make them optional"
    ],
    [
      'a name with a line break, made one line',
      '      "a\\n::error::x":\n        required: true\n',
      "its workflow_dispatch input 'a ::error::x' is required without a default, and a redeploy sends no inputs; give it a default or make it optional"
    ]
  ])('refused: %s', (_name, spec, problem) => {
    expect(dispatchTriggerProblem(inputs(spec))).toBe(problem)
  })
})

describe('jobEnvironments: what the run can read environment secrets from', () => {
  const jobs = (spec: string) => `on: workflow_dispatch\njobs:\n${spec}`
  test.each<[string, string, string[] | undefined]>([
    ['none', '  a:\n    runs-on: x\n', []],
    [
      'by name and as a mapping',
      '  a:\n    environment: prod\n  b:\n    environment:\n      name: qa\n',
      ['prod', 'qa']
    ],
    ['an expression: unknown', '  a:\n    environment: ${{ inputs.env }}\n', undefined],
    [
      'a reusable workflow: unknown',
      '  a:\n    uses: acme/w/.github/workflows/d.yml@main\n',
      undefined
    ]
  ])('%s', (_name, spec, environments) => {
    expect(jobEnvironments(jobs(spec))).toEqual(environments)
  })
})
