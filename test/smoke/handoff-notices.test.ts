import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildSchedule, buildTeam, buildUser, weeklyLayer } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: handoff notices`, () => {
    let app: TestApp
    beforeAll(async () => {
      // Monday 2024-03-11 08:00 Berlin, one hour before the 09:00 handoff.
      app = await startTestApp(dialect, { now: '2024-03-11T07:00:00Z' })
    })
    afterAll(async () => app?.close())

    it('records one notice per handoff once it is within the lead time, even when run twice', async () => {
      const team = await buildTeam(app)
      const a = await buildUser(app)
      const b = await buildUser(app)
      for (const u of [a, b]) {
        const email = (await app.call('GET', `/api/v1/users/${u.id}/contact-methods`)).body.items[0]
        await app.call('POST', `/api/v1/users/${u.id}/contact-methods/${email.id}/mark-verified`)
      }
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([a.id, b.id], '2024-03-04T09:00:00+01:00')])
      const notices = () => app.tend.storage.db.selectFrom('handoff_notices').selectAll().where('schedule_id', '=', schedule.id).execute()

      await app.tend.engine.runOnce()
      expect(await notices()).toEqual([])

      app.clock.advance(40 * 60_000) // 07:40Z: the 08:00Z handoff is 20 minutes away
      await app.tend.engine.runOnce()
      await app.tend.engine.runOnce()
      const recorded = await notices()
      expect(recorded).toHaveLength(1)
      expect(recorded[0]).toMatchObject({ handoff_at: Date.parse('2024-03-11T08:00:00Z'), outgoing_user_id: a.id, incoming_user_id: b.id })
      // Both people are told through the outbox, on their (verified) non-interrupting email.
      const queued = await app.tend.storage.db.selectFrom('notifications').select(['user_id', 'kind', 'subject', 'interrupting']).where('kind', '=', 'handoff').execute()
      expect(queued.map((q) => [q.user_id, q.interrupting]).sort()).toEqual([[a.id, 0], [b.id, 0]].sort())
      expect(queued.find((q) => q.user_id === b.id)?.subject).toBe(`You are on call on ${schedule.name} from Mon 09:00 Europe/Berlin`)
    })
  })
}
