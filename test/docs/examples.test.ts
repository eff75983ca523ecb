// Every example workflow (and this repository's own workflows) is valid YAML that a user could
// copy as is: read-only permissions, third-party actions pinned by SHA, this action given the
// inputs it needs, and no rotation that a newer run could cancel.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { parseRedeployLines } from '../../src/inputs/redeploy.js'
import { githubTargetsOf, parseTargetLines } from '../../src/inputs/targets.js'
import { dispatchTriggerProblem } from '../../src/redeploy/workflow-file.js'

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
/** The examples that rotate; the others are workflows they start (examples/deploy-receiver.yml). */
const rotations = examples.filter(file =>
  Object.values(load(file).jobs ?? {}).some(job => job.steps?.some(s => isThisAction(s.uses)))
)
const stepsOfThisAction = (workflow: Workflow): [string, Job, Step][] =>
  Object.entries(workflow.jobs ?? {}).flatMap(([name, job]) =>
    (job.steps ?? []).filter(step => isThisAction(step.uses)).map(step => [name, job, step])
  ) as [string, Job, Step][]

test('the examples README promises exist', () => {
  expect(examples.sort()).toEqual(
    [
      'examples/aws-secrets-manager.yml',
      'examples/deploy-receiver.yml',
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

test('every example but the deploy workflow rotates', () => {
  expect(examples.filter(file => !rotations.includes(file))).toEqual([
    'examples/deploy-receiver.yml'
  ])
})

describe.each(rotations)('%s (example)', file => {
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

describe.each(['examples/scheduled-rotation.yml', 'examples/redeploy-receiver.yml'])(
  '%s: the whole loop in one step',
  file => {
    const steps = Object.values(load(file).jobs ?? {}).flatMap(job => job.steps ?? [])
    const rotate = steps.find(step => step.uses === THIS_ACTION)
    const inputs = rotate?.with ?? {}

    test('this action is the last step: nothing hand-written runs after the rotation', () => {
      expect(steps.at(-1)).toBe(rotate)
      expect(steps.some(step => step.run !== undefined)).toBe(false)
      expect(steps.some(step => step.uses === VERIFY_ACTION)).toBe(false)
    })

    test('it redeploys with `redeploy` and checks with `verify-receiver`, a dry run wired', () => {
      expect(String(inputs['redeploy'])).toMatch(/: deploy\.yml$/)
      expect(String(inputs['verify-receiver'])).toMatch(/^(subscription|https:\/\/\S+)$/)
      expect(String(inputs['dry-run'])).toMatch(/inputs\.dry-run/)
    })

    test('its redeploy lines parse against its targets, as the action parses them before rotating', () => {
      const fill = (text: unknown): string =>
        (typeof text === 'string' ? text : '').replace('${{ github.repository }}', 'acme/app')
      const targets = githubTargetsOf(
        parseTargetLines(fill(inputs['targets'] ?? '${{ github.repository }}'))
      )
      const lines = parseRedeployLines(fill(inputs['redeploy']), targets)
      expect(lines.length).toBeGreaterThan(0)
      expect(lines.every(line => line.labels.length > 0)).toBe(true)
    })
  }
)

test('the scheduled example checks the receiver the subscription delivers to', () => {
  const step = Object.values(load('examples/scheduled-rotation.yml').jobs ?? {})
    .flatMap(job => job.steps ?? [])
    .find(s => s.uses === THIS_ACTION)
  expect(step?.with?.['verify-receiver']).toBe('subscription')
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

describe('examples/deploy-receiver.yml: the deploy.yml that redeploy starts', () => {
  const text = read('examples/deploy-receiver.yml')
  const workflow = load('examples/deploy-receiver.yml')

  test("passes the action's own check before the rotation: it declares workflow_dispatch", () => {
    expect(dispatchTriggerProblem(text)).toBeUndefined()
    // The check refuses a deploy that only runs on push.
    expect(dispatchTriggerProblem(text.replace('  workflow_dispatch:\n', ''))).toBeDefined()
  })

  test('says where it goes, and deploys the secret the rotation writes', () => {
    expect(text.split('\n')[0]).toContain('.github/workflows/deploy.yml')
    const env = Object.values(workflow.jobs ?? {}).flatMap(job =>
      (job.steps ?? []).map(step => step.env ?? {})
    )
    expect(
      env.some(e => e['COMPOSIO_WEBHOOK_SECRET'] === '${{ secrets.COMPOSIO_WEBHOOK_SECRET }}')
    ).toBe(true)
  })
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
