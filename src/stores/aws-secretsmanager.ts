// Placeholder: AWS Secrets Manager is built on another branch (issue 24), which replaces this
// file. It exists so that the registry's dynamic import compiles here.
import type { RuntimeStore, StoreContext } from './store.js'
import { StoreError } from './store.js'

export function createAwsSecretsManagerStore(
  target: { secretId: string; region: string },
  _context: StoreContext
): RuntimeStore {
  throw new StoreError(
    `aws-secretsmanager:${target.secretId}: AWS Secrets Manager is not built in this branch`
  )
}
