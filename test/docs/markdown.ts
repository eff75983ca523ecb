// Reading this repository's Markdown as GitHub renders it: sections, tables, code blocks, links
// and heading anchors. Shared by the docs tests; no test of its own.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
export const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')

/** Every page under docs/, as a path from the repository root. */
export const docsPages = (): string[] =>
  readdirSync(join(ROOT, 'docs'))
    .filter(name => name.endsWith('.md'))
    .sort()
    .map(name => `docs/${name}`)

/** The text of every .ts file under `dir` (the source, for messages it must still print). */
export function sourceText(dir: string): string {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
    .map(entry => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

/** The text from a `## title` heading to the next `## ` heading. */
export function section(text: string, title: string, file = 'README.md'): string {
  const start = text.indexOf(`\n## ${title}\n`)
  if (start === -1) throw new Error(`${file} has no '## ${title}' section`)
  const end = text.indexOf('\n## ', start + 1)
  return text.slice(start, end === -1 ? undefined : end)
}

/** The contents of every fenced code block of the given language (` ```yaml `). */
export function codeBlocks(text: string, language: string): string[] {
  const fence = new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm')
  return [...text.matchAll(fence)].map(([, indent = '', body = '']) =>
    body
      .split('\n')
      .map(line => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n')
  )
}

/** The text outside fenced code blocks, where links and headings count. */
export function prose(text: string): string {
  return text.replace(/^( *)```[^\n]*\n[\s\S]*?^\1```$/gm, '')
}

/** The rows of the first Markdown table in `text`, as trimmed cells (header and rule dropped). */
export function tableRows(text: string): string[][] {
  const lines = text.split('\n')
  const first = lines.findIndex(line => line.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break
    // Split on pipes that are not escaped (`\|` inside a cell).
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim())
    )
  }
  return rows
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/** The anchors of a page's headings; a repeated heading gets -1, -2, … as on GitHub. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const [, heading = ''] of prose(text).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    result.add(count === 0 ? base : `${base}-${count}`)
  }
  return result
}

export interface Link {
  text: string
  target: string
}

/** Every inline link of a page (outside code), as written. */
export function links(text: string): Link[] {
  const withoutCode = prose(text).replace(/`[^`\n]*`/g, '')
  return [...withoutCode.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)].map(
    ([, linkText = '', target = '']) => ({
      text: linkText,
      target
    })
  )
}

/** A link's file as a path from the root (the page itself for `#anchor`), and its anchor. */
export function resolveLink(page: string, target: string): { file: string; anchor?: string } {
  const [path = '', anchor] = target.split('#', 2)
  const file = path === '' ? page : relative(ROOT, normalize(join(ROOT, dirname(page), path)))
  return anchor === undefined ? { file } : { file, anchor }
}

/**
 * Why a page's local link is broken, or undefined when its file exists and, for an anchor into a
 * Markdown page, that page has the heading.
 */
export function brokenLink(page: string, target: string): string | undefined {
  if (/^[a-z]+:/i.test(target)) return undefined // https:, mailto: … are not checked here
  const { file, anchor } = resolveLink(page, target)
  if (!existsSync(join(ROOT, file))) return `${page}: ${target}: no file ${file}`
  if (anchor !== undefined && file.endsWith('.md') && !anchors(read(file)).has(anchor)) {
    return `${page}: ${target}: ${file} has no heading #${anchor}`
  }
  return undefined
}
