export interface StoreContext {
  fetch: typeof fetch
  timeoutMs: number
  env: Record<string, string | undefined>
  log: { debug(m: string): void; warning(m: string): void }
}
export interface RuntimeStore {
  readonly label: string
  /** Before the rotation: proves write access by a write no reader sees, then undoes it. Resolves to what it did, for the summary (one short sentence). Throws StoreError. */
  proveWritable(secretName: string): Promise<string>
  /** After the rotation: writes the secret. Throws StoreError. */
  write(secretName: string, secret: string): Promise<void>
  /** How to finish by hand after a failed write, WITHOUT the secret: pasteable shell. */
  recipe(secretName: string): string
}
export class StoreError extends Error {}
