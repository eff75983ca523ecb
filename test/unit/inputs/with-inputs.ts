// Inputs reach the action as the runner passes them: INPUT_<NAME> in process.env, read through
// @actions/core. Each case sets exactly its inputs and leaves process.env as it found it.

export type Inputs = Record<string, string | undefined>

const variable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/** Runs `work` with exactly `inputs` set (undefined: absent), then restores every INPUT_*. */
export function withInputs<T>(inputs: Inputs, work: () => T): T {
  const saved = Object.entries(process.env).filter(([key]) => key.startsWith('INPUT_'))
  const clear = (): void => {
    for (const key of Object.keys(process.env))
      if (key.startsWith('INPUT_')) delete process.env[key]
  }
  clear()
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined) process.env[variable(name)] = value
  }
  try {
    return work()
  } finally {
    clear()
    for (const [key, value] of saved) process.env[key] = value
  }
}

/** `base` with `overrides`; an override of undefined removes the key. */
export function merge(base: Inputs, overrides: Inputs = {}): Inputs {
  const merged: Inputs = { ...base, ...overrides }
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key]
  return merged
}

/** What `work` threw (it must throw). */
export function thrown(work: () => unknown): Error {
  try {
    work()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error; none was thrown')
}
