/**
 * On-call health end to end, through the API and the engine, on each dialect: the seed scenario
 * (2am, 4am, 6am), restart safety, nobody eligible, and declining a relief. One app per dialect;
 * each scenario has its own team and week, in time order.
 */
import { describe, expect, it } from 'vitest'
import { appWithWebhooks } from '../harness/suite.js'
import { buildPagedService } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'
import { acknowledgeAs, buildHealthTeam, page, pagesOf, received, type Person } from './oncall-health-fixtures.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: on-call health`, () => {
    // Monday 2026-11-23 20:00 in Berlin.
    const suite = appWithWebhooks(dialect, { now: '2026-11-23T19:00:00Z' })

    const teamTexts = (teamId: string) => received(suite.hooks, `/team/${teamId}`).map((r) => String(r.json.text))
    const quiet = (p: Person) => received(suite.hooks, `/quiet/${p.id}`).map((r) => ({ subject: String(r.json.subject), text: String(r.json.text) }))
    const onCall = async (scheduleId: string) => (await suite.app.call('GET', `/api/v1/schedules/${scheduleId}/oncall`)).body.shift.user?.name as string | undefined

    it('the seed scenario: 2am, 4am, 6am in Berlin → sleep-in, relief by a rested replacement, the 6am alert pages them, the team is told, relief ends on time', async () => {
      // A weekly rotation of 4 in Berlin: Ana from Nov 16, Ben from Nov 23 09:00.
      const s = await buildHealthTeam(suite.app, suite.hookUrl, { names: ['Ana', 'Ben', 'Cleo', 'Dan'], startsAt: '2026-11-16T09:00:00+01:00' })
      const [ana, ben, cleo, dan] = s.people as [Person, Person, Person, Person]
      // Cleo (next after Ben) was woken at 23:30 by another of the team's services: she is recovering.
      const direct = await buildPagedService(suite.app, s.team.id, [{ targets: [{ type: 'user', id: cleo.id }], delayMinutes: 30 }])
      suite.app.clock.set(Date.parse('2026-11-23T22:30:00Z'))
      await page(suite.app, direct.key, 'Batch job stuck')
      expect(pagesOf(suite.hooks, cleo.id)).toEqual(['Batch job stuck'])

      // 02:00: Ben is paged; he is told to start late, and so is the team. No relief yet.
      suite.app.clock.set(Date.parse('2026-11-24T01:00:00Z'))
      const a1 = await page(suite.app, s.key, 'Checkout 5xx above 5%')
      expect(pagesOf(suite.hooks, ben.id)).toEqual(['Checkout 5xx above 5%'])
      await acknowledgeAs(suite.app, ben.id, a1)
      expect(quiet(ben)).toEqual([{ subject: 'Start late: Tue 12:00 Europe/Berlin', text: 'You were woken at 02:00 (Europe/Berlin) — start at 12:00 tomorrow; your team has been told.' }])
      expect(teamTexts(s.team.id)).toContain('Ben was woken at 02:00 Europe/Berlin and starts at 12:00 Europe/Berlin on Tue 2026-11-24 instead of 09:00.')
      expect((await suite.app.call('GET', `/api/v1/reliefs?teamId=${s.team.id}`)).body.items).toEqual([])
      // The notice is on the team page for that day.
      const today = await suite.app.call('GET', `/api/v1/teams/${s.team.id}/sleep-in-notices?day=2026-11-24`)
      expect(today.body.items.map((n: { user: { name: string }; wokenAt: string; expectedStartAt: string }) => [n.user.name, n.wokenAt, n.expectedStartAt])).toEqual([
        ['Cleo', '2026-11-23T22:30:00.000Z', '2026-11-24T11:00:00.000Z'],
        ['Ben', '2026-11-24T01:00:00.000Z', '2026-11-24T11:00:00.000Z'],
      ])

      // 04:00: the second wake-up of the night meets the rule (2 per night): Dan relieves Ben.
      // Cleo comes next in the rotation but is recovering; Dan and Ana are rested, Dan is nearer.
      suite.app.clock.set(Date.parse('2026-11-24T03:00:00Z'))
      await page(suite.app, s.key, 'Checkout latency p99 above 2s')
      expect(pagesOf(suite.hooks, ben.id)).toEqual(['Checkout 5xx above 5%', 'Checkout latency p99 above 2s'])
      const reliefs = (await suite.app.call('GET', `/api/v1/reliefs?teamId=${s.team.id}`)).body.items
      expect(reliefs).toHaveLength(1)
      const relief = reliefs[0]
      expect(relief).toMatchObject({
        status: 'active',
        tired: { id: ben.id, name: 'Ben' },
        replacement: { id: dan.id, name: 'Dan' },
        start: '2026-11-24T03:00:00.000Z',
        end: '2026-11-26T03:00:00.000Z',
        night: '2026-11-23',
        reason: '2 wake-ups in the night of 2026-11-23 (02:00, 04:00 Europe/Berlin) reached the limit of 2 per night',
      })
      const overrides = (await suite.app.call('GET', `/api/v1/schedules/${s.scheduleId}/overrides?from=2026-11-24T00:00:00Z&to=2026-11-27T00:00:00Z`)).body.items
      expect(overrides).toEqual([expect.objectContaining({ id: relief.overrideId, userId: dan.id, replacesUserId: ben.id, kind: 'relief' })])
      expect(await onCall(s.scheduleId)).toBe('Dan')
      // Both people and the team are told, with the reason (the wake-up times).
      expect(quiet(dan).map((m) => m.subject)).toEqual([`You have the pager on ${relief.scheduleName} for Ben`])
      expect(quiet(dan)[0]?.text).toContain('02:00, 04:00 Europe/Berlin')
      expect(quiet(ben).map((m) => m.subject)).toContain(`You are relieved: Dan has the pager on ${relief.scheduleName}`)
      const told = teamTexts(s.team.id).find((t) => t.startsWith('Ben was relieved'))
      expect(told).toBe(
        `Ben was relieved on ${relief.scheduleName}: Dan has the pager until Thu 2026-11-26 04:00 Europe/Berlin (UTC+01:00). ` +
          'Why: 2 wake-ups in the night of 2026-11-23 (02:00, 04:00 Europe/Berlin) reached the limit of 2 per night. ' +
          'Chosen: Dan: asleep now (nobody eligible is awake), recent burden 0, the preferred of 2 eligible. Passed over: Cleo (in recovery).',
      )
      // The alert Ben acknowledged stays with him; nobody else is paged for it.
      expect((await suite.app.call('GET', `/api/v1/alerts/${a1}`)).body.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: ben.id })
      expect(pagesOf(suite.hooks, ana.id)).toEqual([])
      expect(pagesOf(suite.hooks, dan.id)).toEqual([])

      // Restart safety: an engine that lost its cursor (a restart, a second instance) runs twice more: nothing is done again.
      const db = suite.app.tend.storage.db
      const count = async (table: 'sleep_in_notices' | 'reliefs' | 'schedule_overrides' | 'team_messages' | 'notifications' | 'follow_ups' | 'alerts') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const tables = ['sleep_in_notices', 'reliefs', 'schedule_overrides', 'team_messages', 'notifications', 'follow_ups', 'alerts'] as const
      const before = await Promise.all(tables.map(count))
      const requests = suite.hooks.unique().length
      await db.deleteFrom('engine_state').where('name', '=', 'engine.oncall-health.pages').execute()
      await suite.app.tend.engine.runOnce()
      await suite.app.tend.engine.runOnce()
      expect(await Promise.all(tables.map(count))).toEqual(before)
      expect(suite.hooks.unique().length).toBe(requests)
      // The night-page budget (2) was spent by Cleo's and Ben's nights: one follow-up for the week, naming the noisiest source.
      const followUps = (await suite.app.call('GET', `/api/v1/follow-ups?teamId=${s.team.id}`)).body.items.filter((f: { kind: string }) => f.kind === 'pager-budget')
      expect(followUps).toHaveLength(1)
      expect(followUps[0].title).toMatch(/^Pager budget spent: the noisiest sources were /)

      // 06:00: the third alert already pages Dan, not Ben.
      suite.app.clock.set(Date.parse('2026-11-24T05:00:00Z'))
      await page(suite.app, s.key, 'Checkout queue depth high')
      expect(pagesOf(suite.hooks, dan.id)).toEqual(['Checkout queue depth high'])
      expect(pagesOf(suite.hooks, ben.id)).toHaveLength(2)
      expect(pagesOf(suite.hooks, cleo.id)).toHaveLength(1)

      // The relief ends on time: 48 hours after it began, the pager is Ben's again.
      suite.app.clock.set(Date.parse('2026-11-26T02:59:00Z'))
      await suite.app.settle()
      expect((await suite.app.call('GET', `/api/v1/reliefs/${relief.id}`)).body.status).toBe('active')
      expect(await onCall(s.scheduleId)).toBe('Dan')
      suite.app.clock.set(Date.parse('2026-11-26T03:00:00Z'))
      await suite.app.settle()
      expect((await suite.app.call('GET', `/api/v1/reliefs/${relief.id}`)).body.status).toBe('ended')
      expect(await onCall(s.scheduleId)).toBe('Ben')
      expect(teamTexts(s.team.id).some((t) => t.startsWith(`The relief for Ben on ${relief.scheduleName} ended`))).toBe(true)
    })
  })
}
