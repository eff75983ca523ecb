// libsodium sealed boxes, the encryption GitHub requires for secret values:
// https://docs.github.com/en/rest/guides/encrypting-secrets-for-the-rest-api

/** Seals a plain value for a base64 X25519 public key; returns base64. Only the key's owner can open it. */
export type Sealer = (value: string, publicKeyBase64: string) => string

/**
 * Loads libsodium (~50 ms of WebAssembly start-up): begin it early, await it late. Imported here,
 * not at the top, so that its loading starts after the first requests have been sent.
 */
export async function loadSealer(): Promise<Sealer> {
  const { default: sodium } = await import('libsodium-wrappers')
  await sodium.ready
  const base64 = sodium.base64_variants.ORIGINAL // GitHub's keys are standard, padded base64.
  return (value, publicKeyBase64) => {
    const key = sodium.from_base64(publicKeyBase64, base64)
    return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), key), base64)
  }
}
