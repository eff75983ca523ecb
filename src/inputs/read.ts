// Inputs as the runner passes them, through @actions/core, and errors that name the input.
import * as core from '@actions/core'
import { LineErrors } from './targets.js'

export class InputError extends Error {
  override name = 'InputError'
  constructor(input: string, problem: string, kind = 'Input') {
    super(`${kind} '${input}': ${problem}`)
  }
}

/** Every invalid input of a run, one `Input 'x': …` line each, in the order they were read. */
export class InputErrors extends InputError {
  override name = 'InputErrors'
  constructor(readonly errors: InputError[]) {
    super('', '')
    this.message = errors.map(error => error.message).join('\n')
  }
}

/**
 * Reads inputs so that a run reports every invalid one at once: `read` runs one reader and keeps
 * its InputError (any other error is a bug, thrown at once); `settled` throws what was kept.
 */
export class InputReader {
  private readonly errors: InputError[] = []

  /** The reader's value, or undefined when it refused its input. */
  read<T>(reader: () => T): T | undefined {
    try {
      return reader()
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      this.errors.push(...(error instanceof InputErrors ? error.errors : [error]))
      return undefined
    }
  }

  /** Keeps errors found without a reader. */
  refuse(errors: InputError[]): void {
    this.errors.push(...errors)
  }

  /** `values`, once every reader succeeded; else the one error, or InputErrors listing them all. */
  settled<T extends Record<string, unknown>>(values: T): { [K in keyof T]: NonNullable<T[K]> } {
    const [first, ...more] = this.errors
    if (first) throw more.length === 0 ? first : new InputErrors(this.errors)
    return values as { [K in keyof T]: NonNullable<T[K]> }
  }
}

/** An input, trimmed; empty when not given. */
export function input(name: string): string {
  return core.getInput(name)
}

export function required(name: string, why = ''): string {
  const value = input(name)
  if (value === '') throw new InputError(name, `is required and was empty${why}`)
  return value
}

/**
 * A boolean input. Empty takes `fallback`: outside a runner (a local run) action.yml's defaults
 * are not applied, and core.getBooleanInput refuses an empty value.
 */
export function boolean(name: string, fallback: boolean): boolean {
  const value = input(name)
  if (value === '') return fallback
  try {
    return core.getBooleanInput(name)
  } catch {
    throw new InputError(name, `'${value}' is not a boolean; use true or false`)
  }
}

/** Runs a parser, turning its error (or each bad line's) into one that names the input. */
export function parsed<T>(name: string, parse: () => T, kind?: string): T {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof LineErrors)) throw new InputError(name, (error as Error).message, kind)
    const [first, ...more] = error.problems.map(problem => new InputError(name, problem, kind))
    throw more.length === 0 ? first! : new InputErrors([first!, ...more])
  }
}

/** A number of seconds from 1 to `max`, as text such as 10 or 2.5; empty takes `fallback`. */
export function seconds(name: string, fallback: number, max: number): number {
  const text = input(name)
  if (text === '') return fallback
  const value = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || value < 1 || value > max) {
    throw new InputError(name, `'${text}' is not a number of seconds from 1 to ${max}`)
  }
  return value
}
