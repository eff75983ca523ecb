// The AWS Secrets Manager store against the fake endpoint, driven by the real SDK: the
// environment the SDK's default credential chain reads (as configure-aws-credentials leaves it,
// and nothing else it could find on this machine), a recording log, and the store.
import { afterAll, beforeAll } from '@jest/globals'
import { FAKE_AWS_CREDENTIALS, startFakeSecretsManager } from '../../fakes/aws-secretsmanager.js'
import { createAwsSecretsManagerStore } from '../../../src/stores/aws-secretsmanager.js'
import type { StoreContext } from '../../../src/stores/store.js'

export const SECRET_NAME = 'prod/composio-webhook'
export const OLD_SECRET = 'a1'.repeat(32)
export const NEW_SECRET = 'c0ffee00'.repeat(8)
export const REGION = 'us-east-1'

export type FakeSecretsManager = Awaited<ReturnType<typeof startFakeSecretsManager>>

/** What the SDK's default chain sees: the fake credentials in the environment, nothing else. */
export const SDK_ENV: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: undefined,
  AWS_MAX_ATTEMPTS: undefined,
  AWS_RETRY_MODE: undefined,
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined
}

/** Sets `vars` in process.env (undefined deletes); returns the undo. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map(k => [k, process.env[k]]))
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  apply(vars)
  return () => apply(saved)
}

/** process.env as the SDK should see it, for every test of the file (plus `extra`). */
export function useSdkEnvironment(extra: Record<string, string> = {}): void {
  let restore: () => void
  beforeAll(() => {
    restore = setEnv({ ...SDK_ENV, ...extra })
  })
  afterAll(() => restore())
}

export interface StoreRun {
  fake: FakeSecretsManager
  context: StoreContext
  warnings: string[]
  debug: string[]
  store: ReturnType<typeof createAwsSecretsManagerStore>
}

/** A fake holding SECRET_NAME = OLD_SECRET, and a store aimed at it through the SDK's variable. */
export async function startStore(
  options: { timeoutMs?: number; env?: Record<string, string | undefined>; secretId?: string } = {}
): Promise<StoreRun> {
  const fake = await startFakeSecretsManager({
    region: REGION,
    secrets: { [SECRET_NAME]: OLD_SECRET }
  })
  const warnings: string[] = []
  const debug: string[] = []
  const context: StoreContext = {
    fetch,
    timeoutMs: options.timeoutMs ?? 2000,
    env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.url, ...options.env },
    log: { debug: m => void debug.push(m), warning: m => void warnings.push(m) },
    sleep: () => Promise.resolve()
  }
  const store = createAwsSecretsManagerStore(
    { secretId: options.secretId ?? SECRET_NAME, region: REGION },
    context
  )
  return { fake, context, warnings, debug, store }
}

/** The calls the fake received for one operation. */
export const callsOf = (fake: FakeSecretsManager, operation: string) =>
  fake.calls
    .filter(call => call.operation === operation)
    .map(call => ({ ...call, body: call.body as Record<string, unknown> }))
