// Cloudflare Workers secrets: the secret is a `secret_text` binding of the Worker, written with
// PUT /accounts/{account_id}/workers/scripts/{script_name}/secrets, which deploys a new version
// of the Worker at once with its code and other bindings unchanged: the receiver reads the new
// secret on its next request, no build, no redeploy.
import type { CloudflareSettings, ResolvedStoreTarget } from '../inputs/store-inputs.js'
import { formatStoreTarget } from '../inputs/store-targets.js'
import { shellQuote } from '../shell.js'
import { callCloudflare, type CloudflareCall } from './cloudflare-api.js'
import type { RuntimeStore, StoreContext } from './store.js'

type CloudflareTarget = ResolvedStoreTarget & { kind: 'cloudflare' }

export const PROBE_SUFFIX = '_WRITE_CHECK'
const PROBE_VALUE = 'write check by rotate-composio-webhook-secret; not a secret; safe to delete'

export function createCloudflareStore(
  target: CloudflareTarget,
  settings: CloudflareSettings,
  context: StoreContext
): RuntimeStore {
  const { accountId, scriptName } = target
  const secrets = `${settings.apiUrl}/accounts/${accountId}/workers/scripts/${encodeURIComponent(scriptName)}/secrets`
  const worker = { accountId, scriptName }
  const call = (request: Omit<CloudflareCall, 'worker'>) =>
    callCloudflare(context, settings.token, { ...request, worker })
  const put = (name: string, text: string, what: string) =>
    call({
      method: 'PUT',
      url: secrets,
      body: { name, text, type: 'secret_text' },
      secretName: name,
      conceal: text,
      operation: `write ${what} ${name} to Worker '${scriptName}' of account ${accountId}`
    })
  return {
    label: formatStoreTarget(target),
    /**
     * A Worker has no write that no reader sees: the probe secret <NAME>_WRITE_CHECK is written
     * and deleted again, which deploys two new versions of the Worker (same code, same other
     * bindings; the receiver's own secret is untouched). Cloudflare has no dry-run write and
     * reading the secrets list needs only read access, so nothing less proves the permission.
     */
    async proveWritable(secretName) {
      const probe = `${secretName}${PROBE_SUFFIX}`
      await put(probe, PROBE_VALUE, 'the probe secret')
      try {
        await call({
          method: 'DELETE',
          url: `${secrets}/${encodeURIComponent(probe)}`,
          operation: `delete the probe secret ${probe} from Worker '${scriptName}'`
        })
      } catch (error) {
        context.log.warning(
          `${(error as Error).message}. The probe ${probe} holds no secret; delete it by hand (wrangler secret delete ${probe} --name ${shellQuote(scriptName)}) or let the next run remove it.`
        )
        return `accepted the probe secret ${probe} (one new version deployed; the probe could not be deleted)`
      }
      return `accepted the probe secret ${probe}, deleted again (two new versions of the Worker deployed, code and other bindings unchanged)`
    },
    async write(secretName, secret) {
      // Cloudflare's words are quoted: put() blanks the value out of them first.
      await put(secretName, secret, 'the secret')
    },
    recipe(secretName) {
      const body = `{name: ${JSON.stringify(secretName)}, text: ., type: "secret_text"}`
      return [
        `printf '%s' "$SECRET" | jq -Rs ${shellQuote(body)} |`,
        `  curl -fsS -o /dev/null -X PUT ${shellQuote(secrets)} \\`,
        `    -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" -H 'Content-Type: application/json' --data-binary @-`
      ].join('\n')
    }
  }
}
