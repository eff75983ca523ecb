// What the job summary says of the runtime stores' proofs: a Cloudflare proof deploys two new
// versions of the Worker, and the user reads that here, not only in the docs.
import type { Summary } from '../context/run.js'
import { OK, escapeHtml } from './html.js'

export interface StoreProof {
  label: string
  /** What the store did to prove it can be written, as it said (one sentence). */
  proof: string
}

/** A row of the dry run's table, beside GitHub's targets. */
export const storeProofRow = ({ label, proof }: StoreProof): string[] => [
  `${OK} write accepted`,
  escapeHtml(label),
  escapeHtml(proof)
]

/** Below a stored run's table: how each store was proved writable before the rotation. */
export function storeProofSection(summary: Summary, proofs: StoreProof[]): Summary {
  if (proofs.length === 0) return summary
  return summary
    .addHeading('Runtime stores, proved writable before the rotation', 3)
    .addList(proofs.map(({ label, proof }) => `${escapeHtml(label)}: ${escapeHtml(proof)}`))
}
