import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Returns a random string of `length` base62 characters (about 5.95 bits each). */
export function randomToken(length: number): string {
  const bytes = randomBytes(length * 2)
  let out = ''
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    // Rejection sampling keeps the distribution uniform: 248 = 4 × 62.
    if (b < 248) out += BASE62[b % 62]
  }
  return out.length === length ? out : randomToken(length)
}

/**
 * Hashes a high-entropy secret (API token, integration key) for storage. SHA-256 is enough here:
 * the secrets are random and long, so there is nothing to brute-force; a slow hash would only
 * slow every request down.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Compares two strings in constant time (for signatures and codes). */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a)
  const bb = Buffer.from(b)
  return ba.length === bb.length && timingSafeEqual(ba, bb)
}

/** Encrypts and decrypts small secrets at rest (webhook URLs, Slack hooks) with AES-256-GCM. */
export class SecretBox {
  readonly #key: Buffer

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('secret key must be 32 bytes')
    this.#key = key
  }

  /** Builds a box from a base64 or hex key string (as in TEND_SECRET_KEY). */
  static fromString(s: string): SecretBox {
    const key = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64')
    return new SecretBox(key)
  }

  static generateKey(): string {
    return randomBytes(32).toString('base64')
  }

  /** Derives a separate key for one purpose (e.g. signing action links), so no key serves two jobs. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), `tend:${purpose}`, 32))
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':')
    if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) {
      throw new Error('unrecognised sealed secret format')
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
  }
}
