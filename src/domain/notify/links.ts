import { createHmac } from 'node:crypto'
import { safeEqual } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'

/** What a one-click link may do. Each link does exactly one thing for one person on one alert. */
export type LinkAction = 'acknowledge' | 'resolve'

export interface LinkClaims {
  readonly action: LinkAction
  readonly alertId: string
  /** The person who was paged: the action is recorded as theirs. */
  readonly userId: string
  readonly expiresAt: Instant
}

/** Links in a page work for a day: long enough for a night, short enough to go stale. */
export const LINK_LIFETIME_MS = 24 * 3_600_000

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url')

/** Signs and verifies one-click action links with an HMAC key derived for this purpose only. */
export class LinkSigner {
  constructor(private readonly key: Buffer, private readonly publicUrl: string) {}

  token(claims: LinkClaims): string {
    const body = b64(JSON.stringify({ a: claims.action, al: claims.alertId, u: claims.userId, exp: claims.expiresAt }))
    return `${body}.${this.#mac(body)}`
  }

  url(claims: LinkClaims): string {
    return `${this.publicUrl}/a/${this.token(claims)}`
  }

  /** Returns the claims of a valid, unexpired token, or a reason it is not. */
  verify(token: string, now: Instant): { ok: true; claims: LinkClaims } | { ok: false; reason: string } {
    const [body, mac] = token.split('.')
    if (body === undefined || mac === undefined || !safeEqual(mac, this.#mac(body))) return { ok: false, reason: 'this link is not valid' }
    let raw: { a?: unknown; al?: unknown; u?: unknown; exp?: unknown }
    try {
      raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof raw
    } catch {
      return { ok: false, reason: 'this link is not valid' }
    }
    if ((raw.a !== 'acknowledge' && raw.a !== 'resolve') || typeof raw.al !== 'string' || typeof raw.u !== 'string' || typeof raw.exp !== 'number') {
      return { ok: false, reason: 'this link is not valid' }
    }
    if (raw.exp <= now) return { ok: false, reason: 'this link has expired; open the alert in Tend instead' }
    return { ok: true, claims: { action: raw.a, alertId: raw.al, userId: raw.u, expiresAt: raw.exp } }
  }

  #mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url')
  }
}
