// What every step of a run shares: the settings, the collaborators it was given, and the clients
// built from them. Types only, and the small Problems ledger: the steps import this, never each
// other's orchestration.
import type { summary } from '@actions/core'
import type { ComposioClientOptions } from '../composio/client.js'
import type { GitHubClient } from '../github/client.js'
import type { WriteRequest } from '../github/secrets.js'
import type { Fetch } from '../http/http.js'
import type { Settings } from '../inputs/settings.js'
import type { Sealer } from '../seal.js'
import type { CancellationGuard, SignalSource } from './cancel.js'

export type Summary = typeof summary

/** What a run says to the runner: @actions/core in production; tests pass their own. */
export interface Io {
  setSecret: (value: string) => void
  /** Throws when the outputs file cannot be written. */
  setOutput: (name: string, value: string) => void
  info: (message: string) => void
  warning: (message: string) => void
  error: (message: string) => void
  /** Fills the job summary with the toolkit's builder, then writes it. */
  writeSummary: (fill: (summary: Summary) => Summary) => Promise<void>
}

/** The collaborators a run is given: the runner, the network, the clock, the process. */
export interface Deps {
  io: Io
  fetch: Fetch
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  now: () => Date
  signals: SignalSource
  /** Exits the process once what was printed has been flushed. */
  exit: (code: number) => void
  /** Octokit's backoff unit: 1000 ms in production. */
  backoffUnitMs?: number
}

export interface Run {
  settings: Settings
  deps: Deps
  io: Io
  github: GitHubClient
  composio: ComposioClientOptions
  guard: CancellationGuard
  problems: Problems
  /** libsodium, loading while the preflight runs; awaited before anything irreversible. */
  sealer: Promise<Sealer>
}

/** `at`: when GitHub (or the store) confirmed the write (ISO 8601). */
export type WriteOutcome =
  { written: 'created' | 'updated' | 'written'; at: string } | { failed: string }

/** One target's write: sealed, as sent (for a recipe), and how it went. */
export interface WriteResult {
  label: string
  keyId: string
  request: WriteRequest
  outcome: WriteOutcome
}

/** A runtime store's write, and the shell that finishes it by hand, which holds no secret. */
export interface StoreWriteResult {
  label: string
  outcome: WriteOutcome
  recipe: string
}

/** Any target's write: GitHub's or a runtime store's. */
export type TargetResult = WriteResult | StoreWriteResult

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
      this.failed(what, error)
    }
  }

  /** `note`, for work that is done at once. */
  noteNow(what: string, work: () => void): void {
    try {
      work()
    } catch (error) {
      this.failed(what, error)
    }
  }

  private failed(what: string, error: unknown): void {
    this.add(`${what} failed: ${error instanceof Error ? error.message : String(error)}`)
  }

  add(problem: string): void {
    this.list.push(problem)
    this.io.warning(problem)
  }
}
