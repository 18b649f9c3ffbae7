import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LinkSigner } from './links.js'

const signer = new LinkSigner(randomBytes(32), 'https://tend.example')
const claims = { action: 'acknowledge' as const, alertId: 'A1', userId: 'U1', expiresAt: 1_000_000 }

describe('one-click action links', () => {
  it('round-trips its claims', () => {
    const token = signer.token(claims)
    expect(signer.url(claims)).toBe(`https://tend.example/a/${token}`)
    expect(signer.verify(token, 999_999)).toEqual({ ok: true, claims })
  })

  it('rejects expired links', () => {
    expect(signer.verify(signer.token(claims), 1_000_000)).toMatchObject({ ok: false, reason: expect.stringContaining('expired') })
  })

  it('rejects tampered links, so an acknowledge link cannot become a resolve link', () => {
    const [, mac] = signer.token(claims).split('.')
    const forged = `${Buffer.from(JSON.stringify({ a: 'resolve', al: 'A1', u: 'U1', exp: 1_000_000 })).toString('base64url')}.${mac}`
    expect(signer.verify(forged, 0)).toMatchObject({ ok: false })
    expect(new LinkSigner(randomBytes(32), 'x').verify(signer.token(claims), 0)).toMatchObject({ ok: false })
    expect(signer.verify('garbage', 0)).toMatchObject({ ok: false })
  })
})
