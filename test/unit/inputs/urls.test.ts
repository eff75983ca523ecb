import { describe, expect, test } from '@jest/globals'
import { credentialUrl, isLoopback } from '../../../src/http/urls.js'

const origin = (text: string): string => credentialUrl(text, { allowPath: false })
const withPath = (text: string): string => credentialUrl(text, { allowPath: true })

describe('isLoopback', () => {
  test.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['127.0.0.1.example.com', false],
    ['localhost.example', false],
    ['10.0.0.1', false],
    ['::1', false]
  ])('%s → %s', (hostname, expected) => {
    expect(isLoopback(hostname)).toBe(expected)
  })
})

describe('credentialUrl: an origin (composio-base-url)', () => {
  test.each([
    ['https://backend.composio.dev', 'https://backend.composio.dev'],
    ['https://eu.composio.example/', 'https://eu.composio.example'],
    ['https://composio.example:8443', 'https://composio.example:8443'],
    ['HTTPS://Composio.Example', 'https://composio.example'],
    ['https://composio.example:443', 'https://composio.example'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost', 'http://localhost'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:9000', 'http://[::1]:9000']
  ])('%j → %s', (text, expected) => {
    expect(origin(text)).toBe(expected)
  })

  const HTTPS_ONLY =
    'must use https (plain http is allowed only to localhost, so that a key never crosses a network unencrypted)'
  test.each([
    ['plain http to a remote host', 'http://example.com', HTTPS_ONLY],
    ['plain http to a look-alike of loopback', 'http://127.0.0.1.example.com', HTTPS_ONLY],
    ['plain http to localhost.example', 'http://localhost.example', HTTPS_ONLY],
    ['another scheme', 'ftp://example.com', HTTPS_ONLY],
    [
      'a path',
      'https://backend.composio.dev/api/v3',
      'must be an origin such as https://backend.composio.dev, without a path'
    ],
    [
      'a path on loopback',
      'http://localhost:8080/x',
      'must be an origin such as https://backend.composio.dev, without a path'
    ],
    ['a query', 'https://example.com/?a=1', 'must not carry a query or a fragment'],
    ['a fragment', 'https://example.com/#top', 'must not carry a query or a fragment'],
    ['not a URL', 'backend.composio.dev', 'is not a URL']
  ])('%s (%j) → error quoting it', (_name, text, problem) => {
    expect(() => origin(text)).toThrow(`'${text}' ${problem}`)
  })

  // The error must not print the credentials it refuses.
  test.each([
    ['user and password', 'https://user:s3cr3t-pw@example.com', 'https://…@example.com'],
    ['a user name only', 'https://s3cr3t-token@example.com:8443/', 'https://…@example.com:8443'],
    ['on loopback', 'http://u:s3cr3t-pw@localhost:1', 'http://…@localhost:1']
  ])('%s → refused, shown without them', (_name, text, shown) => {
    expect(() => origin(text)).toThrow(`'${shown}' must not carry credentials`)
    expect(() => origin(text)).not.toThrow(/s3cr3t/)
  })
})

describe('credentialUrl: with a path (GITHUB_API_URL)', () => {
  test.each([
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['https://ghes.example.com/api/v3', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/api/v3//', 'https://ghes.example.com/api/v3'],
    ['http://localhost:3000/api/v3', 'http://localhost:3000/api/v3'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000']
  ])('%j → %s', (text, expected) => {
    expect(withPath(text)).toBe(expected)
  })

  test.each([
    ['http://ghes.example.com/api/v3', 'must use https'],
    ['http://api.github.com', 'must use https'],
    ['https://x:y@ghes.example.com/api/v3', 'must not carry credentials'],
    ['https://ghes.example.com/api/v3?x=1', 'must not carry a query'],
    ['not a url', 'is not a URL']
  ])('%j → error', (text, problem) => {
    expect(() => withPath(text)).toThrow(problem)
  })
})
