// What the steps hand on to the reports: the targets the preflight prepared, where the stored
// secret came from, and how Composio's read-back went. Types only: a report reads them without
// importing the step that made them.
import type { Subscription } from '../composio/subscription.js'
import type { OrganizationAccess, PublicKey } from '../github/secrets.js'
import type { Target } from '../inputs/targets.js'

export interface PreparedTarget {
  target: Target
  label: string
  key: PublicKey
  /** Organization targets: the visibility the write will send. */
  access?: OrganizationAccess
}

export interface Checked {
  targets: PreparedTarget[]
  /** Undefined when Composio could not be read and the run can do without it. */
  subscription: Subscription | undefined
}

/** Where the stored secret came from, and what is safe to print about it. Never the secret. */
export interface Source {
  subscriptionId: string
  secretName: string
  /** First 16 hex digits of the secret's SHA-256: lets a receiver confirm which secret it holds. */
  fingerprint: string
  /** rotated: by this run; recovered: rotated, its answer lost, read back; current: not rotated. */
  how: 'rotated' | 'recovered' | 'current'
  rotatedAt?: string
}

/** What Composio's read after the rotation said (src/rotation/confirm.ts). */
export type Confirmation =
  'confirmed' | 'unconfirmed' | 'stale' | 'possibly stale' | 'changed' | 'not needed'
