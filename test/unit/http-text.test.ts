// http.ts's words for what went wrong: a server's text made safe for a log line, and network
// errors described without a header, a body or a URL.
import { describe, expect, test } from '@jest/globals'
import { describeNetworkError, serverText, serverUrl, timedOut } from '../../src/http/http.js'

const KEY = 'ak_CREDENTIAL_api_key_0001'

describe('serverText and timedOut', () => {
  test.each([
    ['plain', 'Bad credentials', 'Bad credentials'],
    ['a newline that could start a workflow command', 'a\n::add-mask::x', 'a ::add-mask::x'],
    ['CR LF and tabs, collapsed', 'a\r\n\t\tb', 'a b'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a b c'],
    ['C1 controls (NEL)', 'a\u0085b\u009bc', 'a b c'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['surrounding control characters', '\n  x  \r\n', 'x'],
    ['exactly 300 characters', 'm'.repeat(300), 'm'.repeat(300)],
    ['301 characters', 'm'.repeat(301), `${'m'.repeat(300)}…`]
  ])('%s', (_name, text, expected) => {
    expect(serverText(text)).toBe(expected)
  })

  test('a custom cap', () => {
    expect(serverText('abcdef', 3)).toBe('abc…')
  })

  test.each([
    [1000, 'timed out after 1 s (timeout-seconds)'],
    [2500, 'timed out after 2.5 s (timeout-seconds)'],
    [300_000, 'timed out after 300 s (timeout-seconds)']
  ])('timedOut(%d)', (ms, text) => {
    expect(timedOut(ms)).toBe(text)
  })
})

describe('describeNetworkError', () => {
  const withCause = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause })
  test.each<[string, unknown, string]>([
    ['null', null, 'network error'],
    ['a string', `header ${KEY}`, 'network error'],
    ['an object without a message', { code: 'X' }, 'network error'],
    ['a non-string message', { message: { KEY } }, 'network error'],
    [
      'a TimeoutError',
      Object.assign(new Error('aborted'), { name: 'TimeoutError' }),
      'timed out after 2 s (timeout-seconds)'
    ],
    [
      'a cause with code and reason',
      withCause({ code: 'ECONNRESET', message: 'read ECONNRESET' }),
      'network error: ECONNRESET read ECONNRESET'
    ],
    [
      'a cause whose reason has a newline',
      withCause({ message: 'bad\n::error::x' }),
      'network error: bad ::error::x'
    ],
    ['a cause with neither', withCause({}), 'network error:'],
    [
      'a header refusal quoting the value',
      new TypeError(`Headers.append: "${KEY}\n" is an invalid header value.`),
      'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)'
    ],
    [
      'a ByteString refusal',
      new TypeError(
        `Cannot convert argument to a ByteString because the character at index 3 has a value of 8364 (${KEY})`
      ),
      'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)'
    ],
    ['fetch failed', new TypeError('fetch failed'), 'network error: fetch failed'],
    ['terminated', new TypeError('terminated'), 'network error: terminated'],
    ['other side closed', new Error('other side closed'), 'network error: other side closed'],
    ['any other message', new RangeError(`unexpected ${KEY}`), 'network error (RangeError)'],
    ['a nameless object', { message: `unexpected ${KEY}` }, 'network error (Error)']
  ])('%s', (_name, error, expected) => {
    const text = describeNetworkError(error, 2000)
    expect(text).toBe(expected)
    expect(text).not.toContain(KEY)
  })
})

describe('serverUrl: a URL from a server is shown only as plain https', () => {
  test.each([
    [
      'https',
      'https://github.com/acme/app/actions/runs/1',
      'https://github.com/acme/app/actions/runs/1'
    ],
    ['http', 'http://github.com/acme/app/actions/runs/1', undefined],
    ['loopback http', 'http://127.0.0.1:8080/run', undefined],
    ['a line break', 'https://github.com/run\n::error::x', undefined],
    ['a carriage return', 'https://github.com/run\r::warning::x', undefined],
    ['a space', 'https://github.com/run ::error::x', undefined],
    ['a line separator', 'https://github.com/run\u2028x', undefined],
    ['userinfo', 'https://user:pass@github.com/run', undefined],
    ['javascript', 'javascript:alert(1)', undefined],
    ['not a URL', 'not a url', undefined],
    ['not a string', 42, undefined]
  ])('%s', (_name, text, expected) => {
    expect(serverUrl(text)).toBe(expected)
  })
})
