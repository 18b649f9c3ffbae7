import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTend } from '../../src/app/tend.js'
import { ManualClock } from '../../src/lib/time/index.js'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000
const HOUR = 60 * MIN

for (const dialect of DIALECTS) {
  describe(`${dialect}: heartbeats`, () => {
    let app: TestApp
    let hooks: WebhookReceiver
    let person: { id: string }
    let serviceId: string

    beforeAll(async () => {
      hooks = new WebhookReceiver()
      const hookUrl = await hooks.start()
      app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z' })
      const team = await buildTeam(app)
      person = await buildPagedPerson(app, hookUrl)
      serviceId = (await buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])).serviceId
      await app.settle()
    })
    afterAll(async () => {
      await app?.close()
      await hooks?.stop()
    })

    const pagesAbout = (text: string) => hooks.requests.filter((r) => r.path === `/${person.id}` && String(r.json?.alert?.summary ?? '').includes(text))
    async function heartbeat(body: Record<string, unknown>): Promise<{ id: string; path: string }> {
      const res = await app.call('POST', `/api/v1/services/${serviceId}/heartbeats`, body)
      expect(res.status).toBe(201)
      // Started with --port 0: the ping URL names the port Tend really listens on.
      expect(res.body.pingUrl.startsWith(`${app.url}/ping/`)).toBe(true)
      return { id: res.body.heartbeat.id, path: new URL(res.body.pingUrl).pathname }
    }
    const status = async (id: string) => (await app.call('GET', `/api/v1/heartbeats/${id}`)).body.heartbeat

    it('alarms on the third missed ping in a row, not the first, and resolves on the next ping', async () => {
      const hb = await heartbeat({ name: 'hourly-export', intervalSeconds: 3600, graceSeconds: 300 })
      expect((await fetch(`${app.url}${hb.path}`)).status).toBe(200)
      await app.settle()
      expect((await status(hb.id)).status).toBe('up')
      // Expected hourly; each counts as missed once its 5-minute grace has passed.
      for (const [step, expected] of [[HOUR + 6 * MIN, 'late'], [HOUR, 'late'], [HOUR, 'down']] as const) {
        app.clock.advance(step)
        await app.settle()
        expect((await status(hb.id)).status).toBe(expected)
      }
      expect(pagesAbout('"hourly-export" missed 3 pings in a row')).toHaveLength(1)
      app.clock.advance(2 * MIN)
      await fetch(`${app.url}${hb.path}`, { method: 'POST' })
      await app.settle()
      const after = await status(hb.id)
      expect(after).toMatchObject({ status: 'up', alertOpen: false })
      const alerts = (await app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items
      expect(alerts.find((a: { summary: string }) => a.summary.includes('hourly-export'))?.status).toBe('resolved')
    })

    it('a /fail ping alarms at once and keeps its body; unknown URLs are 404', async () => {
      app.clock.advance(10 * MIN)
      const hb = await heartbeat({ name: 'nightly-backup', cron: '0 2 * * *', timeZone: 'Europe/Berlin', graceSeconds: 1800 })
      const fail = await fetch(`${app.url}${hb.path}/fail`, { method: 'POST', body: 'pg_dump: error: connection refused', headers: { 'content-type': 'text/plain' } })
      expect(fail.status).toBe(200)
      await app.settle()
      expect((await status(hb.id)).status).toBe('failing')
      const alerts = (await app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items
      const alert = alerts.find((a: { summary: string }) => a.summary.includes('nightly-backup'))
      expect(alert?.status).toBe('triggered')
      expect(pagesAbout('"nightly-backup" reported failure')).toHaveLength(1)
      expect((await status(hb.id)).alertOpen).toBe(true)
      // Resolved by hand before the engine looks again: the heartbeat shows it at once.
      expect((await app.call('POST', `/api/v1/alerts/${alert.id}/resolve`, {})).status).toBe(200)
      expect((await status(hb.id)).alertOpen).toBe(false)
      expect((await app.call('GET', `/api/v1/heartbeats?serviceId=${serviceId}`)).body.items.find((h: { id: string }) => h.id === hb.id).alertOpen).toBe(false)
      const detail = await app.call('GET', `/api/v1/heartbeats/${hb.id}`)
      expect(detail.body.pings[0]).toMatchObject({ kind: 'fail', body: 'pg_dump: error: connection refused' })
      expect((await fetch(`${app.url}/ping/not-a-real-token-0000`)).status).toBe(404)
      const huge = await fetch(`${app.url}${hb.path}/fail`, { method: 'POST', body: 'x'.repeat(200 * 1024), headers: { 'content-type': 'text/plain' } })
      expect(huge.status).toBe(413)
    })

    it('rejects bad definitions by field', async () => {
      const res = await app.call('POST', `/api/v1/services/${serviceId}/heartbeats`, { name: 'bad', cron: '0 2 * * *', timeZone: 'Mars/Base', missesToAlarm: 0 })
      expect(res.status).toBe(400)
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['timeZone', 'missesToAlarm']))
      const cron = await app.call('POST', `/api/v1/services/${serviceId}/heartbeats`, { name: 'bad', cron: '61 * * * *', timeZone: 'Europe/Berlin' })
      expect(cron.body.errors[0].field).toBe('cron')
      const neither = await app.call('POST', `/api/v1/services/${serviceId}/heartbeats`, { name: 'bad' })
      expect(neither.status).toBe(400)
    })

    it('never alarms for the time Tend was down: a restart gives every heartbeat a fresh grace period', async () => {
      app.clock.advance(10 * MIN)
      const hb = await heartbeat({ name: 'five-minutely', intervalSeconds: 300, graceSeconds: 60, missesToAlarm: 3 })
      await fetch(`${app.url}${hb.path}`)
      await app.settle()
      await app.tend.stop()
      // Tend is down for five hours (60 intervals), then starts again on the same database.
      const clock = new ManualClock(app.clock.now() + 5 * HOUR)
      const restarted = await createTend({ config: app.tend.config, clock, logger: pino({ level: 'silent' }), autoEngine: false })
      try {
        await restarted.engine.runOnce()
        const row = await restarted.storage.db.selectFrom('heartbeats').select(['status', 'alert_open']).where('id', '=', hb.id).executeTakeFirstOrThrow()
        expect(row).toMatchObject({ alert_open: 0 })
        expect(row.status).not.toBe('down')
        // Still silent after two intervals; the third miss after the restart alarms.
        clock.advance(12 * MIN)
        await restarted.engine.runOnce()
        expect((await restarted.storage.db.selectFrom('heartbeats').select('alert_open').where('id', '=', hb.id).executeTakeFirstOrThrow()).alert_open).toBe(0)
        clock.advance(5 * MIN)
        await restarted.engine.runOnce()
        expect((await restarted.storage.db.selectFrom('heartbeats').select('alert_open').where('id', '=', hb.id).executeTakeFirstOrThrow()).alert_open).toBe(1)
      } finally {
        await restarted.stop()
      }
    })
  })
}
