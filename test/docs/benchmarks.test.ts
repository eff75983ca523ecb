// docs/benchmarks.md names the bundle's chunks by what they hold, not by webpack's chunk ids,
// which change whenever the source does (it once named three files that no longer existed).
import { expect, test } from '@jest/globals'
import { chunkLabel } from '../../scripts/bundle-report.js'
import { docsPages, read } from './markdown.js'

test('no page names a chunk by its numeric id', () => {
  const named = ['README.md', 'CONTRIBUTING.md', ...docsPages()].flatMap(page =>
    [...read(page).matchAll(/\b\d+\.index\.js\b/g)].map(([file]) => `${page}: ${file}`)
  )
  expect(named).toEqual([])
})

test('chunkLabel: index.js as is, a numbered chunk by its largest package', () => {
  const chunk = (file: string, packages: string[]) => ({
    file,
    bytes: 1,
    unmappedBytes: 0,
    packages
  })
  expect(chunkLabel(chunk('index.js', ['undici']))).toBe('index.js')
  expect(chunkLabel(chunk('768.index.js', ['libsodium', 'libsodium-wrappers']))).toBe(
    'chunk of libsodium'
  )
  expect(chunkLabel(chunk('55.index.js', []))).toBe('chunk of the webpack runtime')
})

test('the bench prints chunks so, and the early dispatch it once reported is explained', () => {
  expect(read('scripts/bench/report.js')).toContain('row([chunkLabel(c),')
  const page = read('docs/benchmarks.md')
  expect(page).toContain('**The early dispatch of 2026-12-03, explained')
  expect(page).not.toContain('its\ncause is not known')
})
