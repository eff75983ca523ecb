// @ts-check
// What a runner shows of a step's output: it reads the workflow commands instead of printing them.
// `::add-mask::value` lines are hidden and the value is shown as *** from then on; `::debug::` is
// hidden (without step debug logging); `::warning::`, `::error::` and `::notice::` become
// annotations, shown in the log as `Warning: …`, `Error: …`, `Notice: …`. Everything else is shown
// as printed. Used by the demo, so that it shows what a runner shows, no more.

const ANNOTATIONS = { warning: 'Warning', error: 'Error', notice: 'Notice' }

/**
 * One line as a runner shows it, or undefined for a line it hides.
 * @param {string} line
 * @param {Set<string>} masks values registered with ::add-mask::, updated here
 * @returns {string | undefined}
 */
export function showLine(line, masks) {
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
  if (command) {
    const [, name = '', message = ''] = command
    if (name === 'add-mask') {
      if (message !== '') masks.add(message)
      return undefined
    }
    if (name === 'debug') return undefined
    const label = ANNOTATIONS[/** @type {keyof typeof ANNOTATIONS} */ (name)]
    if (label) return mask(`${label}: ${unescapeData(message)}`, masks)
  }
  return mask(line, masks)
}

/**
 * A command's message as @actions/core escapes it: `%`, CR and LF as %25, %0D and %0A.
 * @param {string} text
 */
function unescapeData(text) {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** @param {string} text @param {Set<string>} masks */
function mask(text, masks) {
  let shown = text
  for (const value of masks) shown = shown.split(value).join('***')
  return shown
}

/**
 * A writer that takes output in chunks and passes on whole lines, as a runner shows them.
 * @param {(text: string) => void} out
 */
export function runnerView(out) {
  const masks = new Set()
  let pending = ''
  return {
    /** @param {string} chunk */
    write: chunk => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const shown = showLine(line, masks)
        if (shown !== undefined) out(`${shown}\n`)
      }
    },
    end: () => {
      const shown = pending === '' ? undefined : showLine(pending, masks)
      if (shown !== undefined) out(`${shown}\n`)
      pending = ''
    }
  }
}
