import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam, buildUser, pdTrigger, tokenFor } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: maintenance windows`, () => {
    let app: TestApp
    let hooks: WebhookReceiver
    let person: { id: string }
    let teamId: string

    beforeAll(async () => {
      hooks = new WebhookReceiver()
      const hookUrl = await hooks.start()
      app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z' })
      teamId = (await buildTeam(app, { timeZone: 'Europe/Berlin' })).id
      person = await buildPagedPerson(app, hookUrl)
      await app.settle()
    })
    afterAll(async () => {
      await app?.close()
      await hooks?.stop()
    })

    const pages = (text: string) => hooks.requests.filter((r) => r.path === `/${person.id}` && r.json?.kind === 'alert' && String(r.json?.alert?.summary ?? '').includes(text))
    const service = () => buildPagedService(app, teamId, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])
    const trigger = async (key: string, summary: string) => expect((await app.call('POST', '/v2/enqueue', pdTrigger(key, summary), null)).status).toBe(202)

    it('holds pages during an ad hoc window, pages what is still open at its end, and lists what it held', async () => {
      const s = await service()
      const opened = await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'database upgrade', durationMinutes: 30 })
      expect(opened.status, JSON.stringify(opened.body)).toBe(201)
      expect(opened.body).toMatchObject({ phase: 'active', reason: 'database upgrade', start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T10:30:00.000Z' })
      await trigger(s.key, 'db replica lag high')
      await trigger(s.key, 'db connections refused')
      await app.settle()
      expect(pages('db replica lag')).toHaveLength(0)
      expect(pages('db connections')).toHaveLength(0)
      // The events are kept and the alerts are visible, marked as held.
      const alerts = (await app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}`)).body.items as { id: string; summary: string; status: string }[]
      expect(alerts.map((a) => a.status).sort()).toEqual(['triggered', 'triggered'])
      const lag = alerts.find((a) => a.summary === 'db replica lag high')
      const detail = await app.call('GET', `/api/v1/alerts/${lag?.id}`)
      const timeline = detail.body.timeline as { message: string }[]
      expect(timeline.map((t) => t.message).join('\n')).toContain('Held by maintenance window "database upgrade" until')
      // One of them clears during the window.
      app.clock.advance(10 * MIN)
      await app.call('POST', '/v2/enqueue', { ...pdTrigger(s.key, 'db replica lag high'), event_action: 'resolve', dedup_key: detail.body.alert.dedupKey }, null)
      app.clock.advance(21 * MIN)
      await app.settle()
      expect(pages('db connections')).toHaveLength(1)
      expect(pages('db replica lag')).toHaveLength(0)
      const shown = await app.call('GET', `/api/v1/maintenance-windows/${opened.body.id}`)
      expect(shown.body.window.phase).toBe('ended')
      expect(shown.body.held.map((h: { summary: string; status: string }) => `${h.summary}: ${h.status}`)).toEqual(['db replica lag high: dropped', 'db connections refused: released'])
      expect(shown.body.held[0].outcome).toBe('resolved during the maintenance window: never paged')
      expect(shown.body.held[1].outcome).toBe("still open at the window's end: paged")
    })

    it('a scheduled window holds nothing before it starts; ending it early pages at once; manual pages are never held', async () => {
      const s = await service()
      const scheduled = await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'kernel patching', start: '2026-11-24T12:00:00+01:00', end: '2026-11-24T14:00:00+01:00' })
      expect(scheduled.status).toBe(201)
      expect(scheduled.body.phase).toBe('scheduled')
      await trigger(s.key, 'before the window')
      await app.settle()
      expect(pages('before the window')).toHaveLength(1)
      app.clock.advance(2 * 60 * MIN) // 12:30 Berlin: inside the window
      await trigger(s.key, 'node rebooting')
      const manual = await app.call('POST', '/api/v1/alerts', { serviceId: s.serviceId, summary: 'customer says checkout is down' })
      expect(manual.status).toBe(201)
      await app.settle()
      expect(pages('node rebooting')).toHaveLength(0)
      expect(pages('customer says checkout is down')).toHaveLength(1)
      const open = await app.call('GET', `/api/v1/maintenance-windows?serviceId=${s.serviceId}&open=true`)
      expect(open.body.items.map((w: { phase: string }) => w.phase)).toEqual(['active'])
      // Past the manual page's five-minute bundle window, so the released alert pages on its own.
      app.clock.advance(6 * MIN)
      const ended = await app.call('POST', `/api/v1/maintenance-windows/${scheduled.body.id}/end`, {})
      expect(ended.status).toBe(200)
      expect(ended.body.phase).toBe('ended')
      await app.settle()
      expect(pages('node rebooting')).toHaveLength(1)
      expect((await app.call('POST', `/api/v1/maintenance-windows/${scheduled.body.id}/end`, {})).status).toBe(409)
      const audit = await app.call('GET', `/api/v1/audit?entityType=maintenance_window&entityId=${scheduled.body.id}`)
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['maintenance_window.end', 'maintenance_window.create'])
    })

    it('holds a heartbeat that misses its pings during the window', async () => {
      const s = await service()
      const hb = await app.call('POST', `/api/v1/services/${s.serviceId}/heartbeats`, { name: 'nightly-etl', intervalSeconds: 600, graceSeconds: 60, missesToAlarm: 1 })
      await fetch(hb.body.pingUrl)
      await app.settle()
      await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'ETL host migration', durationMinutes: 60 })
      app.clock.advance(15 * MIN)
      await app.settle()
      expect((await app.call('GET', `/api/v1/heartbeats/${hb.body.heartbeat.id}`)).body.heartbeat.alertOpen).toBe(true)
      expect(pages('nightly-etl')).toHaveLength(0)
      app.clock.advance(46 * MIN)
      await app.settle()
      expect(pages('nightly-etl')).toHaveLength(1)
    })

    it('an event rule\'s "page if still open after 5 minutes" coming due inside a window waits for its end', async () => {
      const s = await service()
      const made = await app.call('POST', `/api/v1/services/${s.serviceId}/event-rules`, { name: 'GC pauses', conditions: [{ field: 'summary', op: 'contains', value: 'GC pause' }], actions: { pageIfStillOpenAfter: { minutes: 5 } } })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      await trigger(s.key, 'GC pause over 2 s')
      await app.settle()
      await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'JVM tuning', durationMinutes: 20 })
      app.clock.advance(6 * MIN)
      await app.settle()
      expect(pages('GC pause')).toHaveLength(0)
      app.clock.advance(15 * MIN)
      await app.settle()
      expect(pages('GC pause')).toHaveLength(1)
    })

    it('refuses bad windows by field, and people outside the team', async () => {
      const s = await service()
      const bad = await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: ' ', start: '2026-11-20T10:00:00Z', end: '2026-11-21T10:00:00Z' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['end', 'reason'])
      const long = await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'forever', durationMinutes: 8 * 24 * 60 })
      expect(long.body.errors[0]).toMatchObject({ field: 'end', reason: expect.stringContaining('at most 7 days') })
      const zero = await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: '', durationMinutes: 0 })
      expect(zero.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['durationMinutes', 'reason'])
      const neither = await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'no end' })
      expect(neither.body.errors[0].field).toBe('end')
      const outsider = await tokenFor(app, (await buildUser(app)).id)
      expect((await app.call('POST', `/api/v1/services/${s.serviceId}/maintenance-windows`, { reason: 'x', durationMinutes: 5 }, outsider)).status).toBe(403)
      expect((await app.call('GET', `/api/v1/maintenance-windows?serviceId=${s.serviceId}`)).body.items).toEqual([])
    })
  })
}
