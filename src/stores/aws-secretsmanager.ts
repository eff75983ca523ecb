// AWS Secrets Manager as a target: the secret's whole SecretString is the webhook secret, read by
// a Lambda or a container at run time, so the receiver has it one round trip after the write.
// Proved writable before the rotation by a version that only our own staging label points to:
// readers ask for AWSCURRENT and never see it.
import { randomUUID } from 'node:crypto'
import { shellQuote } from '../shell.js'
import { createSecretsManagerCalls } from './aws-secretsmanager-client.js'
import { awsStoreError, type FailedCall } from './aws-secretsmanager-errors.js'
import { StoreError, type RuntimeStore, type StoreContext } from './store.js'

/** The staging label of the write check's version: never AWSCURRENT, so no reader gets it. */
export const WRITE_CHECK_LABEL = 'ROTATE_COMPOSIO_WRITE_CHECK'
/** What that version holds: plainly not a secret, should anyone list the versions. */
export const WRITE_CHECK_VALUE =
  'rotate-composio-webhook-secret write check: not a secret, never labelled AWSCURRENT'

export interface AwsSecretsManagerTarget {
  /** The secret's name or ARN, as the target gave it. */
  secretId: string
  region: string
}

export function createAwsSecretsManagerStore(
  target: AwsSecretsManagerTarget,
  context: StoreContext
): RuntimeStore {
  const calls = createSecretsManagerCalls(target.region, context)
  const label = `aws-secretsmanager:${target.secretId}`
  const { secretId } = target
  const attempt = async <T>(
    operation: FailedCall['operation'],
    call: () => Promise<T>,
    secret?: string
  ): Promise<T> => {
    try {
      return await call()
    } catch (error) {
      throw awsStoreError(error, { operation, ...target, timeoutMs: context.timeoutMs }, secret)
    }
  }

  return {
    label,
    async proveWritable() {
      // ClientRequestToken becomes the version's id, and makes the SDK's retries of a write
      // whose answer was lost land on the same version instead of making another.
      const token = randomUUID()
      const put = await attempt('PutSecretValue', () =>
        calls.putSecretValue({
          SecretId: secretId,
          SecretString: WRITE_CHECK_VALUE,
          VersionStages: [WRITE_CHECK_LABEL],
          ClientRequestToken: token
        })
      )
      const proved = `wrote a version labelled ${WRITE_CHECK_LABEL}, never AWSCURRENT`
      try {
        await attempt('UpdateSecretVersionStage', () =>
          calls.updateSecretVersionStage({
            SecretId: secretId,
            VersionStage: WRITE_CHECK_LABEL,
            RemoveFromVersionId: put.VersionId ?? token
          })
        )
      } catch (error) {
        // The write is proved all the same; the label only marks a version no reader asks for,
        // and the next write check moves it.
        context.log.warning(
          `${label}: the write check's version keeps its label ${WRITE_CHECK_LABEL}. ${(error as Error).message} To take it off by hand: ${removeLabelCommand(target, token)}`
        )
        return `${proved}; the label could not be taken off (see the warning)`
      }
      return `${proved}, then took the label off`
    },
    async write(_secretName, secret) {
      // No VersionStages: Secrets Manager moves AWSCURRENT to the new version (and AWSPREVIOUS
      // to the old one), which is what readers get next.
      const put = await attempt(
        'PutSecretValue',
        () =>
          calls.putSecretValue({
            SecretId: secretId,
            SecretString: secret,
            ClientRequestToken: randomUUID()
          }),
        secret
      )
      // Written means readers get it: only an answer that labels the version AWSCURRENT says so.
      if (!put.VersionStages?.includes('AWSCURRENT')) {
        throw new StoreError(
          `AWS Secrets Manager PutSecretValue on '${secretId}' (${target.region}) answered without labelling the new version AWSCURRENT: readers may still get the previous value, so it is not counted as written`
        )
      }
    },
    recipe: () => cliRecipe(target)
  }
}

/**
 * The lines that write the shell variable SECRET (set by the lines the run puts before them,
 * src/report/store-recipe.ts) with the AWS CLI. The value goes in on stdin (`file:///dev/stdin`),
 * never on a command line, where `ps` would show it.
 */
export function cliRecipe(target: { secretId: string; region: string }): string {
  return [
    `printf '%s' "$SECRET" | aws secretsmanager put-secret-value --region ${shellQuote(target.region)} \\`,
    `  --secret-id ${shellQuote(target.secretId)} --secret-string file:///dev/stdin --query VersionId --output text`
  ].join('\n')
}

/** The AWS CLI line that takes the write check's label off its version (ids are ours: quoted). */
function removeLabelCommand(target: AwsSecretsManagerTarget, versionId: string): string {
  return [
    `aws secretsmanager update-secret-version-stage --region ${shellQuote(target.region)}`,
    `--secret-id ${shellQuote(target.secretId)} --version-stage ${WRITE_CHECK_LABEL}`,
    `--remove-from-version-id ${shellQuote(versionId)}`
  ].join(' ')
}
