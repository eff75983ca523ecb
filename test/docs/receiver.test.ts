// examples/verify-signature.js against signatures computed here, the way Composio computes them
// (docs/receiver.md): base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" keyed with the
// secret's UTF-8 bytes; then against deliveries that Composio's own SDK judged
// (composio-sdk-vectors.json, written by `npm run vectors:receiver`).
import { spawnSync } from 'node:child_process'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  TOLERANCE_SECONDS,
  secretFingerprint,
  verifyComposioWebhook
} from '../../examples/verify-signature.js'
import { CHECK_EVENT_TYPE, checkEvent } from '../../src/receiver/delivery.js'
import { REFUSALS } from '../../src/receiver/verdict.js'
import { fingerprint } from '../../src/rotation/rotate.js'
import { read, sourceText } from './markdown.js'

type PackageJson = { scripts: Record<string, string> }
const ROOT = join(import.meta.dirname, '..', '..')

// Shaped like a real Composio secret: 64 lowercase hex characters.
const secret = randomBytes(32).toString('hex')
const id = 'msg_2zXq8bWc1fK9'
const now = 1_795_000_000
const timestamp = String(now)
const rawBody = '{"type":"composio.trigger.message","data":{"text":"héllo"}}'

function sign(key: Buffer, msgId = id, ts = timestamp, body = rawBody): string {
  return createHmac('sha256', key).update(`${msgId}.${ts}.${body}`).digest('base64')
}
const composioSignature = (msgId = id, ts = timestamp, body = rawBody): string =>
  `v1,${sign(Buffer.from(secret, 'utf8'), msgId, ts, body)}`

function delivery(overrides: { headers?: Record<string, string>; rawBody?: string } = {}) {
  return {
    secret,
    now,
    rawBody: overrides.rawBody ?? rawBody,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': composioSignature(),
      ...overrides.headers
    }
  }
}

describe('verifyComposioWebhook', () => {
  test('accepts a genuine delivery', () => {
    expect(verifyComposioWebhook(delivery())).toBe(true)
  })

  test('accepts the raw body as bytes, and header names in any case', () => {
    const d = delivery()
    expect(verifyComposioWebhook({ ...d, rawBody: Buffer.from(rawBody, 'utf8') })).toBe(true)
    const upper = Object.fromEntries(
      Object.entries(d.headers).map(([k, v]) => [k.replace(/\b\w/g, c => c.toUpperCase()), v])
    )
    expect(verifyComposioWebhook({ ...d, headers: upper })).toBe(true)
  })

  test.each([
    ['a changed body', { rawBody: rawBody.replace('héllo', 'hello') }],
    ['a re-serialised body', { rawBody: JSON.stringify(JSON.parse(rawBody), null, 1) }],
    ['a changed webhook-id', { headers: { 'webhook-id': 'msg_other' } }],
    ['a changed webhook-timestamp', { headers: { 'webhook-timestamp': String(now - 1) } }]
  ])('refuses %s', (_what, overrides) => {
    expect(verifyComposioWebhook(delivery(overrides))).toBe(false)
  })

  test('refuses a delivery signed with another secret', () => {
    const other = randomBytes(32).toString('hex')
    const signature = `v1,${sign(Buffer.from(other, 'utf8'))}`
    expect(verifyComposioWebhook(delivery({ headers: { 'webhook-signature': signature } }))).toBe(
      false
    )
  })

  test('refuses timestamps more than 300 s away, either way; accepts the edge', () => {
    expect(TOLERANCE_SECONDS).toBe(300)
    for (const [offset, accepted] of [
      [-301, false],
      [301, false],
      [-300, true],
      [300, true]
    ] as const) {
      const ts = String(now + offset)
      const d = delivery({
        headers: { 'webhook-timestamp': ts, 'webhook-signature': composioSignature(id, ts) }
      })
      expect([offset, verifyComposioWebhook(d)]).toEqual([offset, accepted])
    }
  })

  test('accepts several space-separated signatures when one is valid', () => {
    const stale = `v1,${sign(randomBytes(32))}`
    const signature = `${stale} v1a,ignored ${composioSignature()}`
    expect(verifyComposioWebhook(delivery({ headers: { 'webhook-signature': signature } }))).toBe(
      true
    )
    expect(
      verifyComposioWebhook(delivery({ headers: { 'webhook-signature': `${stale} ${stale}` } }))
    ).toBe(false)
    // Node joins a repeated header with ', '.
    const repeated = `${stale}, ${composioSignature()}`
    expect(verifyComposioWebhook(delivery({ headers: { 'webhook-signature': repeated } }))).toBe(
      true
    )
  })

  test('refuses missing headers, another version tag, a bare signature and a non-numeric timestamp', () => {
    const bare = composioSignature().slice(3)
    const cases: Record<string, string>[] = [
      { 'webhook-signature': '' },
      { 'webhook-id': '' },
      { 'webhook-signature': `v2,${bare}` },
      { 'webhook-signature': bare },
      { 'webhook-timestamp': `${timestamp}.0` }, // not the timestamp that was signed
      { 'webhook-timestamp': 'soon', 'webhook-signature': composioSignature(id, 'soon') }
    ]
    for (const headers of cases) {
      expect([headers, verifyComposioWebhook(delivery({ headers }))]).toEqual([headers, false])
    }
    expect(verifyComposioWebhook({ ...delivery(), secret: '' })).toBe(false)
  })

  test('a Standard Webhooks key (the secret base64-decoded) does not verify Composio deliveries', () => {
    // Standard Webhooks libraries treat the secret as base64 ("whsec_<base64>") and sign with the
    // decoded bytes. Decoding a Composio secret (hex text) gives other bytes, so the HMACs differ:
    const decodedKey = Buffer.from(secret, 'base64')
    expect(decodedKey.equals(Buffer.from(secret, 'utf8'))).toBe(false)
    // A signature made that way is refused by the Composio-correct verifier…
    const standardStyle = `v1,${sign(decodedKey)}`
    expect(
      verifyComposioWebhook(delivery({ headers: { 'webhook-signature': standardStyle } }))
    ).toBe(false)
    // …and a verifier that decodes the key refuses the genuine delivery.
    const standardVerifier = (key: string, signature: string): boolean =>
      signature === `v1,${sign(Buffer.from(key, 'base64'))}`
    expect(standardVerifier(secret, composioSignature())).toBe(false)
  })
})

// Deliveries judged by @composio/core's composio.triggers.verifyWebhook (scripts/receiver-vectors.js
// installs the SDK in a temporary directory; it is not a dependency). The SDK is the oracle.
type SdkVerdict =
  | { accepted: true; webhookVersion: string }
  | {
      accepted: false
      signatureVerified: boolean
      error: string
      code: string | null
      message: string
    }
type SdkVector = {
  name: string
  description: string
  secret: string
  headers: Record<string, string>
  body: string
  now: number
  sdk: SdkVerdict
  sdkParse: { accepted: boolean; error?: string }
}
type SdkVectors = {
  sdk: { package: string; version: string; api: string; installed: Record<string, string> }
  generatedAt: string
  regenerate: string
  toleranceSeconds: number
  vectors: SdkVector[]
}

describe("verifyComposioWebhook against Composio's SDK (composio-sdk-vectors.json)", () => {
  const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
  const file = JSON.parse(read('test/docs/composio-sdk-vectors.json')) as SdkVectors
  const byName = new Map(file.vectors.map(v => [v.name, v]))

  // The deliveries the file must hold, with the SDK's verdict on each (accepted or not).
  const required: Record<string, boolean> = {
    genuine: true,
    'several signatures, valid first': true,
    'several signatures, valid last': true,
    'several signatures, none valid': false,
    'wrong secret': false,
    'body changed by one byte': false,
    'body re-serialised': false,
    'another webhook-id': false,
    'timestamp 301 s old': false,
    'timestamp 301 s ahead': false,
    'timestamp 300 s old (edge)': true,
    'timestamp 300 s ahead (edge)': true,
    'timestamp 299 s old': true,
    'timestamp in milliseconds': false,
    'timestamp with a fraction': true,
    'timestamp not a number': false,
    'no v1 prefix': false,
    'another version': false,
    'version in capitals': false,
    'non-ASCII body': true,
    'empty body': false,
    'body not a Composio event': false,
    'non-hex secret': true,
    'non-hex secret, key base64-decoded': false,
    'hex secret, key hex-decoded': false,
    'secret with a trailing newline': false,
    'empty secret': false,
    'repeated header joined by Node': true,
    'text after the signature': true,
    'tab between signatures': false,
    'space after the comma': false,
    'empty v1 entry': false,
    'unpadded base64': false,
    'the receiver check event': true
  }

  test('records the SDK, its version, when and how it was generated', () => {
    expect(file.sdk.package).toBe('@composio/core')
    expect(file.sdk.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(file.sdk.installed['@composio/core']).toBe(file.sdk.version)
    expect(file.sdk.api).toContain('composio.triggers.verifyWebhook(')
    expect(new Date(file.generatedAt).getTime()).toBeGreaterThan(Date.UTC(2026, 0, 1))
    expect(file.regenerate).toBe('npm run vectors:receiver')
    const scripts = (JSON.parse(read('package.json')) as PackageJson).scripts
    expect(scripts['vectors:receiver']).toBe('node scripts/receiver-vectors.js')
    expect(read('scripts/receiver-vectors.js')).toContain(
      `const SDK_VERSION = '${file.sdk.version}'`
    )
    expect(file.toleranceSeconds).toBe(TOLERANCE_SECONDS)
  })

  test('holds every case, each with the verdict expected of the SDK', () => {
    expect(new Set(file.vectors.map(v => v.name)).size).toBe(file.vectors.length)
    const verdicts = Object.keys(required).map(name => [name, byName.get(name)?.sdk.accepted])
    expect(Object.fromEntries(verdicts)).toEqual(required)
  })

  test('holds deliveries that look real: 64-hex secrets, one other secret, Unix-seconds clocks', () => {
    const secrets = new Set(file.vectors.map(v => v.secret).filter(s => /^[0-9a-f]{64}$/.test(s)))
    expect(secrets.size).toBeGreaterThanOrEqual(1)
    expect(byName.get('non-hex secret')?.secret).not.toMatch(/^[0-9a-f]*$/)
    const nonAscii = byName.get('non-ASCII body')?.body ?? ''
    expect(Buffer.byteLength(nonAscii, 'utf8')).toBeGreaterThan(nonAscii.length)
    for (const v of file.vectors) {
      expect([v.name, Number.isInteger(v.now) && v.now > 1_700_000_000]).toEqual([v.name, true])
    }
  })

  test('SDK entry points agree: triggers.parse(request) accepts what verifyWebhook accepts', () => {
    for (const v of file.vectors) {
      expect([v.name, v.sdkParse.accepted]).toEqual([v.name, v.sdk.accepted])
    }
  })

  test.each(file.vectors.map(v => [v.name, v] as const))('%s: as the SDK judged', (_name, v) => {
    const ours = verifyComposioWebhook({
      secret: v.secret,
      headers: v.headers,
      rawBody: v.body,
      now: v.now
    })
    // The SDK parses the body as a Composio event after the signature check; verifyComposioWebhook
    // only says whether the delivery is authentic and fresh. So it accepts what the SDK accepted,
    // and what the SDK refused only for the body's shape after the signature had verified.
    const authentic = v.sdk.accepted || v.sdk.signatureVerified
    expect(ours).toBe(authentic)
    // Also as bytes, as express.raw gives it.
    expect(verifyComposioWebhook({ ...v, rawBody: Buffer.from(v.body, 'utf8') })).toBe(authentic)
  })

  test('the only SDK refusal it does not share is a signed body that is not a Composio event', () => {
    const differing = file.vectors.filter(v => !v.sdk.accepted && v.sdk.signatureVerified)
    expect(differing.map(v => [v.name, !v.sdk.accepted && v.sdk.error])).toEqual([
      ['body not a Composio event', 'ComposioWebhookPayloadError']
    ])
  })

  const doc = read('docs/receiver.md')

  test('docs/receiver.md names the SDK version and calls verifyWebhook with its parameter names', () => {
    expect(doc).toContain(`\`@composio/core\` ${file.sdk.version}`)
    // "composio.triggers.verifyWebhook({ id, timestamp, payload, signature, secret, tolerance })"
    const params = /verifyWebhook\(\{ ([^}]*) \}\)/.exec(file.sdk.api)?.[1]?.split(', ') ?? []
    const calls = [...doc.matchAll(/triggers\.verifyWebhook\(\{\n([\s\S]*?)\n\s*\}\)/g)]
    expect(calls.length).toBeGreaterThanOrEqual(2) // Express and fetch-style
    for (const [, body = ''] of calls) {
      const keys = [...body.matchAll(/^\s*(?:\/\/ )?(\w+):/gm)].map(m => m[1])
      expect(keys.filter(key => !params.includes(key ?? ''))).toEqual([])
      expect(keys).toEqual(
        expect.arrayContaining(['id', 'timestamp', 'payload', 'signature', 'secret'])
      )
    }
  })

  const python = spawnSync('python3', ['--version']).status === 0
  ;(python ? test : test.skip)(
    "docs/receiver.md's Python example judges the vectors as the SDK did",
    () => {
      const snippet = /```python\n([\s\S]*?)```/.exec(doc)?.[1] ?? ''
      expect(snippet).toContain('def verify(')
      const program = [
        'import json, sys, time',
        snippet,
        'verdicts = []',
        'for v in json.load(sys.stdin):',
        '    time.time = lambda: v["now"]  # the clock the SDK had',
        '    verdicts.append(verify(v["secret"], v["headers"], v["body"].encode()))',
        'print(json.dumps(verdicts))'
      ].join('\n')
      const run = spawnSync('python3', ['-c', program], {
        input: JSON.stringify(file.vectors),
        encoding: 'utf8'
      })
      expect(run.stderr).toBe('')
      const verdicts = JSON.parse(run.stdout) as boolean[]
      expect(file.vectors.map((v, i) => [v.name, verdicts[i]])).toEqual(
        file.vectors.map(v => [v.name, v.sdk.accepted || v.sdk.signatureVerified])
      )
    }
  )
})

describe('secretFingerprint', () => {
  test("is the action's fingerprint: the first 16 hex digits of the SHA-256", () => {
    const expected = createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
    expect(secretFingerprint(secret)).toBe(expected)
    expect(secretFingerprint(secret)).toBe(fingerprint(secret))
  })
})

describe('docs/receiver.md: the receiver check', () => {
  const doc = read('docs/receiver.md')
  const check = doc.slice(
    doc.indexOf('## The receiver check'),
    doc.indexOf('\n## ', doc.indexOf('## The receiver check') + 1)
  )
  const src = sourceText('src')

  test('quotes the timeout message and the user-agent as the action prints and sends them', () => {
    const quoted =
      /"(the receiver still rejects [^"]+)"/.exec(check.replace(/\s+/g, ' '))?.[1] ?? ''
    expect(quoted).toContain(' after N s: ')
    const [before = '', after = ''] = quoted.split(' N s')
    expect(src).toContain(`${before} \${seconds} s${after}`)
    expect(check).toContain('rotate-composio-webhook-secret/<version> receiver-check')
    expect(src).toContain('`rotate-composio-webhook-secret/${VERSION} receiver-check`')
  })

  test('shows the check event as the action builds it', () => {
    const event = JSON.parse(/```json\n([\s\S]*?)```/.exec(check)?.[1] ?? '{}') as {
      type: string
      metadata: Record<string, string>
      data: { purpose: string }
    }
    expect(event.type).toBe(CHECK_EVENT_TYPE)
    expect(Object.keys(event.metadata)).toEqual(['sender', 'version'])
    expect(src).toContain(event.data.purpose.replace(/ …$/, ''))
  })

  test('has a row per verdict of the table', () => {
    const rows = check
      .split('\n')
      .filter(line => /^\| (2xx|another 4xx|400|any|408|a redirect)/.test(line))
    expect(rows).toHaveLength(7)
    // The refusals the table names are the ones the verdict reads.
    expect(rows.filter(row => row.includes('400, 401 or 403'))).toHaveLength(4)
    expect(REFUSALS).toEqual([400, 401, 403])
  })

  test("the SDK accepts the check event, a vector shaped as the action's own", () => {
    const vectors = (
      JSON.parse(read('test/docs/composio-sdk-vectors.json')) as {
        vectors: {
          name: string
          body: string
          sdk: { accepted: boolean; webhookVersion?: string }
        }[]
      }
    ).vectors
    const vector = vectors.find(v => v.name === 'the receiver check event')!
    expect(vector.sdk).toEqual({ accepted: true, webhookVersion: 'V3' })
    // The same fields, nested alike, as the event the action sends.
    const shape = (value: unknown): unknown =>
      value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value
    const sent = JSON.parse(checkEvent('evt_check_1', new Date())) as { type: string }
    const judged = JSON.parse(vector.body) as { type: string }
    expect(shape(judged)).toEqual(shape(sent))
    expect(judged.type).toBe(sent.type)
  })

  test('answers the check: the SDK call first, then 204 with nothing else', () => {
    const answering = doc.slice(doc.indexOf('### Answering the check event'))
    const [code = ''] = /```js\n([\s\S]*?)```/.exec(answering)?.slice(1) ?? []
    const verifies = code.indexOf('composio.triggers.verifyWebhook(')
    const answers = code.indexOf(
      `if (event.rawPayload.type === '${CHECK_EVENT_TYPE}') return res.status(204).end()`
    )
    expect(verifies).toBeGreaterThan(-1)
    expect(answers).toBeGreaterThan(verifies)
    expect(answering.replace(/\s+/g, ' ')).toContain(
      'A receiver that does nothing special passes too, provided it answers 2xx to a verified event of a type it does not know'
    )
  })
})
