// The shell steps of the example workflows run, as far as this machine allows: bash runs each
// `run:` as a runner would (`bash -e`, the job's and the step's env, the job's working directory),
// with the tools they call (npx wrangler) replaced by a recorder on PATH. What the real tool
// requires is checked on what it received: the flags it cannot do without, the checkout it reads,
// and the secret on stdin, never in its arguments.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { read } from './markdown.js'

type Step = { uses?: string; run?: string; env?: Record<string, string> }
type Job = { env?: Record<string, string>; steps?: Step[] }
type Call = { argv: string[]; stdin: string; cwd: string }

/** What an expression stands for in a test: a value that names it, found again in the record. */
const valueOf = (expression: string): string =>
  `value-of-${expression.trim().replace(/[^\w.-]/g, '_')}`
const resolve = (env: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => valueOf(e))
    ])
  )

const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

/** A recorder for `npx`: each call's arguments, stdin and working directory, one JSON per line. */
function recorder(dir: string): string {
  const log = join(dir, 'calls.jsonl')
  const bin = join(dir, 'bin')
  spawnSync('mkdir', ['-p', bin])
  const script = `#!/usr/bin/env node
const stdin = process.stdin.isTTY ? '' : require('fs').readFileSync(0, 'utf8')
require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv: process.argv.slice(2), stdin, cwd: process.cwd() }) + '\\n')
`
  writeFileSync(join(bin, 'npx'), script)
  chmodSync(join(bin, 'npx'), 0o755)
  return log
}

/** Runs a job's `run:` steps; a checkout step puts the receiver's repository in the workspace. */
function runJob(job: Job): { calls: Call[]; failures: string[]; checkedOutBefore: boolean[] } {
  const dir = mkdtempSync(join(tmpdir(), 'example-commands-'))
  dirs.push(dir)
  const log = recorder(dir)
  const workspace = join(dir, 'workspace')
  spawnSync('mkdir', ['-p', workspace])
  let checkedOut = false
  const failures: string[] = []
  const checkedOutBefore: boolean[] = []
  for (const step of job.steps ?? []) {
    if (step.uses?.startsWith('actions/checkout@')) {
      // What a Worker's repository holds: its configuration and its code.
      writeFileSync(join(workspace, 'wrangler.toml'), 'main = "src/index.js"\n')
      checkedOut = true
    }
    if (step.run === undefined) continue
    const before = readLines(log).length
    const result = spawnSync('bash', ['-e', '-c', step.run], {
      cwd: workspace,
      env: {
        PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? ''}`,
        ...resolve(job.env),
        ...resolve(step.env)
      },
      encoding: 'utf8'
    })
    if (result.status !== 0) failures.push(`${step.run}: ${result.stderr}`)
    for (let i = before; i < readLines(log).length; i++) checkedOutBefore.push(checkedOut)
  }
  return { calls: readLines(log).map(line => JSON.parse(line) as Call), failures, checkedOutBefore }
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean)
  } catch {
    return []
  }
}

/** The value of a `--flag value` or `--flag=value` argument. */
const flag = (argv: string[], name: string): string | undefined => {
  const at = argv.findIndex(arg => arg === name || arg.startsWith(`${name}=`))
  if (at === -1) return undefined
  return argv[at]?.includes('=') ? argv[at]?.split('=').slice(1).join('=') : argv[at + 1]
}

describe('examples/deploy-receiver.yml: the receiver deploy that `redeploy` starts', () => {
  const job = (parse(read('examples/deploy-receiver.yml')) as { jobs: Record<string, Job> }).jobs
  const { calls, failures, checkedOutBefore } = runJob(Object.values(job)[0] ?? {})
  const wrangler = calls.filter(call => /^wrangler@\d+$/.test(call.argv[0] ?? ''))
  const secret = valueOf('secrets.COMPOSIO_WEBHOOK_SECRET')

  test('its commands run, and call wrangler to deploy and to put the secret', () => {
    expect(failures).toEqual([])
    expect(wrangler.map(call => call.argv.slice(1, 3).join(' '))).toEqual([
      expect.stringMatching(/^deploy\b/),
      'secret put'
    ])
  })

  test("each wrangler call names the Worker (--name): 'Required Worker name missing' otherwise", () => {
    expect(wrangler.map(call => flag(call.argv, '--name'))).toEqual(
      wrangler.map(() => 'composio-webhooks')
    )
  })

  test('they run in the checkout, which holds wrangler.toml and the code', () => {
    expect(checkedOutBefore).toEqual(calls.map(() => true))
  })

  test('the secret reaches `secret put` on stdin, exactly, and no command line', () => {
    const put = wrangler.find(call => call.argv[1] === 'secret')
    expect(put?.argv[3]).toBe('COMPOSIO_WEBHOOK_SECRET')
    expect(put?.stdin).toBe(secret)
    expect(calls.filter(call => call.argv.join(' ').includes(secret))).toEqual([])
  })

  test('the recorder sees a missing flag and the argument a careless command would pass', () => {
    const careless = runJob({
      env: { WORKER_NAME: 'w' },
      steps: [{ run: 'npx wrangler@4 secret put COMPOSIO_WEBHOOK_SECRET "$S"', env: { S: 'x' } }]
    })
    expect(flag(careless.calls[0]?.argv ?? [], '--name')).toBeUndefined()
    expect(careless.calls[0]?.argv).toContain('x')
    expect(careless.checkedOutBefore).toEqual([false])
  })
})

test('examples/fan-out.yml: its closing step runs', () => {
  const jobs = (parse(read('examples/fan-out.yml')) as { jobs: Record<string, Job> }).jobs
  expect(runJob(Object.values(jobs)[0] ?? {}).failures).toEqual([])
})
