// Inputs as the runner passes them, through @actions/core, and errors that name the input.
import * as core from '@actions/core'

export class InputError extends Error {
  override name = 'InputError'
  constructor(input: string, problem: string, kind = 'Input') {
    super(`${kind} '${input}': ${problem}`)
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

/** Runs a parser, turning its error into one that names the input. */
export function parsed<T>(name: string, parse: () => T, kind?: string): T {
  try {
    return parse()
  } catch (error) {
    throw new InputError(name, (error as Error).message, kind)
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
