// The inputs each action declares, as its action.yml does (test/unit/inputs/declared.test.ts
// holds them equal), and the refusal of a near miss: the runner passes an input it does not know
// (`dry_run: true` for `dry-run`) as INPUT_DRY_RUN and only warns, so the run would go ahead
// without it, and rotate for real.
import { InputError, InputErrors } from './read.js'

export const MAIN_INPUTS = [
  'subscription-id',
  'api-key',
  'user-api-key',
  'github-token',
  'secret-name',
  'repository',
  'environment',
  'targets',
  'cloudflare-api-token',
  'cloudflare-api-url',
  'visibility',
  'selected-repositories',
  'rotate',
  'dry-run',
  'composio-base-url',
  'timeout-seconds',
  'failure-issue',
  'verify-receiver',
  'verify-timeout-seconds',
  'verify-interval-seconds',
  'redeploy',
  'redeploy-timeout-minutes'
] as const

export const VERIFY_RECEIVER_INPUTS = [
  'secret',
  'url',
  'rotated-at',
  'timeout-seconds',
  'interval-seconds'
] as const

const PREFIX = 'INPUT_'

/** The variable the runner sets for an input (@actions/core reads the same). */
export const variableOf = (name: string): string =>
  `${PREFIX}${name.replace(/ /g, '_').toUpperCase()}`

/**
 * The declared input that `given` (an INPUT_ variable's name without the prefix) nearly names:
 * the same but for case and `_`/`-`, or, once those are set aside, at most one edit away for an
 * input of 3 to 7 characters (two reach unrelated words: STATE for rotate), two for a longer one
 * (Damerau-Levenshtein). The closest wins. Undefined for an exact match or a name near none.
 */
export function nearMissOf(given: string, declared: readonly string[]): string | undefined {
  if (declared.some(name => variableOf(name) === `${PREFIX}${given}`)) return undefined
  const plain = given.toLowerCase().replace(/_/g, '-')
  let best: { name: string; distance: number } | undefined
  for (const name of declared) {
    const distance = editDistance(plain, name)
    const allowed = name.length >= 8 ? 2 : name.length >= 3 ? 1 : 0
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance }
  }
  return best?.name
}

/** Every INPUT_ variable in `env` that nearly names a declared input, as one error each. */
export function nearMisses(env: NodeJS.ProcessEnv, declared: readonly string[]): InputError[] {
  return Object.keys(env).flatMap(variable => {
    if (!variable.startsWith(PREFIX)) return []
    const given = variable.slice(PREFIX.length)
    const meant = nearMissOf(given, declared)
    if (meant === undefined) return []
    const shown = given.toLowerCase()
    const problem =
      shown === meant
        ? `was set as ${variable}, which is not read (the action reads ${variableOf(meant)}).`
        : `is not an input of this action (the runner set ${variable}); did you mean '${meant}'?`
    return [
      new InputError(
        shown,
        `${problem} Refused before anything is sent: the runner would only warn, and the run would go ahead without '${meant}'`
      )
    ]
  })
}

/** Throws the near misses of `declared` in `env`, if any. */
export function refuseNearMisses(env: NodeJS.ProcessEnv, declared: readonly string[]): void {
  const [first, ...more] = nearMisses(env, declared)
  if (first) throw more.length === 0 ? first : new InputErrors([first, ...more])
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  const at = (i: number, j: number): number => rows[i]![j]!
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1)
      rows[i]![j] = best
    }
  }
  return at(a.length, b.length)
}
