// The one interface every runtime store implements: a store is one file that exports a
// create…Store function, plus one line in registry.ts. The run never sees a store's API.

export interface StoreContext {
  /** The run's fetch (for HTTP-API stores): timeout per attempt, proxy, redirects refused. */
  fetch: typeof fetch
  /** Per request. */
  timeoutMs: number
  /** Process environment (AWS region and endpoint variables). */
  env: Record<string, string | undefined>
  log: { debug(m: string): void; warning(m: string): void }
  /** Waits between bounded retries (a 429's Retry-After); tests pass their own. */
  sleep: (ms: number) => Promise<void>
}

export interface RuntimeStore {
  /** The target as the user wrote it, e.g. cloudflare:acct/script. */
  readonly label: string
  /**
   * Before the rotation: proves write access by a write no reader sees, then undoes it.
   * Resolves to what it did, for the summary (one short sentence). Throws StoreError.
   */
  proveWritable(secretName: string): Promise<string>
  /** After the rotation: writes the secret. Throws StoreError. */
  write(secretName: string, secret: string): Promise<void>
  /**
   * How to finish by hand after a failed write, WITHOUT the secret: pasteable shell that
   * writes the value of the shell variable SECRET, set by the lines the run puts before it
   * (src/report/store-recipe.ts). The value never goes on a command line (where `ps` shows it):
   * pipe it in with printf, a shell builtin.
   */
  recipe(secretName: string): string
}

/** What a store refused, in words that say the operation, the resource, the status and a fix. */
export class StoreError extends Error {
  override name = 'StoreError'
  constructor(
    message: string,
    /** The HTTP status, when there was an answer. */
    readonly status?: number
  ) {
    super(message)
  }
}
