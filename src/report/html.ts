// Pieces of the job summary's HTML. @actions/core's builder escapes nothing: every text from an
// input or a server goes through escapeHtml. Light: main.ts uses it before anything else loads.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export const code = (text: string): string => `<code>${escapeHtml(text)}</code>`
export const paragraph = (html: string): string => `<p>${html}</p>`

/** A table's first row, for the builder's addTable: the column names, as header cells. */
export const header = (...names: string[]) => names.map(data => ({ data, header: true }))

/** The marks a status starts with: a failure is seen at a glance. */
export const OK = '✅'
export const FAILED = '❌'
