import { describe, expect, it } from 'vitest'
import { derivePages } from './pages.js'
import { at, sent } from './test-fixtures.js'

describe('derivePages: interruptions that reached a person', () => {
  it('counts a page once per alert and person, at the first send, however many channels', () => {
    const pages = derivePages([
      sent('a1', 'ana', '2026-03-10T02:00:05+01:00'), // push, recorded first but sent second
      sent('a1', 'ana', '2026-03-10T02:00:00+01:00'), // SMS
      sent('a1', 'ana', '2026-03-10T02:01:00+01:00'), // voice
    ])
    expect(pages).toEqual([{ alertId: 'a1', userId: 'ana', at: at('2026-03-10T02:00:00+01:00') }])
  })

  it('never counts email or any other non-interrupting channel', () => {
    expect(derivePages([sent('a1', 'ana', '2026-03-10T02:00:00+01:00', { interrupting: false })])).toEqual([])
    const pages = derivePages([
      sent('a1', 'ana', '2026-03-10T02:00:00+01:00', { interrupting: false }),
      sent('a1', 'ana', '2026-03-10T02:03:00+01:00'),
    ])
    expect(pages.map((p) => p.at)).toEqual([at('2026-03-10T02:03:00+01:00')])
  })

  it('counts only messages that were sent: pending, failed, dead, bundled and cancelled never reached anyone', () => {
    const unsent = (['pending', 'sending', 'failed', 'dead', 'bundled', 'cancelled'] as const).map((status) =>
      sent('a1', 'ana', '2026-03-10T02:00:00+01:00', { status }),
    )
    expect(derivePages(unsent)).toEqual([])
    expect(derivePages([sent('a1', 'ana', '2026-03-10T02:00:00+01:00', { sentAt: null })])).toEqual([])
  })

  it('a failed SMS followed by a delivered push counts once, at the push', () => {
    const pages = derivePages([
      sent('a1', 'ana', '2026-03-10T02:00:00+01:00', { status: 'failed' }),
      sent('a1', 'ana', '2026-03-10T02:02:00+01:00'),
    ])
    expect(pages).toEqual([{ alertId: 'a1', userId: 'ana', at: at('2026-03-10T02:02:00+01:00') }])
  })

  it('counts each person and each alert separately', () => {
    const pages = derivePages([
      sent('a1', 'ana', '2026-03-10T02:00:00+01:00'),
      sent('a1', 'ben', '2026-03-10T02:15:00+01:00'),
      sent('a2', 'ana', '2026-03-10T02:05:00+01:00'),
    ])
    expect(pages.map((p) => `${p.alertId}/${p.userId}`)).toEqual(['a1/ana', 'a2/ana', 'a1/ben'])
  })

  it('ignores messages without an alert (tests, verification codes, notices)', () => {
    expect(derivePages([sent(null, 'ana', '2026-03-10T02:00:00+01:00')])).toEqual([])
  })

  it('orders pages by time, then user, then alert, whatever the input order', () => {
    const t = '2026-03-10T02:00:00+01:00'
    const pages = derivePages([sent('b', 'ben', t), sent('a', 'ben', t), sent('z', 'ana', t)])
    expect(pages.map((p) => `${p.userId}/${p.alertId}`)).toEqual(['ana/z', 'ben/a', 'ben/b'])
  })
})
