// Whether a workflow file can be started by hand: its `on:` must declare `workflow_dispatch`.
// Pure: text in, a problem (or none) out.
import { parse } from 'yaml'

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
  if (triggers.includes(TRIGGER)) return undefined
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
