// `npm run demo` is the first thing a newcomer runs: it must show the whole loop, in order, in
// under 15 s, as a runner shows a step (no workflow command printed as such), and `--fail` a
// partial failure with its recipe. Runs scripts/demo.js on the bundle (npm run bundle first).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { showLine } from '../../scripts/demo-log.js'
import { ROOT } from './markdown.js'

function demo(...args: string[]): { code: number | null; out: string; seconds: number } {
  const started = performance.now()
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000
  })
  const seconds = (performance.now() - started) / 1000
  return { code: result.status, out: `${result.stdout}${result.stderr}`, seconds }
}

/** The lines between two markers the demo prints. */
const part = (out: string, from: string, to: string): string[] =>
  out.slice(out.indexOf(from), out.indexOf(to, out.indexOf(from))).split('\n')

/** Where each pattern first matches, in `lines`; -1 when it does not. */
const positions = (lines: string[], patterns: RegExp[]): number[] =>
  patterns.map(pattern => lines.findIndex(line => pattern.test(line)))

describe('npm run demo: the whole loop', () => {
  const { code, out, seconds } = demo()

  test('succeeds in under 15 s', () => {
    expect(code).toBe(0)
    expect(seconds).toBeLessThan(15)
  })

  test('the fakes saw rotate → write both targets → redeploy → the run end → receiver verified', () => {
    const loop = part(out, '--- the loop, as the fakes saw it', '--- checked by the demo')
    const order = positions(loop, [
      /Composio: rotate_secret answered 200/,
      /GitHub: wrote acme\/app \(20[14]\)/,
      /GitHub: wrote acme\/app@production \(20[14]\)/,
      /GitHub: started deploy\.yml in acme\/app/,
      /run \d+ ended: success/,
      /receiver: 204 to a delivery whose signature verified/
    ])
    expect(order.every(i => i >= 0)).toBe(true)
    // The two writes may land in either order; everything else in this order.
    const [rotate = 0, app = 0, env = 0, start = 0, end = 0, verified = 0] = order
    expect(rotate < Math.min(app, env) && Math.max(app, env) < start).toBe(true)
    expect(start < end && end < verified).toBe(true)
  })

  test('the step log says the same: rotated, redeploy started and followed, receiver confirmed, stored', () => {
    const log = part(out, '--- the step log', '--- exit code')
    const order = positions(log, [
      /^Rotated subscription ws_demo; new secret fingerprint [0-9a-f]{16}\.$/,
      /^acme\/app: started \.github\/workflows\/deploy\.yml on main\.$/,
      /^The receiver at \S+ verifies deliveries with the new secret .*, whichever of the two is sent first\.$/,
      /^Stored COMPOSIO_WEBHOOK_SECRET in 2 target\(s\): acme\/app, acme\/app@production\.$/
    ])
    expect(order.every(i => i >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  test('shows what a runner shows: no workflow command line, no ::add-mask::', () => {
    expect(out).not.toMatch(/^::/m)
    expect(out).not.toContain('add-mask')
  })

  test('writes the job summary where the reader can open it, and says where', () => {
    const [, file = ''] = /Job summary \(GITHUB_STEP_SUMMARY\): (\S+)/.exec(out) ?? []
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toContain('✅')
  })
})

describe('npm run demo -- --fail: a partial failure with its recipe', () => {
  const { code, out } = demo('--fail')
  const log = part(out, '--- the step log', '--- exit code')

  test('the run fails after the rotation, and the demo says so as it should', () => {
    expect(out).toContain('--- exit code 1 ---')
    expect(code).toBe(0) // the demo itself: it showed what it meant to show
  })

  test('the error, as a runner shows it, names the target and gives the recipe', () => {
    const error = log.slice(log.findIndex(line => line.startsWith('Error: ')))
    expect(error[0]).toContain('WAS ROTATED')
    expect(error).toContain(
      "acme/app@production: NOT WRITTEN (HTTP 403: Resource not accessible by personal access token. Hint: the github-token can read this target but not write its secrets (a read-only token passes the public-key read). It needs the repository permissions 'Environments: Read and write' and 'Secrets: Read and write' (fine-grained PAT), 'environments: write' and 'secrets: write' (GitHub App), or the repo scope (classic PAT). GITHUB_TOKEN never can)"
    )
    expect(
      error.some(line =>
        /^curl -fsS -X PUT '.*\/environments\/production\/secrets\/COMPOSIO_WEBHOOK_SECRET'/.test(
          line
        )
      )
    ).toBe(true)
  })

  test('no redeploy starts, and the receiver is not checked', () => {
    expect(out).toContain('redeploys started: 0')
    expect(log.some(line => line.startsWith('Warning: acme/app was not redeployed'))).toBe(true)
    expect(out).not.toMatch(/receiver: 204/)
  })
})

describe('showLine: a step log as a runner shows it', () => {
  test('hides ::add-mask:: and ::debug::, then masks the value', () => {
    const masks = new Set<string>()
    expect(showLine('::add-mask::s3cr3t', masks)).toBeUndefined()
    expect(showLine('::debug::GET /x 200', masks)).toBeUndefined()
    expect(showLine('token s3cr3t here', masks)).toBe('token *** here')
  })

  test('shows annotations as the runner labels them, unescaped', () => {
    const masks = new Set<string>()
    expect(showLine('::error::a%0Ab%25', masks)).toBe('Error: a\nb%')
    expect(showLine('::warning file=x.ts::careful', masks)).toBe('Warning: careful')
    expect(showLine('plain ::not a command', masks)).toBe('plain ::not a command')
  })
})
