/**
 * On-call health reports and settings end to end, on each dialect: pages classified in each
 * person's own zone (Los Angeles vs London), a DST night, the compensation CSV, the weekly report
 * (API and delivery to a team channel), settings validation and team channels.
 */
import { describe, expect, it } from 'vitest'
import { ADMIN_TOKEN } from '../harness/app.js'
import { appWithWebhooks } from '../harness/suite.js'
import { addMember, buildPagedPerson, buildPagedService, buildTeam, tokenFor } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'
import { page, received, tendCli } from './oncall-health-fixtures.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: on-call health reports`, () => {
    const suite = appWithWebhooks(dialect, { now: '2026-10-20T12:00:00Z' })

    it('across a DST change night, the night is still one night and sleep hours are applied in local time', async () => {
      const team = await buildTeam(suite.app, { timeZone: 'Europe/Berlin' })
      const kai = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Kai', timeZone: 'Europe/Berlin' })
      await addMember(suite.app, team.id, kai.id, 'responder')
      const svc = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: kai.id }], delayMinutes: 30 }])
      // Berlin falls back on Sunday 2026-10-25 at 03:00 CEST → 02:00 CET: that night has 11 hours.
      const times = ['2026-10-24T23:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T06:30:00Z', '2026-10-25T07:30:00Z']
      for (const [i, t] of times.entries()) {
        suite.app.clock.set(Date.parse(t))
        await page(suite.app, svc.key, `Replica lag ${i + 1}`)
      }
      const r = await suite.app.call('GET', `/api/v1/teams/${team.id}/oncall-health?from=2026-10-24T00:00:00%2B02:00&to=2026-10-26T00:00:00%2B01:00`)
      expect(r.status).toBe(200)
      const person = r.body.people.find((p: { userId: string }) => p.userId === kai.id)
      // 01:30 CEST, 02:30 CEST, 02:30 CET and 07:30 CET are sleep hours (before 08:00 local); 08:30 CET on a Sunday is off hours.
      expect(person).toMatchObject({ pages: 5, sleepHoursPages: 4, offHoursPages: 1, workingHoursPages: 0, wakeUps: 4, nightsDisturbed: 1 })
      expect(r.body.wakeUps.map((w: { night: string; start: string }) => [w.night, w.start])).toEqual([
        ['2026-10-24', '2026-10-24T23:30:00.000Z'],
        ['2026-10-24', '2026-10-25T00:30:00.000Z'],
        ['2026-10-24', '2026-10-25T01:30:00.000Z'],
        ['2026-10-24', '2026-10-25T06:30:00.000Z'],
      ])
      // The heatmap places pages at local hours: both 02:30s in hour 2 on Sunday.
      expect(person.heatmap.counts[6].slice(0, 9)).toEqual([0, 1, 2, 0, 0, 0, 0, 1, 1])
      expect(person.heatmap.counts[5][1]).toBe(0)
      // The weekly report of that week spans 169 hours and says so in the zone's own time.
      const week = await suite.app.call('GET', `/api/v1/teams/${team.id}/oncall-report?week=2026-W43`)
      expect(week.body).toMatchObject({ week: '2026-W43', report: { from: '2026-10-18T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z', totals: { wakeUps: 4, nightsDisturbed: 1 } } })
      const text = await fetch(`${suite.app.url}/api/v1/teams/${team.id}/oncall-report?week=2026-W43&format=text`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
      expect(text.headers.get('content-type')).toContain('text/plain')
      const body = await text.text()
      expect(body).toContain('week 2026-W43 (2026-10-19 00:00 Europe/Berlin to 2026-10-26 00:00 Europe/Berlin)')
      expect(body).toContain('- Kai (Europe/Berlin): 5 pages, 4 in sleep hours, 4 wake-ups on 1 nights')
      // The same report from the terminal.
      const cli = await tendCli(suite.app, ADMIN_TOKEN, ['report', 'oncall', '--team', team.name, '--week', '2026-W43'])
      expect(cli.code).toBe(0)
      expect(cli.stdout).toBe(body)
      const json = await tendCli(suite.app, ADMIN_TOKEN, ['--json', 'report', 'oncall', '--team', team.id, '--week', '2026-W43'])
      expect(JSON.parse(json.stdout)).toMatchObject({ week: '2026-W43', report: { totals: { wakeUps: 4 } } })
      expect((await suite.app.call('GET', `/api/v1/teams/${team.id}/oncall-report?week=2026-W54`)).body.errors).toEqual([{ field: 'week', reason: expect.stringContaining('must be an ISO week') }])
    })

    it('a page at 10:00 UTC is a sleep-hours wake-up in Los Angeles (02:00) and working hours in London; ledger and budget follow', async () => {
      const team = await buildTeam(suite.app, { timeZone: 'UTC' })
      const lou = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Lou', timeZone: 'America/Los_Angeles' })
      const liz = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Liz', timeZone: 'Europe/London' })
      await addMember(suite.app, team.id, lou.id, 'responder')
      await addMember(suite.app, team.id, liz.id, 'responder')
      const svc = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: lou.id }, { type: 'user', id: liz.id }], delayMinutes: 30 }])
      suite.app.clock.set(Date.parse('2026-11-24T10:00:00Z')) // Tuesday
      const alertId = await page(suite.app, svc.key, 'Orders API 5xx')
      // Lou works the alert from 02:05 to 02:35 his time.
      suite.app.clock.set(Date.parse('2026-11-24T10:05:00Z'))
      const louToken = await tokenFor(suite.app, lou.id)
      expect((await suite.app.call('POST', `/api/v1/alerts/${alertId}/acknowledge`, undefined, louToken)).status).toBe(200)
      suite.app.clock.set(Date.parse('2026-11-24T10:35:00Z'))
      expect((await suite.app.call('POST', `/api/v1/alerts/${alertId}/resolve`, {}, louToken)).status).toBe(200)

      const r = await suite.app.call('GET', `/api/v1/teams/${team.id}/oncall-health?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z`)
      const byName = (name: string) => r.body.people.find((p: { name: string }) => p.name === name)
      expect(byName('Lou')).toMatchObject({ timeZone: 'America/Los_Angeles', pages: 1, sleepHoursPages: 1, workingHoursPages: 0, wakeUps: 1, nightsDisturbed: 1, acknowledged: 1, engagedMinutes: 30, engagedOffHoursMinutes: 30 })
      expect(byName('Liz')).toMatchObject({ timeZone: 'Europe/London', pages: 1, sleepHoursPages: 0, workingHoursPages: 1, wakeUps: 0, nightsDisturbed: 0 })
      expect(byName('Lou').heatmap.counts[1][2]).toBe(1)
      expect(byName('Liz').heatmap.counts[1][10]).toBe(1)
      expect(r.body.totals).toMatchObject({ people: 2, pages: 2, sleepHoursPages: 1, workingHoursPages: 1, wakeUps: 1 })
      expect(r.body.sources).toEqual(expect.arrayContaining([expect.stringContaining('Google SRE book, ch. 11'), expect.stringContaining('PagerDuty Operational Reviews')]))
      expect(r.body.rotation).toMatchObject({ people: 0, coverage: 'partial' })
      // Lou's sleep-in: the day after the night (Tue 2026-11-24 local) starts at 12:00 his time.
      const notices = await suite.app.call('GET', `/api/v1/teams/${team.id}/sleep-in-notices?day=2026-11-24`)
      expect(notices.body.items.map((n: { user: { name: string }; expectedStartAt: string }) => [n.user.name, n.expectedStartAt])).toEqual([['Lou', '2026-11-24T20:00:00.000Z']])

      // The compensation ledger: 30 off-hours minutes × 1.5 + 60 for the wake-up = 105 minutes for Lou.
      const csv = await fetch(`${suite.app.url}/api/v1/teams/${team.id}/compensation.csv?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const lines = (await csv.text()).trimEnd().split('\r\n')
      expect(lines[0]).toBe('user_id,name,period_start,period_end,engaged_off_hours_minutes,sleep_hours_wake_ups,factor,engaged_credit_minutes,wake_up_credit_minutes,minutes_in_lieu')
      expect(lines.slice(1).sort()).toEqual(
        [`${liz.id},Liz,2026-11-23T00:00:00.000Z,2026-11-30T00:00:00.000Z,0,0,1.5,0,0,0`, `${lou.id},Lou,2026-11-23T00:00:00.000Z,2026-11-30T00:00:00.000Z,30,1,1.5,45,60,105`].sort(),
      )
      // Payroll data is for team admins.
      expect((await suite.app.call('GET', `/api/v1/teams/${team.id}/compensation.csv`, undefined, louToken)).status).toBe(403)

      // The night-page budget of the on-call week (calendar weeks: no weekly rotation), and the deploy-gate opt-in.
      const budget = await suite.app.call('GET', `/api/v1/teams/${team.id}/night-budget`)
      expect(budget.body).toMatchObject({ budget: 2, spent: 1, remaining: 1, exhausted: false, weekStart: '2026-11-23T00:00:00.000Z', gatesDeploys: false, causedBy: [{ serviceId: svc.serviceId, wakeUps: 1, alerts: 1 }] })
      expect((await suite.app.call('PUT', `/api/v1/teams/${team.id}/oncall-health-settings`, { budgetGatesDeploys: true, nightPageBudget: 1 })).status).toBe(200)
      expect((await suite.app.call('GET', `/api/v1/teams/${team.id}/night-budget`)).body).toMatchObject({ budget: 1, spent: 1, exhausted: true, gatesDeploys: true })
    })

    it('settings are validated with field paths, need a team admin, and store nothing when rejected', async () => {
      const team = await buildTeam(suite.app)
      const ria = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Ria' })
      await addMember(suite.app, team.id, ria.id, 'responder')
      const path = `/api/v1/teams/${team.id}/oncall-health-settings`
      const defaults = await suite.app.call('GET', path)
      expect(defaults.body).toMatchObject({ teamId: team.id, nightPageBudget: 2, relief: { wakeUpsPerNight: 2, wakeUpsPerWeek: 4, recovery: { mode: 'recovery-period', hours: 48 } }, sleepIn: { mode: 'next-working-day-later', hours: 3 }, autoRelief: true, weeklyReport: { enabled: true, weekday: 'mon', time: '09:00' }, budgetGatesDeploys: false, updatedAt: null })

      const bad = await suite.app.call('PUT', path, { relief: { wakeUpsPerNight: 0, recovery: { mode: 'end-of-shift', hours: 12 } }, sleepIn: { mode: 'whenever' }, nightPageBudget: 2.5, weeklyReport: { weekday: 'someday', time: '25:00' } })
      expect(bad.status).toBe(400)
      expect(bad.body.code).toBe('E_VALIDATION')
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nightPageBudget', 'relief.recovery.hours', 'relief.wakeUpsPerNight', 'sleepIn.mode', 'weeklyReport.time', 'weeklyReport.weekday'])
      expect((await suite.app.call('PUT', path, { relief: { perNight: 3 } })).status).toBe(400)
      expect((await suite.app.call('GET', path)).body.updatedAt).toBeNull()
      expect((await suite.app.call('PUT', path, { nightPageBudget: 3 }, await tokenFor(suite.app, ria.id))).status).toBe(403)

      const ok = await suite.app.call('PUT', path, { relief: { wakeUpsPerNight: 3, recovery: { mode: 'end-of-shift' } }, weeklyReport: { weekday: 'fri', time: '16:00' } })
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({ relief: { wakeUpsPerNight: 3, wakeUpsPerWeek: 4, recovery: { mode: 'end-of-shift' } }, weeklyReport: { enabled: true, weekday: 'fri', time: '16:00' }, nightPageBudget: 2 })
      expect((await suite.app.call('GET', path)).body).toEqual(ok.body)
      const audit = await suite.app.call('GET', `/api/v1/audit?teamId=${team.id}&entityType=team`)
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('team.oncall-health-settings.update')
    })

    it('team channels: validated, sealed, masked for non-admins, tested, and the weekly report arrives once on the chosen day', async () => {
      const team = await buildTeam(suite.app, { timeZone: 'Europe/Berlin' })
      const obs = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Obi' })
      await addMember(suite.app, team.id, obs.id, 'observer')
      const path = `/api/v1/teams/${team.id}/channels`
      const bad = await suite.app.call('POST', path, { type: 'sms', address: 'nope' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors).toEqual([{ field: 'type', reason: expect.stringContaining('email, slack, webhook') }])
      expect((await suite.app.call('POST', path, { type: 'webhook', address: 'not a url' })).body.errors).toEqual([{ field: 'address', reason: 'must be an http(s) URL' }])
      const created = await suite.app.call('POST', path, { type: 'webhook', address: `${suite.hookUrl}/team/${team.id}`, label: 'Room' })
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({ type: 'webhook', label: 'Room', address: `${suite.hookUrl}/team/${team.id}`, signingSecret: expect.stringMatching(/^whsec_/) })
      const sealed = await suite.app.tend.storage.db.selectFrom('team_channels').select('address_sealed').where('id', '=', created.body.id).executeTakeFirstOrThrow()
      expect(sealed.address_sealed).not.toContain('127.0.0.1')
      const asObserver = await suite.app.call('GET', path, undefined, await tokenFor(suite.app, obs.id))
      expect(asObserver.body.items[0].address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…[0-9a-f]{4}$/)
      expect((await suite.app.call('PATCH', `${path}/${created.body.id}`, { label: 'Team room' })).body.label).toBe('Team room')

      expect((await suite.app.call('POST', `${path}/${created.body.id}/test`)).status).toBe(202)
      await suite.app.settle()
      const mine = () => received(suite.hooks, `/team/${team.id}`)
      expect(mine().map((r) => r.json.kind)).toEqual(['team.test'])
      expect(mine()[0]?.headers['x-tend-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)

      // The weekly report goes out on Monday 09:00 Berlin, once, covering the week before.
      suite.app.clock.set(Date.parse('2026-11-30T07:59:00Z'))
      await suite.app.settle()
      expect(mine().map((r) => r.json.kind)).toEqual(['team.test'])
      suite.app.clock.set(Date.parse('2026-11-30T08:00:00Z'))
      await suite.app.settle()
      suite.app.clock.set(Date.parse('2026-11-30T08:05:00Z'))
      await suite.app.settle()
      const reports = mine().filter((r) => r.json.kind === 'team.weekly-report')
      expect(reports).toHaveLength(1)
      expect(reports[0]?.json.subject).toBe(`On-call report 2026-W48 for ${team.name}: 0 pages, 0 night wake-ups`)
      expect(reports[0]?.json.text).toContain('Recommendations:')
      const messages = await suite.app.call('GET', `/api/v1/teams/${team.id}/team-messages`)
      expect(messages.body.items.map((m: { kind: string; status: string }) => [m.kind, m.status])).toEqual([['weekly-report', 'sent'], ['test', 'sent']])

      expect((await suite.app.call('DELETE', `${path}/${created.body.id}`)).status).toBe(204)
      expect((await suite.app.call('GET', path)).body.items).toEqual([])
    })
  })
}
