import { describe, expect, test } from '@jest/globals'
import {
  MIN_SECRET_LENGTH,
  couldBeRealSecret,
  parseRotatedSecret,
  parseSubscription
} from '../../../src/composio/subscription.js'

const SECRET = 'f00dfeed'.repeat(8)
/** Composio's one example shape: 64 lowercase hex digits. */
const HEX = '3f9a0c7be41d52a86f0e9b1c7d2a4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f'
/** Long enough, so that only the mark gives each masked value away. */
const pad = (mark: string): string => `${HEX.slice(0, 20)}${mark}${HEX.slice(20)}`

describe('couldBeRealSecret: at least 32 characters, no whitespace, no masking mark', () => {
  test.each<[string, unknown, boolean]>([
    // Could be real.
    ['64 lowercase hex digits (Composio’s example)', HEX, true],
    ['64 upper-case hex digits', HEX.toUpperCase(), true],
    ['base64 with + / =', 'q2Zx+9Kp/3Lm0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9Io=', true],
    ['base64url', 'q2Zx-9Kp_3Lm0Vb7Ye1Ws5Tn8Rc4Ud6Af2Hg0Jk9Io', true],
    ['a whsec_ prefix', `whsec_${HEX}`, true],
    ['exactly 32 characters', HEX.slice(0, 32), true],
    ['one dot, two dots', `${HEX.slice(0, 30)}.a..b`, true],
    ['three x', `${HEX.slice(0, 32)}xxx`, true],
    // Composio's own masking styles (changelog 2025-12-10; API keys shown as ak_**XXXX).
    ['abcd... (Composio)', `${HEX.slice(0, 4)}...`, false],
    ['xxxx... (Composio)', 'xxxx...', false],
    ['REDACTED (Composio)', 'REDACTED', false],
    ['a long value ending in ...', `${HEX}...`, false],
    ['xxxx inside a long value', pad('xxxx'), false],
    ['XXXX inside a long value', pad('XXXX'), false],
    ['REDACTED inside a long value', pad('REDACTED'), false],
    ['redacted in lower case', pad('redacted'), false],
    ['ak_**XXXX style', `ak_**${HEX.slice(0, 40)}`, false],
    // Ours.
    ['a star inside', pad('*'), false],
    ['bullets (U+2022)', pad('••••'), false],
    ['an ellipsis (U+2026)', pad('…'), false],
    // Too short, whitespace, not a string.
    ['31 characters', HEX.slice(0, 31), false],
    ['a space inside', pad(' '), false],
    ['a tab inside', pad('	'), false],
    [
      'a newline at the end',
      `${HEX}
`,
      false
    ],
    ['a non-breaking space inside', pad(' '), false],
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

  test('enabled_events that is not an array is dropped', () => {
    expect(parseSubscription('{"enabled_events":"all"}')?.enabledEvents).toBeUndefined()
  })
})
