// The `redeploy` input: which workflow to start in each repository once its targets hold the new
// secret, and how long to follow the runs. Pure and light: it runs before anything is loaded.
import { InputError, input, parsed } from './read.js'
import { formatTarget, parseLines, parseRepository, type Target } from './targets.js'

/** One line of `redeploy`: `owner/repo: workflow[@ref]`. */
export interface RedeployLine {
  /** The line as written (trimmed), for messages. */
  line: string
  owner: string
  repo: string
  /** A file name in `.github/workflows/`, or a numeric workflow ID. */
  workflow: string
  /** Undefined: the repository's default branch. */
  ref: string | undefined
  /** The targets of this repository, its environments and its organization, in every store. */
  labels: string[]
}

export interface RedeployOptions {
  redeploy: RedeployLine[]
  /** How long each dispatched run is followed. */
  redeployTimeoutMs: number
}

export const DEFAULT_REDEPLOY_TIMEOUT_MINUTES = 20
/** GitHub cancels a job after 6 hours: following a run longer cannot help. */
const MAX_REDEPLOY_TIMEOUT_MINUTES = 360

const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/
const WORKFLOW_ID = /^\d{1,20}$/
// A branch, tag or full ref, conservatively: it goes into a printed `gh workflow run` command.
const REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/+-]{1,255}$/

/** `targets` undefined: they were invalid (and reported); the lines are checked for form only. */
export function readRedeployOptions(targets: Target[] | undefined): RedeployOptions {
  const text = input('redeploy')
  return {
    redeploy: text === '' ? [] : parsed('redeploy', () => parseRedeployLines(text, targets)),
    redeployTimeoutMs: readTimeoutMinutes() * 60_000
  }
}

function readTimeoutMinutes(): number {
  const text = input('redeploy-timeout-minutes')
  if (text === '') return DEFAULT_REDEPLOY_TIMEOUT_MINUTES
  const minutes = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || minutes <= 0 || minutes > MAX_REDEPLOY_TIMEOUT_MINUTES) {
    throw new InputError(
      'redeploy-timeout-minutes',
      `'${text}' is not a number of minutes above 0 and at most ${MAX_REDEPLOY_TIMEOUT_MINUTES}`
    )
  }
  return minutes
}

/**
 * One repository per line; blank and comment lines as in `targets`. Errors name the line. A
 * repository that receives no target is refused: redeploying it would deploy the old secret.
 */
export function parseRedeployLines(text: string, targets: Target[] | undefined): RedeployLine[] {
  return parseLines(
    text,
    line => parseRedeployLine(line, targets),
    ({ owner, repo }) => `${owner}/${repo}`.toLowerCase(),
    first => `this repository is already on line ${first}; one workflow per repository`
  )
}

function parseRedeployLine(line: string, targets: Target[] | undefined): RedeployLine {
  const colon = line.indexOf(':')
  if (colon === -1) throw new Error('expected owner/repo: workflow[@ref]')
  const { owner, repo } = parseRepository(line.slice(0, colon).trim())
  const rest = line.slice(colon + 1).trim()
  const at = rest.indexOf('@')
  const workflow = at === -1 ? rest : rest.slice(0, at)
  const ref = at === -1 ? undefined : rest.slice(at + 1)
  if (!WORKFLOW_FILE.test(workflow) && !WORKFLOW_ID.test(workflow)) {
    throw new Error(
      `'${workflow}' is not a workflow: give its file name in .github/workflows (deploy.yml) or its numeric ID`
    )
  }
  if (ref !== undefined && !REF.test(ref)) {
    throw new Error(
      `'${ref}' is not a ref: a branch, tag or commit (letters, digits, '.', '_', '/', '+', '-')`
    )
  }
  if (targets === undefined) return { line, owner, repo, workflow, ref, labels: [] }
  const reached = targets.filter(target => reaches(target, owner, repo))
  // A dispatched run reads Actions secrets only: Dependabot and Codespaces targets do not count.
  if (!reached.some(target => target.store === undefined)) {
    throw new Error(
      `${owner}/${repo} receives no target (a dispatched run reads Actions secrets only), so a redeploy would deploy the old secret; add it, an environment of it or its organization to targets`
    )
  }
  return { line, owner, repo, workflow, ref, labels: reached.map(formatTarget) }
}

/** Whether a run in owner/repo reads the target (an organization secret: if its visibility lets it). */
function reaches(target: Target, owner: string, repo: string): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  return target.kind === 'organization'
    ? same(target.org, owner)
    : same(target.owner, owner) && same(target.repo, repo)
}
