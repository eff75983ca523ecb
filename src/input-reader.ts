// Reading inputs as the runner passes them, and errors that name the input.

export type Env = Record<string, string | undefined>

export class InputError extends Error {
  override name = 'InputError'
  constructor(input: string, problem: string, kind = 'Input') {
    super(`${kind} '${input}': ${problem}`)
  }
}

/** Reads an input as the runner passes it: INPUT_<NAME UPPERCASED>, hyphens kept, trimmed. */
export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function required(env: Env, name: string, why = ''): string {
  const value = input(env, name)
  if (value === '') throw new InputError(name, `is required and was empty${why}`)
  return value
}

/** Runs a parser, turning its error into one that names the input. */
export function parsed<T>(name: string, parse: () => T, kind?: string): T {
  try {
    return parse()
  } catch (error) {
    throw new InputError(name, (error as Error).message, kind)
  }
}
