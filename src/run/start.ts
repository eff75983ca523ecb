// The run's context, built once before the first step: its clients, the cancellation guard, and
// libsodium loading in the background.
import type { ComposioClientOptions } from '../composio/client.js'
import { CancellationGuard } from '../context/cancel.js'
import { Problems, type Deps, type Run } from '../context/run.js'
import { createGitHubClient } from '../github/client.js'
import type { Settings } from '../inputs/settings.js'
import { describeFailure } from '../notify/failure.js'
import { writeFailureSummary } from '../report/failure-summary.js'
import { loadSealer } from '../seal.js'

export function startRun(settings: Settings, deps: Deps): Run {
  const { io } = deps
  // A cancellation prints what stands, writes it as the job summary too, then exits.
  let cancelled = Promise.resolve()
  const guard = new CancellationGuard(deps.signals, {
    fail: message => {
      io.error(message)
      cancelled = writeFailureSummary(io, describeFailure(new Error(message)))
    },
    warn: io.warning,
    info: io.info,
    exit: code => void cancelled.then(() => deps.exit(code)),
    sleep: deps.sleep,
    now: deps.now
  })
  const sealer = loadSealer() // libsodium's start-up overlaps the preflight requests.
  sealer.catch(() => undefined) // awaited later; a preflight failure must not leave it unhandled
  const masked = new Set<string>()
  const composio: ComposioClientOptions = {
    baseUrl: settings.composioBaseUrl,
    auth: settings.composioAuth,
    fetch: deps.fetch,
    timeoutMs: settings.timeoutMs,
    sleep: ms => deps.sleep(ms, guard.signal),
    // Once per value: the rotation's answer and a read after it carry the same secret.
    mask: secret => void (masked.has(secret) || (masked.add(secret), io.setSecret(secret))),
    log: io.warning,
    mayRetry: () => !guard.signal.aborted
  }
  const github = createGitHubClient({
    baseUrl: settings.githubApiUrl,
    token: settings.githubToken,
    fetch: deps.fetch,
    warn: io.warning,
    sleep: ms => deps.sleep(ms),
    now: () => deps.now().getTime(),
    backoffUnitMs: deps.backoffUnitMs
  })
  return { settings, deps, io, github, composio, guard, problems: new Problems(io), sealer }
}
