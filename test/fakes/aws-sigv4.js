// @ts-check
// Verifies an AWS Signature Version 4 request the way AWS does (AWS's "Signature Version 4
// signing process": canonical request, string to sign, the derived signing key), for the fake
// Secrets Manager: the header's shape, the scope (date, region, service), the clock, the
// signed headers, the session token, and the signature itself, recomputed from the test's
// fake credentials. Plain ESM: runs under `node` as is.
import crypto from 'node:crypto'

/**
 * @typedef {object} FakeCredentials
 * @property {string} accessKeyId
 * @property {string} secretAccessKey
 * @property {string} [sessionToken] when set, requests must carry and sign it
 */
/** @typedef {{ type: string, message: string }} AwsRefusal the error AWS would answer */

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/
const MAX_SKEW_MS = 5 * 60 * 1000

/**
 * @param {import('./http-fake.js').RequestContext} ctx
 * @param {{ credentials: FakeCredentials, region: string, service: string, now?: () => number }} expected
 * @returns {AwsRefusal | undefined} undefined when the request is signed as AWS requires
 */
export function checkSigV4(ctx, expected) {
  const { headers } = ctx
  const auth = headers.authorization ?? ''
  const match = AUTH.exec(auth)
  if (!match)
    return refuse('IncompleteSignature', `Authorization header is not SigV4: ${shape(auth)}`)
  const [, keyId, day, region, service, signedList, signature] = /** @type {string[]} */ (match)
  const { credentials } = expected
  if (keyId !== credentials.accessKeyId)
    return refuse(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.'
    )
  const amzDate = headers['x-amz-date'] ?? ''
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== day)
    return refuse(
      'IncompleteSignature',
      'X-Amz-Date is missing or does not match the credential scope.'
    )
  if (region !== expected.region || service !== expected.service)
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region and service ('${expected.region}', '${expected.service}'), not '${region}', '${service}'.`
    )
  if (Math.abs(parseAmzDate(amzDate) - (expected.now ?? Date.now)()) > MAX_SKEW_MS)
    return refuse(
      'InvalidSignatureException',
      'Signature expired: the request time is too far from the server time.'
    )
  const signed = /** @type {string} */ (signedList).split(';')
  const mustSign = ['host', 'x-amz-date', 'x-amz-target', 'content-type']
  if (credentials.sessionToken) mustSign.push('x-amz-security-token')
  const unsigned = mustSign.filter(name => !signed.includes(name))
  if (unsigned.length > 0)
    return refuse('IncompleteSignature', `SignedHeaders must include ${unsigned.join(', ')}.`)
  if (credentials.sessionToken && headers['x-amz-security-token'] !== credentials.sessionToken)
    return refuse(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.'
    )
  const scope = `${day}/${region}/${service}/aws4_request`
  const expectedSignature = sign(ctx, signed, amzDate, scope, credentials.secretAccessKey)
  if (expectedSignature !== signature)
    return refuse(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided.'
    )
  return undefined
}

/**
 * @param {import('./http-fake.js').RequestContext} ctx
 * @param {string[]} signed
 * @param {string} amzDate
 * @param {string} scope
 * @param {string} secretAccessKey
 */
function sign(ctx, signed, amzDate, scope, secretAccessKey) {
  const canonicalHeaders = signed
    .map(name => `${name}:${(ctx.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('')
  const canonicalRequest = [
    ctx.method,
    ctx.path,
    canonicalQuery(ctx.searchParams),
    canonicalHeaders,
    signed.join(';'),
    sha256(ctx.rawBody)
  ].join('\n')
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n')
  const [day, region, service] = scope.split('/')
  let key = hmac(`AWS4${secretAccessKey}`, /** @type {string} */ (day))
  for (const part of [region, service, 'aws4_request'])
    key = hmac(key, /** @type {string} */ (part))
  return hmac(key, stringToSign).toString('hex')
}

/** @param {URLSearchParams} params */
function canonicalQuery(params) {
  return [...params]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&')
}

/** @param {string} text */
const sha256 = text => crypto.createHash('sha256').update(text, 'utf8').digest('hex')
/** @param {string | Buffer} key @param {string} data */
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data, 'utf8').digest()

/** @param {string} amzDate 20261206T020304Z */
function parseAmzDate(amzDate) {
  const d = amzDate
  return Date.parse(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`
  )
}

/** The header's shape without its signature, for the error text. @param {string} auth */
const shape = auth => (auth === '' ? '(none)' : auth.replace(/Signature=\S+/, 'Signature=…'))

/** @param {string} type @param {string} message @returns {AwsRefusal} */
const refuse = (type, message) => ({ type, message })
