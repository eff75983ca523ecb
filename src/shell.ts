// Quoting for the shell recipes this action prints: pasted whole into bash, nothing inside a
// value is expanded or run.

/** Single quotes for a POSIX shell: nothing inside is expanded or run. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}
