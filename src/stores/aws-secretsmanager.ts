// AWS Secrets Manager as a target: the secret's whole SecretString is the webhook secret, read by
// a Lambda or a container at run time, so the receiver has it one round trip after the write.
// Proved writable before the rotation by a version that only our own staging label points to:
// readers ask for AWSCURRENT and never see it.
import { randomUUID } from 'node:crypto'
import { shellQuote } from '../run/recipes.js'
import { createSecretsManagerCalls } from './aws-secretsmanager-client.js'
import { awsStoreError, type FailedCall } from './aws-secretsmanager-errors.js'
import type { RuntimeStore, StoreContext } from './store.js'

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
          `${label}: the write check's version keeps its label ${WRITE_CHECK_LABEL}. ${(error as Error).message}`
        )
        return `${proved}; the label could not be taken off (see the warning)`
      }
      return `${proved}, then took the label off`
    },
    async write(_secretName, secret) {
      // No VersionStages: Secrets Manager moves AWSCURRENT to the new version (and AWSPREVIOUS
      // to the old one), which is what readers get next.
      await attempt(
        'PutSecretValue',
        () =>
          calls.putSecretValue({
            SecretId: secretId,
            SecretString: secret,
            ClientRequestToken: randomUUID()
          }),
        secret
      )
    },
    recipe: () => rerunRecipe(label, target.region, context.env)
  }
}

/**
 * No sealed value can be shown for this store, so the recipe has the action store Composio's
 * current secret itself: this workflow again, without rotating, for this target only.
 */
export function rerunRecipe(label: string, region: string, env: StoreContext['env']): string {
  const workflow = workflowFile(env.GITHUB_WORKFLOW_REF)
  const command = [
    'gh workflow run',
    workflow
      ? shellQuote(workflow)
      : '"${WORKFLOW:?set WORKFLOW to the file name of this workflow}"',
    env.GITHUB_REPOSITORY ? `--repo ${shellQuote(env.GITHUB_REPOSITORY)}` : '',
    env.GITHUB_REF_NAME ? `--ref ${shellQuote(env.GITHUB_REF_NAME)}` : '',
    `-f rotate=false -f targets=${shellQuote(label)}`
  ]
  return [
    `# To finish ${label} (${region}) by hand, without the secret ever being printed: run this`,
    "# workflow again with rotate=false for this target only, and the action stores the subscription's",
    '# current secret there. Its workflow_dispatch inputs rotate and targets must reach the action,',
    '# as in examples/aws-secrets-manager.yml. Do not run it with rotate=true: that rotates again.',
    command.filter(Boolean).join(' ')
  ].join('\n')
}

/** `octo/app/.github/workflows/rotate.yml@refs/heads/main` → `rotate.yml`. */
function workflowFile(workflowRef: string | undefined): string | undefined {
  const path = workflowRef?.replace(/@[^@]*$/, '')
  const match = path?.match(/\/\.github\/workflows\/([^/]+)$/)
  return match?.[1]
}
