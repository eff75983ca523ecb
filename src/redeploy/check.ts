// Before the rotation, alongside the preflight: every redeploy line names an active workflow whose
// file, at the ref the dispatch will use, can be started by hand. The dispatch permission itself
// (`actions: write`) can only be proven by dispatching, which would deploy the old secret.
import type { Run } from '../context/run.js'
import { describeGitHubAnswer } from '../github/errors.js'
import type { RedeployLine } from '../inputs/redeploy.js'
import { PreflightError, failBeforeRotation } from '../preflight/preflight.js'
import {
  getFileText,
  getRepositoryFacts,
  getWorkflow,
  type Repository,
  type RepositoryFacts
} from '../github/workflows.js'
import { reachProblem, type TargetAccess } from './reach.js'
import { dispatchTriggerProblem, jobEnvironments } from './workflow-file.js'

/** A line, checked: the workflow's ID and file, and the ref the dispatch will send. */
export interface PreparedRedeploy extends RedeployLine {
  workflowId: number
  workflowPath: string
  /** The line's ref, or the repository's default branch. */
  dispatchRef: string
  /** The workflow's runs page (https), for a run that cannot be identified. */
  runsUrl: string | undefined
}

/** What reading and starting workflows takes, for every hint. */
export const ACTIONS_PERMISSION =
  "'Actions: Read and write' and 'Contents: Read' (fine-grained PAT), 'actions: write' and 'contents: read' (GitHub App), or the repo scope (classic PAT)"

/**
 * Resolves with every line checked, or fails before the rotation listing every bad line. `targets`
 * is the preflight's result: whether each repository can read what is written for it.
 */
export async function checkRedeploys(
  run: Run,
  targets: Promise<TargetAccess[]>
): Promise<PreparedRedeploy[]> {
  // A failed preflight reports itself; reach is judged only on what it prepared. Caught at once:
  // a rejection left unhandled while the lines are read would end the process.
  const preflighted = targets.catch(() => undefined)
  const lines = run.settings.redeploy
  const checked = await Promise.allSettled(lines.map(line => prepare(run, line)))
  const prepared = await preflighted
  const kept = run.settings.visibility === undefined
  const problems = checked.flatMap((result, index) => {
    const problem =
      result.status === 'rejected'
        ? (result.reason as Error).message
        : prepared &&
          reachProblem(
            result.value,
            result.value.repository,
            prepared,
            kept,
            result.value.environments
          )
    return problem ? [`Input 'redeploy', line '${lines[index]!.line}': ${problem}`] : []
  })
  if (problems.length > 0) {
    failBeforeRotation(run, `${problems.length} of ${lines.length} redeploys cannot start`, [
      ...problems,
      "(Starting a workflow also takes 'actions: write', which only a dispatch can prove.)"
    ])
  }
  const ready = checked.map(result => (result as PromiseFulfilledResult<Checked>).value)
  for (const line of ready) {
    run.io.info(
      `Redeploy checked: ${line.owner}/${line.repo} will start ${line.workflowPath} on ${line.dispatchRef} (it declares workflow_dispatch).`
    )
  }
  return ready
}

/**
 * For a preflight that failed: its error, with the redeploy check's problems added once that
 * check has settled too, so that one run names every problem.
 */
export async function withRedeployProblems(
  error: unknown,
  check: Promise<unknown>
): Promise<never> {
  const failed = await check.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (error instanceof PreflightError && failed instanceof PreflightError) {
    throw new PreflightError(error.headline, [...error.problems, ...failed.problems])
  }
  throw error
}

/** One round trip for a workflow given by file name; two for a numeric ID (its path comes first). */
/** A line checked, with what its reach is judged by: the repository's facts, the jobs' environments. */
type Checked = PreparedRedeploy & {
  repository: RepositoryFacts | undefined
  environments: string[] | undefined
}

async function prepare(run: Run, line: RedeployLine): Promise<Checked> {
  const { octokit } = run.github
  const where: Repository = { owner: line.owner, repo: line.repo }
  const byName = !/^\d+$/.test(line.workflow)
  const readFile = (path: string) =>
    explained(run, `could not read ${path}`, 'file', getFileText(octokit, where, path, line.ref))
  const [workflow, repository, text] = await Promise.all([
    explained(
      run,
      'could not read the workflow',
      'workflow',
      getWorkflow(octokit, where, line.workflow)
    ),
    // Its default branch, and, for an organization target, its id and visibility for the reach.
    line.ref === undefined ||
    line.labels.some(label => label.toLowerCase() === `org:${line.owner.toLowerCase()}`)
      ? explained(
          run,
          'could not read the repository',
          'repository',
          getRepositoryFacts(octokit, where)
        )
      : undefined,
    byName ? readFile(`.github/workflows/${line.workflow}`) : undefined
  ])
  // One of the two is given: the repository is read when the line has no ref.
  const dispatchRef = line.ref ?? repository!.defaultBranch
  if (workflow.state !== 'active') {
    throw new Error(
      `the workflow ${workflow.path} is ${workflow.state}, not active; enable it (gh workflow enable ${workflow.id} -R ${line.owner}/${line.repo})`
    )
  }
  const file = text ?? (await readFile(workflow.path))
  const problem = dispatchTriggerProblem(file)
  if (problem) {
    throw new Error(`${workflow.path} at ${dispatchRef} cannot be started by hand: ${problem}`)
  }
  const runsUrl = workflow.htmlUrl && runsPage(workflow.htmlUrl, line, workflow.path)
  return {
    ...line,
    workflowId: workflow.id,
    workflowPath: workflow.path,
    dispatchRef,
    runsUrl,
    repository,
    environments: jobEnvironments(file)
  }
}

/** `https://github.com/acme/app/actions/workflows/deploy.yml`, on the workflow page's server. */
function runsPage(workflowPage: string, where: Repository, path: string): string {
  const file = encodeURIComponent(path.split('/').at(-1) ?? '')
  return `${new URL(workflowPage).origin}/${where.owner}/${where.repo}/actions/workflows/${file}`
}

const NOT_FOUND = {
  workflow:
    'no such workflow in this repository (a file name in .github/workflows, or a numeric ID), or the github-token cannot see the repository',
  file: 'the file is not at that ref (does the branch, tag or commit exist?)',
  repository: 'the repository does not exist, or the github-token cannot see it'
}

async function explained<T>(
  run: Run,
  what: string,
  reading: keyof typeof NOT_FOUND,
  work: Promise<T>
): Promise<T> {
  try {
    return await work
  } catch (error) {
    const why = describeGitHubAnswer(error, run.settings.timeoutMs, status => {
      if (status === 401) return 'the github-token is invalid or expired'
      if (status === 404) return NOT_FOUND[reading]
      if (status === 403)
        return `the github-token cannot read this repository's workflows; redeploying needs ${ACTIONS_PERMISSION}`
      return undefined
    })
    throw new Error(`${what}: ${why}`)
  }
}
