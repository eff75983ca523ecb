// @ts-check
// The fake Secrets Manager's secrets: versions and staging labels as the service keeps them
// (PutSecretValue without VersionStages moves AWSCURRENT and AWSPREVIOUS; a label is on one
// version at a time; UpdateSecretVersionStage needs RemoveFromVersionId when the label is
// elsewhere, and never strands AWSCURRENT), the errors the service answers, and a record of
// what readers could see. Plain ESM: runs under `node` as is.
import crypto from 'node:crypto'

/** @typedef {{ id: string, value: string, stages: Set<string> }} Version */
/**
 * @typedef {object} Secret
 * @property {string} name
 * @property {string} arn
 * @property {Version[]} versions
 * @property {Set<string>} denied operations the caller's role may not call
 * @property {'ok' | 'denied' | 'disabled'} kms the secret's key: usable, not by this role, disabled
 * @property {boolean} deleted scheduled for deletion
 * @property {string[]} everCurrent every value AWSCURRENT pointed to, in order
 */
/** @typedef {{ output: object } | { error: string, message: string }} Outcome */

const ROLE = 'arn:aws:sts::123456789012:assumed-role/rotate-composio/GitHubActions'
const CURRENT = 'AWSCURRENT'
const PREVIOUS = 'AWSPREVIOUS'

/** @param {string} region @param {Record<string, string>} initial name → current value */
export function createSecretStore(region, initial) {
  /** @type {Map<string, Secret>} */
  const secrets = new Map()
  /** @type {string[]} every SecretString GetSecretValue returned */
  const reads = []

  /** @param {string} name @param {string} value */
  function add(name, value) {
    const arn = `arn:aws:secretsmanager:${region}:123456789012:secret:${name}-AbC123`
    const version = { id: crypto.randomUUID(), value, stages: new Set([CURRENT]) }
    /** @type {Secret} */
    const secret = {
      name,
      arn,
      versions: [version],
      denied: new Set(),
      kms: 'ok',
      deleted: false,
      everCurrent: [value]
    }
    secrets.set(name, secret)
    return secret
  }
  for (const [name, value] of Object.entries(initial)) add(name, value)

  /** @param {string} name */
  const get = name => {
    const secret = secrets.get(name)
    if (!secret) throw new Error(`no secret ${name} in the fake`)
    return secret
  }
  /** @param {string} id */
  const find = id => [...secrets.values()].find(s => s.name === id || s.arn === id)

  /** @param {string} operation @param {any} body @returns {Outcome} */
  function apply(operation, body) {
    const secret = find(body.SecretId)
    if (!secret)
      return fail('ResourceNotFoundException', "Secrets Manager can't find the specified secret.")
    if (secret.denied.has(operation))
      return fail(
        'AccessDeniedException',
        `User: ${ROLE} is not authorized to perform: secretsmanager:${operation} on resource: ${body.SecretId} because no identity-based policy allows the secretsmanager:${operation} action`
      )
    if (secret.deleted)
      return fail(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was marked for deletion."
      )
    if (operation !== 'UpdateSecretVersionStage' && secret.kms === 'denied')
      return fail('AccessDeniedException', 'Access to KMS is not allowed')
    if (operation === 'PutSecretValue') return put(secret, body)
    if (operation === 'UpdateSecretVersionStage') return restage(secret, body)
    return read(secret, body)
  }

  /** @param {Secret} secret @param {any} body @returns {Outcome} */
  function put(secret, body) {
    if (secret.kms === 'disabled')
      return fail(
        'EncryptionFailure',
        "Secrets Manager can't encrypt the protected secret text using the provided KMS key. Check that the KMS key is available, enabled, and not in an invalid state."
      )
    const id = body.ClientRequestToken ?? crypto.randomUUID()
    const same = secret.versions.find(v => v.id === id)
    if (same && same.value !== body.SecretString)
      return fail(
        'ResourceExistsException',
        "You can't modify an existing version, you can only create new versions."
      )
    if (!same) {
      const version = { id, value: body.SecretString, stages: new Set() }
      secret.versions.push(version)
      for (const stage of body.VersionStages ?? [CURRENT]) attach(secret, version, stage)
    }
    const version = same ?? /** @type {Version} */ (secret.versions.at(-1))
    return {
      output: {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: id,
        VersionStages: [...version.stages]
      }
    }
  }

  /** @param {Secret} secret @param {any} body @returns {Outcome} */
  function restage(secret, body) {
    const stage = body.VersionStage
    const holder = secret.versions.find(v => v.stages.has(stage))
    const to = secret.versions.find(v => v.id === body.MoveToVersionId)
    if (body.MoveToVersionId && !to)
      return fail('InvalidParameterException', 'MoveToVersionId is not a version of this secret.')
    if (holder && holder !== to && body.RemoveFromVersionId !== holder.id)
      return fail(
        'InvalidParameterException',
        `The staging label ${stage} is attached to version ${holder.id}: name it in RemoveFromVersionId.`
      )
    if (stage === CURRENT && !to)
      return fail(
        'InvalidParameterException',
        'You can only move AWSCURRENT to another version, not remove it.'
      )
    holder?.stages.delete(stage)
    if (to) attach(secret, to, stage)
    return { output: { ARN: secret.arn, Name: secret.name } }
  }

  /** @param {Secret} secret @param {any} body @returns {Outcome} */
  function read(secret, body) {
    if (secret.kms === 'disabled')
      return fail(
        'DecryptionFailure',
        "Secrets Manager can't decrypt the protected secret text using the provided KMS key."
      )
    const stage = body.VersionId ? undefined : (body.VersionStage ?? CURRENT)
    const version = secret.versions.find(v =>
      stage ? v.stages.has(stage) : v.id === body.VersionId
    )
    if (!version)
      return fail(
        'ResourceNotFoundException',
        `Secrets Manager can't find the specified secret value for staging label: ${stage}`
      )
    reads.push(version.value)
    const { arn: ARN, name: Name } = secret
    return {
      output: {
        ARN,
        Name,
        VersionId: version.id,
        SecretString: version.value,
        VersionStages: [...version.stages],
        CreatedDate: Date.now() / 1000
      }
    }
  }

  /** A label on one version at a time; AWSCURRENT leaves AWSPREVIOUS behind. @param {Secret} secret @param {Version} version @param {string} stage */
  function attach(secret, version, stage) {
    const holder = secret.versions.find(v => v.stages.has(stage))
    if (holder === version) return
    holder?.stages.delete(stage)
    if (stage === CURRENT && holder) {
      for (const v of secret.versions) v.stages.delete(PREVIOUS)
      holder.stages.add(PREVIOUS)
    }
    version.stages.add(stage)
    if (stage === CURRENT) secret.everCurrent.push(version.value)
  }

  return {
    add,
    apply,
    reads,
    /** @param {string} name */
    current: name => get(name).versions.find(v => v.stages.has(CURRENT))?.value,
    /** @param {string} name */
    everCurrent: name => [...get(name).everCurrent],
    /** @param {string} name @returns {{ value: string, stages: string[] }[]} */
    versions: name => get(name).versions.map(v => ({ value: v.value, stages: [...v.stages] })),
    /** @param {string} name @param {string} operation */
    deny: (name, operation) => void get(name).denied.add(operation),
    /** @param {string} name @param {'ok' | 'denied' | 'disabled'} kms */
    setKms: (name, kms) => void (get(name).kms = kms),
    /** @param {string} name */
    scheduleDeletion: name => void (get(name).deleted = true)
  }
}

/** @param {string} error @param {string} message @returns {Outcome} */
const fail = (error, message) => ({ error, message })
