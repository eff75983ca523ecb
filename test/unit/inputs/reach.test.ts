// A subscription's webhook_url is held to where Composio, on the internet, can deliver: every
// notation of an internal address is caught once the URL parser has read it; a URL is shown
// without its query or user info, and an unparsable one is never echoed.
import { describe, expect, test } from '@jest/globals'
import { unreachable } from '../../../src/http/reach.js'
import {
  displayUrl,
  receiverUrl,
  subscriptionReceiverUrl,
  urlCredentials
} from '../../../src/http/urls.js'

const hostOf = (url: string): string => new URL(url).hostname

describe('unreachable: every notation of an internal address', () => {
  test.each([
    ['https://10.1.2.3/x', 'a private address'],
    ['https://172.16.0.1/x', 'a private address'],
    ['https://172.31.255.255/x', 'a private address'],
    ['https://192.168.1.1/x', 'a private address'],
    [
      'https://169.254.169.254/latest',
      'a link-local address (the cloud metadata service lives there)'
    ],
    ['https://127.0.0.1/x', 'a loopback address'],
    ['https://127.1/x', 'a loopback address'],
    ['https://2130706433/x', 'a loopback address'], // decimal
    ['https://0x7f000001/x', 'a loopback address'], // hex
    ['https://0x7f.0.0.1/x', 'a loopback address'],
    ['https://0177.0.0.1/x', 'a loopback address'], // octal
    ['https://10.0.0.1./x', 'a private address'], // a trailing dot
    ['https://%31%30.0.0.1/x', 'a private address'], // percent-encoded
    ['https://①⓪.0.0.1/x', 'a private address'], // other digits, folded by IDNA
    ['https://[::127.0.0.1]/x', 'a loopback address'], // IPv4-compatible
    ['https://2852039166/x', 'a link-local address (the cloud metadata service lives there)'],
    ['https://0.0.0.0/x', 'a "this network" address'],
    ['https://100.64.0.1/x', 'a carrier-grade NAT address'],
    ['https://[::1]/x', 'a loopback address'],
    ['https://[::]/x', 'the unspecified address'],
    ['https://[::ffff:127.0.0.1]/x', 'a loopback address'], // IPv4-mapped
    [
      'https://[::ffff:a9fe:a9fe]/x',
      'a link-local address (the cloud metadata service lives there)'
    ],
    ['https://[::ffff:10.0.0.1]/x', 'a private address'],
    ['https://[64:ff9b::10.0.0.1]/x', 'a private address'], // NAT64
    [
      'https://[2002:a9fe:a9fe::]/x',
      'a link-local address (the cloud metadata service lives there)'
    ], // 6to4
    ['https://[2002:7f00:1::1]/x', 'a loopback address'], // 6to4
    [
      'https://[::ffff:0:a9fe:a9fe]/x',
      'a link-local address (the cloud metadata service lives there)'
    ], // SIIT
    ['https://[64:ff9b:1::a9fe:a9fe]/x', 'a local-use NAT64 address, translated inside a network'],
    ['https://[fd00::1]/x', 'a unique-local address'],
    ['https://[fc12:3456::1]/x', 'a unique-local address'],
    ['https://[fe80::1]/x', 'a link-local address'],
    ['https://[ff02::1]/x', 'a multicast address'],
    ['https://localhost/x', 'a loopback name'],
    ['https://LOCALHOST./x', 'a loopback name'],
    ['https://api.localhost/x', 'a loopback name'],
    ['https://metadata.google.internal/x', 'a name under .internal, local to a network'],
    ['https://printer.local/x', 'a name under .local, local to a network'],
    ['https://router.home.arpa/x', 'a name under .home.arpa, local to a network'],
    ['https://receiver/x', 'a name without a domain']
  ])('%s: %s', (url, why) => {
    expect(unreachable(hostOf(url))?.why).toBe(why)
  })

  test.each([
    'https://hooks.example.com/x',
    'https://8.8.8.8/x',
    'https://172.32.0.1/x',
    'https://[2606:4700::1111]/x',
    'https://[::ffff:8.8.8.8]/x',
    'https://[2002:808:808::1]/x', // 6to4 of a public address
    'https://local.example.com/x'
  ])('%s: public', url => {
    expect(unreachable(hostOf(url))).toBeUndefined()
  })
})

describe('subscriptionReceiverUrl', () => {
  test('https to a public address: accepted as is, query included (it is the receiver’s)', () => {
    const url = 'https://hooks.example.com/composio?token=t0k3n'
    expect(subscriptionReceiverUrl(url, false)).toBe(url)
  })

  test.each([
    [
      'https://10.1.2.3/hooks?token=t0k3n',
      "'https://10.1.2.3/hooks?…' is a private address, which Composio cannot deliver to"
    ],
    [
      'https://169.254.169.254/latest/meta-data',
      "'https://169.254.169.254/latest/meta-data' is a link-local address (the cloud metadata service lives there), which Composio cannot deliver to"
    ],
    [
      'http://hooks.example.com/x',
      "'http://hooks.example.com/x' must use https: Composio delivers over the internet"
    ],
    ['https://127.0.0.1:8443/x', "'https://127.0.0.1:8443/x' is a loopback address"],
    ['http://localhost:3000/x', "'http://localhost:3000/x' is a loopback name"]
  ])('%s: refused, saying why', (url, message) => {
    expect(() => subscriptionReceiverUrl(url, false)).toThrow(message)
    expect(() => subscriptionReceiverUrl(url, false)).not.toThrow(/t0k3n/)
  })

  test('loopback is allowed, over http too, only when Composio itself is on this machine', () => {
    expect(subscriptionReceiverUrl('http://127.0.0.1:9/hooks', true)).toBe(
      'http://127.0.0.1:9/hooks'
    )
    expect(() => subscriptionReceiverUrl('http://10.0.0.1/hooks', true)).toThrow(
      'a private address'
    )
    expect(() => subscriptionReceiverUrl('http://hooks.example.com/x', true)).toThrow(
      'must use https'
    )
  })

  test.each([
    ['unparsable', 'https://exa mple.com/?token=t0k3n'],
    ['no scheme', 'hooks.example.com/x?token=t0k3n']
  ])('%s: never echoed', (_, url) => {
    expect(() => subscriptionReceiverUrl(url, false)).toThrow(
      'is not a URL (not shown: it may hold a token)'
    )
    expect(() => subscriptionReceiverUrl(url, false)).not.toThrow(/t0k3n/)
    expect(() => receiverUrl(url)).not.toThrow(/t0k3n/)
  })

  test('user info: refused, never shown', () => {
    expect(() => subscriptionReceiverUrl('https://u:t0k3n@hooks.example.com/x', false)).toThrow(
      "'https://…@hooks.example.com' must not carry credentials"
    )
  })
})

test('displayUrl: origin and path, ?… for a query, never user info; an unparsable URL not shown', () => {
  expect(displayUrl('https://u:p@hooks.example.com/a/b?token=t0k3n#x')).toBe(
    'https://hooks.example.com/a/b?…'
  )
  expect(displayUrl('https://exa mple.com/?token=t0k3n')).toBe('(not a URL; not shown)')
})

test('urlCredentials: the query, the fragment and the user info, to mask; the whole text when not a URL', () => {
  expect(urlCredentials('https://u:p4ssw0rd@hooks.example.com/a?token=t0k3n&x=1')).toEqual([
    'token=t0k3n&x=1',
    'u:p4ssw0rd'
  ])
  expect(urlCredentials('https://t0k3n-abcd@hooks.example.com/a')).toEqual(['t0k3n-abcd'])
  expect(urlCredentials('https://hooks.example.com/a#token=t0k3n')).toEqual(['token=t0k3n'])
  expect(urlCredentials('https://hooks.example.com/a')).toEqual([])
  // Too short to be a token, and masking it would star out the log.
  expect(urlCredentials('https://hooks.example.com/a?v=1')).toEqual([])
  expect(urlCredentials('https://exa mple.com/?token=t0k3n')).toEqual([
    'https://exa mple.com/?token=t0k3n'
  ])
  expect(urlCredentials('')).toEqual([])
})
