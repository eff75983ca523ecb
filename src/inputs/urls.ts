// Where a credential may be sent: https anywhere, plain http only to this machine. An API key or
// a token never crosses a network unencrypted.

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

/**
 * Checks the URL of a webhook receiver that signed check deliveries will be sent to, and returns
 * it normalized. The same rule as for credentials: a delivery signed with the new secret is as
 * good as the secret to whoever reads it, so https, or plain http only to this machine. A path
 * and a query are the receiver's own; user info and a fragment are refused.
 */
export function receiverUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`'${text}' is not a URL`)
  }
  const shown = displayUrl(url)
  if (url.username || url.password)
    throw new Error(`'${url.protocol}//…@${url.host}' must not carry credentials`)
  if (!isEncryptedOrLocal(url)) {
    throw new Error(
      `'${shown}' must use https (plain http is allowed only to localhost, so that a signed delivery never crosses a network unencrypted)`
    )
  }
  if (url.hash) throw new Error(`'${shown}' must not carry a fragment`)
  return url.href
}

/** A URL as logs show it: without its query, which may hold a receiver's token. */
export function displayUrl(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`
}
