import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness/app.js'
import { addMember, buildSchedule, buildTeam, buildUser, tokenFor, weeklyLayer } from '../../../../test/harness/factories.js'
import { DIALECTS } from '../../../../test/harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: schedules API`, () => {
    let app: TestApp
    let team: { id: string; name: string }
    let ana: { id: string; name: string; email: string }
    let ben: { id: string; name: string; email: string }
    let cho: { id: string; name: string; email: string }

    beforeAll(async () => {
      app = await startTestApp(dialect, { now: '2024-03-06T12:00:00Z' })
      team = await buildTeam(app)
      ana = await buildUser(app, { name: 'Ana', timeZone: 'America/New_York' })
      ben = await buildUser(app, { name: 'Ben', timeZone: 'America/New_York' })
      cho = await buildUser(app, { name: 'Cho', timeZone: 'Europe/Berlin' })
    })
    afterAll(async () => app?.close())

    it('hands off a weekly New York rotation at 09:00 local across the March DST change', async () => {
      // 2024-03-04 is a Monday; DST starts Sunday 2024-03-10 (EST -05:00 → EDT -04:00).
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id, ben.id], '2024-03-04T09:00:00-05:00')], { timeZone: 'America/New_York' })
      const res = await app.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=2024-03-04T14:00:00Z&to=2024-03-25T13:00:00Z`)
      expect(res.status).toBe(200)
      expect(res.body.final.map((s: { start: string; end: string; user: { name: string } }) => [s.start, s.end, s.user.name])).toEqual([
        ['2024-03-04T14:00:00.000Z', '2024-03-11T13:00:00.000Z', 'Ana'],
        ['2024-03-11T13:00:00.000Z', '2024-03-18T13:00:00.000Z', 'Ben'],
        ['2024-03-18T13:00:00.000Z', '2024-03-25T13:00:00.000Z', 'Ana'],
      ])
      expect(res.body.final[0].source).toMatchObject({ type: 'layer', layerName: 'Weekly' })
    })

    it('reports gaps instead of filling them', async () => {
      const schedule = await buildSchedule(app, team.id, [
        weeklyLayer([cho.id], '2024-03-04T09:00:00+01:00', { shiftUnit: 'days', restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] }),
      ])
      const res = await app.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=2024-03-08T00:00:00%2B01:00&to=2024-03-09T00:00:00%2B01:00`)
      expect(res.body.final.map((s: { start: string; user: unknown; source: { type: string } }) => [s.start, s.user === null ? null : 'Cho', s.source.type])).toEqual([
        ['2024-03-07T23:00:00.000Z', null, 'gap'],
        ['2024-03-08T08:00:00.000Z', 'Cho', 'layer'],
        ['2024-03-08T16:00:00.000Z', null, 'gap'],
      ])
      const now = await app.call('GET', `/api/v1/schedules/${schedule.id}/oncall?at=2024-03-08T20:00:00Z`)
      expect(now.body.shift.user).toBeNull()
      expect(now.body.nextHandoff).toMatchObject({ at: '2024-03-11T08:00:00.000Z', to: { name: 'Cho' } })
    })

    it('puts an override on top, newest wins, and shows it in who-is-on-call', async () => {
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id, ben.id], '2024-03-04T09:00:00-05:00')], { timeZone: 'America/New_York' })
      const first = await app.call('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: cho.email, start: '2024-03-06T10:00:00Z', end: '2024-03-07T10:00:00Z', reason: 'Ana at the dentist' })
      expect(first.status).toBe(201)
      expect(first.body).toMatchObject({ userId: cho.id, kind: 'manual', reason: 'Ana at the dentist' })
      const second = await app.call('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: ben.id, start: '2024-03-06T11:00:00Z', end: '2024-03-06T13:00:00Z' })
      expect(second.status).toBe(201)
      const at = await app.call('GET', `/api/v1/schedules/${schedule.id}/oncall`)
      expect(at.body.at).toBe('2024-03-06T12:00:00.000Z')
      expect(at.body.shift).toMatchObject({ user: { name: 'Ben' }, source: { type: 'override', kind: 'manual' }, start: '2024-03-06T11:00:00.000Z', end: '2024-03-06T13:00:00.000Z' })
      expect(at.body.nextHandoff).toMatchObject({ at: '2024-03-06T13:00:00.000Z', to: { name: 'Cho' } })
      const all = await app.call('GET', `/api/v1/oncall?teamId=${team.id}`)
      expect(all.body.items.find((o: { scheduleId: string }) => o.scheduleId === schedule.id).shift.user.name).toBe('Ben')
    })

    it('applies a swap only while the replaced person would be on call', async () => {
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id, ben.id], '2024-03-04T09:00:00-05:00')], { timeZone: 'America/New_York' })
      // Cho replaces Ben over two weeks, but Ben is only on call in the second one.
      await app.call('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: cho.id, replacesUserId: ben.id, kind: 'swap', start: '2024-03-04T14:00:00Z', end: '2024-03-18T13:00:00Z' })
      const res = await app.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=2024-03-04T14:00:00Z&to=2024-03-18T13:00:00Z`)
      expect(res.body.final.map((s: { user: { name: string }; source: { type: string } }) => `${s.user.name}/${s.source.type}`)).toEqual(['Ana/layer', 'Cho/override'])
    })

    it('rejects bad overrides by field and stores nothing', async () => {
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id])])
      const bad = await app.call('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: 'nobody-here', start: '2024-03-07T10:00:00Z', end: '2024-03-07T09:00:00Z', kind: 'relief' })
      expect(bad.status).toBe(400)
      const byField = Object.fromEntries(bad.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]))
      expect(byField).toMatchObject({ end: 'must be after start', userId: 'user nobody-here does not exist' })
      expect(byField['kind']).toContain('relief overrides are created by on-call health')
      const list = await app.call('GET', `/api/v1/schedules/${schedule.id}/overrides?from=2024-03-01T00:00:00Z&to=2024-04-01T00:00:00Z`)
      expect(list.body.items).toEqual([])
    })

    it('rejects invalid schedules naming every field, including unknown members', async () => {
      const res = await app.call('POST', '/api/v1/schedules', {
        name: 'Broken',
        teamId: team.id,
        timeZone: 'Europe/Berlin',
        layers: [
          { startsAt: '2024-03-04T09:00:00Z', shiftLength: 1, shiftUnit: 'weeks', handoffTime: '25:00', members: [ana.id, 'ghost'] },
          { startsAt: '2024-03-04T09:00:00Z', shiftLength: 1, shiftUnit: 'weeks', handoffTime: '09:00', members: [] },
        ],
      })
      expect(res.status).toBe(400)
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'layers[0].handoffTime', reason: 'must be HH:MM (24h), got "25:00"' },
          { field: 'layers[0].members[1]', reason: 'user ghost does not exist' },
          expect.objectContaining({ field: 'layers[1].members' }),
        ]),
      )
      expect((await app.call('GET', '/api/v1/schedules/Broken')).status).toBe(404)
    })

    it('replaces layers atomically: a failed update keeps the old layers', async () => {
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id])])
      const bad = await app.call('PATCH', `/api/v1/schedules/${schedule.id}`, { layers: [weeklyLayer([ana.id], 'yesterday')] })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].field).toBe('layers[0].startsAt')
      const after = await app.call('GET', `/api/v1/schedules/${schedule.id}`)
      expect(after.body.layers).toHaveLength(1)
      expect(after.body.layers[0].startsAt).toBe('2026-11-02T08:00:00.000Z')
    })

    it('lets responders override their own team and nobody else’s', async () => {
      const otherTeam = await buildTeam(app)
      const mine = await buildSchedule(app, team.id, [weeklyLayer([ana.id])])
      const theirs = await buildSchedule(app, otherTeam.id, [weeklyLayer([ana.id])])
      await addMember(app, team.id, ben.id, 'responder')
      const token = await tokenFor(app, ben.id)
      const body = { userId: ben.id, start: '2024-03-07T10:00:00Z', end: '2024-03-07T12:00:00Z' }
      expect((await app.call('POST', `/api/v1/schedules/${mine.id}/overrides`, body, token)).status).toBe(201)
      const foreign = await app.call('POST', `/api/v1/schedules/${theirs.id}/overrides`, body, token)
      expect(foreign.status).toBe(403)
      // Responders run the schedule but do not reshape it.
      expect((await app.call('PATCH', `/api/v1/schedules/${mine.id}`, { name: 'Renamed by responder' }, token)).status).toBe(403)
    })

    it('serves an iCalendar feed only with the secret token, and stops after rotation', async () => {
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id, ben.id], '2024-03-04T09:00:00-05:00')], { timeZone: 'America/New_York' })
      const first = await app.call('POST', `/api/v1/schedules/${schedule.id}/ical-url`)
      const path = new URL(first.body.url).pathname + new URL(first.body.url).search
      const feed = await fetch(`${app.url}${path}`)
      expect(feed.status).toBe(200)
      expect(feed.headers.get('content-type')).toContain('text/calendar')
      const text = await feed.text()
      expect(text).toContain('BEGIN:VCALENDAR\r\n')
      expect(text).toContain('DTSTART:20240311T130000Z')
      expect(text).toContain(`SUMMARY:On call: Ben (${schedule.name})`)
      expect((await fetch(`${app.url}/ical/schedules/${schedule.id}.ics?token=wrong`)).status).toBe(404)
      await app.call('POST', `/api/v1/schedules/${schedule.id}/ical-url`)
      expect((await fetch(`${app.url}${path}`)).status).toBe(404)

      const personal = await app.call('POST', `/api/v1/users/${ben.id}/ical-url`)
      const mineFeed = await (await fetch(personal.body.url.replace(/^http:\/\/[^/]+/, app.url))).text()
      expect(mineFeed).toContain('X-WR-CALNAME:On call: Ben')
      expect(mineFeed).toContain(`SUMMARY:On call: Ben (${schedule.name})`)
      expect(mineFeed).not.toContain('On call: Ana')
    })

    it('limits shift ranges and validates their times', async () => {
      const schedule = await buildSchedule(app, team.id, [weeklyLayer([ana.id])])
      const long = await app.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`)
      expect(long.status).toBe(400)
      expect(long.body.errors[0]).toEqual({ field: 'to', reason: 'must be at most 400 days after from' })
      const bad = await app.call('GET', `/api/v1/schedules/${schedule.id}/shifts?from=yesterday`)
      expect(bad.body.errors[0].field).toBe('from')
    })

    it('lists a person’s shifts across schedules', async () => {
      const res = await app.call('GET', `/api/v1/users/${cho.id}/shifts?from=2024-03-08T00:00:00Z&to=2024-03-09T00:00:00Z`)
      expect(res.status).toBe(200)
      expect(res.body.items.length).toBeGreaterThan(0)
      expect(new Set(res.body.items.map((s: { scheduleName: string }) => s.scheduleName)).size).toBeGreaterThanOrEqual(1)
    })
  })
}
