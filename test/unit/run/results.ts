// Write results as the run builds them, for the report's pure parts.
import type { Source } from '../../../src/context/results.js'
import type { WriteOutcome, WriteResult } from '../../../src/context/run.js'

export const API = 'https://api.github.com'

export const rotated: Source = {
  subscriptionId: 'ws_sub_1',
  secretName: 'COMPOSIO_WEBHOOK_SECRET',
  fingerprint: '0123456789abcdef',
  how: 'rotated',
  rotatedAt: '2026-11-27T08:00:00.000Z'
}

export const current: Source = {
  subscriptionId: 'ws_sub_1',
  secretName: 'COMPOSIO_WEBHOOK_SECRET',
  fingerprint: '0123456789abcdef',
  how: 'current'
}

/** One target's result; `path` under the API, body with the key_id. */
export function result(
  label: string,
  path: string,
  outcome: WriteOutcome,
  extra: Record<string, unknown> = {},
  keyId = '568250167242549743'
): WriteResult {
  return {
    label,
    keyId,
    request: {
      method: 'PUT',
      url: `${API}${path}`,
      body: { encrypted_value: `c2VhbGVk${label.length}+/w==`, key_id: keyId, ...extra }
    },
    outcome
  }
}

export const repoWritten = result(
  'acme/app',
  '/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
  {
    written: 'updated',
    at: '2026-11-27T08:00:01.250Z'
  }
)
export const envFailed = result(
  'acme/app@prod eu',
  '/repos/acme/app/environments/prod%20eu/secrets/COMPOSIO_WEBHOOK_SECRET',
  { failed: 'HTTP 403: forbidden' },
  {},
  '2'
)
export const orgFailed = result(
  'org:acme',
  '/orgs/acme/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
  { failed: 'timed out after 2 s (timeout-seconds)' },
  { visibility: 'selected', selected_repository_ids: [1296269, 42] },
  '3'
)
