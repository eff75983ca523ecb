// Runner cancellation: SIGINT (then SIGTERM 7.5 s later). The bundled action as a child process,
// signalled at each phase. Before the rotation it stops at once; after the rotate request was
// sent it never leaves without a replay recipe for every write GitHub did not confirm.
import { afterEach, describe, expect, test } from '@jest/globals'
import { rotateWebhookSecret } from '../../src/composio/client.js'
import { ComposioError } from '../../src/composio/errors.js'
import type { ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import type { RunResult } from '../fakes/runner.js'
import {
  PROBE,
  ROTATE,
  SECRET_WRITE,
  leaks,
  on,
  replayBodies,
  requestsTo,
  startScenario,
  type Scenario
} from '../support/scenario.js'
import { idleClock } from '../support/idle-clock.js'
import { runInProcess } from './in-process.js'

let scenario: Scenario
afterEach(async () => scenario?.close())

const NAME = 'COMPOSIO_WEBHOOK_SECRET'
const TWO_TARGETS = { repository: '', targets: 'acme/app\nacme/app@production' }

interface Signalled {
  result: RunResult
  /** performance.now() when the signal was sent, and when the child had exited. */
  signalledAt: number
  exitedAt: number
}

/**
 * Runs the bundle and sends `signal` once `ready()` holds (polled every 10 ms) and `delayMs` more
 * have passed. Fails the test if the run ends before the signal could be sent.
 */
async function runAndSignal(
  inputs: Record<string, string>,
  ready: () => boolean,
  { delayMs = 0, signal = 'SIGINT' }: { delayMs?: number; signal?: NodeJS.Signals } = {}
): Promise<Signalled> {
  let signalledAt = Number.NaN
  const onSpawn = (child: ChildProcess): void => {
    const poll = setInterval(() => {
      if (!ready()) return
      clearInterval(poll)
      setTimeout(() => {
        signalledAt = performance.now()
        child.kill(signal)
      }, delayMs)
    }, 10)
    child.on('exit', () => clearInterval(poll))
  }
  const result = await scenario.run(inputs, { onSpawn })
  const exitedAt = performance.now()
  expect(signalledAt).not.toBeNaN()
  return { result, signalledAt, exitedAt }
}

function errorLine(result: RunResult): string {
  const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  return errors[0]!.replace(/%0A/g, '\n')
}

describe('signalled before the rotation', () => {
  test('while the public-key read is pending: exits at once, non-zero, Composio never called', async () => {
    scenario = await startScenario({
      fault: ({ path }: { path: string }) =>
        path.endsWith('/public-key') ? { hang: true } : undefined
    })
    const { result, signalledAt, exitedAt } = await runAndSignal({}, () =>
      scenario.github.requests.some(r => r.path.endsWith('/public-key'))
    )
    expect(result.code).toBe(1)
    expect(exitedAt - signalledAt).toBeLessThan(1500)
    expect(errorLine(result)).toBe(
      '::error::Cancelled (SIGINT) before the rotation: nothing was rotated, nothing written.'
    )
    // The job summary says so too, written before the exit.
    expect(result.summary).toBe(
      '<h2>❌ Cancelled (SIGINT) before the rotation: nothing was rotated, nothing written.</h2>\n'
    )
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(0)
    expect(requestsTo(scenario.github, 'PUT', /./)).toBe(0)
    expect(result.stderr).toBe('')
  })
})

describe('signalled while the rotate request is in flight', () => {
  test('waits for Composio’s answer, writes nothing, prints a recipe per target that opens to the rotated secret', async () => {
    scenario = await startScenario({}, { latencyMs: 1500 })
    const { result, signalledAt, exitedAt } = await runAndSignal(
      TWO_TARGETS,
      () => scenario.composio.requests.some(r => ROTATE.test(r.path)),
      { delayMs: 300 }
    )
    const secret = scenario.composio.currentSecret('ws_123')!
    expect(result.code).toBe(1)
    // The answer was received, not abandoned: the rotation completed and was not repeated.
    const rotate = scenario.composio.requests.find(r => ROTATE.test(r.path))!
    expect(rotate.status).toBe(200)
    expect(scenario.composio.rotations).toHaveLength(1)
    expect(exitedAt).toBeGreaterThan(rotate.endedAt!)
    expect(exitedAt - signalledAt).toBeLessThan(1200 + 1500)
    // Nothing was written: the run stopped instead, and said what is left to do.
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    const error = errorLine(result)
    expect(error).toContain('Cancelled after the rotation')
    expect(error).toContain('WAS ROTATED')
    const recipes = replayBodies(error)
    expect([...recipes.keys()].sort()).toEqual(['acme/app', 'acme/app@production'])
    expect(replayBodies(result.summary)).toEqual(recipes)
    for (const [target, body] of recipes) {
      expect(body.key_id).toBe(scenario.github.publicKey(target).key_id)
      expect(scenario.github.open(target, body.encrypted_value)).toBe(secret)
    }
    expect(result.outputs['secret']).toBe(secret)
    expect(leaks(result, secret)).toEqual([])
  })
})

describe('signalled while rotating, with a probe DELETE that never answers (SIGINT, then SIGTERM 7.5 s later)', () => {
  test('once Composio answers, the recipe is printed at once, before the cleanup and the SIGTERM', async () => {
    scenario = await startScenario(
      { fault: on('DELETE', PROBE, { hang: true as const }) },
      { latencyMs: 2000 }
    )
    let sigtermAt = Number.NaN
    let errorAt = Number.NaN
    const onSpawn = (child: ChildProcess, output: () => string): void => {
      let signalling = false
      const poll = setInterval(() => {
        if (Number.isNaN(errorAt) && output().includes('::error::')) errorAt = performance.now()
        if (signalling || !scenario.composio.requests.some(r => ROTATE.test(r.path))) return
        signalling = true
        setTimeout(() => {
          child.kill('SIGINT')
          setTimeout(() => {
            sigtermAt = performance.now()
            child.kill('SIGTERM')
          }, 7500)
        }, 300)
      }, 10)
      child.on('exit', () => clearInterval(poll))
    }
    const { stdout, outputs } = await scenario.run({}, { onSpawn })
    const secret = scenario.composio.currentSecret('ws_123')!
    const answered = scenario.composio.requests.find(r => ROTATE.test(r.path))!.endedAt!
    // The recipe reached the log after the answer and well before the runner's SIGTERM, while
    // the probe's DELETE was still pending.
    expect(errorAt).toBeGreaterThan(answered)
    expect(Number.isNaN(sigtermAt) || errorAt < sigtermAt).toBe(true)
    expect(scenario.github.requests.find(r => r.method === 'DELETE')?.status).toBeUndefined()
    const errors = stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    const error = errors[0]!.replace(/%0A/g, '\n')
    expect(error).toContain('Cancelled after the rotation')
    expect(error).not.toContain("waiting for Composio's answer")
    const recipes = replayBodies(error)
    expect([...recipes.keys()]).toEqual(['acme/app'])
    expect(scenario.github.open('acme/app', recipes.get('acme/app')!.encrypted_value)).toBe(secret)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(outputs['secret']).toBe(secret)
  }, 20_000)
})

describe('signalled while rotating, with a probe DELETE that never answers: a bounded cleanup', () => {
  test('exits within 3 s of the SIGINT, the probe named with the request that deletes it', async () => {
    scenario = await startScenario(
      { fault: on('DELETE', PROBE, { hang: true as const }) },
      { latencyMs: 1000 }
    )
    const { result, signalledAt, exitedAt } = await runAndSignal(
      TWO_TARGETS,
      () => scenario.composio.requests.some(r => ROTATE.test(r.path)),
      { delayMs: 300 }
    )
    expect(result.code).toBe(1)
    // The runner's SIGTERM would come 7.5 s after the SIGINT: the run ends well before.
    expect(exitedAt - signalledAt).toBeLessThan(3500)
    expect(errorLine(result)).toContain('Cancelled after the rotation')
    const deletes = scenario.github.requests.filter(r => r.method === 'DELETE')
    expect(deletes.map(r => r.status)).toEqual([undefined, undefined])
    const warnings = result.stdout.split('\n').filter(line => line.startsWith('::warning::'))
    expect(warnings).toEqual([
      [
        `::warning::The write-check secret ${NAME}_WRITE_CHECK is not confirmed deleted from acme/app, acme/app@production. It holds no secret and the next run removes it; to delete it now, with GITHUB_TOKEN set to a token that may write secrets:`,
        `curl -fsS -X DELETE '${scenario.github.url}/repos/acme/app/actions/secrets/${NAME}_WRITE_CHECK' -H "Authorization: Bearer $GITHUB_TOKEN" -H 'Accept: application/vnd.github+json'`,
        `curl -fsS -X DELETE '${scenario.github.url}/repos/acme/app/environments/production/secrets/${NAME}_WRITE_CHECK' -H "Authorization: Bearer $GITHUB_TOKEN" -H 'Accept: application/vnd.github+json'`
      ].join('%0A')
    ])
    // The recipes first: the warning comes after the error.
    expect(result.stdout.indexOf('::warning::')).toBeGreaterThan(result.stdout.indexOf('::error::'))
  }, 20_000)

  test('a DELETE that answers after the cancel: nothing named, no wait for the bound', async () => {
    scenario = await startScenario({}, { latencyMs: 1000 })
    const { result, signalledAt, exitedAt } = await runAndSignal(
      TWO_TARGETS,
      () => scenario.composio.requests.some(r => ROTATE.test(r.path)),
      { delayMs: 300 }
    )
    expect(result.code).toBe(1)
    expect(exitedAt - signalledAt).toBeLessThan(2000)
    expect(scenario.github.requests.filter(r => r.method === 'DELETE').map(r => r.status)).toEqual([
      204, 204
    ])
    expect(result.stdout).not.toContain('not confirmed deleted')
  })
})

describe('signalled twice while the rotate request is in flight (SIGINT, then the runner’s SIGTERM)', () => {
  test('stops waiting at the second signal and says the subscription may have been rotated', async () => {
    scenario = await startScenario({}, { latencyMs: 5000 })
    let signalledAt = Number.NaN
    const onSpawn = (child: ChildProcess): void => {
      const poll = setInterval(() => {
        if (!scenario.composio.requests.some(r => ROTATE.test(r.path))) return
        clearInterval(poll)
        child.kill('SIGINT')
        setTimeout(() => {
          signalledAt = performance.now()
          child.kill('SIGTERM')
        }, 300)
      }, 10)
      child.on('exit', () => clearInterval(poll))
    }
    const result = await scenario.run({}, { onSpawn })
    const exitedAt = performance.now()
    expect(result.code).toBe(1)
    expect(exitedAt - signalledAt).toBeLessThan(1500)
    const error = errorLine(result)
    expect(error).toContain("Cancelled (SIGTERM) while waiting for Composio's answer")
    expect(error).toContain('may have been rotated')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  })
})

describe('a cancelled run sends no new rotation', () => {
  const serverError = {
    status: 500,
    body: { error: { message: 'boom', code: 500, slug: 'Internal_ServerError', status: 500 } },
    headers: { 'retry-after': '20' }
  }

  test('signalled while an attempt that will fail is in flight: no retry after its answer', async () => {
    scenario = await startScenario({}, { latencyMs: 1000, fault: on('POST', ROTATE, serverError) })
    const { result } = await runAndSignal(
      {},
      () => scenario.composio.requests.some(r => ROTATE.test(r.path)),
      { delayMs: 300 }
    )
    expect(result.code).toBe(1)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(1)
    expect(errorLine(result)).toContain('may have been rotated')
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
  })

  // The read after the 500 found the old secret: the run can say the old secret should still work.
  test('signalled during the wait before a retry (Retry-After: 20): stops waiting, no retry', async () => {
    scenario = await startScenario({}, { fault: on('POST', ROTATE, serverError) })
    const { result, signalledAt, exitedAt } = await runAndSignal({}, () =>
      scenario.composio.requests.some(r => ROTATE.test(r.path) && r.status === 500)
    )
    expect(result.code).toBe(1)
    expect(exitedAt - signalledAt).toBeLessThan(1500)
    expect(requestsTo(scenario.composio, 'POST', ROTATE)).toBe(1)
    expect(errorLine(result)).toContain('The rotation did not take effect')
    expect(errorLine(result)).toContain('the old secret should still work')
  })
})

describe('signalled while writes are pending', () => {
  /** acme/app is written; the PUT of acme/app@production never answers. */
  const hangProduction = on(
    'PUT',
    /\/environments\/production\/secrets\/COMPOSIO_WEBHOOK_SECRET$/,
    {
      hang: true as const
    }
  )
  const secretPut = (r: { method: string; path: string }) =>
    r.method === 'PUT' && SECRET_WRITE.test(r.path)
  const bothPutsSeen = () =>
    scenario.github.requests.some(r => secretPut(r) && r.status === 201) &&
    scenario.github.requests.some(r => secretPut(r) && r.path.includes('/production/'))

  test.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: exits at once with a recipe for the unconfirmed target only, which opens to the secret',
    async signal => {
      scenario = await startScenario({ fault: hangProduction })
      const { result, signalledAt, exitedAt } = await runAndSignal(TWO_TARGETS, bothPutsSeen, {
        delayMs: 200,
        signal
      })
      const secret = scenario.composio.currentSecret('ws_123')!
      expect(result.code).toBe(1)
      expect(exitedAt - signalledAt).toBeLessThan(1500)
      expect(scenario.github.secret('acme/app', NAME)).toBe(secret)
      expect(scenario.github.secret('acme/app@production', NAME)).toBeUndefined()
      const error = errorLine(result)
      expect(error).toContain(`Cancelled (${signal}) after the rotation`)
      expect(error).toContain('cancelled before GitHub confirmed the write')
      const recipes = replayBodies(error)
      expect([...recipes.keys()]).toEqual(['acme/app@production'])
      // The job summary holds them too, written before the exit.
      expect(replayBodies(result.summary)).toEqual(recipes)
      const body = recipes.get('acme/app@production')!
      expect(scenario.github.open('acme/app@production', body.encrypted_value)).toBe(secret)
      expect(result.outputs['secret']).toBe(secret)
      expect(leaks(result, secret)).toEqual([])
    }
  )
})

describe('signalled while following redeploys', () => {
  // acme/app's run is found and stays in progress; acme/worker's (a server without
  // return_run_details) is never identified: the runs list never answers.
  const world = {
    repositories: { 'acme/app': {}, 'acme/worker': {} },
    workflows: {
      'acme/app': [{ file: 'deploy.yml', statuses: ['in_progress'] }],
      'acme/worker': [{ file: 'ship.yml', refs: ['main', 'release'] }]
    },
    returnRunDetails: false,
    // The runs listed before its dispatch answer; every list after it hangs.
    fault: on('GET', /\/repos\/acme\/worker\/actions\/workflows\/[^/]+\/runs$/, request =>
      request.attempt > 1 ? { hang: true as const } : undefined
    )
  }
  const inputs = {
    repository: '',
    targets: 'acme/app\nacme/worker',
    redeploy: 'acme/app: deploy.yml\nacme/worker: ship.yml@release'
  }
  const following = () =>
    scenario.github.requests.some(r => /\/acme\/app\/actions\/runs\/\d+$/.test(r.path)) &&
    scenario.github.requests.filter(r =>
      /\/acme\/worker\/actions\/workflows\/[^/]+\/runs$/.test(r.path)
    ).length > 1 &&
    scenario.github.requests.filter(r => r.method === 'DELETE' && r.status === 204).length === 2

  test('names each run started (or says it is not identified), says it may still be running, sets redeploys', async () => {
    scenario = await startScenario(world)
    const { result, signalledAt, exitedAt } = await runAndSignal(inputs, following, {
      delayMs: 100
    })
    expect(result.code).toBe(1)
    expect(exitedAt - signalledAt).toBeLessThan(1500)
    const appRun = scenario.github.dispatches.find(d => d.repository === 'acme/app')!.runId
    const appUrl = `https://github.com/acme/app/actions/runs/${appRun}`
    const error = errorLine(result)
    expect(error).toContain('Cancelled (SIGINT) after the rotation')
    expect(error).toContain(
      [
        'Redeploys when the job was cancelled (this job no longer follows them; a run it started goes on without it):',
        `acme/app (deploy.yml on main): ${appUrl}, in_progress: last seen in_progress; it may still be running. See its runs: gh run list -w 'deploy.yml' -R 'acme/app'`,
        "acme/worker (ship.yml on release): dispatched: dispatched (run not identified); it may still be running. See its runs: gh run list -w 'ship.yml' -R 'acme/worker'"
      ].join('\n')
    )
    expect(JSON.parse(result.outputs['redeploys']!)).toEqual([
      {
        repository: 'acme/app',
        workflow: 'deploy.yml',
        run_url: appUrl,
        conclusion: 'in_progress'
      },
      { repository: 'acme/worker', workflow: 'ship.yml', run_url: null, conclusion: 'dispatched' }
    ])
    // Every probe was deleted before the signal: none is said to remain.
    expect(result.stdout).not.toMatch(/may remain|not confirmed deleted/)
    expect(leaks(result, scenario.composio.currentSecret('ws_123')!)).toEqual([])
  })
})

describe('signalled while a redeploy dispatch is in flight', () => {
  test('exits at once, well before the SIGTERM, saying the dispatch was sent and a run may have started', async () => {
    scenario = await startScenario({
      workflows: { 'acme/app': [{ file: 'deploy.yml' }] },
      fault: on('POST', /\/actions\/workflows\/[^/]+\/dispatches$/, { hang: true as const })
    })
    const inFlight = () =>
      scenario.github.requests.some(r => r.method === 'POST' && /dispatches$/.test(r.path))
    const { result, signalledAt, exitedAt } = await runAndSignal(
      { targets: 'acme/app', redeploy: 'acme/app: deploy.yml' },
      inFlight,
      { delayMs: 100 }
    )
    expect(result.code).toBe(1)
    // The runner's SIGTERM comes 7.5 s after its SIGINT: the run is gone long before.
    expect(exitedAt - signalledAt).toBeLessThan(1500)
    expect(errorLine(result)).toContain(
      "acme/app (deploy.yml on main): dispatch_unknown: the dispatch was sent, and the job was cancelled before GitHub answered: a run may have started. See its runs: gh run list -w 'deploy.yml' -R 'acme/app'"
    )
    expect(JSON.parse(result.outputs['redeploys']!)).toEqual([
      {
        repository: 'acme/app',
        workflow: 'deploy.yml',
        run_url: null,
        conclusion: 'dispatch_unknown'
      }
    ])
    expect(result.stdout + result.summary).not.toMatch(/redeployed, |<td>success<\/td>/)
  })
})

describe('rotateWebhookSecret asks again after each wait', () => {
  test('a cancellation that lands during the wait: no second attempt', async () => {
    let cancelled = false
    const calls: string[] = []
    const error = await rotateWebhookSecret(
      {
        baseUrl: 'http://127.0.0.1:1',
        auth: { header: 'x-api-key', value: 'ak_x' },
        fetch: (input: Parameters<typeof fetch>[0]) => {
          calls.push(input instanceof Request ? input.url : input.toString())
          return Promise.resolve(new Response('{}', { status: 503 }))
        },
        timeoutMs: 1000,
        sleep: () => {
          cancelled = true // the signal arrives while waiting
          return Promise.resolve()
        },
        mask: () => undefined,
        log: () => undefined,
        mayRetry: () => !cancelled
      },
      'ws_123'
    ).then(
      () => undefined,
      (thrown: unknown) => thrown
    )
    expect(calls).toHaveLength(1)
    expect(error).toBeInstanceOf(ComposioError)
    expect((error as ComposioError).message).toContain('(cancelled before attempt 2)')
    expect((error as ComposioError).mayHaveRotated).toBe(true)
  })
})

describe('a cancellation during the writes flushes every recipe before exiting', () => {
  // Secrets of 32 KB (GitHub takes up to 48 KB) make recipes of about 44 KB each: over 400 KB of error,
  // more than a pipe or a socket pair holds, so the child's writes queue while the reader is
  // busy. Exiting before they drain would cut recipes off and leave the `::error::` line open.
  const STAGES = Array.from({ length: 10 }, (_, i) => `stage-${i}`)

  test('with a log reader that stops reading for 2 s: every recipe arrives, the error line ends', async () => {
    scenario = await startScenario(
      {
        repositories: { 'acme/app': { environments: STAGES } },
        fault: on('PUT', SECRET_WRITE, { hang: true as const })
      },
      { secretBytes: 16 * 1024 }
    )
    const writesPending = () =>
      scenario.github.requests.filter(r => r.method === 'PUT' && SECRET_WRITE.test(r.path))
        .length === STAGES.length
    let resumedAt = Number.NaN
    const onSpawn = (child: ChildProcess): void => {
      // The reader stops taking data from the pipe (a paused stream would still buffer it).
      const pipe = (child.stdout as unknown as { _handle: { readStop(): void; readStart(): void } })
        ._handle
      const poll = setInterval(() => {
        if (!writesPending()) return
        clearInterval(poll)
        pipe.readStop()
        child.kill('SIGINT')
        setTimeout(() => {
          resumedAt = performance.now()
          pipe.readStart()
        }, 2000)
      }, 10)
      child.on('exit', () => clearInterval(poll))
    }
    const targets = STAGES.map(stage => `acme/app@${stage}`).join('\n')
    const result = await scenario.run({ repository: '', targets }, { onSpawn })
    expect(resumedAt).not.toBeNaN()
    expect(result.code).toBe(1)
    expect(result.stdout.endsWith('\n')).toBe(true)
    const error = errorLine(result)
    expect(error.length).toBeGreaterThan(400 * 1024)
    const recipes = replayBodies(error)
    expect([...recipes.keys()]).toEqual(STAGES.map(stage => `acme/app@${stage}`))
    const secret = scenario.composio.currentSecret('ws_123')!
    for (const [target, body] of recipes)
      expect(scenario.github.open(target, body.encrypted_value)).toBe(secret)
    expect(leaks(result, secret)).toEqual([])
  }, 30_000)
})

// In-process, on a clock that skips idle time: the bundle would first wait two real minutes for
// GitHub's write budget (81 probes, then the rotation's wait until 81 writes can go).
describe('signalled while rotating, with 81 targets', () => {
  test('the recipes of all 81 targets are out before any probe DELETE is answered', async () => {
    const stages = Array.from({ length: 81 }, (_, i) => `stage-${i}`)
    scenario = await startScenario(
      { repositories: { 'acme/app': { environments: stages } } },
      { latencyMs: 300 }
    )
    const signals = new EventEmitter()
    const poll = setInterval(() => {
      if (!scenario.composio.requests.some(r => ROTATE.test(r.path))) return
      clearInterval(poll)
      signals.emit('SIGINT', 'SIGINT')
    }, 5)
    const targets = stages.map(stage => `acme/app@${stage}`)
    const inputs = { repository: '', targets: targets.join('\n') }
    const result = await runInProcess(scenario, inputs, {}, { clock: idleClock(), signals })
    clearInterval(poll)
    const deletes = () => scenario.github.requests.filter(r => r.method === 'DELETE')
    expect(deletes().filter(r => r.endedAt !== undefined && r.endedAt <= result.settledAt)).toEqual(
      []
    )
    const secret = scenario.composio.currentSecret('ws_123')!
    const error = errorLine(result)
    expect(error).toContain('Cancelled after the rotation')
    const recipes = replayBodies(error)
    expect([...recipes.keys()]).toEqual(targets)
    for (const [target, body] of recipes)
      expect(scenario.github.open(target, body.encrypted_value)).toBe(secret)
    expect(requestsTo(scenario.github, 'PUT', SECRET_WRITE)).toBe(0)
    expect(leaks(result, secret)).toEqual([])
    // The cleanup goes on after the failure: every probe is deleted in the end.
    while (deletes().filter(r => r.status === 204).length < stages.length)
      await new Promise(resolve => setTimeout(resolve, 20))
  }, 30_000)
})
