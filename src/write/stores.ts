// The runtime stores in a run: each loaded (only the modules of the kinds given), proved writable
// beside GitHub's write checks before the rotation, and written the moment the secret is known,
// beside GitHub's writes. A store's failure is a result, as a GitHub target's is.
import type { PreparedTarget } from '../context/results.js'
import type { Run, StoreWriteResult } from '../context/run.js'
import { formatStoreTarget } from '../inputs/store-targets.js'
import { PreflightError, failBeforeRotation } from '../preflight/preflight.js'
import { storeRecipe } from '../report/store-recipe.js'
import type { Obtained } from '../rotation/rotate.js'
import { loadStore } from '../stores/registry.js'
import type { RuntimeStore, StoreContext } from '../stores/store.js'
import { checkWrites, type WriteCheck } from './write-check.js'

/** The stores, loaded; with what each proof did (empty when the run proves nothing). */
export interface PreparedStores {
  stores: RuntimeStore[]
  proofs: { label: string; proof: string }[]
}

export function storeContext(run: Run): StoreContext {
  const { deps, io, settings, guard } = run
  return {
    fetch: deps.fetch as typeof fetch,
    timeoutMs: settings.timeoutMs,
    env: process.env,
    log: { debug: () => undefined, warning: io.warning },
    sleep: ms => deps.sleep(ms, guard.signal)
  }
}

/**
 * Loads every store and, in a run that rotates or a dry run, proves each writable: all at once.
 * Resolves to the stores, or to one problem line per store that failed (`label: why`).
 */
export async function prepareStores(
  run: Run
): Promise<{ prepared: PreparedStores } | { problems: string[] }> {
  const { settings } = run
  const prove = settings.rotate || settings.dryRun
  const context = storeContext(run)
  const settled = await Promise.allSettled(
    settings.stores.map(async target => {
      const store = await loadStore(target, settings, context)
      const proof = prove ? await store.proveWritable(settings.secretName) : undefined
      return { store, proof }
    })
  )
  const problems = settled.flatMap((result, index) =>
    result.status === 'rejected'
      ? [`${labelOf(run, index)}: ${(result.reason as Error).message}`]
      : []
  )
  if (problems.length > 0) return { problems }
  const loaded = settled.map(result => (result as PromiseFulfilledResult<Loaded>).value)
  return {
    prepared: {
      stores: loaded.map(({ store }) => store),
      proofs: loaded.flatMap(({ store, proof }) =>
        proof === undefined ? [] : [{ label: store.label, proof }]
      )
    }
  }
}

/** A write check's refusal lists its problems; anything else is not a refusal: rethrown. */
function problemsOf(reason: unknown): string[] {
  if (reason instanceof PreflightError) return reason.problems
  throw reason
}

type Loaded = { store: RuntimeStore; proof: string | undefined }

const labelOf = (run: Run, index: number): string => formatStoreTarget(run.settings.stores[index]!)

/** Each store's write: its result as it stands (what a cancellation prints), and when all settle. */
export interface StoreWrites {
  results: StoreWriteResult[]
  settled: Promise<StoreWriteResult[]>
}

/**
 * Every store's write, each started before this returns: none waits for another, nor for
 * GitHub. `settled` never rejects: a failed write is a result with the recipe that finishes it.
 * Cancelled while rotating: the answer came, but nothing more is sent (as for GitHub's).
 */
export function writeStores(run: Run, stores: RuntimeStore[], obtained: Obtained): StoreWrites {
  const cancelled = run.guard.signal.aborted
  const writes = cancelled
    ? []
    : stores.map(store => store.write(run.settings.secretName, obtained.secret))
  const results = stores.map((store): StoreWriteResult => ({
    label: store.label,
    recipe: storeRecipe(run.settings, obtained.source, store),
    outcome: {
      failed: cancelled
        ? 'cancelled before the write'
        : 'cancelled before the store confirmed the write'
    }
  }))
  const settled = writes.map(async (write, index) => {
    const result = results[index]!
    try {
      await write
      result.outcome = { written: 'written', at: now(run) }
    } catch (error) {
      result.outcome = { failed: (error as Error).message }
    }
  })
  return { results, settled: Promise.all(settled).then(() => results) }
}

const now = (run: Run): string => run.deps.now().toISOString()

/**
 * Step 3 for every target at once: GitHub's write checks (src/write/write-check.ts) and the
 * stores' proofs, side by side. Any refusal fails the run before the rotation with every
 * problem listed, after the GitHub probes already written are deleted again.
 */
export async function proveEveryTarget(
  run: Run,
  targets: PreparedTarget[]
): Promise<{ writeCheck: WriteCheck | undefined; stores: PreparedStores }> {
  const { rotate, dryRun } = run.settings
  // A real run that does not rotate has nothing to protect: its writes are the check.
  const checkGitHub = (rotate || dryRun) && targets.length > 0
  const [github, stores] = await Promise.allSettled([
    checkGitHub ? checkWrites(run, targets) : undefined,
    prepareStores(run)
  ])
  if (stores.status === 'rejected') throw stores.reason
  const storeProblems = 'problems' in stores.value ? stores.value.problems : []
  const githubProblems = github.status === 'rejected' ? problemsOf(github.reason) : []
  if (githubProblems.length + storeProblems.length > 0) {
    if (github.status === 'fulfilled') await github.value?.remove()
    const all = targets.length + run.settings.stores.length
    failBeforeRotation(
      run,
      `${githubProblems.length + storeProblems.length} of ${all} targets cannot be written`,
      [...githubProblems, ...storeProblems]
    )
  }
  const prepared = (stores.value as { prepared: PreparedStores }).prepared
  for (const { label, proof } of prepared.proofs) run.io.info(`${label} ${proof}.`)
  return {
    writeCheck: (github as PromiseFulfilledResult<WriteCheck | undefined>).value,
    stores: prepared
  }
}
