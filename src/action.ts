// The run, in the order that keeps the secret safe: everything reversible before the one
// irreversible call, and after it, nothing lost and nothing left half-done without saying so.
import { CancellationGuard, type SignalSource } from './cancel.js'
import { createGitHubClient, type GitHubClient } from './github/client.js'
import type { SecretWrite } from './github/secrets.js'
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
import { rotate } from './rotate.js'
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
  const problems = new Problems(io)
  try {
    // 2. Every target proves writable before anything irreversible happens.
    io.info(`Checking ${settings.targets.length} target(s) for ${settings.secretName}…`)
    const prepared = await preflight(github, settings)
    // Sealing must work before the rotation, not be found broken after it.
    const seal = await sealerLoading
    if (settings.dryRun) return await reportDryRun(settings, prepared, io)
    // 3–4. Rotate exactly once; the secret is masked on the line after it is parsed.
    const { secret, rotation } = await rotate(settings, deps, guard, problems)
    // 5. Seal for each target's own key, then write every target in parallel.
    const writes = sealFor(prepared, settings.secretName, secret, seal)
    const results = await writeGuarded(github, guard, settings, rotation, prepared, writes)
    // 6. Report; 7. anything short of every target written fails the run, with a recipe per
    // unwritten one.
    const apiUrl = settings.githubApiUrl
    await problems.note('Setting the targets output', () =>
      io.setOutput('targets', JSON.stringify(writtenLabels(results)))
    )
    await problems.note('Writing the job summary', () =>
      io.writeSummary(rotationSummary(rotation, apiUrl, results))
    )
    if (problems.list.length > 0 || results.some(r => 'failed' in r.outcome)) {
      throw new Error(incompleteMessage(rotation, apiUrl, results, problems.list))
    }
    io.info(
      `Stored ${settings.secretName} in ${results.length} target(s): ${writtenLabels(results).join(', ')}.`
    )
  } finally {
    guard.dispose()
  }
}

/**
 * From the rotation on, nothing may throw past the replay recipes: a failing output or summary
 * file is noted here, and fails the run at the end, after every write was attempted.
 */
export class Problems {
  readonly list: string[] = []

  constructor(private readonly io: Io) {}

  async note(what: string, work: () => unknown): Promise<void> {
    try {
      await work()
    } catch (error) {
      this.list.push(`${what} failed: ${error instanceof Error ? error.message : String(error)}`)
      this.io.warning(this.list.at(-1)!)
    }
  }
}

/**
 * Writes every target; a cancellation before or during the writes fails the run with the replay
 * recipe of every write GitHub has not confirmed.
 */
async function writeGuarded(
  github: GitHubClient,
  guard: CancellationGuard,
  settings: Settings,
  rotation: Rotation,
  prepared: PreparedTarget[],
  writes: SecretWrite[]
): Promise<WriteResult[]> {
  const outcomes: WriteOutcome[] = []
  const unfinished = (why: string): string =>
    incompleteMessage(
      rotation,
      settings.githubApiUrl,
      prepared.map((p, i) => ({
        prepared: p,
        write: writes[i]!,
        outcome: outcomes[i] ?? { failed: why }
      }))
    )
  if (guard.signal.aborted)
    throw new Error(`Cancelled after the rotation. ${unfinished('cancelled before the write')}`)
  guard.writing(() => unfinished('cancelled before GitHub confirmed the write'))
  return writeAll(
    github,
    prepared,
    writes,
    settings.timeoutMs,
    (i, outcome) => (outcomes[i] = outcome)
  )
}

async function reportDryRun(settings: Settings, prepared: PreparedTarget[], io: Io): Promise<void> {
  io.info(
    `Dry run: every target is writable. A real run would rotate subscription ${settings.subscriptionId} once and write ${settings.secretName} to ${prepared.map(p => p.label).join(', ')}. Nothing was rotated or written.`
  )
  io.setOutput('targets', '[]')
  await io.writeSummary(dryRunSummary(settings.secretName, settings.subscriptionId, prepared))
}
