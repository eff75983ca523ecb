import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { MIN_SECRET_LENGTH, couldBeRealSecret } from '../../../src/composio/secret-shape.js'
import { parseRotatedSecret, parseSubscription } from '../../../src/composio/subscription.js'

/** Composio's one example shape: 64 lowercase hex digits. */
const HEX = '3f9a0c7be41d52a86f0e9b1c7d2a4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f'
const SECRET = HEX
/** 32 random bytes in base64, that happen to hold `xXxX` (which a list of marks refused). */
const BASE64_WITH_XXXX = 'q2Zx+9KpxXxX0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9Iow='
/** Long enough, so that only the mark gives each masked value away. */
const pad = (mark: string): string => `${HEX.slice(0, 20)}${mark}${HEX.slice(20)}`

describe('couldBeRealSecret: hex, base64 or base64url of at least 32 characters, as varied as random bytes', () => {
  test.each<[string, unknown, boolean]>([
    // Could be real.
    ['64 lowercase hex digits (Composio’s example)', HEX, true],
    ['64 upper-case hex digits', HEX.toUpperCase(), true],
    ['base64 with + / =', 'q2Zx+9Kp/3Lm0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9Io=', true],
    ['base64url', 'q2Zx-9Kp_3Lm0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9Io', true],
    [
      'whsec_ + base64 (Standard Webhooks)',
      'whsec_q2Zx+9Kp/3Lm0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9Io=',
      true
    ],
    ['whsec_ + hex', `whsec_${HEX}`, true],
    ['base64 holding xXxX', BASE64_WITH_XXXX, true],
    ['exactly 32 characters', HEX.slice(0, 32), true],
    ['a run of 8 of one character', `${HEX.slice(0, 28)}00000000${HEX.slice(28)}`, true],
    // The masks issue 22 found stored: by shape, not by mark.
    ['46ec + #s', `46ec${'#'.repeat(60)}`, false],
    ['64 zeros', '0'.repeat(64), false],
    ['a3f1 + 56 dashes + ef01', `a3f1${'-'.repeat(56)}ef01`, false],
    [
      '[hidden-for-security-reasons-contact-support]',
      '[hidden-for-security-reasons-contact-support]',
      false
    ],
    // Composio's own masking styles (changelog 2025-12-10; API keys shown as ak_**XXXX).
    ['abcd... (Composio)', `${HEX.slice(0, 4)}...`, false],
    ['xxxx... (Composio)', 'xxxx...', false],
    ['REDACTED (Composio)', 'REDACTED', false],
    ['a long value ending in ...', `${HEX}...`, false],
    ['ak_**XXXX style', `ak_**${HEX.slice(0, 40)}`, false],
    ['a star inside', pad('*'), false],
    ['bullets (U+2022)', pad('••••'), false],
    ['an ellipsis (U+2026)', pad('…'), false],
    // Fills and tiny patterns in a secret's alphabet.
    ['64 x', 'x'.repeat(64), false],
    ['X × 60 between real ends', `46ec${'X'.repeat(56)}ef01`, false],
    ['a run of 9 of one character', `${HEX.slice(0, 28)}000000000${HEX.slice(28)}`, false],
    ['abab…', 'ab'.repeat(32), false],
    ['7 characters repeated', '0123456'.repeat(10), false],
    ['46ec + abab… + ef01 (one character over a third)', `46ec${'ab'.repeat(28)}ef01`, false],
    ['whsec_ + one letter', `whsec_${'A'.repeat(43)}=`, false],
    // Review of issue 22, item 11.
    ['sk_live_ + base64url (a prefix in the alphabet)', `sk_live_${HEX.slice(0, 40)}`, true],
    ['46ec + 56 a + ef01', `46ec${'a'.repeat(56)}ef01`, false],
    ['base64 of 32 zero bytes', Buffer.alloc(32).toString('base64'), false],
    ['0123456789abcdef × 4 (a placeholder, not random)', '0123456789abcdef'.repeat(4), false],
    [
      'a 24-character block and its start again',
      `${HEX.slice(0, 24)}${HEX.slice(0, 24)}${HEX.slice(0, 16)}`,
      false
    ],
    ['46ec + abcdefgh × 7 + ef01 (a fill of a block)', `46ec${'abcdefgh'.repeat(7)}ef01`, false],
    [
      'a real half, then its 16 last characters twice',
      `${HEX.slice(0, 32)}${HEX.slice(16, 32).repeat(2)}`,
      false
    ],
    ['36 stars + abcd', `${'*'.repeat(36)}abcd`, false],
    ['a Cyrillic а (U+0430) for an a', HEX.replace('a', '\u0430'), false],
    ['a fullwidth ０ (U+FF10) for a 0', HEX.replace('0', '\uff10'), false],
    [
      'a Greek ο (U+03BF) for an o, in base64',
      'q2Zx+9Kp/3Lm0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9I\u03bf=',
      false
    ],
    // Too short, padding, other characters, not a string.
    ['31 characters', HEX.slice(0, 31), false],
    ['three = of padding', `${HEX}===`, false],
    ['= inside', pad('='), false],
    ['+ and _ mixed (neither alphabet)', `${HEX.slice(0, 30)}+_${HEX.slice(30)}`, false],
    ['a dot inside', pad('.'), false],
    ['a space inside', pad(' '), false],
    ['a newline at the end', `${HEX}\n`, false],
    ['a non-breaking space inside', pad('\u00a0'), false],
    ['empty', '', false],
    ['missing', undefined, false],
    ['null', null, false],
    ['a number', 123, false],
    ['an object', { value: SECRET }, false]
  ])('%s → %s', (_name, value, real) => {
    expect(couldBeRealSecret(value)).toBe(real)
  })

  test('the bound is 32', () => expect(MIN_SECRET_LENGTH).toBe(32))
})

describe('couldBeRealSecret never refuses a random secret (properties)', () => {
  const bytes = (min: number) => fc.uint8Array({ minLength: min, maxLength: 64 })
  const encodings: [string, (b: Buffer) => string, number][] = [
    ['hex', b => b.toString('hex'), 32],
    ['base64', b => b.toString('base64'), 24],
    ['base64url', b => b.toString('base64url'), 24],
    ['whsec_ + base64', b => `whsec_${b.toString('base64')}`, 24]
  ]
  // fast-check's bytes are not uniformly random (it favours small and repeated values), so the
  // property draws the secret itself from node's CSPRNG, seeded per run by fast-check's draw.
  test.each(encodings)('32 random bytes in %s', (_name, encode) => {
    fc.assert(
      fc.property(fc.integer(), () => couldBeRealSecret(encode(randomBytes(32)))),
      { numRuns: 10_000 } // 4 × 10^4 in all; 10^6 per encoding pass too, run once outside jest
    )
  })

  test.each(encodings)(
    '%s of any length from the shortest tested (32 bytes in hex, 24 in base64) to 64',
    (_n, encode, min) => {
      fc.assert(
        fc.property(bytes(min), sample => {
          // The length comes from fast-check; the bytes, as a real secret's, from the CSPRNG.
          return couldBeRealSecret(encode(randomBytes(sample.length)))
        }),
        { numRuns: 2000 }
      )
    }
  )
})

describe('parseRotatedSecret: the rotation’s answer is never judged by that rule', () => {
  test.each(['abcd...', 'REDACTED', 'short', 'f00d****', 'a b'])('%j is the secret', secret => {
    expect(parseRotatedSecret(JSON.stringify({ id: 'ws_1', secret }))).toBe(secret)
  })

  test.each([
    ['empty', '{"secret":""}'],
    ['a number', '{"secret":123}'],
    ['missing', '{"id":"ws_1"}'],
    ['not JSON', 'secret=abc'],
    ['an array', `[{"secret":"${SECRET}"}]`]
  ])('%s → undefined', (_name, body) => {
    expect(parseRotatedSecret(body)).toBeUndefined()
  })
})

describe('parseSubscription', () => {
  test('a full read: secret, webhook_url, version, enabled_events', () => {
    const body = JSON.stringify({
      id: 'ws_1',
      secret: SECRET,
      webhook_url: 'https://hooks.example.com/composio',
      version: 'V3',
      enabled_events: ['composio.trigger.message', 'composio.connected_account.expired']
    })
    expect(parseSubscription(body)).toEqual({
      secret: SECRET,
      webhookUrl: 'https://hooks.example.com/composio',
      version: 'V3',
      enabledEvents: ['composio.trigger.message', 'composio.connected_account.expired']
    })
  })

  test("the rotation's answer: id and secret only", () => {
    expect(parseSubscription(`{"id":"ws_1","secret":"${SECRET}"}`)).toEqual({
      secret: SECRET,
      webhookUrl: undefined,
      version: undefined,
      enabledEvents: undefined
    })
  })

  test.each([
    ['stars', '{"secret":"whsec_****"}'],
    ['Composio’s abcd...', '{"secret":"whse..."}'],
    ['Composio’s REDACTED', '{"secret":"REDACTED"}'],
    ['too short', '{"secret":"f00dfeed"}'],
    ['bullets', '{"secret":"\u2022\u2022\u2022\u2022"}'],
    ['an ellipsis', '{"secret":"f00d\u2026"}'],
    ['empty', '{"secret":""}'],
    ['a number', '{"secret":123}'],
    ['null', '{"secret":null}'],
    ['an object', '{"secret":{"value":"s"}}'],
    ['missing', '{"id":"ws_1","webhook_secret":"elsewhere"}']
  ])('a secret that is %s → a subscription without it', (_name, body) => {
    const subscription = parseSubscription(body)
    expect(subscription).toBeDefined()
    expect(subscription?.secret).toBeUndefined()
  })

  test.each([
    ['JSON null', 'null'],
    ['a JSON string', `"${SECRET}"`],
    ['a number', '42'],
    ['an array', `[{"secret":"${SECRET}"}]`],
    ['not JSON', `secret=${SECRET}`],
    ['empty', ''],
    ['truncated JSON', `{"secret":"${SECRET}`]
  ])('%s → undefined', (_name, body) => {
    expect(parseSubscription(body)).toBeUndefined()
  })

  test("the server's words are made safe to print; odd fields are dropped", () => {
    const subscription = parseSubscription(
      JSON.stringify({
        secret: SECRET,
        webhook_url: 'https://x.example/\n::add-mask::y',
        version: 3,
        enabled_events: ['a\r\nb', 7, null, 'e'.repeat(150)]
      })
    )
    expect(subscription).toEqual({
      secret: SECRET,
      webhookUrl: 'https://x.example/ ::add-mask::y',
      version: undefined,
      enabledEvents: ['a b', `${'e'.repeat(100)}…`]
    })
  })

  test.each([
    ['an ISO date', '2026-12-01T10:00:00.123Z', Date.parse('2026-12-01T10:00:00.123Z')],
    ['not a date', 'yesterday', undefined],
    ['a number', 1764583200000, undefined],
    // Review of issue 22, item 10: only an instant that the runner's time zone cannot move.
    ['an offset', '2026-12-01T12:00:00+02:00', Date.parse('2026-12-01T10:00:00Z')],
    [
      'microseconds, lower-case z',
      '2026-12-01T10:00:00.123456z',
      Date.parse('2026-12-01T10:00:00.123Z')
    ],
    ['no offset (the runner’s local time)', '2026-12-01T10:00:00', undefined],
    ['a date only', '2026-12-01', undefined],
    ['a space for the T', '2026-12-01 10:00:00Z', undefined],
    ['what Date.parse reads as 2001', '1', undefined],
    ['an RFC 2822 date', 'Tue, 01 Dec 2026 10:00:00 GMT', undefined],
    ['an impossible month', '2026-13-01T10:00:00Z', undefined]
  ])('updated_at that is %s → updatedAt %s', (_name, updated_at, updatedAt) => {
    expect(parseSubscription(JSON.stringify({ secret: SECRET, updated_at }))?.updatedAt).toBe(
      updatedAt
    )
  })

  test('enabled_events that is not an array is dropped', () => {
    expect(parseSubscription('{"enabled_events":"all"}')?.enabledEvents).toBeUndefined()
  })
})
