// How to finish a runtime store by hand after its write failed. No sealed value exists for a
// store, and the secret must never reach a log: the recipe reads the secret from Composio's v3.1
// read into a shell variable, checks its fingerprint against the one this run stored (a masked
// read, or a rotation since, writes nothing), and pipes it into the store's own command.
import type { Source } from '../context/results.js'
import type { Settings } from '../inputs/settings.js'
import { shellQuote } from '../shell.js'
import type { RuntimeStore } from '../stores/store.js'

/** The shell variable each credential is read from in the recipe. */
const COMPOSIO_KEY_VARIABLE = {
  'x-api-key': 'COMPOSIO_API_KEY',
  'x-user-api-key': 'COMPOSIO_USER_API_KEY'
} as const

export function storeRecipe(settings: Settings, source: Source, store: RuntimeStore): string {
  const { composioBaseUrl, composioAuth, secretName } = settings
  const read = `${composioBaseUrl}/api/v3.1/webhook_subscriptions/${encodeURIComponent(source.subscriptionId)}`
  const key = COMPOSIO_KEY_VARIABLE[composioAuth.header]
  const mismatch =
    'Composio now holds another secret than the one this run stored (masked in the read, or rotated since): nothing written. Run the action again instead.'
  return [
    `# To finish ${store.label} by hand: run this action again with rotate: false and targets: ${store.label}`,
    "# (it stores Composio's current secret without rotating). Or paste this block into bash, with",
    `# ${key} and the store's credential set: the secret goes from Composio's read into the store, never to the terminal.`,
    '(',
    '  set -euo pipefail',
    `  SECRET="$(curl -fsS ${shellQuote(read)} -H "${composioAuth.header}: $${key}" | jq -er .secret)"`,
    `  if [ "$(printf '%s' "$SECRET" | sha256sum | cut -c1-16)" != ${shellQuote(source.fingerprint)} ]; then`,
    `    echo ${shellQuote(mismatch)} >&2; exit 1`,
    '  fi',
    ...store
      .recipe(secretName)
      .split('\n')
      .map(line => `  ${line}`),
    `  echo ${shellQuote(`${secretName} written to ${store.label}.`)}`,
    ')'
  ].join('\n')
}
