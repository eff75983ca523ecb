// Every example workflow (and this repository's own workflows) is valid YAML that a user could
// copy as is: read-only permissions, third-party actions pinned by SHA, this action given the
// inputs it needs, and no rotation that a newer run could cancel.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { parseTargetLines } from '../../src/inputs/targets.js'

const ROOT = join(import.meta.dirname, '..', '..')
const THIS_ACTION = 'your-org/rotate-composio-webhook-secret@v1'
/** The second action of this repository (verify-receiver/action.yml). */
const VERIFY_ACTION = 'your-org/rotate-composio-webhook-secret/verify-receiver@v1'

type Step = {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  env?: Record<string, unknown>
  with?: Record<string, unknown>
  'continue-on-error'?: boolean
}
type Concurrency = string | { group: string; 'cancel-in-progress'?: boolean | string }
type Job = {
  'timeout-minutes'?: number
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown }
  environment?: string | { name: string }
  concurrency?: Concurrency
  steps?: Step[]
}
type Workflow = {
  on?: Record<string, unknown>
  permissions?: unknown
  concurrency?: Concurrency
  jobs?: Record<string, Job>
}

const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => `${dir}/${name}`)
const examples = files('examples')
const workflows = [...examples, ...files('.github/workflows')]

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const load = (file: string): Workflow => parse(read(file)) as Workflow
const actionInputs = Object.keys(
  (parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs
)

const isThisAction = (uses: string | undefined): boolean => uses === THIS_ACTION || uses === './'
const stepsOfThisAction = (workflow: Workflow): [string, Job, Step][] =>
  Object.entries(workflow.jobs ?? {}).flatMap(([name, job]) =>
    (job.steps ?? []).filter(step => isThisAction(step.uses)).map(step => [name, job, step])
  ) as [string, Job, Step][]

test('the examples README promises exist', () => {
  expect(examples.sort()).toEqual(
    [
      'examples/cloudflare-worker.yml',
      'examples/fan-out.yml',
      'examples/github-app-token.yml',
      'examples/matrix-subscriptions.yml',
      'examples/redeploy-receiver.yml',
      'examples/scheduled-rotation.yml'
    ].sort()
  )
})

describe.each(workflows)('%s', file => {
  const workflow = load(file)

  test('is a workflow with triggers, read-only default permissions and jobs', () => {
    expect(workflow.on).toBeDefined()
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0)
  })

  test('bounds every job with timeout-minutes', () => {
    for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
      expect([name, typeof job['timeout-minutes']]).toEqual([name, 'number'])
    }
  })

  test('pins every third-party action by a full commit SHA with a version comment', () => {
    const uses = [...read(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]
    expect(uses.length).toBeGreaterThan(0)
    for (const [line, ref = '', rest = ''] of uses) {
      if (ref === './' || ref === THIS_ACTION || ref === VERIFY_ACTION) continue
      expect([line.trim(), /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref)]).toEqual([
        line.trim(),
        true
      ])
      expect([line.trim(), /^\s+#\s*v\d+\.\d+\.\d+\s*$/.test(rest)]).toEqual([line.trim(), true])
    }
  })

  test('passes this action only inputs it has, and the ones it needs', () => {
    for (const [, , step] of stepsOfThisAction(workflow)) {
      const inputs = Object.keys(step.with ?? {})
      expect(inputs.filter(name => !actionInputs.includes(name))).toEqual([])
      // A step that is meant to fail (continue-on-error) may break the rules on purpose.
      if (step['continue-on-error']) continue
      expect(inputs).toEqual(expect.arrayContaining(['subscription-id', 'github-token']))
      expect(inputs.filter(name => name === 'api-key' || name === 'user-api-key')).toHaveLength(1)
    }
  })

  test('never lets a newer run cancel a rotation in progress', () => {
    const steps = stepsOfThisAction(workflow)
    if (file.startsWith('.github/') || steps.length === 0) return
    const cancels = (c: Concurrency | undefined): boolean =>
      typeof c === 'object' && c['cancel-in-progress'] !== undefined
        ? c['cancel-in-progress'] !== false
        : false
    expect(cancels(workflow.concurrency)).toBe(false)
    for (const [name, job] of steps) {
      expect([name, cancels(job.concurrency)]).toEqual([name, false])
      // A scheduled rotation must be serialised, at the workflow or the job level.
      if (workflow.on?.['schedule']) {
        expect([name, Boolean(workflow.concurrency ?? job.concurrency)]).toEqual([name, true])
      }
      // Matrix siblings must not cancel each other after their rotations.
      if (job.strategy?.matrix) expect(job.strategy['fail-fast']).toBe(false)
    }
  })

  test('keeps the secret out of scripts: a later step reads it from env', () => {
    for (const job of Object.values(workflow.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        expect(step.run ?? '').not.toMatch(/outputs\.secret\b/)
      }
    }
  })
})

describe.each(examples)('%s (example)', file => {
  const workflow = load(file)

  test('uses this action as your-org/rotate-composio-webhook-secret@v1', () => {
    expect(stepsOfThisAction(workflow).length).toBeGreaterThan(0)
    expect(stepsOfThisAction(workflow).every(([, , step]) => step.uses === THIS_ACTION)).toBe(true)
  })

  test('runs monthly and by hand, with a dry-run input wired to the action when offered', () => {
    const on = workflow.on ?? {}
    const schedule = on['schedule'] as { cron: string }[]
    expect(schedule[0]?.cron).toMatch(/^\S+ \S+ \S+ \* \*$/) // a fixed day of every month
    expect(on).toHaveProperty('workflow_dispatch')
    const dispatch = on['workflow_dispatch'] as { inputs?: Record<string, unknown> } | null
    if (dispatch?.inputs?.['dry-run']) {
      for (const [, , step] of stepsOfThisAction(workflow)) {
        expect(String(step.with?.['dry-run'])).toMatch(/inputs\.dry-run/)
      }
    }
  })
})

const verifyInputs = (
  parse(read('verify-receiver/action.yml')) as { inputs: Record<string, { required?: boolean }> }
).inputs

describe.each(['examples/scheduled-rotation.yml', 'examples/redeploy-receiver.yml'])(
  '%s: the whole loop',
  file => {
    const steps = Object.values(load(file).jobs ?? {}).flatMap(job => job.steps ?? [])
    const rotate = steps.findIndex(step => step.uses === THIS_ACTION)
    const id = steps[rotate]?.id ?? ''
    const deploy = steps.findIndex(
      step =>
        step.run && Object.values(step.env ?? {}).includes(`\${{ steps.${id}.outputs.secret }}`)
    )
    const verify = steps.findIndex(step => step.uses === VERIFY_ACTION)

    test('rotate, then redeploy with the secret output, then verify-receiver', () => {
      expect([rotate, deploy, verify].every(i => i >= 0)).toBe(true)
      expect(rotate < deploy && deploy < verify).toBe(true)
    })

    test('verify-receiver gets its required inputs, only inputs it has, the secret from the step', () => {
      const inputs = steps[verify]?.with ?? {}
      expect(Object.keys(inputs).filter(name => !(name in verifyInputs))).toEqual([])
      const required = Object.keys(verifyInputs).filter(name => verifyInputs[name]?.required)
      expect(Object.keys(inputs)).toEqual(expect.arrayContaining(required))
      expect(inputs['secret']).toBe(`\${{ steps.${id}.outputs.secret }}`)
      expect(inputs['rotated-at']).toBe(`\${{ steps.${id}.outputs.rotated-at }}`)
      // Also after a failed write; never in a dry run (no secret then).
      expect(steps[verify]?.if).toBe(`\${{ !cancelled() && steps.${id}.outputs.secret != '' }}`)
      expect(steps[deploy]?.if).toBe(steps[verify]?.if)
    })
  }
)

test('the scheduled example checks the receiver the subscription delivers to', () => {
  const steps = Object.values(load('examples/scheduled-rotation.yml').jobs ?? {}).flatMap(
    job => job.steps ?? []
  )
  const verify = steps.find(step => step.uses === VERIFY_ACTION)
  expect(verify?.with?.['url']).toBe('${{ steps.rotate.outputs.webhook-url }}')
})

test('the scheduled example offers a dry run', () => {
  const on = load('examples/scheduled-rotation.yml').on ?? {}
  expect(on).toHaveProperty(['workflow_dispatch', 'inputs', 'dry-run', 'type'], 'boolean')
})

test('the GitHub App example mints the token with actions/create-github-app-token', () => {
  const steps = load('examples/github-app-token.yml').jobs?.['rotate']?.steps ?? []
  const mint = steps.find(step => step.uses?.startsWith('actions/create-github-app-token@'))
  expect(mint?.with).toMatchObject({ 'permission-secrets': 'write' })
  const rotate = steps.find(step => step.uses === THIS_ACTION)
  expect(rotate?.with?.['github-token']).toBe(`\${{ steps.${mint?.id}.outputs.token }}`)
})

test('the redeploy example hands the masked secret to a later step of the same job, via env', () => {
  const jobs = Object.values(load('examples/redeploy-receiver.yml').jobs ?? {})
  expect(jobs).toHaveLength(1)
  const steps = jobs[0]?.steps ?? []
  const rotateIndex = steps.findIndex(step => step.uses === THIS_ACTION)
  const id = steps[rotateIndex]?.id
  expect(id).toBeTruthy()
  const later = steps.slice(rotateIndex + 1)
  const deploy = later.find(step =>
    Object.values(step.env ?? {}).includes(`\${{ steps.${id}.outputs.secret }}`)
  )
  expect(deploy?.run).toBeTruthy()
  // Runs also when a write failed after the rotation; not after a cancellation.
  expect(deploy?.if).toContain('!cancelled()')
})

test('the matrix example rotates a different subscription per stage, each in its own environment', () => {
  const job = Object.values(load('examples/matrix-subscriptions.yml').jobs ?? {})[0]
  const include = (job?.strategy?.matrix as { include: { stage: string }[] }).include
  expect(include.map(row => row.stage)).toEqual(['dev', 'staging', 'prod'])
  // The job runs in the stage's environment, whose variables give that stage's subscription.
  expect(job?.environment).toBe('${{ matrix.environment }}')
  const step = job?.steps?.find(s => s.uses === THIS_ACTION)
  expect(step?.with?.['environment']).toBe('${{ matrix.environment }}')
  expect(step?.with?.['targets']).toBeUndefined()
})

test('the fan-out example writes one rotation to repository, environment and organization targets', () => {
  const step = Object.values(load('examples/fan-out.yml').jobs ?? {})
    .flatMap(job => job.steps ?? [])
    .find(s => s.uses === THIS_ACTION)
  // Parsed as the action parses them: a comment is a line of its own.
  const kinds = parseTargetLines(String(step?.with?.['targets'])).map(target => target.kind)
  expect(new Set(kinds)).toEqual(new Set(['repository', 'environment', 'organization']))
  expect(step?.with).toMatchObject({ visibility: 'selected' })
  expect(step?.with?.['selected-repositories']).toBeTruthy()
})

test('CI runs this action from the checkout with uses: ./', () => {
  const e2e = load('.github/workflows/ci.yml').jobs?.['e2e']
  expect(e2e?.steps?.some(step => step.uses === './')).toBe(true)
  expect(e2e?.steps?.some(step => step.run?.includes('node scripts/fakes.js'))).toBe(true)
})
