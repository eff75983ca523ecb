// @ts-check
// The loop as the demo's fakes saw it, in order: Composio's rotation, GitHub's writes, the
// dispatch and the end of the deploy run, the receiver's answers. Every fake runs in the demo's own
// process, so their times share one clock (performance.now(); the receiver's Date.now() times are
// brought onto it), unlike the log of the action, a separate process.

/**
 * @typedef {object} Fakes
 * @property {import('../test/fakes/composio.js').FakeComposio} composio
 * @property {import('../test/fakes/github.js').FakeGitHub} github
 * @property {import('../test/fakes/receiver.js').FakeReceiver} receiver
 * @property {string} secretName
 */

/**
 * @param {Fakes} fakes
 * @returns {{ at: number, text: string }[]} times in performance.now() milliseconds, in order
 */
export function timeline({ composio, github, receiver, secretName }) {
  const dateToNow = Date.now() - performance.now()
  const ended = (/** @type {{ endedAt?: number, startedAt: number }} */ r) =>
    r.endedAt ?? r.startedAt
  const events = [
    ...composio.requests
      .filter(r => r.method === 'POST' && r.path.endsWith('/rotate_secret'))
      .map(r => ({ at: ended(r), text: `Composio: rotate_secret answered ${r.status}` })),
    ...github.requests
      .filter(r => r.method === 'PUT' && r.path.endsWith(`/secrets/${secretName}`))
      .map(r => ({
        at: ended(r),
        text: `GitHub: ${r.status === 201 || r.status === 204 ? 'wrote' : 'REFUSED'} ${scopeOf(r.path)} (${r.status})`
      })),
    ...github.dispatches.flatMap(d => [
      { at: d.at, text: `GitHub: started ${d.file} in ${d.repository} (run ${d.runId})` },
      ...(d.endsAt !== undefined && d.endsAt <= performance.now()
        ? [
            {
              at: d.endsAt,
              text: `GitHub: run ${d.runId} ended: success; the receiver now holds the stored secret`
            }
          ]
        : [])
    ]),
    ...receiver.deliveries.map(d => ({
      at: d.at - dateToNow,
      text: `receiver: ${d.status} to a delivery whose signature ${d.verified ? 'verified' : 'did not verify'}`
    }))
  ]
  return events.sort((a, b) => a.at - b.at)
}

/**
 * `/repos/acme/app/environments/production/secrets/X` → `acme/app@production`.
 * @param {string} path
 */
function scopeOf(path) {
  const m = /^\/repos\/([^/]+\/[^/]+)(?:\/environments\/([^/]+))?\//.exec(path)
  return m ? `${m[1]}${m[2] ? `@${decodeURIComponent(m[2])}` : ''}` : path
}
