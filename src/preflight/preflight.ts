// Step 2, before anything irreversible, all at once: every target's public key (and how an
// organization secret is shared), and Composio's subscription with its current secret. Every
// problem is reported together; any of them leaves the old secret alive.
import { readWebhookSubscription } from '../composio/client.js'
import { ComposioError } from '../composio/errors.js'
import type { Subscription } from '../composio/subscription.js'
import type { Checked, PreparedTarget } from '../context/results.js'
import type { Run } from '../context/run.js'
import { describeGitHubError } from '../github/errors.js'
import {
  getOrganizationAccess,
  getPublicKey,
  getRepositoryId,
  type OrganizationAccess
} from '../github/secrets.js'
import { formatTarget, type Target } from '../inputs/targets.js'

/** A refusal before anything irreversible: its headline, and every problem on a line. */
export class PreflightError extends Error {
  override name = 'PreflightError'
  constructor(
    readonly headline: string,
    readonly problems: string[]
  ) {
    super(`${headline}.\n${problems.map(p => `  - ${p}`).join('\n')}`)
  }
}

/** Composio answered the read, but with the secret masked: not storable without a rotation. */
class MaskedSecretError extends Error {}

/** Fails with every problem at once: `Nothing was rotated: …` and one line per problem. */
export function failBeforeRotation(run: Run, headline: string, problems: string[]): never {
  const nothing = run.settings.rotate ? 'Nothing was rotated' : 'Nothing was written'
  throw new PreflightError(`${nothing}: ${headline}`, problems)
}

export async function preflight(run: Run): Promise<Checked> {
  const { targets } = run.settings
  const [subscription, ...prepared] = await Promise.allSettled([
    readSubscription(run),
    ...targets.map(target => prepare(run, target))
  ])
  const failures = prepared.flatMap((result, index) =>
    result.status === 'rejected'
      ? [`${formatTarget(targets[index]!)}: ${(result.reason as Error).message}`]
      : []
  )
  const composio =
    subscription.status === 'rejected' ? [(subscription.reason as Error).message] : []
  if (failures.length + composio.length > 0) {
    const masked =
      subscription.status === 'rejected' && subscription.reason instanceof MaskedSecretError
    const headline =
      failures.length > 0
        ? `${failures.length} of ${targets.length} targets cannot be written`
        : masked
          ? "Composio's subscription was read, but its secret came back masked"
          : "Composio's subscription cannot be read"
    failBeforeRotation(run, headline, [...composio, ...failures])
  }
  return {
    subscription: (subscription as PromiseFulfilledResult<Subscription | undefined>).value,
    targets: prepared.map(result => (result as PromiseFulfilledResult<PreparedTarget>).value)
  }
}

/**
 * The subscription, with its secret when Composio gives it in full. A refusal (401, 403, 404, a
 * redirect) is a problem; no answer (5xx, network, timeout) is one only when the run needs the
 * secret (`rotate: false`): a rotation does without it.
 */
async function readSubscription(run: Run): Promise<Subscription | undefined> {
  const { rotate, subscriptionId } = run.settings
  let subscription: Subscription
  try {
    subscription = await readWebhookSubscription(run.composio, subscriptionId)
  } catch (error) {
    if (!(error instanceof ComposioError)) throw error
    const { status } = error
    const unanswered = status === undefined || status === 429 || status >= 500
    if (!rotate || !unanswered) throw error
    run.io.warning(`${error.message}. Going on: the rotation does not need this read.`)
    return undefined
  }
  if (!rotate && subscription.secret === undefined) {
    throw new MaskedSecretError(
      "Composio did not return the subscription's full secret (it came masked, empty or missing), so storing it without rotating is impossible. Run with rotate: true to rotate and store the new one"
    )
  }
  return subscription
}

async function prepare(run: Run, target: Target): Promise<PreparedTarget> {
  const [key, access] = await Promise.all([
    explained(
      run,
      'could not read the public key',
      target,
      getPublicKey(run.github.octokit, target)
    ),
    target.kind === 'organization' ? organizationAccess(run, target) : undefined
  ])
  return { target, label: formatTarget(target), key, ...(access && { access }) }
}

/** The visibility to send: the one asked for, else the existing secret's, else private. Never wider than asked. */
async function organizationAccess(
  run: Run,
  target: Target & { kind: 'organization' }
): Promise<OrganizationAccess> {
  const { octokit } = run.github
  const { org } = target
  const { visibility, selectedRepositories, secretName } = run.settings
  switch (visibility) {
    case 'all':
    case 'private':
      return { visibility }
    case 'selected':
      return {
        visibility: 'selected',
        selectedRepositoryIds: await Promise.all(
          selectedRepositories.map(repo =>
            explained(
              run,
              `could not find the selected repository ${org}/${repo}`,
              { kind: 'repository', owner: org, repo },
              getRepositoryId(octokit, org, repo)
            )
          )
        )
      }
    case undefined: {
      const what = `could not read the current visibility of ${secretName}`
      const current = getOrganizationAccess(octokit, target, secretName)
      return (await explained(run, what, target, current)) ?? { visibility: 'private' }
    }
  }
}

/** Awaits one request, turning its failure into `what: HTTP 404: … Hint: …` about `target`. */
async function explained<T>(run: Run, what: string, target: Target, work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw new Error(`${what}: ${describeGitHubError(error, target, run.settings.timeoutMs)}`)
  }
}
