// The AWS SDK's Secrets Manager client for one target, held to the rules the rest of the action
// keeps for HTTP: a timeout on every attempt and on the whole call, retries bounded, no
// credential over plain http off this machine, no redirect followed (the SDK's Node handler
// follows none), and nothing printed by the SDK itself. The SDK is loaded on the first call, so a
// run without an AWS target never pays for loading it.
import type {
  PutSecretValueCommandInput,
  PutSecretValueCommandOutput,
  SecretsManagerClient,
  UpdateSecretVersionStageCommandInput
} from '@aws-sdk/client-secrets-manager'
import { HttpClient } from '@actions/http-client'
import type { Agent as HttpsAgent } from 'node:https'
import { isLoopback } from '../http/urls.js'
import { configuredAwsEndpoint } from '../inputs/store-inputs.js'
import { StoreError, type StoreContext } from './store.js'

/** The SDK's standard retry (throttling, 5xx and timeouts, with its backoff), bounded. */
export const MAX_ATTEMPTS = 3

/** The two operations a target needs, each bounded by `MAX_ATTEMPTS` timeouts in all. */
export interface SecretsManagerCalls {
  putSecretValue(input: PutSecretValueCommandInput): Promise<PutSecretValueCommandOutput>
  updateSecretVersionStage(input: UpdateSecretVersionStageCommandInput): Promise<void>
}

type Sdk = typeof import('@aws-sdk/client-secrets-manager')

/**
 * Checks the endpoint the SDK would take from the environment now, before any request (a bad
 * one is bad input), then connects on the first call.
 */
export function createSecretsManagerCalls(
  region: string,
  context: StoreContext
): SecretsManagerCalls {
  // Checked with the inputs already (src/inputs/store-inputs.ts); read again, not passed down.
  const endpoint = configuredAwsEndpoint(context.env)
  let connecting: Promise<{ sdk: Sdk; client: SecretsManagerClient }> | undefined
  const connect = () => (connecting ??= connectClient(region, endpoint, context))
  return {
    async putSecretValue(input) {
      const { sdk, client } = await connect()
      return withDeadline(context.timeoutMs * MAX_ATTEMPTS, abortSignal =>
        client.send(new sdk.PutSecretValueCommand(input), { abortSignal })
      )
    },
    async updateSecretVersionStage(input) {
      const { sdk, client } = await connect()
      await withDeadline(context.timeoutMs * MAX_ATTEMPTS, abortSignal =>
        client.send(new sdk.UpdateSecretVersionStageCommand(input), { abortSignal })
      )
    }
  }
}

/**
 * Each attempt has the handler's timeouts; this bounds the whole call, a slow-drip body and the
 * SDK's backoff included. The SDK reports an abort mid-body as a deserialization error: the
 * deadline is named for what it is.
 */
async function withDeadline<T>(ms: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms)
  try {
    return await send(signal)
  } catch (error) {
    if (!signal.aborted) throw error
    throw Object.assign(new Error(`the call did not finish within ${ms} ms`), {
      name: 'TimeoutError'
    })
  }
}

async function connectClient(region: string, endpoint: string | undefined, context: StoreContext) {
  // The documented switch for the SDK's NodeVersionSupportWarning (aws/aws-sdk-js-v3#7983): it
  // goes to stderr, which a runner shows in the user's log, and it is about local Node 20 runs
  // only (the action runs on node24). The SDK reads it when the client is built.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const sdk = await import('@aws-sdk/client-secrets-manager')
  // The handler's own warnings (a socket pool at capacity) are for step debug logging only.
  const toDebug = (message: string) => context.log.debug(message)
  // HTTPS_PROXY and NO_PROXY as for every other request of the action (docs/proxy.md): the SDK
  // itself ignores them. Decided for the regional endpoint's name, or the configured one's.
  const url = endpoint ?? `https://secretsmanager.${region}.amazonaws.com`
  const agent = new HttpClient('rotate-composio-webhook-secret', [], { keepAlive: true }).getAgent(
    url
  )
  // The proxy's tunnelling agent is no https.Agent, and the SDK takes an object without destroy()
  // for an agent's constructor options, then connects directly: give it the method it looks for.
  const tunnel = agent as { destroy?: () => void }
  tunnel.destroy ??= () => undefined
  const agents = url.startsWith('https:')
    ? { httpsAgent: agent as HttpsAgent }
    : { httpAgent: agent }
  const client = new sdk.SecretsManagerClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: context.timeoutMs,
      requestTimeout: context.timeoutMs,
      // Without it a breached request timeout is only a console warning, and the call goes on.
      throwOnRequestTimeout: true,
      logger: { debug: toDebug, info: toDebug, warn: toDebug, error: toDebug },
      ...agents
    }
  })
  client.middlewareStack.add(
    next => args => {
      refusePlainHttpOffLoopback(args.request as { protocol?: string; hostname?: string })
      return next(args)
    },
    // Before retries and signing: a refused endpoint never sees a request, nor a credential.
    { step: 'build', name: 'refusePlainHttpOffLoopback' }
  )
  return { sdk, client }
}

/**
 * The SDK can also find an endpoint where this action does not look (a profile's endpoint_url
 * in ~/.aws/config): every request is checked where it is about to leave.
 */
function refusePlainHttpOffLoopback(request: { protocol?: string; hostname?: string } | undefined) {
  if (request?.protocol === 'http:' && !isLoopback(request.hostname ?? '')) {
    throw new StoreError(
      `the AWS endpoint http://${request.hostname ?? ''} must use https (plain http is allowed only to localhost, so that a credential never crosses a network unencrypted)`
    )
  }
}
