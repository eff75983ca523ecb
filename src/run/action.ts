// The run, in the order that keeps the secret safe: everything reversible before the one
// irreversible call, and after it, nothing lost and nothing left half-done without saying so.
import type { Deps, Summary } from '../context/run.js'
import type { Settings } from '../inputs/settings.js'
import { reportFailure, reportSuccess } from '../notify/failure.js'
import { preflight } from '../preflight/preflight.js'
import { receiverUrlOf, verifyAfterWrites } from '../receiver/after-writes.js'
import { receiverSection } from '../receiver/summary.js'
import { checkRedeploys, withRedeployProblems } from '../redeploy/check.js'
import { startRedeploys } from '../redeploy/redeploy.js'
import { noteRedeploys, redeployPlan, redeploySummary } from '../redeploy/report.js'
import { reportDryRun, reportStored } from '../report/outcome.js'
import { storeProofSection } from '../report/store-summary.js'
import { confirmRotation } from '../rotation/confirm.js'
import { announce, obtainSecret } from '../rotation/rotate.js'
import { proveEveryTarget, writeStores } from '../write/stores.js'
import type { WriteCheck } from '../write/write-check.js'
import { writeEverywhere } from '../write/write.js'
import { startRun } from './start.js'

export async function runAction(settings: Settings, deps: Deps): Promise<void> {
  const run = startRun(settings, deps)
  let writeCheck: WriteCheck | undefined
  let finished = false
  try {
    // 1. Inputs were read, and credentials masked, by main.ts before anything else.
    // 2. Every target's public key and Composio's subscription, all at once.
    const count = settings.targets.length + settings.stores.length
    run.io.info(`Checking ${count} target(s) for ${settings.secretName}…`)
    //    Each redeploy's workflow and file are checked alongside, awaited before the rotation.
    //    Whether each repository can read what is written for it needs the preflight's answer.
    const preflighted = preflight(run)
    const redeployCheck = checkRedeploys(
      run,
      preflighted.then(({ targets }) => targets)
    )
    redeployCheck.catch(() => undefined) // awaited below; a preflight failure must not leave it unhandled
    const checked = await preflighted.catch(error => withRedeployProblems(error, redeployCheck))
    const receiverUrl = receiverUrlOf(run, checked) // verify-receiver: subscription needs the read
    // 3. A write that every target accepts, before anything irreversible: GitHub's probes and
    //    each runtime store's proof, side by side (src/write/stores.ts).
    const writable = await proveEveryTarget(run, checked.targets)
    writeCheck = writable.writeCheck
    const { stores, proofs } = writable.stores
    const redeployLines = await redeployCheck
    if (settings.dryRun) {
      await writeCheck?.remove()
      return await reportDryRun(run, checked, proofs, [
        summary => redeployPlan(summary, redeployLines)
      ])
    }
    // 4. The secret, rotated exactly once (or read, rotate: false), masked the moment it arrives.
    //    The write checks' deletes are queued first, in the lane of the write budget that yields:
    //    they never take a place the writes need (src/github/write-budget.ts).
    writeCheck?.removeBehind(settings.targets.length)
    const obtained = await obtainSecret(run, checked)
    // 5. The runtime stores' writes go out first, on the next line: the receiver reading one
    //    sees the new secret one round trip after the rotation's answer. Then GitHub's, each
    //    sealed for its target; behind the writes, the outputs set and Composio read to
    //    confirm the rotation.
    const storeWrites = writeStores(run, stores, obtained)
    //    Each repository's workflow starts as soon as its own targets are written.
    const redeploys = startRedeploys(run, redeployLines)
    const writing = writeEverywhere(run, checked.targets, obtained, await run.sealer, {
      onSettled: redeploys.onSettled,
      // A cancellation prints the stores' recipes too, for every write not confirmed.
      alongside: storeWrites.results
    })
    announce(run, obtained)
    const [written, storeResults, confirmation] = await Promise.all([
      writing,
      storeWrites.settled,
      confirmRotation(run, obtained)
    ])
    const results = [...written, ...storeResults]
    // 6. Every redeploy followed to its end; then the receiver check (verify-receiver), which
    //    needs the receiver redeployed.
    const redeployed = await redeploys.results
    noteRedeploys(run, redeployed)
    const receiver =
      receiverUrl === undefined
        ? undefined
        : await verifyAfterWrites(run, obtained.secret, receiverUrl, results, redeployed)
    // 7. Outputs and job summary; anything short of every target written, redeployed and (if
    //    asked) confirmed by the receiver fails the run.
    const sections = [
      (summary: Summary) => storeProofSection(summary, proofs),
      (summary: Summary) => redeploySummary(summary, redeployed),
      ...(receiver ? [(summary: Summary) => receiverSection(summary, receiver)] : [])
    ]
    await reportStored(run, obtained.source, results, confirmation, sections, receiver?.failed)
    await reportSuccess(run)
    finished = true
  } catch (error) {
    // Every run that fails says so in its job summary, and in an issue if asked for.
    await reportFailure(run, error)
    throw error
  } finally {
    // A failure (its recipes, after the rotation) goes to the log before any cleanup: the deletes
    // then finish on their own, before the process ends (after a cancellation, within a bound).
    // A finished run waits for them.
    const cleanup = writeCheck?.remove()
    if (finished) await cleanup
    else if (cleanup) void run.guard.boundCleanup(cleanup)
    run.guard.dispose()
  }
}
