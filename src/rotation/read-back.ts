// Composio's subscription read again during the rotation step: right before the rotation (a
// baseline), after a lost answer, and alongside the writes (the confirmation). Never fatal: a
// read that fails is a warning, and its secret is simply not known.
import { readWebhookSubscription } from '../composio/client.js'
import type { Run } from '../context/run.js'

/** A full secret as read, with the subscription's `updated_at` when it was a date. */
export interface Reading {
  secret: string
  updatedAt: number | undefined
}

const UNREAD = {
  back: 'Could not read the subscription back: ',
  'before the rotation': 'Could not read the subscription before the rotation: '
}

/**
 * The subscription's current secret if it could be a real one, else undefined (masked, or no
 * answer: said as a warning).
 */
export async function readCurrentSecret(
  run: Run,
  when: keyof typeof UNREAD,
  maxAttempts?: number
): Promise<Reading | undefined> {
  const options = maxAttempts ? { ...run.composio, maxAttempts } : run.composio
  try {
    const { secret, updatedAt } = await readWebhookSubscription(
      options,
      run.settings.subscriptionId
    )
    return secret === undefined ? undefined : { secret, updatedAt }
  } catch (error) {
    run.io.warning(`${UNREAD[when]}${(error as Error).message}`)
    return undefined
  }
}
