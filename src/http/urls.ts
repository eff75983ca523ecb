// Where a credential may be sent: https anywhere, plain http only to this machine. An API key or
// a token never crosses a network unencrypted.
import { unreachable } from './reach.js'

/** The host names whose traffic never leaves this machine. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * Checks a URL that requests with credentials will go to and returns it normalized: the origin,
 * plus the path without trailing slashes when `allowPath` (GitHub Enterprise Server's /api/v3).
 */
export function credentialUrl(text: string, { allowPath }: { allowPath: boolean }): string {
  const fail = (problem: string, shown = text): never => {
    throw new Error(`'${shown}' ${problem}`)
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail('is not a URL')
  }
  // Never echo a URL that carries credentials: the error would print them.
  if (url.username || url.password)
    fail('must not carry credentials', `${url.protocol}//…@${url.host}`)
  if (!isEncryptedOrLocal(url)) {
    fail(
      'must use https (plain http is allowed only to localhost, so that a key never crosses a network unencrypted)'
    )
  }
  if (url.search || url.hash) fail('must not carry a query or a fragment')
  if (!allowPath && url.pathname !== '/')
    fail('must be an origin such as https://backend.composio.dev, without a path')
  return `${url.origin}${allowPath ? url.pathname.replace(/\/+$/, '') : ''}`
}

function isEncryptedOrLocal(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))
}

/** Never echoed: an unparsable URL may still hold a token. */
const NOT_A_URL = 'is not a URL (not shown: it may hold a token)'

function parsedReceiverUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(NOT_A_URL)
  }
  if (url.username || url.password)
    throw new Error(`'${url.protocol}//…@${url.host}' must not carry credentials`)
  if (url.hash) throw new Error(`'${displayUrl(url)}' must not carry a fragment`)
  return url
}

/**
 * Checks the URL of a webhook receiver that signed check deliveries will be sent to, and returns
 * it normalized. The same rule as for credentials: a delivery signed with the new secret is as
 * good as the secret to whoever reads it, so https, or plain http only to this machine. A path
 * and a query are the receiver's own; user info and a fragment are refused.
 */
export function receiverUrl(text: string): string {
  const url = parsedReceiverUrl(text)
  if (!isEncryptedOrLocal(url)) {
    throw new Error(
      `'${displayUrl(url)}' must use https (plain http is allowed only to localhost, so that a signed delivery never crosses a network unencrypted)`
    )
  }
  return url.href
}

/**
 * The subscription's webhook_url, which anyone holding the project key can set, is held to
 * Composio's reach: Composio delivers to it, so it must be https to a public address. The runner
 * sends nothing to a private, link-local (cloud metadata), loopback or unique-local address for
 * it, except loopback when Composio itself is on this machine (a local Composio: tests, a demo).
 */
export function subscriptionReceiverUrl(text: string, composioIsLocal: boolean): string {
  const url = parsedReceiverUrl(text)
  const shown = displayUrl(url)
  const where = unreachable(url.hostname)
  const local = composioIsLocal && where?.loopback === true
  if (where && !local) {
    throw new Error(
      `'${shown}' is ${where.why}, which Composio cannot deliver to: the receiver check sends signed deliveries only where Composio can (https to a public address). Set the subscription's webhook URL to the receiver's public address, or give verify-receiver that URL`
    )
  }
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new Error(
      `'${shown}' must use https: Composio delivers over the internet, and a signed delivery must not cross a network unencrypted`
    )
  }
  return url.href
}

/** Shorter parts are not masked: `v=1` is no token, and masking it would star out every `v=1` in the log. */
const MIN_MASKED_LENGTH = 8

/**
 * What of a receiver URL may be a credential, to mask before the URL goes anywhere a later step
 * could print it (an output, which the runner echoes in a later step's inputs): its query, its
 * fragment and its user info; the whole text when it is not a URL. Its origin and path stay readable.
 */
export function urlCredentials(text: string): string[] {
  let parts: string[]
  try {
    const url = new URL(text)
    const userInfo = url.password ? `${url.username}:${url.password}` : url.username
    parts = [url.search.slice(1), url.hash.slice(1), userInfo]
  } catch {
    parts = [text]
  }
  return parts.filter(part => part.length >= MIN_MASKED_LENGTH)
}

/** A URL as logs show it: origin and path, `?…` where a query was; never user info. */
export function displayUrl(url: URL | string): string {
  let parsed: URL
  try {
    parsed = typeof url === 'string' ? new URL(url) : url
  } catch {
    return '(not a URL; not shown)'
  }
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`
}
