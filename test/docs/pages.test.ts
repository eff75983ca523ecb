// The pages the README sends readers to (docs/*.md, SECURITY.md, CONTRIBUTING.md) stay true:
// every message docs/troubleshooting.md explains is one the action still prints, the numbers in
// docs/timeouts-and-retries.md are the source's, the local-run recipe works as written, and every
// link resolves to a file and a heading.
import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { MAX_TARGETS } from '../../src/inputs/targets.js'
import { brokenLink, codeBlocks, links, read, section, sourceText } from './markdown.js'

/** The pages this suite keeps: the README's moved sections, and the repository's policies. */
const PAGES = [
  'docs/troubleshooting.md',
  'docs/security.md',
  'docs/timeouts-and-retries.md',
  'docs/proxy.md',
  'docs/local-runs.md',
  'docs/versioning.md',
  'docs/stores.md',
  'docs/redeploy.md',
  'SECURITY.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md'
]

const src = sourceText('src')
/** Text with every run of white space as one space: prose wraps anywhere. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')
type ActionYml = { inputs: Record<string, unknown> }
const actionInputs = Object.keys((parse(read('action.yml')) as ActionYml).inputs)

/** A numeric constant of the source, e.g. `const RETRIES = 2` in src/github/client.ts. */
function constant(file: string, name: string): number {
  const match = new RegExp(`const ${name} = ([\\d_]+)`).exec(read(file))
  if (!match?.[1]) throw new Error(`${file} has no numeric constant ${name}`)
  return Number(match[1].replace(/_/g, ''))
}

describe.each(PAGES)('%s', page => {
  const text = read(page)

  test('starts with its title', () => {
    expect(text).toMatch(/^# \S/)
  })

  test('every link resolves to a file, and an anchor to one of its headings', () => {
    expect(
      links(text)
        .map(link => brokenLink(page, link.target))
        .filter(Boolean)
    ).toEqual([])
  })
})

// Pieces of every message docs/troubleshooting.md explains, in the order of the page. Each must
// be in src/ as written (a piece never spans a value the action fills in) and on the page: when
// the action's wording changes, this test points at the line to update.
const MESSAGES = [
  // Inputs
  'is required and was empty',
  "must be a Composio webhook subscription ID: 1 to 128 letters, digits, '_' or '-'",
  '. If it comes from a secret, note that secrets are not passed to workflows triggered from forks or by Dependabot',
  "and 'user-api-key' were both empty; give exactly one",
  "and 'user-api-key' were both given; give exactly one",
  'holds a character an HTTP header cannot carry (a space, newline, control or non-ASCII character, often from a bad paste); store the secret again',
  'may contain only letters, digits and underscores',
  'must not start with a digit',
  'must not start with GITHUB_',
  'is not a repository; expected owner/name',
  'is not an environment name (1 to 255 characters, no control characters, no leading or trailing space)',
  'is not an organization name',
  'duplicate of line ',
  'no targets: give at least one line',
  ' targets: at most ',
  "cannot be combined with 'repository'; list it in targets",
  "cannot be combined with 'environment'; write owner/name@environment",
  'is required (owner/name) when targets is empty',
  'is not one of all, private, selected',
  'applies only to organization targets (org:NAME)',
  "is required when visibility is 'selected'",
  "is allowed only with visibility 'selected'",
  'is not a repository name',
  'is not a boolean; use true or false',
  'is not a number of seconds from 1 to ',
  'must use https (plain http is allowed only to localhost, so that a key never crosses a network unencrypted)',
  'is not a URL',
  'must not carry a query or a fragment',
  'must be an origin such as https://backend.composio.dev, without a path',
  'must not carry credentials',
  'Environment variable',
  // Preflight
  'Nothing was rotated',
  ' targets cannot be written',
  "Composio's subscription cannot be read",
  "Composio's subscription was read, but its secret came back masked",
  'Nothing was written',
  'could not read the public key',
  'the github-token is invalid or expired',
  'the github-token may not manage these secrets. GITHUB_TOKEN never can (it cannot even read the public key). It needs ',
  'the repository or the environment does not exist, or the github-token cannot see it (a classic PAT without access gets 404 too)',
  ' does not exist, or the github-token cannot see it (a classic PAT without access gets 404 too)',
  'the public-key answer has no key_id and key',
  'the public-key answer has a key_id that is not a number, as GitHub issues them',
  'the public key is not a 32-byte X25519 key in base64',
  'could not find the selected repository ',
  'could not read the current visibility of ',
  'timed out after ',
  ' s (timeout-seconds)',
  'network error: ',
  'answered HTTP ',
  ', a redirect to ',
  ', which is not followed (no credential goes with a redirect); check the URL',
  "Composio read of subscription '",
  ' (request_id: ',
  '. Suggested fix: ',
  "check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)",
  'a scoped project API key needs Composio\'s "Webhooks" permission, Read for the reads of the subscription and Write for the rotation (a write-only key fails the first read: give it Read and write)',
  "Composio's current API description accepts only project API keys (x-api-key) for webhook subscriptions: give a project API key in 'api-key' instead of 'user-api-key'",
  "check 'subscription-id' and that it belongs to the key's project",
  "Composio did not return the subscription's full secret (it came masked, empty or missing), so storing it without rotating is impossible. Run with rotate: true to rotate and store the new one",
  'Going on: the rotation does not need this read.',
  // Write check
  ': a test write (',
  ') was refused: ',
  'the github-token can read this target but not write its secrets (a read-only token passes the public-key read). It needs ',
  "the repository permission 'Secrets: Read and write' (fine-grained PAT), 'secrets: write' (GitHub App), or the repo scope (classic PAT)",
  '. GITHUB_TOKEN never can',
  'GitHub refused the request as malformed',
  'Could not delete the write-check secret ',
  '. It holds no secret; delete it by hand or let the next run remove it.',
  // Cloudflare and AWS Secrets Manager
  'is required for cloudflare: targets and was empty',
  'is not a Cloudflare Worker; expected cloudflare:<account_id>/<script_name>, the account ID being 32 hex digits',
  "is not a Worker name (1 to 63 lowercase letters, digits, '-' or '_')",
  "names no region: give the secret's ARN, or set AWS_REGION (aws-actions/configure-aws-credentials sets it)",
  'is not an AWS region (such as us-east-1)',
  'is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<12-digit account>:secret:<name>)',
  'is not a Secrets Manager secret name (1 to 512 letters, digits or /_+=.@-)',
  'must use https (plain http is allowed only to localhost, so that a credential never crosses a network unencrypted)',
  'Cloudflare refused to ',
  'the token cannot edit this Worker\'s secrets: cloudflare-api-token needs the permission "Workers Scripts Write" (Account › Workers Scripts › Edit) on account ',
  "' of account ",
  " has no Worker named '",
  "': check the script name in targets (the Worker's name in the dashboard)",
  'Cloudflare knows no account ',
  " that this token reaches, or no Worker '",
  "check the account ID in targets (the dashboard's Account ID, 32 hex digits)",
  "Cloudflare's rate limit (1,200 requests per 5 minutes per user): run again later",
  '; retrying in ',
  "Cloudflare's own fault: run again later (https://www.cloudflarestatus.com)",
  'Cloudflare answered with a redirect, which is not followed (no token goes with one): check cloudflare-api-url',
  ' holds no secret; delete it by hand (wrangler secret delete ',
  ') or let the next run remove it.',
  'AWS Secrets Manager ',
  'AWS said',
  'The role may not call secretsmanager:',
  " on this secret: allow it on the secret's ARN in the role's policy, and check the secret's resource policy for a Deny (",
  "The role may not use the secret's KMS key: allow kms:GenerateDataKey and kms:Decrypt on that customer managed key, in the key policy or the role's policy (",
  "Secrets Manager could not use the secret's KMS key: check that the key is enabled and not pending deletion, and that the role has kms:GenerateDataKey and kms:Decrypt on it (",
  "No secret '",
  " that this role can see: check the name or ARN, and the region (the ARN's, else AWS_REGION). This action writes an existing secret; it does not create one.",
  "Secrets Manager refused it in the secret's present state: a secret scheduled for deletion must be restored first.",
  'AWS throttled the call on every attempt (',
  '): run again later.',
  'Secrets Manager failed on every attempt (',
  'AWS refused the credentials: aws-actions/configure-aws-credentials must run earlier in the same job, and its session must outlast this step (role-duration-seconds).',
  'No AWS credentials were found: add aws-actions/configure-aws-credentials before this step (with OIDC: permissions: id-token: write).',
  ' ms (timeout-seconds) per attempt, ',
  ' attempts at most.',
  'the call did not finish within ',
  'It answered with a redirect, which is not followed (no credential goes with a redirect): check AWS_ENDPOINT_URL_SECRETS_MANAGER / AWS_ENDPOINT_URL.',
  ": the write check's version keeps its label ",
  ' by hand: run this action again with rotate: false and targets: ',
  'Composio now holds another secret than the one this run stored (masked in the read, or rotated since): nothing written. Run the action again instead.',
  // Rotation
  "Composio rotate_secret for subscription '",
  'Nothing was rotated and nothing written: the old secret still works.',
  "The rotation did not take effect as far as Composio's read shows (the subscription still showed the secret it had before): nothing written; the old secret should still work. A lagging read looks the same: if deliveries fail verification, run this action with rotate: false in a few minutes.",
  'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts), or with rotate: false to store the secret it holds now. Nothing was written to GitHub.',
  'Could not read the subscription before the rotation: ',
  'The secret recovered after the lost answer could not be confirmed by a second read of Composio, so it may be stale: if deliveries fail verification, run this action again with rotate: false to store the secret the subscription holds.',
  "answered HTTP 200 without a full 'secret'",
  ' (body not shown: it may hold a secret)',
  "naming another subscription's id: its secret is not this one's",
  ', not the 200 of a done rotation, so whether it rotated is not known',
  ' attempts)',
  'cancelled before attempt ',
  "The answer was lost, but Composio's subscription now holds a new secret: the rotation happened, and that secret is the one stored. Not rotating again.",
  // After the rotation
  "The webhook subscription '",
  "' WAS ROTATED (fingerprint ",
  ') and its old secret no longer works',
  ' target(s) did not receive ',
  'NOT WRITTEN (',
  "Finish by hand: run this action again with rotate: false (it stores Composio's current secret without rotating, where Composio returns it in full), or send the request shown for each target not written. Running it with rotate: true would rotate again.",
  'To finish ',
  ' by hand (key_id ',
  '), with GITHUB_TOKEN set to a token',
  "# that may write this secret (the value is sealed for this target's key: only GitHub can open it):",
  '-H "Authorization: Bearer $GITHUB_TOKEN" \\',
  "-H 'Accept: application/vnd.github+json' -H 'Content-Type: application/json'",
  'cancelled before GitHub confirmed the write',
  'cancelled before the store confirmed the write',
  'cancelled before the write',
  "The current secret of subscription '",
  '; not rotated) was being stored',
  ' was stored in every target, but ',
  'the run did not finish cleanly',
  'Also: ',
  'Setting the outputs',
  'Setting the targets output',
  'Writing the job summary',
  'Composio now holds a secret that is neither the one this run rotated to nor the one before it: someone rotated the subscription during this run, so the value stored may no longer work. Run this action again with rotate: false to store the current secret.',
  'Could not read the subscription back: ',
  'The rotation could not be confirmed: ',
  "Composio's read after the rotation still showed the previous secret, or an older one (a stale read); the rotation's answer is the secret stored.",
  // Inputs
  'is not an input of this action (the runner set ',
  "; did you mean '",
  'Refused before anything is sent: the runner would only warn, and the run would go ahead without ',
  // Cancellation
  ') before the rotation: nothing was rotated, nothing written.',
  'The write-check secret ',
  ' is not confirmed deleted from ',
  'The write-check secrets named above were deleted after all.',
  'Redeploys when the job was cancelled (this job no longer follows them; ',
  'run not identified',
  'Cancelled ',
  'after the rotation',
  'while storing the current secret (not rotated)',
  ") while waiting for Composio's answer: the subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Run this action again: the newest rotation is the one that counts.",
  // Warnings and notes
  '; retrying in ',
  ' (attempt ',
  ' rate limit on ',
  'giving up (it asks for ',
  'GitHub asks to wait ',
  ' s before rotating: GitHub accepts about ',
  ' secret writes a minute (the write checks were writes too), and the ',
  ' writes after the rotation must go out at once.',
  ' secret writes a minute, so the last ',
  ' writes after the rotation start about a minute after the others.',
  "GITHUB_OUTPUT is not set: output 'secret' not recorded.",
  'GITHUB_STEP_SUMMARY is not set: job summary not written.',
  'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry',
  'the response body exceeded ',
  // Receiver check
  'must use https (plain http is allowed only to localhost, so that a signed delivery never crosses a network unencrypted)',
  'must not carry a fragment',
  'the receiver to check is unknown',
  'the receiver cannot be checked',
  'the receiver still rejects deliveries signed with the new secret after ',
  ' s: redeploy it from the secret the rotation stored (not from the secret output, which ends with the job)',
  'the receiver still rejects the new secret',
  'answer 401 so that it can be told apart from an outage',
  'which says "not now" (a rate limit, a duplicate), not "bad signature"',
  "no answer before the check's timeout",
  'which Composio cannot deliver to',
  'is not a URL (not shown: it may hold a token)',
  'no conclusive answer after ',
  'Security finding: the receiver at ',
  ' accepted a delivery signed with a random secret',
  'Give the URL it redirects to.',
  'then refused the check event itself',
  'skipped: not every target was written, and finishing the writes comes first.'
]

describe('docs/troubleshooting.md', () => {
  const page = read('docs/troubleshooting.md')

  test.each(MESSAGES)('explains a message the action still prints: %s', message => {
    expect(src).toContain(message)
    expect(flat(page)).toContain(message)
  })

  test("every `Input '<name>'` it quotes names one of action.yml's inputs", () => {
    const named = [...page.matchAll(/Input '([^'<]+)'/g)].map(([, name = '']) => name)
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter(name => !actionInputs.includes(name))).toEqual([])
  })
})

describe('docs/security.md', () => {
  const page = read('docs/security.md')

  test('has the sections a security review needs', () => {
    for (const title of [
      'Masking',
      'Never logged',
      'Printed, safely',
      'Where credentials go',
      'Nothing irreversible before everything reversible',
      'The write check',
      'Recovery',
      'Cancellation'
    ]) {
      expect(() => section(page, title, 'docs/security.md')).not.toThrow()
    }
    expect(page).toContain('### What the preflight proves')
    expect(page).toContain('It does not prove:')
  })

  test('names the probe and its value as src/write/write-check.ts writes them', () => {
    const probe = /const PROBE_VALUE = '([^']+)'/.exec(read('src/write/write-check.ts'))?.[1]
    expect(probe).toBeTruthy()
    expect(flat(page)).toContain(`\`${probe}\``)
    expect(page).toContain('`<secret-name>_WRITE_CHECK`')
    expect(src).toContain("WRITE_CHECK_SUFFIX = '_WRITE_CHECK'")
  })

  test('SECURITY.md, the policy, links it', () => {
    expect(read('SECURITY.md')).toContain('(docs/security.md)')
  })
})

describe("docs/timeouts-and-retries.md states the source's numbers", () => {
  const page = flat(read('docs/timeouts-and-retries.md'))
  const composio = 'src/composio/retry.ts'
  const github = 'src/github/client.ts'
  const settings = 'src/inputs/settings.ts'

  test('timeout-seconds: default and range', () => {
    expect(page).toContain(
      `(default \`${constant(settings, 'DEFAULT_TIMEOUT_SECONDS')}\`, from 1 to ${constant(settings, 'MAX_TIMEOUT_SECONDS')},`
    )
  })

  test('Composio: attempts, backoff, Retry-After', () => {
    expect(page).toContain(`at most **${constant(composio, 'DEFAULT_MAX_ATTEMPTS')} attempts**`)
    const base = constant(composio, 'BACKOFF_BASE_MS') / 1000
    expect(page).toContain(`${base} s then ${base * 2} s apart`)
    expect(page).toContain(`up to ${constant(composio, 'MAX_RETRY_AFTER_MS') / 1000} s`)
  })

  test('GitHub: retries, rate-limit waits, concurrency', () => {
    expect(constant(github, 'RETRIES')).toBe(2)
    expect(page).toContain('retried twice, after 0.5 s and 2 s')
    expect(page).toContain(`never more than ${constant(github, 'MAX_RATE_LIMIT_WAIT_SECONDS')} s`)
    const [secret, check] = ['SECRET_LANE_CONCURRENCY', 'CHECK_LANE_CONCURRENCY'].map(name =>
      constant(github, name)
    )
    expect(page).toContain(`at most ${secret! + check!} requests at once`)
    expect(page).toContain(`${secret} for the writes of the secret, ${check} for the write checks`)
  })

  test('the write budget and its thresholds', () => {
    const writes = constant(github, 'WRITES_PER_MINUTE')
    expect(page).toContain(`about ${writes} content-creating requests a minute`)
    const [probesWritesDeletes, probesWrites] = [Math.floor(writes / 3), writes / 2]
    expect(page).toContain(`**Up to ${probesWritesDeletes} targets**`)
    expect(page).toContain(`**${probesWritesDeletes + 1} to ${probesWrites}**`)
    expect(page).toContain(`**${probesWrites + 1} to ${writes}**`)
    expect(page).toContain(`**${writes + 1} to ${MAX_TARGETS}**`)
  })
})

describe('docs/local-runs.md: the recipe works as written', () => {
  const page = read('docs/local-runs.md')
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
  const env = read('.env.example')
  const variables = new Map(
    [...env.matchAll(/^([A-Z_][A-Z0-9_-]*)=("[^"]*"|.*)$/gm)].map(([, name = '', value = '']) => [
      name,
      value.replace(/^"|"$/g, '')
    ])
  )

  test('names the package scripts and the fakes as package.json and scripts/ have them', () => {
    expect(scripts['demo']).toBe('node scripts/demo.js')
    expect(scripts['local-action']).toBe('npx @github/local-action . src/run/main.ts .env')
    for (const command of ['npm run demo', 'npm run local-action', 'node scripts/fakes.js']) {
      expect(page).toContain(command)
    }
    expect(page).toContain('cp .env.example .env')
  })

  test('.env.example gives only real inputs, and a repository local-action can use', () => {
    const inputs = [...variables.keys()]
      .filter(name => name.startsWith('INPUT_'))
      .map(name => name.slice('INPUT_'.length).toLowerCase())
    expect(inputs).toContain('subscription-id')
    expect(inputs.filter(name => !actionInputs.includes(name))).toEqual([])
    // local-action falls back to action.yml's default, `${{ github.repository }}`, unevaluated:
    // with targets, `repository` must be set, to the workflow's repository.
    if (variables.has('INPUT_TARGETS')) {
      expect(variables.get('INPUT_REPOSITORY')).toBe(variables.get('GITHUB_REPOSITORY'))
    }
  })
})

describe('docs/versioning.md', () => {
  const page = read('docs/versioning.md')

  test('describes scripts/release.sh, quoting what it prints', () => {
    const script = read('scripts/release.sh')
    expect(page).toContain('scripts/release.sh v1.2.3')
    const quoted =
      "dist/ is not the bundle of the committed source: run 'npm run bundle', commit dist/, retry"
    expect(page).toContain(quoted)
    expect(script).toContain(quoted)
    expect(script).toContain('git push --force origin $major')
  })
})

describe('docs/proxy.md', () => {
  test('describes the toolkit the source uses, with a step that sets HTTPS_PROXY', () => {
    const page = read('docs/proxy.md')
    expect(read('src/http/http.ts')).toContain("from '@actions/http-client'")
    expect(page).toContain('`@actions/http-client`')
    const [step = ''] = codeBlocks(page, 'yaml')
    expect(step).toMatch(/HTTPS_PROXY: http:\/\//)
  })
})
