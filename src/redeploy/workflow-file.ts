// Whether a workflow file can be started by hand: its `on:` must declare `workflow_dispatch`, and
// the dispatch, which sends no inputs, must satisfy it: no input required without a default.
// Pure: text in, a problem (or none) out.
import { parse } from 'yaml'
import { serverText } from '../http/http.js'

const TRIGGER = 'workflow_dispatch'

/** Undefined when the file declares `workflow_dispatch`; else what is wrong, for an error. */
export function dispatchTriggerProblem(text: string): string | undefined {
  let workflow: unknown
  try {
    workflow = parse(text)
  } catch (error) {
    const where = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line
    return `it is not valid YAML${where === undefined ? '' : ` (line ${where})`}`
  }
  if (typeof workflow !== 'object' || workflow === null || Array.isArray(workflow)) {
    return 'it is not a workflow (no mapping at the top)'
  }
  const fields = workflow as Record<string, unknown>
  // YAML 1.1 reads a bare `on` as the boolean true: a workflow written or converted by a YAML 1.1
  // tool may hold the key `true`. GitHub reads both.
  const on = 'on' in fields ? fields['on'] : fields['true']
  const triggers = triggerNames(on)
  if (triggers.includes(TRIGGER)) return requiredInputsProblem(on)
  return triggers.length === 0
    ? `its on: declares no trigger; add ${TRIGGER}`
    : `its on: declares ${triggers.join(', ')} but not ${TRIGGER}; add it`
}

/** `on: push`, `on: [push, workflow_dispatch]`, or `on: { workflow_dispatch: … }`. */
function triggerNames(on: unknown): string[] {
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.filter((name): name is string => typeof name === 'string')
  if (typeof on === 'object' && on !== null) return Object.keys(on)
  return []
}

/**
 * GitHub refuses a dispatch that leaves a required input without a default (422), which would come
 * after the rotation. The redeploy sends no inputs (see docs/redeploy.md): such a workflow is refused.
 */
function requiredInputsProblem(on: unknown): string | undefined {
  const dispatch = (on as Record<string, unknown>)[TRIGGER]
  const inputs = (dispatch as { inputs?: unknown } | null | undefined)?.inputs
  if (typeof inputs !== 'object' || inputs === null) return undefined
  const missing = Object.entries(inputs as Record<string, unknown>).flatMap(([name, spec]) => {
    const fields = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<
      string,
      unknown
    >
    // `'true'` is not the boolean GitHub's schema asks for: such a file cannot be dispatched
    // either. An empty default fills nothing: GitHub still finds the input not provided.
    const required = fields['required'] === true || fields['required'] === 'true'
    const empty = fields['default'] === ''
    if (!required || (fields['default'] ?? '') !== '') return []
    return [`'${serverText(name, 100)}'${empty ? ' (its default is empty)' : ''}`]
  })
  if (missing.length === 0) return undefined
  return `its ${TRIGGER} input${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required without a default, and a redeploy sends no inputs; give ${missing.length > 1 ? 'them defaults' : 'it a default'} or make ${missing.length > 1 ? 'them' : 'it'} optional`
}

/**
 * The environments the workflow's jobs run in, which are the only ones whose secrets its run
 * reads; undefined when the file cannot settle it: a job's environment given by an expression, or
 * a job that calls a reusable workflow (its jobs are in another file). Names as written.
 */
export function jobEnvironments(text: string): string[] | undefined {
  let jobs: unknown
  try {
    jobs = (parse(text) as { jobs?: unknown } | null)?.jobs
  } catch {
    return undefined
  }
  if (typeof jobs !== 'object' || jobs === null) return []
  const names: string[] = []
  for (const job of Object.values(jobs as Record<string, unknown>)) {
    const fields = (typeof job === 'object' && job !== null ? job : {}) as Record<string, unknown>
    if ('uses' in fields) return undefined
    const environment = fields['environment']
    const name =
      typeof environment === 'object' && environment !== null
        ? (environment as { name?: unknown }).name
        : environment
    if (name === undefined || name === null) continue
    if (typeof name !== 'string' || name.includes('${{')) return undefined
    names.push(name)
  }
  return names
}
