// The run, in the order that keeps the secret safe: everything reversible before the one
// irreversible call, and after it, nothing lost and nothing left half-done without saying so.
import { createHash } from 'node:crypto'
import { CancellationGuard, type SignalSource } from './cancel.js'
import { ComposioError, rotateWebhookSecret } from './composio.js'
import { createGitHubClient } from './github/client.js'
import type { Fetch } from './http.js'
import type { Settings } from './inputs.js'
import { preflight, type PreparedTarget } from './preflight.js'
import {
  dryRunSummary,
  incompleteMessage,
  rotationSummary,
  writtenLabels,
  type Rotation
} from './report.js'
import { loadSealer } from './seal.js'
import { sealFor, writeAll, type WriteOutcome, type WriteResult } from './write.js'

/** What a run says to the runner (see workflow.ts); tests pass their own. */
export interface Io {
  setSecret: (value: string) => void
  setOutput: (name: string, value: string) => void
  info: (message: string) => void
  warning: (message: string) => void
  error: (message: string) => void
  writeSummary: (markdown: string) => Promise<void>
}

export interface Deps {
  io: Io
  fetch: Fetch
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  now: () => Date
  signals: SignalSource
  exit: (code: number) => void
  /** Octokit's backoff unit: 1000 ms in production. */
  backoffUnitMs?: number
}

export async function runAction(settings: Settings, deps: Deps): Promise<void> {
  const { io } = deps
  // 1. Inputs were read and credentials masked by the caller (main.ts), before anything else.
  const sealerLoading = loadSealer() // libsodium's start-up overlaps the preflight requests.
  sealerLoading.catch(() => undefined) // awaited later; a preflight failure must not leave it unhandled
  const github = createGitHubClient({
    baseUrl: settings.githubApiUrl,
    token: settings.githubToken,
    fetch: deps.fetch,
    warn: io.warning,
    backoffUnitMs: deps.backoffUnitMs
  })
  const guard = new CancellationGuard(deps.signals, io.error, deps.exit)
  try {
    // 2. Every target proves writable before anything irreversible happens.
    io.info(`Checking ${settings.targets.length} target(s) for ${settings.secretName}…`)
    const prepared = await preflight(github, settings)
    // Sealing must work before the rotation, not be found broken after it.
    const seal = await sealerLoading
    if (settings.dryRun) return await reportDryRun(settings, prepared, io)
    // From the rotation on, nothing may throw past the replay recipes: a failing output or
    // summary file is noted, and fails the run at the end, after every write was attempted.
    const problems: string[] = []
    const note = async (what: string, work: () => unknown): Promise<void> => {
      try {
        await work()
      } catch (error) {
        problems.push(`${what} failed: ${error instanceof Error ? error.message : String(error)}`)
        io.warning(problems.at(-1)!)
      }
    }
    // 3–4. Rotate exactly once; the secret is masked on the line after it is parsed.
    const { secret, rotation } = await rotate(settings, deps, guard, note)
    // 5. Seal for each target's own key, then write every target in parallel.
    const writes = sealFor(prepared, settings.secretName, secret, seal)
    const outcomes: WriteOutcome[] = []
    const sofar = (why: string): WriteResult[] =>
      prepared.map((p, i) => ({
        prepared: p,
        write: writes[i]!,
        outcome: outcomes[i] ?? { failed: why }
      }))
    const apiUrl = settings.githubApiUrl
    if (guard.signal.aborted) {
      throw new Error(
        `Cancelled after the rotation. ${incompleteMessage(rotation, apiUrl, sofar('cancelled before the write'))}`
      )
    }
    guard.writing(() =>
      incompleteMessage(rotation, apiUrl, sofar('cancelled before GitHub confirmed the write'))
    )
    const results = await writeAll(
      github,
      prepared,
      writes,
      settings.timeoutMs,
      (i, outcome) => (outcomes[i] = outcome)
    )
    // 6. Report; 7. anything short of every target written fails the run, with a recipe per unwritten one.
    await note('Setting the targets output', () =>
      io.setOutput('targets', JSON.stringify(writtenLabels(results)))
    )
    await note('Writing the job summary', () =>
      io.writeSummary(rotationSummary(rotation, apiUrl, results))
    )
    if (problems.length > 0 || results.some(r => 'failed' in r.outcome)) {
      throw new Error(incompleteMessage(rotation, apiUrl, results, problems))
    }
    io.info(
      `Stored ${settings.secretName} in ${results.length} target(s): ${writtenLabels(results).join(', ')}.`
    )
  } finally {
    guard.dispose()
  }
}

type Note = (what: string, work: () => unknown) => Promise<void>

/** The one irreversible call. Its outputs are set at once: if a write fails, a later step can finish by hand. */
async function rotate(
  settings: Settings,
  deps: Deps,
  guard: CancellationGuard,
  note: Note
): Promise<{ secret: string; rotation: Rotation }> {
  const { io } = deps
  guard.rotating()
  const secret = await rotateWebhookSecret(
    {
      baseUrl: settings.composioBaseUrl,
      auth: settings.composioAuth,
      fetch: deps.fetch,
      timeoutMs: settings.timeoutMs,
      sleep: ms => deps.sleep(ms, guard.signal),
      mask: io.setSecret,
      log: io.warning,
      mayRetry: () => !guard.signal.aborted
    },
    settings.subscriptionId
  ).catch(error => {
    throw explainRotationFailure(error)
  })
  const rotation: Rotation = {
    subscriptionId: settings.subscriptionId,
    secretName: settings.secretName,
    fingerprint: fingerprint(secret),
    rotatedAt: deps.now().toISOString()
  }
  await note('Setting the outputs', () => {
    io.setOutput('secret', secret)
    io.setOutput('fingerprint', rotation.fingerprint)
    io.setOutput('rotated-at', rotation.rotatedAt)
  })
  io.info(
    `Rotated subscription ${settings.subscriptionId}; new secret fingerprint ${rotation.fingerprint}.`
  )
  return { secret, rotation }
}

/** First 16 hex digits of the secret's SHA-256: lets a receiver confirm which secret it holds. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
}

/** A failed rotation says whether the old secret may be dead, and what to do. */
function explainRotationFailure(error: unknown): unknown {
  if (!(error instanceof ComposioError)) return error
  const consequence = error.mayHaveRotated
    ? 'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts). Nothing was written to GitHub.'
    : 'Nothing was rotated and nothing written: the old secret still works.'
  return new ComposioError(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated)
}

async function reportDryRun(settings: Settings, prepared: PreparedTarget[], io: Io): Promise<void> {
  io.info(
    `Dry run: every target is writable. A real run would rotate subscription ${settings.subscriptionId} once and write ${settings.secretName} to ${prepared.map(p => p.label).join(', ')}. Nothing was rotated or written.`
  )
  io.setOutput('targets', '[]')
  await io.writeSummary(dryRunSummary(settings.secretName, settings.subscriptionId, prepared))
}
