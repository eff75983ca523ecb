// When a secret read from Composio's subscription could be a real one, judged by its shape, not
// by a list of masking marks (which a new style escapes). The rule and its numbers:
// docs/security.md#a-read-secret-is-judged-by-its-shape.

/** Fewer characters than this after the prefix and padding: a placeholder, not a secret. */
export const MIN_SECRET_LENGTH = 32
/** Random secrets use many characters: 7 or fewer is a pattern (`0000…`, `abab…`, `a3f1----ef01`). */
const MIN_DISTINCT = 8
/** No character makes up more than this share of a random secret (`46ec` + `abab…` + `ef01`). */
const MAX_SHARE = 1 / 3
/** A run of one character longer than this is a fill (`a3f1` + `0` × 56 + `ef01`). */
const MAX_RUN = 8

/**
 * Hex (Composio's documented form: 64 hex digits), base64 or base64url (Standard Webhooks'
 * `whsec_` + base64), with optional `=` padding. The alphabets overlap: hex is inside both.
 */
const SHAPE = /^(?:whsec_)?(?:([A-Za-z0-9+/]+)|([A-Za-z0-9_-]+))={0,2}$/

/**
 * Whether a read secret could be a real one: hex, base64 or base64url (optionally `whsec_`),
 * at least 32 characters of body, with the variety of random bytes. A random 32-byte secret is
 * refused with a probability below 2e-8 (hex) or 1e-12 (base64): docs/security.md says how.
 * The rotation's own answer is never judged by this: it is the secret.
 */
export function couldBeRealSecret(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = SHAPE.exec(value)
  const body = match?.[1] ?? match?.[2]
  return body !== undefined && body.length >= MIN_SECRET_LENGTH && hasVariety(body)
}

function hasVariety(body: string): boolean {
  const counts = new Map<string, number>()
  for (const char of body) counts.set(char, (counts.get(char) ?? 0) + 1)
  const most = Math.max(...counts.values())
  return (
    counts.size >= MIN_DISTINCT &&
    most <= body.length * MAX_SHARE &&
    longestRun(body) <= MAX_RUN &&
    !isRepeatedBlock(body)
  )
}

/**
 * A block written twice or more in a row over half the body or more (`0123456789abcdef` × 4, a
 * placeholder; `46ec` + `abcdefgh` × 7 + `ef01`, a fill between real ends). Random hex does so
 * with a probability below 10^-8 at 32 characters, 10^-15 at 64.
 */
function isRepeatedBlock(body: string): boolean {
  for (let period = 2; period <= body.length / 2; period++) {
    let stretch = period
    for (let i = period; i < body.length; i++) {
      stretch = body.charCodeAt(i) === body.charCodeAt(i - period) ? stretch + 1 : period
      if (stretch >= Math.max(2 * period, body.length / 2)) return true
    }
  }
  return false
}

function longestRun(body: string): number {
  let longest = 0
  let run = 0
  for (let i = 0; i < body.length; i++) {
    run = body[i] === body[i - 1] ? run + 1 : 1
    longest = Math.max(longest, run)
  }
  return longest
}
