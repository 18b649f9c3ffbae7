import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChannelRegistry, type Channel, type Destination, type OutboundMessage, type SendOutcome } from '../../src/domain/notify/index.js'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedService, buildTeam, buildUser, pdTrigger } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'

/**
 * A stand-in for an SMS gateway (none can run here): it accepts every message, as a gateway's
 * API does with 2xx, and records when each arrived by the server's clock.
 */
class RecordingSms implements Channel {
  readonly type = 'sms' as const
  readonly sent: { at: number; to: string; subject: string }[] = []
  constructor(private readonly now: () => number) {}
  async send(message: OutboundMessage, to: Destination): Promise<SendOutcome> {
    this.sent.push({ at: this.now(), to: to.address, subject: message.subject })
    return { ok: true, providerId: `sms-${this.sent.length}` }
  }
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: per-channel throttles`, () => {
    let app: TestApp
    let sms: RecordingSms
    beforeAll(async () => {
      let clock: () => number = () => 0
      sms = new RecordingSms(() => clock())
      app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z', channels: new ChannelRegistry().register(sms) })
      clock = () => app.clock.now()
    })
    afterAll(async () => app?.close())

    it('spaces SMS to one phone at least 20 s apart, holding (not dropping) the second', async () => {
      const team = await buildTeam(app)
      const ana = await buildUser(app)
      for (const r of (await app.call('GET', `/api/v1/users/${ana.id}/notification-rules`)).body.items) await app.call('DELETE', `/api/v1/users/${ana.id}/notification-rules/${r.id}`)
      const phone = await app.call('POST', `/api/v1/users/${ana.id}/contact-methods`, { type: 'sms', address: '+4915112345678' })
      await app.call('POST', `/api/v1/users/${ana.id}/contact-methods/${phone.body.id}/mark-verified`)
      await app.call('POST', `/api/v1/users/${ana.id}/notification-rules`, { contactMethodId: phone.body.id, urgency: 'high', delayMinutes: 0 })
      // Two services, so bundling does not fold the second page into the first.
      const a = await buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 30 }])
      const b = await buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 30 }])
      await app.call('POST', '/v2/enqueue', pdTrigger(a.key, 'db down'), null)
      await app.call('POST', '/v2/enqueue', pdTrigger(b.key, 'api down'), null)
      await app.settle()
      expect(sms.sent).toHaveLength(1)
      const held = await app.tend.storage.db.selectFrom('notifications').select(['status', 'attempts', 'next_attempt_at']).where('channel', '=', 'sms').where('status', '=', 'pending').execute()
      expect(held).toEqual([{ status: 'pending', attempts: 0, next_attempt_at: Date.parse('2026-11-24T10:00:20Z') }])
      app.clock.advance(19_000)
      await app.settle()
      expect(sms.sent).toHaveLength(1)
      app.clock.advance(1_000)
      await app.settle()
      expect(sms.sent.map((s) => s.at - Date.parse('2026-11-24T10:00:00Z'))).toEqual([0, 20_000])
    })
  })
}
