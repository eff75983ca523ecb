// @ts-check
// `npm run bundle-report`: where the bytes of dist/ go. Reads every dist/*.js.map, attributes each
// byte of the generated chunk to the source its mapping points at (decoding the VLQ `mappings`),
// groups sources by package (the path after the last node_modules/; this action's own files are
// "(this action: src/)"), and prints package → bytes. `source bytes` is the length of the
// original text in `sourcesContent`, for comparison. Plain ESM: runs under `node` as is.
//
//   node scripts/bundle-report.js [--dist DIR] [--top N] [--files]
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, dirname, basename } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * @typedef {object} SourceStat
 * @property {string} source the source path as the map names it
 * @property {string} pkg the package it belongs to
 * @property {number} bundleBytes bytes of the generated chunk mapped to this source
 * @property {number} sourceBytes UTF-8 length of its sourcesContent
 * @property {string} chunk the generated file
 */
/**
 * @typedef {object} ChunkStat
 * @property {string} file e.g. 752.index.js
 * @property {number} bytes size on disk
 * @property {number} unmappedBytes bytes no mapping points at (webpack runtime and module wrappers)
 * @property {string[]} packages packages in it, largest first
 */
/**
 * @typedef {object} PackageStat
 * @property {string} pkg
 * @property {number} bundleBytes
 * @property {number} sourceBytes
 * @property {number} files
 * @property {string[]} chunks
 */
/**
 * @typedef {object} BundleReport
 * @property {ChunkStat[]} chunks
 * @property {PackageStat[]} packages largest first
 * @property {SourceStat[]} sources largest first
 * @property {number} totalBytes all dist/*.js and dist/*.cjs
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]))

/**
 * Decodes one segment of a source map's `mappings` (base64 VLQ) into its numbers.
 * @param {string} segment
 * @returns {number[]}
 */
export function decodeVlq(segment) {
  /** @type {number[]} */
  const out = []
  let value = 0
  let shift = 0
  for (const c of segment) {
    const digit = B64_VALUE.get(c)
    if (digit === undefined) throw new Error(`bad VLQ character ${c}`)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
      continue
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1)
    value = 0
    shift = 0
  }
  return out
}

/**
 * The package a source belongs to: the path after the last node_modules/, else a label.
 * @param {string} source
 * @returns {string}
 */
export function packageOf(source) {
  const at = source.lastIndexOf('node_modules/')
  if (at >= 0) {
    const parts = source.slice(at + 'node_modules/'.length).split('/')
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source)
  }
  if (/(^|\/)src\//.test(source)) return '(this action: src/)'
  if (source.includes('external ')) return '(imports of node: builtins)'
  if (source.includes('webpack/')) return '(webpack runtime)'
  return source
}

/**
 * @param {string} distDir
 * @returns {BundleReport}
 */
export function bundleReport(distDir = join(ROOT, 'dist')) {
  const jsFiles = readdirSync(distDir)
    .filter(f => f.endsWith('.js') || f.endsWith('.cjs'))
    .sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b)))
  /** @type {SourceStat[]} */
  const sources = []
  /** @type {ChunkStat[]} */
  const chunks = []
  let totalBytes = 0
  for (const file of jsFiles) {
    const bytes = statSync(join(distDir, file)).size
    totalBytes += bytes
    /** @type {ChunkStat} */
    const chunk = { file, bytes, unmappedBytes: bytes, packages: [] }
    chunks.push(chunk)
    let map
    try {
      map = JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8'))
    } catch {
      // No source map (ncc's sourcemap-register.cjs): the file is its own entry.
      sources.push({
        source: file,
        pkg: `(${file}, no map)`,
        bundleBytes: bytes,
        sourceBytes: 0,
        chunk: file
      })
      chunk.unmappedBytes = 0
      chunk.packages = [`(${file}, no map)`]
      continue
    }
    /** @type {string[]} */
    const names = map.sources ?? []
    /** @type {(string | null)[]} */
    const contents = map.sourcesContent ?? []
    const perSource = names.map(() => 0)
    const lines = readFileSync(join(distDir, file), 'utf8').split('\n')
    const mappingLines = String(map.mappings ?? '').split(';')
    let sourceIndex = 0
    let mapped = 0
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l] ?? ''
      const newline = l < lines.length - 1 ? 1 : 0
      /** @type {{ col: number, src: number | undefined }[]} */
      const segments = []
      let col = 0
      for (const seg of (mappingLines[l] ?? '').split(',')) {
        if (seg === '') continue
        const v = decodeVlq(seg)
        col += v[0] ?? 0
        if (v.length >= 4) {
          sourceIndex += v[1] ?? 0
          segments.push({ col, src: sourceIndex })
        } else segments.push({ col, src: undefined })
      }
      if (segments.length === 0) continue
      // Byte offsets: columns are UTF-16 units; most lines are ASCII, so convert only if needed.
      const ascii = Buffer.byteLength(line) === line.length
      /** @param {number} a @param {number} b */
      const bytesOf = (a, b) => (ascii ? b - a : Buffer.byteLength(line.slice(a, b)))
      for (let s = 0; s < segments.length; s++) {
        const seg = /** @type {{ col: number, src: number | undefined }} */ (segments[s])
        const end = segments[s + 1]?.col ?? line.length
        const extra = s === segments.length - 1 ? newline : 0
        if (seg.src === undefined) continue
        const n = bytesOf(seg.col, end) + extra
        perSource[seg.src] = (perSource[seg.src] ?? 0) + n
        mapped += n
      }
    }
    chunk.unmappedBytes = bytes - mapped
    /** @type {Map<string, number>} */
    const chunkPackages = new Map()
    names.forEach((source, i) => {
      const pkg = packageOf(source)
      const bundleBytes = perSource[i] ?? 0
      const content = contents[i]
      sources.push({
        source,
        pkg,
        bundleBytes,
        sourceBytes: typeof content === 'string' ? Buffer.byteLength(content) : 0,
        chunk: file
      })
      chunkPackages.set(pkg, (chunkPackages.get(pkg) ?? 0) + bundleBytes)
    })
    chunk.packages = [...chunkPackages]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([p]) => p)
  }
  /** @type {Map<string, PackageStat>} */
  const byPackage = new Map()
  for (const s of sources) {
    const p = byPackage.get(s.pkg) ?? {
      pkg: s.pkg,
      bundleBytes: 0,
      sourceBytes: 0,
      files: 0,
      chunks: []
    }
    p.bundleBytes += s.bundleBytes
    p.sourceBytes += s.sourceBytes
    p.files++
    if (!p.chunks.includes(s.chunk) && s.bundleBytes > 0) p.chunks.push(s.chunk)
    byPackage.set(s.pkg, p)
  }
  const unmapped = chunks.reduce((n, c) => n + c.unmappedBytes, 0)
  byPackage.set('(unmapped: webpack runtime, module wrappers)', {
    pkg: '(unmapped: webpack runtime, module wrappers)',
    bundleBytes: unmapped,
    sourceBytes: 0,
    files: 0,
    chunks: chunks.filter(c => c.unmappedBytes > 0).map(c => c.file)
  })
  return {
    chunks,
    packages: [...byPackage.values()].sort((a, b) => b.bundleBytes - a.bundleBytes),
    sources: sources.sort((a, b) => b.bundleBytes - a.bundleBytes),
    totalBytes
  }
}

/** @param {number} n */
export const kb = n => `${(n / 1024).toFixed(1)} KiB`

/**
 * A chunk as a page names it. webpack names the chunks other than index.js by their chunk id
 * (`768.index.js`), which changes whenever the source does: a page names them by what they hold.
 * @param {ChunkStat} chunk
 */
export function chunkLabel(chunk) {
  if (!/^\d+\.index\.js$/.test(chunk.file)) return chunk.file
  return `chunk of ${chunk.packages[0] ?? 'the webpack runtime'}`
}

/**
 * A markdown table of the top packages by bytes in the bundle.
 * @param {BundleReport} report
 * @param {number} [top]
 * @returns {string}
 */
export function formatPackages(report, top = 15) {
  const label = (/** @type {string} */ file) => {
    const chunk = report.chunks.find(c => c.file === file)
    return chunk ? chunkLabel(chunk) : file
  }
  const rows = report.packages.slice(0, top).map(p => {
    const share = ((100 * p.bundleBytes) / report.totalBytes).toFixed(1)
    return `| ${p.pkg} | ${kb(p.bundleBytes)} | ${share} % | ${kb(p.sourceBytes)} | ${p.files} | ${p.chunks.map(label).join(', ')} |`
  })
  return [
    `Top ${Math.min(top, report.packages.length)} of ${report.packages.length} packages by bytes in dist/*.js and *.cjs (${kb(report.totalBytes)} in all), from the source maps:`,
    '',
    '| package | bytes in bundle | share | sourcesContent | files | chunks |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows
  ].join('\n')
}

/**
 * @param {BundleReport} report
 * @param {number} [top]
 * @returns {string}
 */
export function formatFiles(report, top = 25) {
  const rows = report.sources
    .slice(0, top)
    .map(s => `| ${s.source.replace(/^(\.\.\/)*\.\/?/, '')} | ${kb(s.bundleBytes)} | ${s.chunk} |`)
  return [
    `Top ${top} source files by bytes in the bundle:`,
    '',
    '| file | bytes in bundle | chunk |',
    '| --- | ---: | --- |',
    ...rows
  ].join('\n')
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  const args = process.argv.slice(2)
  /** @param {string} name */
  const arg = name => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const report = bundleReport(arg('--dist') ?? join(ROOT, 'dist'))
  const top = Number(arg('--top') ?? 15)
  console.log('| chunk | bytes | packages (largest first) |')
  console.log('| --- | ---: | --- |')
  for (const c of report.chunks) {
    console.log(`| ${c.file} | ${kb(c.bytes)} | ${c.packages.join(', ')} |`)
  }
  console.log('')
  console.log(formatPackages(report, top))
  if (args.includes('--files')) {
    console.log('')
    console.log(formatFiles(report, top))
  }
}
