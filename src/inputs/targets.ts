// Where the rotated secret is written, and the one-line syntax users write targets in.
// Pure and dependency-free: it runs before anything heavy is loaded.
import { formatStoreTarget, parseStoreTarget, type StoreTarget } from './store-targets.js'

/**
 * Where GitHub keeps a secret besides Actions: Dependabot secrets (what workflows that Dependabot
 * triggers receive) and Codespaces secrets. Absent means Actions.
 */
export type Store = 'dependabot' | 'codespaces'
export const STORES: readonly Store[] = ['dependabot', 'codespaces']

export type Target = (
  | { kind: 'repository'; owner: string; repo: string }
  | { kind: 'environment'; owner: string; repo: string; environment: string }
  | { kind: 'organization'; org: string }
) & { store?: Store }

/** A line of `targets`: a GitHub secret, or a runtime store (src/inputs/store-targets.ts). */
export type AnyTarget = Target | StoreTarget

export const isStoreTarget = (target: AnyTarget): target is StoreTarget =>
  target.kind === 'cloudflare' || target.kind === 'aws-secretsmanager'

/** The GitHub targets of a list, in order. */
export const githubTargetsOf = (all: AnyTarget[]): Target[] =>
  all.filter((target): target is Target => !isStoreTarget(target))

/** GitHub's hard limit on concurrent requests is 100; one rotation feeding more targets is a smell. */
export const MAX_TARGETS = 100

// Organizations, and users: alphanumerics and single inner hyphens, at most 39 characters.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/
// Enterprise Managed Users own repositories too: GitHub names them `handle_shortcode` (the
// enterprise's shortcode: 3 to 8 alphanumerics), at most 39 characters. Organization names have
// no underscore.
const MANAGED_USER = /^(?=.{5,39}$)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*_[A-Za-z0-9]{3,8}$/
// Repository names: letters, digits, '.', '-', '_', at most 100 characters, never '.' or '..'.
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/
// Environment names: at most 255 characters, no control characters, no surrounding spaces.
// eslint-disable-next-line no-control-regex
const ENVIRONMENT = /^(?! )[^\u0000-\u001f\u007f]{1,255}(?<! )$/

/**
 * The line syntax: `owner/name`, `owner/name@environment` or `org:NAME`, after `dependabot:` or
 * `codespaces:` for those stores.
 */
export function formatTarget(target: Target): string {
  return target.store
    ? `${target.store}:${formatActionsTarget(target)}`
    : formatActionsTarget(target)
}

function formatActionsTarget(target: Target): string {
  switch (target.kind) {
    case 'repository':
      return `${target.owner}/${target.repo}`
    case 'environment':
      return `${target.owner}/${target.repo}@${target.environment}`
    case 'organization':
      return `org:${target.org}`
  }
}

/** Parses one target; the error says what is wrong without naming the input (callers add that). */
export function parseTarget(text: string): Target {
  const store = STORES.find(name => text.toLowerCase().startsWith(`${name}:`))
  if (store === undefined) return parseActionsTarget(text)
  const target = parseActionsTarget(text.slice(store.length + 1))
  if (target.kind === 'environment') {
    throw new Error(
      `${store} secrets have no environments (environments exist only for Actions secrets); write ${store}:${target.owner}/${target.repo}`
    )
  }
  return { ...target, store }
}

function parseActionsTarget(text: string): Target {
  if (text.toLowerCase().startsWith('org:')) {
    const org = text.slice(4)
    if (!OWNER.test(org)) throw new Error(`'${org}' is not an organization name`)
    return { kind: 'organization', org }
  }
  const at = text.indexOf('@')
  const repository = at === -1 ? text : text.slice(0, at)
  const { owner, repo } = parseRepository(repository)
  if (at === -1) return { kind: 'repository', owner, repo }
  const environment = text.slice(at + 1)
  if (!ENVIRONMENT.test(environment)) {
    throw new Error(
      `'${environment}' is not an environment name (1 to 255 characters, no control characters, no leading or trailing space)`
    )
  }
  return { kind: 'environment', owner, repo, environment }
}

export function isRepositoryName(name: string): boolean {
  return REPO.test(name)
}

export function parseRepository(text: string): { owner: string; repo: string } {
  const parts = text.split('/')
  const [owner, repo] = parts
  const isOwner = (name: string) => OWNER.test(name) || MANAGED_USER.test(name)
  if (parts.length !== 2 || !owner || !repo || !isOwner(owner) || !REPO.test(repo)) {
    throw new Error(`'${text}' is not a repository; expected owner/name`)
  }
  return { owner, repo }
}

/**
 * Parses the `targets` input: one target per line; blank lines and comment lines (first
 * non-blank character `#`) are skipped. A `#` anywhere else is part of the name: environment
 * names may hold one, and a name the user wrote is never shortened silently.
 * Errors name the line number and the line, so a long list is easy to fix.
 */
export function parseTargetLines(text: string): AnyTarget[] {
  // GitHub treats owner, repository, environment and organization names case-insensitively;
  // a Secrets Manager name is case-sensitive (a Cloudflare target is lower-cased when parsed).
  const key = (target: AnyTarget): string =>
    isStoreTarget(target) ? formatStoreTarget(target) : formatTarget(target).toLowerCase()
  const parse = (line: string): AnyTarget => parseStoreTarget(line) ?? parseTarget(line)
  const targets = parseLines(text, parse, key)
  if (targets.length === 0) throw new Error('no targets: give at least one line')
  if (targets.length > MAX_TARGETS) {
    throw new Error(`${targets.length} targets: at most ${MAX_TARGETS} are allowed`)
  }
  return targets
}

/** Every bad line of a multi-line input, each named by its number and text. */
export class LineErrors extends Error {
  override name = 'LineErrors'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/**
 * The lines of a multi-line input, each parsed: blank and comment lines skipped, an error or a
 * duplicate (same `key`) named by its line number and text. Every bad line is reported at once,
 * in one LineErrors.
 */
export function parseLines<T>(
  text: string,
  parse: (line: string) => T,
  key: (value: T) => string,
  duplicate = (first: number) => `duplicate of line ${first}`
): T[] {
  const values: T[] = []
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const where = `line ${index + 1} ('${line}')`
    let value: T
    try {
      value = parse(line)
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`)
      continue
    }
    const first = seen.get(key(value))
    if (first !== undefined) problems.push(`${where}: ${duplicate(first)}`)
    else seen.set(key(value), index + 1)
    values.push(value)
  }
  if (problems.length > 0) throw new LineErrors(problems)
  return values
}
