// The runtime stores a target may name besides GitHub's: a receiver that reads its secret from one
// of them sees the new secret one API call after the rotation, with no redeploy. Pure syntax, as
// targets.ts: it runs before anything heavy is loaded.

export type StoreTarget =
  | { kind: 'cloudflare'; accountId: string; scriptName: string }
  | {
      kind: 'aws-secretsmanager'
      secretId: string
      /** From the ARN; a plain name takes AWS_REGION (src/inputs/store-inputs.ts). */
      region: string | undefined
    }

export type StoreKind = StoreTarget['kind']
export const STORE_KINDS: readonly StoreKind[] = ['cloudflare', 'aws-secretsmanager']

// Cloudflare account IDs: 32 hex digits (the dashboard's "Account ID").
const ACCOUNT_ID = /^[0-9a-f]{32}$/i
// Worker names: lowercase letters, digits, '-' and '_', at most 63 characters (a DNS label for
// workers.dev; the API's own example is `this-is_my_script-01`).
const SCRIPT_NAME = /^[a-z0-9_-]{1,63}$/
// Secrets Manager names: 1 to 512 of A-Za-z0-9/_+=.@- (the service's CreateSecret Name rule).
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/
/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, … */
export const AWS_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/
const ARN = /^arn:aws(?:-[a-z]+)*:secretsmanager:([^:]*):(\d{12}):secret:(.*)$/

/** `cloudflare:<account_id>/<script_name>` or `aws-secretsmanager:<name or ARN>`. */
export function formatStoreTarget(target: StoreTarget): string {
  return target.kind === 'cloudflare'
    ? `cloudflare:${target.accountId}/${target.scriptName}`
    : `aws-secretsmanager:${target.secretId}`
}

/** The store a line names, or undefined when it names none (a GitHub target). */
export function parseStoreTarget(text: string): StoreTarget | undefined {
  const colon = text.indexOf(':')
  const kind = STORE_KINDS.find(name => text.slice(0, colon).toLowerCase() === name)
  if (kind === undefined) return undefined
  const rest = text.slice(colon + 1)
  return kind === 'cloudflare' ? parseCloudflare(rest) : parseSecretsManager(rest)
}

function parseCloudflare(text: string): StoreTarget {
  const [accountId = '', scriptName = '', ...more] = text.split('/')
  if (more.length > 0 || !ACCOUNT_ID.test(accountId)) {
    throw new Error(
      `'cloudflare:${text}' is not a Cloudflare Worker; expected cloudflare:<account_id>/<script_name>, the account ID being 32 hex digits`
    )
  }
  if (!SCRIPT_NAME.test(scriptName)) {
    throw new Error(
      `'${scriptName}' is not a Worker name (1 to 63 lowercase letters, digits, '-' or '_')`
    )
  }
  return { kind: 'cloudflare', accountId: accountId.toLowerCase(), scriptName }
}

function parseSecretsManager(text: string): StoreTarget {
  const arn = ARN.exec(text)
  if (text.startsWith('arn:') && !arn) {
    throw new Error(
      `'${text}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<12-digit account>:secret:<name>)`
    )
  }
  const [, region, , name] = arn ?? [undefined, undefined, undefined, text]
  if (region !== undefined && !AWS_REGION.test(region)) {
    throw new Error(`'${region}' in '${text}' is not an AWS region (such as us-east-1)`)
  }
  if (!SECRET_NAME.test(name ?? '')) {
    throw new Error(
      `'${name}' is not a Secrets Manager secret name (1 to 512 letters, digits or /_+=.@-)`
    )
  }
  return { kind: 'aws-secretsmanager', secretId: text, region }
}
