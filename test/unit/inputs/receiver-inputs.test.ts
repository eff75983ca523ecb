// The receiver check's inputs: the URL rule (https, or http to this machine only), the word
// `subscription`, the timing bounds, and the verify-receiver action's own inputs.
import { describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/inputs/read.js'
import {
  readReceiverOptions,
  readVerifyReceiverSettings
} from '../../../src/inputs/receiver-inputs.js'
import { displayUrl, receiverUrl } from '../../../src/http/urls.js'
import { thrown, withInputs, type Inputs } from './with-inputs.js'

const options = (inputs: Inputs) => withInputs(inputs, readReceiverOptions)
const verifySettings = (inputs: Inputs) => withInputs(inputs, readVerifyReceiverSettings)
const SECRET = 'c0ffee_the_new_secret_0004'

describe('receiverUrl', () => {
  test.each([
    ['https://hooks.example.com/composio', 'https://hooks.example.com/composio'],
    ['https://hooks.example.com/composio?tenant=7', 'https://hooks.example.com/composio?tenant=7'],
    ['HTTPS://Hooks.Example.com', 'https://hooks.example.com/'],
    ['http://127.0.0.1:8080/hook', 'http://127.0.0.1:8080/hook'],
    ['http://localhost/hook', 'http://localhost/hook'],
    ['http://[::1]:9000/hook', 'http://[::1]:9000/hook']
  ])('%s → %s', (text, expected) => {
    expect(receiverUrl(text)).toBe(expected)
  })

  test.each([
    ['plain http to a remote host', 'http://hooks.example.com/x', /must use https/],
    ['plain http to a private address', 'http://10.0.0.5/x', /must use https/],
    ['another scheme', 'ftp://hooks.example.com/x', /must use https/],
    ['a fragment', 'https://hooks.example.com/x#y', /must not carry a fragment/],
    ['not a URL', 'hooks.example.com/x', /is not a URL/]
  ])('refuses %s', (_, text, problem) => {
    expect(() => receiverUrl(text)).toThrow(problem)
  })

  test('refuses user info without quoting it', () => {
    const error = thrown(() => receiverUrl('https://user:pa55word@hooks.example.com/x'))
    expect(error.message).toBe("'https://…@hooks.example.com' must not carry credentials")
  })

  test('displayUrl drops the query, which may hold a token', () => {
    expect(displayUrl('https://h.example/hook?token=abc')).toBe('https://h.example/hook?…')
    expect(displayUrl('https://h.example/hook')).toBe('https://h.example/hook')
  })
})

describe('readReceiverOptions (main action)', () => {
  test('no verify-receiver: no check, default timing', () => {
    expect(options({})).toEqual({
      verifyReceiver: undefined,
      verifyTiming: { timeoutMs: 300_000, intervalMs: 10_000 }
    })
  })

  test('a URL, or the word subscription', () => {
    expect(options({ 'verify-receiver': 'https://h.example/hook' }).verifyReceiver).toEqual({
      url: 'https://h.example/hook'
    })
    expect(options({ 'verify-receiver': 'subscription' }).verifyReceiver).toEqual({
      fromSubscription: true
    })
  })

  test('a bad URL names the input', () => {
    const error = thrown(() => options({ 'verify-receiver': 'http://hooks.example.com/x' }))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(
      /^Input 'verify-receiver': 'http:\/\/hooks\.example\.com\/x' must use https/
    )
  })

  test('timing: seconds within bounds', () => {
    expect(
      options({ 'verify-timeout-seconds': '30', 'verify-interval-seconds': '1.5' }).verifyTiming
    ).toEqual({ timeoutMs: 30_000, intervalMs: 1500 })
  })

  test.each([
    ['verify-interval-seconds', '0', "'0' is not a number of seconds from 1 to 300"],
    ['verify-interval-seconds', '301', "'301' is not a number of seconds from 1 to 300"],
    ['verify-timeout-seconds', '0', "'0' is not a number of seconds from 1 to 3600"],
    ['verify-timeout-seconds', '5m', "'5m' is not a number of seconds from 1 to 3600"]
  ])('%s: %s is refused', (name, value, problem) => {
    expect(thrown(() => options({ [name]: value })).message).toBe(`Input '${name}': ${problem}`)
  })
})

describe('readVerifyReceiverSettings (the verify-receiver action)', () => {
  const base = { secret: SECRET, url: 'https://h.example/hook' }

  test('secret and url; the rest defaults', () => {
    expect(verifySettings(base)).toEqual({
      secret: SECRET,
      url: 'https://h.example/hook',
      rotatedAt: undefined,
      timing: { timeoutMs: 300_000, intervalMs: 10_000 }
    })
  })

  test('rotated-at, as the main action sets it', () => {
    const at = '2026-12-03T08:00:00.123Z'
    expect(verifySettings({ ...base, 'rotated-at': at }).rotatedAt).toEqual(new Date(at))
  })

  test.each([
    [
      { url: base.url },
      /^Input 'secret': is required and was empty\. Pass the main action's secret output/
    ],
    [{ secret: SECRET }, /^Input 'url': is required and was empty$/],
    [{ ...base, url: 'http://hooks.example.com' }, /^Input 'url': .* must use https/],
    [
      { ...base, 'rotated-at': 'yesterday' },
      /^Input 'rotated-at': 'yesterday' is not an ISO 8601 time/
    ],
    [{ ...base, 'rotated-at': '2026-13-45T99:00:00Z' }, /^Input 'rotated-at'/],
    [{ ...base, 'interval-seconds': '0.5' }, /^Input 'interval-seconds': '0.5' is not a number/]
  ])('%j is refused', (inputs, problem) => {
    const error = thrown(() => verifySettings(inputs))
    expect(error.message).toMatch(problem)
    expect(error.message).not.toContain(SECRET)
  })
})
