// Sealing is tested by a round trip with a generated keypair, never by mocking libsodium.
import { beforeAll, describe, expect, test } from '@jest/globals'
import sodium from 'libsodium-wrappers'
import { loadSealer, type Sealer } from '../../src/seal.js'

const STANDARD_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
/** crypto_box_seal adds an ephemeral public key (32 bytes) and a MAC (16 bytes). */
const SEAL_OVERHEAD = 48

interface KeyPair {
  publicKey: Uint8Array
  privateKey: Uint8Array
}

let seal: Sealer
let keysA: KeyPair
let keysB: KeyPair

/** A public key as GitHub serves it: standard base64 with padding. */
const publicKeyBase64 = (keys: KeyPair): string =>
  sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL)

function open(sealedBase64: string, keys: KeyPair): string {
  const sealed = sodium.from_base64(sealedBase64, sodium.base64_variants.ORIGINAL)
  return sodium.to_string(sodium.crypto_box_seal_open(sealed, keys.publicKey, keys.privateKey))
}

beforeAll(async () => {
  seal = await loadSealer()
  await sodium.ready
  keysA = sodium.crypto_box_keypair()
  keysB = sodium.crypto_box_keypair()
})

describe('loadSealer', () => {
  test.each([
    ['ASCII', 'whsec_0123456789abcdef0123456789abcdef'],
    ['64 lowercase hex characters', 'ab'.repeat(32)],
    ['one character', 'x'],
    ['non-ASCII UTF-8', 'clé secrète — 秘密 🔑'],
    ['a 48 KB value', 'k'.repeat(48 * 1024)],
    ['a 48 KB non-ASCII value', '€'.repeat(16 * 1024)]
  ])('round trip: %s', (_name, value) => {
    const sealed = seal(value, publicKeyBase64(keysA))
    expect(sealed).toMatch(STANDARD_BASE64)
    const bytes = Buffer.from(sealed, 'base64')
    expect(bytes.length).toBe(Buffer.byteLength(value, 'utf8') + SEAL_OVERHEAD)
    expect(open(sealed, keysA)).toBe(value)
  })

  test('the output is padded standard base64, not URL-safe', () => {
    // Over enough seals, '+' or '/' and '=' padding must show up if the encoding is standard.
    const outputs = Array.from({ length: 40 }, (_, i) => seal(`v${i}`, publicKeyBase64(keysA)))
    for (const output of outputs) {
      expect(output).toMatch(STANDARD_BASE64)
      expect(output.length % 4).toBe(0)
    }
    expect(outputs.some(o => /[+/]/.test(o))).toBe(true)
    expect(outputs.some(o => o.endsWith('='))).toBe(true)
  })

  test('two seals of the same value differ, and both open', () => {
    const first = seal('same value', publicKeyBase64(keysA))
    const second = seal('same value', publicKeyBase64(keysA))
    expect(first).not.toBe(second)
    expect(open(first, keysA)).toBe('same value')
    expect(open(second, keysA)).toBe('same value')
  })

  test('the plain value does not appear in the output', () => {
    const value = 'plain-secret-value-0123456789'
    const sealed = seal(value, publicKeyBase64(keysA))
    expect(sealed).not.toContain(value)
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain(value)
  })

  test('a value sealed for key A does not open with key B', () => {
    const sealed = seal('for A only', publicKeyBase64(keysA))
    expect(() => open(sealed, keysB)).toThrow()
    expect(open(sealed, keysA)).toBe('for A only')
  })

  test('a malformed public key is refused', () => {
    expect(() => seal('value', 'not base64!')).toThrow()
    expect(() =>
      seal('value', sodium.to_base64(new Uint8Array(16), sodium.base64_variants.ORIGINAL))
    ).toThrow()
  })
})
