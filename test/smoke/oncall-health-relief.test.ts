/**
 * Reliefs end to end, through the API and the engine, on each dialect: nobody eligible (admins
 * paged, the on-call keeps the pager, an admin takes over) and declining a relief. One app per dialect;
 * each scenario has its own team and week, in time order.
 */
import { describe, expect, it } from 'vitest'
import { appWithWebhooks } from '../harness/suite.js'
import { buildPagedService, tokenFor } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'
import { buildHealthTeam, page, pagesOf, received, tendCli, type Person } from './oncall-health-fixtures.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: on-call health reliefs`, () => {
    // Monday 2026-11-30 20:00 in Berlin.
    const suite = appWithWebhooks(dialect, { now: '2026-11-30T19:00:00Z' })

    const teamTexts = (teamId: string) => received(suite.hooks, `/team/${teamId}`).map((r) => String(r.json.text))
    const quiet = (p: Person) => received(suite.hooks, `/quiet/${p.id}`).map((r) => ({ subject: String(r.json.subject), text: String(r.json.text) }))
    const onCall = async (scheduleId: string) => (await suite.app.call('GET', `/api/v1/schedules/${scheduleId}/oncall`)).body.shift.user?.name as string | undefined

    it('nobody eligible → the admins are paged and the original on-call keeps the pager (until an admin takes over)', async () => {
      const s = await buildHealthTeam(suite.app, suite.hookUrl, { names: ['Eve', 'Finn'], startsAt: '2026-11-30T09:00:00+01:00' })
      const [eve, finn] = s.people as [Person, Person]
      const direct = await buildPagedService(suite.app, s.team.id, [{ targets: [{ type: 'user', id: finn.id }], delayMinutes: 30 }])
      suite.app.clock.set(Date.parse('2026-11-30T22:30:00Z'))
      await page(suite.app, direct.key, 'Finn: disk filling')
      suite.app.clock.set(Date.parse('2026-12-01T01:00:00Z'))
      await page(suite.app, s.key, 'Payments down')
      suite.app.clock.set(Date.parse('2026-12-01T03:00:00Z'))
      await page(suite.app, s.key, 'Payments still down')

      const [relief] = (await suite.app.call('GET', `/api/v1/reliefs?teamId=${s.team.id}`)).body.items
      expect(relief).toMatchObject({ status: 'needed', tired: { name: 'Eve' }, replacement: null, overrideId: null })
      expect(relief.outcomeNote).toBe(`Nobody eligible (nobody can take over from Eve: Finn is in recovery); Eve keeps the pager and the team's admins were paged.`)
      expect(pagesOf(suite.hooks, s.admin.id)).toEqual([`Relief needed for Eve on ${relief.scheduleName}, nobody eligible`])
      expect(quiet(eve).map((m) => m.subject)).toContain(`Relief due, but nobody can take the pager on ${relief.scheduleName}`)
      expect(teamTexts(s.team.id).some((t) => t.startsWith(`Eve needs relief on ${relief.scheduleName}`) && t.includes('Eve keeps the pager'))).toBe(true)
      // No gap: Eve is still on call, and the next alert pages her.
      expect(await onCall(s.scheduleId)).toBe('Eve')
      suite.app.clock.set(Date.parse('2026-12-01T05:00:00Z'))
      await page(suite.app, s.key, 'Payments flapping')
      expect(pagesOf(suite.hooks, eve.id)).toEqual(['Payments down', 'Payments still down', 'Payments flapping'])
      expect(pagesOf(suite.hooks, finn.id)).toEqual(['Finn: disk filling'])

      // The paged admin steps in.
      const took = await suite.app.call('POST', `/api/v1/reliefs/${relief.id}/take-over`, {}, await tokenFor(suite.app, s.admin.id))
      expect(took.status).toBe(200)
      expect(took.body).toMatchObject({ outcome: 'taken-over', relief: { status: 'taken_over', replacement: { id: s.admin.id } } })
      expect(await onCall(s.scheduleId)).toBe(s.admin.name)
      // The admins' "relief needed" page is answered by the take-over.
      const alerts = (await suite.app.call('GET', `/api/v1/alerts?teamId=${s.team.id}`)).body.items
      expect(alerts.find((a: { summary: string }) => a.summary.startsWith('Relief needed'))).toMatchObject({ status: 'resolved', urgency: 'high' })
    })

    it('declining a relief hands it to the next eligible person; when nobody else can take it, the tired person keeps the pager and is told', async () => {
      const s = await buildHealthTeam(suite.app, suite.hookUrl, { names: ['Gil', 'Hana', 'Ivo'], startsAt: '2026-12-07T09:00:00+01:00' })
      const [gil, hana, ivo] = s.people as [Person, Person, Person]
      suite.app.clock.set(Date.parse('2026-12-08T01:00:00Z'))
      await page(suite.app, s.key, 'Search index lagging')
      suite.app.clock.set(Date.parse('2026-12-08T03:00:00Z'))
      await page(suite.app, s.key, 'Search index failing')
      const [relief] = (await suite.app.call('GET', `/api/v1/reliefs?teamId=${s.team.id}`)).body.items
      expect(relief).toMatchObject({ status: 'active', tired: { name: 'Gil' }, replacement: { name: 'Hana' } })

      // Only the replacement (or a team admin) may decline.
      const notYours = await suite.app.call('POST', `/api/v1/reliefs/${relief.id}/decline`, {}, await tokenFor(suite.app, gil.id))
      expect(notYours.status).toBe(403)

      suite.app.clock.set(Date.parse('2026-12-08T03:20:00Z'))
      const first = await suite.app.call('POST', `/api/v1/reliefs/${relief.id}/decline`, { reason: 'I am ill' }, await tokenFor(suite.app, hana.id))
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({ outcome: 'reassigned', relief: { status: 'active', replacement: { name: 'Ivo' } } })
      expect(first.body.message).toBe('Hana declined at Tue 2026-12-08 04:20 Europe/Berlin (UTC+01:00) (I am ill); Ivo takes the pager for Gil until Thu 2026-12-10 04:00 Europe/Berlin (UTC+01:00).')
      expect(await onCall(s.scheduleId)).toBe('Ivo')

      // Ivo declines from the terminal: nobody else is left, so Gil keeps the pager, and is told so.
      suite.app.clock.set(Date.parse('2026-12-08T03:30:00Z'))
      const ivoToken = await tokenFor(suite.app, ivo.id)
      const listed = await tendCli(suite.app, ivoToken, ['relief', 'list'])
      expect(listed.stdout).toContain(relief.id)
      expect(listed.stdout).toContain('Ivo')
      const cli = await tendCli(suite.app, ivoToken, ['--json', 'relief', 'decline', relief.id])
      expect(cli.code).toBe(0)
      const second = { body: JSON.parse(cli.stdout) }
      expect(second.body).toMatchObject({ outcome: 'tired-keeps-pager', relief: { status: 'declined', end: '2026-12-08T03:30:00.000Z' } })
      expect(second.body.message).toBe('Ivo declined at Tue 2026-12-08 04:30 Europe/Berlin (UTC+01:00); nobody else can take it (Hana and Ivo declined): Gil keeps the pager.')
      const again = await tendCli(suite.app, ivoToken, ['relief', 'decline', relief.id])
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('this relief is declined')
      expect(await onCall(s.scheduleId)).toBe('Gil')
      // The declined overrides ended when declined (kept as history), so no gap and no double cover.
      const overrides = (await suite.app.call('GET', `/api/v1/schedules/${s.scheduleId}/overrides?from=2026-12-08T00:00:00Z&to=2026-12-11T00:00:00Z`)).body.items
      expect(overrides.map((o: { userId: string; start: string; end: string }) => [o.userId, o.start, o.end])).toEqual([
        [hana.id, '2026-12-08T03:00:00.000Z', '2026-12-08T03:20:00.000Z'],
        [ivo.id, '2026-12-08T03:20:00.000Z', '2026-12-08T03:30:00.000Z'],
      ])
      await suite.app.settle()
      expect(quiet(gil).map((m) => m.subject)).toContain(`Your relief on ${relief.scheduleName} was declined: you have the pager again`)
      expect(teamTexts(s.team.id)).toContain(second.body.message)
      // Audited, and a declined relief cannot be declined again.
      const audit = (await suite.app.call('GET', `/api/v1/audit?entityType=relief&entityId=${relief.id}`)).body.items.map((e: { action: string }) => e.action)
      expect(audit).toEqual(['relief.decline', 'relief.decline', 'relief.create'])
      expect((await suite.app.call('POST', `/api/v1/reliefs/${relief.id}/decline`, {})).status).toBe(409)
      // The CLI-facing list: Gil's reliefs.
      const mine = await suite.app.call('GET', '/api/v1/reliefs', undefined, await tokenFor(suite.app, gil.id))
      expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([relief.id])
    })
  })
}
