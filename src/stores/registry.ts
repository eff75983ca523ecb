// Every runtime store, by the prefix its targets carry. Adding a store: its file (exporting a
// create…Store function that returns a RuntimeStore), its target syntax in
// src/inputs/store-targets.ts, and one line here. Each store's module loads only when a target
// of its kind is given: a run without one starts no faster or slower for it.
import type { Settings } from '../inputs/settings.js'
import type { ResolvedStoreTarget } from '../inputs/store-inputs.js'
import type { StoreKind } from '../inputs/store-targets.js'
import type { RuntimeStore, StoreContext } from './store.js'

type TargetOf<K extends StoreKind> = ResolvedStoreTarget & { kind: K }
type Loader<K extends StoreKind> = (
  target: TargetOf<K>,
  settings: Settings,
  context: StoreContext
) => Promise<RuntimeStore>

const LOADERS: { [K in StoreKind]: Loader<K> } = {
  // settings.cloudflare is set whenever a cloudflare: target is (src/inputs/store-inputs.ts).
  cloudflare: async (target, settings, context) =>
    (await import('./cloudflare.js')).createCloudflareStore(target, settings.cloudflare!, context),
  'aws-secretsmanager': async (target, _settings, context) =>
    (await import('./aws-secretsmanager.js')).createAwsSecretsManagerStore(target, context)
}

export function loadStore(
  target: ResolvedStoreTarget,
  settings: Settings,
  context: StoreContext
): Promise<RuntimeStore> {
  const load = LOADERS[target.kind] as Loader<StoreKind>
  return load(target, settings, context)
}
