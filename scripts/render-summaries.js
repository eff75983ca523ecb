// @ts-check
// `node scripts/render-summaries.js [--chromium PATH] [--update]`: the job summaries a user sees,
// as pictures. Runs the bundle (dist/index.js) as a runner does against the local fakes, for a
// success, a partial failure, a preflight refusal and a dry run; wraps each summary in a page
// styled roughly like GitHub's; and screenshots it with headless Chromium at 900 px wide, into
// /tmp/rotate-composio-webhook-secret-summaries/<name>.png, or with --update into the tracked
// docs/summaries/<name>.png. npm test runs it only with a stand-in for Chromium (CI has none).
// Debian: `apt-get install chromium fonts-noto-color-emoji` (the summaries' ✅ and ❌ are emoji:
// without a colour emoji font Chromium draws empty boxes).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeComposio } from '../test/fakes/composio.js'
import { startFakeGitHub } from '../test/fakes/github.js'
import { ROOT, runAction } from '../test/fakes/runner.js'

const WIDTH = 900
// The tracked pictures change only when asked to.
const UPDATE = process.argv.includes('--update')
const OUT = UPDATE
  ? join(ROOT, 'docs', 'summaries')
  : join(tmpdir(), 'rotate-composio-webhook-secret-summaries')
const EMOJI_FONT = { family: 'Noto Color Emoji', debian: 'fonts-noto-color-emoji' }
const i = process.argv.indexOf('--chromium')
const CHROMIUM = i >= 0 ? String(process.argv[i + 1]) : 'chromium'

const REPOSITORIES = {
  'acme/app': { environments: ['production', 'staging'] },
  'acme/api': { environments: ['production'] }
}
const TARGETS = 'acme/app\nacme/app@production\nacme/app@staging\nacme/api\nacme/api@production'

/** @typedef {import('../test/fakes/http-fake.js').FaultRequest} FaultRequest */
/** @typedef {import('../test/fakes/http-fake.js').FaultAction} FaultAction */

/**
 * @type {{ name: string, inputs: Record<string, string>, fault?: (r: FaultRequest) => FaultAction | undefined }[]}
 */
const CASES = [
  { name: 'success', inputs: { targets: TARGETS } },
  {
    name: 'partial-failure',
    inputs: { targets: TARGETS },
    // Refused on every attempt: after the rotation, two of five targets are not written.
    fault: ({ method, path }) =>
      method !== 'PUT' || !path.endsWith('/secrets/COMPOSIO_WEBHOOK_SECRET')
        ? undefined
        : path.includes('/environments/staging/')
          ? { status: 422, body: { message: 'Unprocessable Entity' } }
          : path.startsWith('/repos/acme/api/actions/')
            ? { status: 500, body: { message: 'Server Error' } }
            : undefined
  },
  {
    name: 'preflight-refusal',
    inputs: { targets: 'acme/app\nacme/app@prod\nacme/api' },
    fault: ({ method, path }) =>
      method === 'GET' && path === '/repos/acme/api/actions/secrets/public-key'
        ? { status: 403, body: { message: 'Resource not accessible by personal access token' } }
        : undefined
  },
  { name: 'dry-run', inputs: { targets: TARGETS, 'dry-run': 'true' } }
]

// GitHub's markdown body, roughly: its font, headings, tables, code.
const STYLE = `
body { margin: 0; background: #fff; color: #1f2328; font: 14px/1.5 -apple-system, BlinkMacSystemFont,
  "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { box-sizing: border-box; width: ${WIDTH}px; padding: 16px 24px 24px; }
.frame { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 16px 16px; }
.frame > .title { font-weight: 600; font-size: 14px; padding: 8px 0; border-bottom: 1px solid #d1d9e0; margin-bottom: 8px; }
h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; margin: 16px 0; }
h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
h4 { font-size: 1em; font-weight: 600; margin: 24px 0 16px; }
p, ul, table, pre { margin: 0 0 16px; }
ul { padding-left: 2em; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
code { font: 85%/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace;
  background: #818b981f; border-radius: 6px; padding: .2em .4em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
pre code { background: none; padding: 0; font-size: 85%; white-space: pre; }
`

/** @param {string} name @param {string} summary */
const page = (name, summary) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${name}</title><style>${STYLE}</style></head>
<body><main><div class="frame"><div class="title">rotate summary</div>
${summary}
</div></main></body></html>
`

/** The page's height at WIDTH, as Chromium lays it out. @param {string} file */
function heightOf(file) {
  const dom = execFileSync(
    CHROMIUM,
    [...chromiumFlags(1000), '--virtual-time-budget=1000', '--dump-dom', `file://${file}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
  )
  const match = /data-height="(\d+)"/.exec(dom)
  if (!match) throw new Error(`no height in ${file}`)
  return Number(match[1])
}

/** @param {number} height */
const chromiumFlags = height => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--force-device-scale-factor=1',
  `--window-size=${WIDTH},${height}`
]

/** @param {typeof CASES[number]} scenario */
async function summaryOf({ inputs, fault }) {
  const [composio, github] = await Promise.all([
    startFakeComposio({}),
    startFakeGitHub({ repositories: REPOSITORIES, ...(fault && { fault }) })
  ])
  try {
    const result = await runAction({
      inputs: {
        'subscription-id': 'ws_123',
        'api-key': 'ak_fake_project_key',
        'github-token': 'ghs_fake_token',
        'composio-base-url': composio.url,
        'timeout-seconds': '2',
        ...inputs
      },
      env: { GITHUB_API_URL: github.url }
    })
    if (result.summary === '') throw new Error(`no summary:\n${result.stdout}`)
    return result.summary
  } finally {
    await Promise.all([composio.close(), github.close()])
  }
}

// fc-list is fontconfig's, which Chromium uses to find fonts; without it, say nothing.
const fonts = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' })
if (fonts.status === 0 && !fonts.stdout.includes(EMOJI_FONT.family)) {
  process.stderr.write(
    `warning: no '${EMOJI_FONT.family}' font: the emoji will be empty boxes. Debian: apt-get install ${EMOJI_FONT.debian}\n`
  )
}
mkdirSync(OUT, { recursive: true })
const scratch = mkdtempSync(join(tmpdir(), 'render-summaries-'))
try {
  for (const scenario of CASES) {
    const summary = await summaryOf(scenario)
    // The page records its own height, for the screenshot's window.
    const measured = join(scratch, `${scenario.name}.html`)
    writeFileSync(
      measured,
      page(scenario.name, summary).replace(
        '</body>',
        '<script>document.body.dataset.height = document.querySelector("main").scrollHeight</script></body>'
      )
    )
    const png = join(OUT, `${scenario.name}.png`)
    execFileSync(
      CHROMIUM,
      [...chromiumFlags(heightOf(measured)), `--screenshot=${png}`, `file://${measured}`],
      { stdio: 'ignore' }
    )
    process.stderr.write(`wrote ${png}\n`)
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
if (!UPDATE) process.stderr.write('docs/summaries/ unchanged: run with --update to replace them.\n')
