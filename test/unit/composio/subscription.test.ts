import { describe, expect, test } from '@jest/globals'
import { isMaskedSecret, parseSubscription } from '../../../src/composio/subscription.js'

const SECRET = 'f00dfeed'.repeat(8)

describe('isMaskedSecret', () => {
  test.each<[string, unknown, boolean]>([
    ['a full secret', SECRET, false],
    ['one character', 'x', false],
    ['missing', undefined, true],
    ['null', null, true],
    ['empty', '', true],
    ['a number', 123, true],
    ['an object', { value: SECRET }, true],
    ['stars', '********', true],
    ['a prefix and stars', 'f00d****', true],
    ['bullets (U+2022)', 'f00d\u2022\u2022\u2022\u2022', true],
    ['an ellipsis (U+2026)', 'f00dfe\u2026', true],
    ['a single star inside', `${SECRET.slice(0, 10)}*${SECRET.slice(10)}`, true]
  ])('%s → %s', (_name, value, masked) => {
    expect(isMaskedSecret(value)).toBe(masked)
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
