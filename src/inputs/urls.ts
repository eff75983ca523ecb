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
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    fail(
      'must use https (plain http is allowed only to localhost, so that a key never crosses a network unencrypted)'
    )
  }
  if (url.search || url.hash) fail('must not carry a query or a fragment')
  if (!allowPath && url.pathname !== '/')
    fail('must be an origin such as https://backend.composio.dev, without a path')
  return `${url.origin}${allowPath ? url.pathname.replace(/\/+$/, '') : ''}`
}
