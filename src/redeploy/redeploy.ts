// The redeploy step after the rotation: each repository's workflow starts the moment the last of
// its targets is written, not when every target is, and every run is followed to its end. A
// repository with a target not written is not started: its deploy would ship the old secret.
import type { Run, WriteResult } from '../context/run.js'
import { knownAtCancel, sayCancelledRedeploys } from './cancelled.js'
import type { PreparedRedeploy } from './check.js'
import { dispatchAndFollow, resultOf, type FollowProgress, type RedeployResult } from './follow.js'

export interface Redeploys {
  /** The write step calls this as each target's write settles (written or not). */
  onSettled: (result: WriteResult) => void
  /** Every repository started and followed, or why not; never rejects. */
  results: Promise<RedeployResult[]>
}

export function startRedeploys(run: Run, lines: PreparedRedeploy[]): Redeploys {
  const settled = new Map<string, WriteResult>()
  // How far each line got, for a cancellation to say: its result, or its progress.
  const results: (RedeployResult | undefined)[] = lines.map(() => undefined)
  const progress: (FollowProgress | undefined)[] = lines.map(() => undefined)
  if (lines.length > 0) {
    run.guard.alsoSay(() =>
      sayCancelledRedeploys(
        run,
        lines.map((line, index) => knownAtCancel(line, results[index], progress[index]))
      )
    )
  }
  const resolvers: ((result: Promise<RedeployResult>) => void)[] = []
  const each = lines.map(
    (_, index) =>
      new Promise<RedeployResult>(resolve =>
        resolvers.push(work => void work.then(done => resolve((results[index] = done))))
      )
  )
  const started = lines.map(() => false)
  const onSettled = (result: WriteResult): void => {
    settled.set(result.label, result)
    lines.forEach((line, index) => {
      if (started[index] || !line.labels.every(label => settled.has(label))) return
      started[index] = true
      const unwritten = line.labels.filter(label => !('written' in settled.get(label)!.outcome))
      resolvers[index]!(
        unwritten.length === 0
          ? dispatchAndFollow(run, line, known => (progress[index] = known))
          : Promise.resolve(
              resultOf(
                line,
                'not_dispatched',
                `not started: ${unwritten.join(', ')} did not receive the secret, so a deploy would ship the old one`
              )
            )
      )
    })
  }
  return { onSettled, results: Promise.all(each) }
}
