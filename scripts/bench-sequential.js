// @ts-check
// The bench's baseline: what peer actions do, written plainly. Rotate, then for each target one
// by one GET its public key and PUT the sealed value: 1 + 2N round trips, the last N·2 of them
// inside the window where the old secret is dead and the new one not yet stored everywhere.
// Reads the same INPUT_* variables and GITHUB_API_URL as the action; run as a child process by
// scripts/bench.js. Global fetch and libsodium-wrappers, nothing else.
import sodium from 'libsodium-wrappers'

/** @param {string} name */
const input = name => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim()

const subscriptionId = input('subscription-id')
const apiKey = input('api-key')
const token = input('github-token')
const secretName = input('secret-name') || 'COMPOSIO_WEBHOOK_SECRET'
const composio = input('composio-base-url') || 'https://backend.composio.dev'
const api = process.env['GITHUB_API_URL'] ?? 'https://api.github.com'
const targets = input('targets')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line !== '' && !line.startsWith('#'))
if (!subscriptionId || !apiKey || !token || targets.length === 0) {
  process.stdout.write('::error::missing input\n')
  process.exit(1)
}

/** @param {string} target @returns {string} */
function secretsPath(target) {
  const e = encodeURIComponent
  if (target.startsWith('org:')) return `/orgs/${e(target.slice(4))}/actions/secrets`
  const [repo = '', env] = target.split('@')
  const [owner = '', name = ''] = repo.split('/')
  const base = `/repos/${e(owner)}/${e(name)}`
  return env === undefined ? `${base}/actions/secrets` : `${base}/environments/${e(env)}/secrets`
}

const headers = {
  authorization: `Bearer ${token}`,
  accept: 'application/vnd.github+json',
  'x-github-api-version': '2022-11-28',
  'user-agent': 'bench-sequential'
}

/** @param {string} what @param {Response} res */
async function check(what, res) {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`)
  return res
}

const rotated = await check(
  'rotate',
  await fetch(`${composio}/api/v3/webhook_subscriptions/${subscriptionId}/rotate_secret`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey }
  })
)
const { secret } = /** @type {{ secret: string }} */ (await rotated.json())
process.stdout.write(`::add-mask::${secret}\n`)

await sodium.ready
const b64 = sodium.base64_variants.ORIGINAL
for (const target of targets) {
  const path = secretsPath(target)
  const keyRes = await check(target, await fetch(`${api}${path}/public-key`, { headers }))
  const { key_id, key } = /** @type {{ key_id: string, key: string }} */ (await keyRes.json())
  const sealed = sodium.crypto_box_seal(sodium.from_string(secret), sodium.from_base64(key, b64))
  const body = JSON.stringify({ encrypted_value: sodium.to_base64(sealed, b64), key_id })
  await check(
    target,
    await fetch(`${api}${path}/${secretName}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body
    })
  )
  process.stdout.write(`stored ${secretName} in ${target}\n`)
}
