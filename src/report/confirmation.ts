// What the log and the summary say of Composio's read-back after the rotation.
import type { Confirmation } from '../context/results.js'

/** What the summary says of the confirmation. */
export const CONFIRMATION_TEXT: Record<Confirmation, string> = {
  confirmed: 'Composio confirmed the rotation: the subscription holds the secret stored.',
  unconfirmed:
    'The rotation could not be confirmed: Composio did not return the full secret when read back.',
  stale: "Composio's read after the rotation still showed the previous secret (a stale read).",
  'possibly stale':
    'The secret recovered after the lost answer could not be confirmed by a second read of Composio, so it may be stale: if deliveries fail verification, run this action again with rotate: false to store the secret the subscription holds.',
  changed:
    'Composio now holds a secret that is neither the one this run rotated to nor the one before it: someone rotated the subscription during this run, so the value stored may no longer work. Run this action again with rotate: false to store the current secret.',
  'not needed': ''
}
