import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: noise ranking and threshold suggestions`, () => {
    let app: TestApp
    let hooks: WebhookReceiver
    let person: { id: string }
    let team: { id: string; name: string }

    beforeAll(async () => {
      hooks = new WebhookReceiver()
      const hookUrl = await hooks.start()
      app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z' })
      team = await buildTeam(app)
      person = await buildPagedPerson(app, hookUrl)
      await app.settle()
    })
    /** Two engine cycles: an event's alert escalates and its page is sent in the first. */
    const tick = async () => {
      await app.tend.engine.runOnce()
      await app.tend.engine.runOnce()
    }
    afterAll(async () => {
      await app?.close()
      await hooks?.stop()
    })

    const service = () => buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])
    const openAlertId = async (serviceId: string, dedupKey: string) =>
      ((await app.call('GET', `/api/v1/alerts?serviceId=${serviceId}&status=triggered`)).body.items as { id: string; dedupKey: string }[]).find((a) => a.dedupKey === dedupKey)?.id as string
    const enqueue = async (body: unknown) => {
      expect((await app.call('POST', '/v2/enqueue', body, null)).status).toBe(202)
      await tick()
    }

    it('ranks the alarm that pages and clears by itself first, with its figures and advice; an actionable alarm scores nothing', async () => {
      const svc = await service()
      const spikes: string[] = []
      for (let i = 0; i < 3; i++) {
        await enqueue(pdTrigger(svc.key, 'CPU above 90% on web-3', { dedup_key: 'cpu-spike' }))
        spikes.push(await openAlertId(svc.serviceId, 'cpu-spike'))
        app.clock.advance(2 * MIN)
        await enqueue({ routing_key: svc.key, event_action: 'resolve', dedup_key: 'cpu-spike' })
        app.clock.advance(20 * MIN)
      }
      for (const id of spikes.slice(0, 2)) expect((await app.call('POST', `/api/v1/alerts/${id}/outcome`, { outcome: 'noise' })).status).toBe(200)
      await enqueue(pdTrigger(svc.key, 'Disk 95% full on db-1', { dedup_key: 'disk-full' }))
      const disk = await openAlertId(svc.serviceId, 'disk-full')
      app.clock.advance(30 * MIN)
      expect((await app.call('POST', `/api/v1/alerts/${disk}/resolve`, { outcome: 'actionable', note: 'grew the volume' })).status).toBe(200)

      const report = await app.call('GET', `/api/v1/noise?teamId=${encodeURIComponent(team.name)}`)
      expect(report.status).toBe(200)
      const [first, second] = report.body.items
      expect(first).toMatchObject({
        key: 'dedup:cpu-spike',
        label: 'CPU above 90% on web-3',
        serviceId: svc.serviceId,
        alerts: 3,
        pages: 3,
        noiseShare: 1,
        unmarked: 1,
        selfResolvedWithinMinutes: 3,
        score: 3,
      })
      expect(first.suggestion).toMatch(/Cleared by itself within 5 min in 3 of 3 alerts/)
      expect(second).toMatchObject({ key: 'dedup:disk-full', alerts: 1, pages: 1, actionableShare: 1, score: 0 })
      const narrow = await app.call('GET', `/api/v1/noise?serviceId=${svc.serviceId}&from=${encodeURIComponent(new Date(app.clock.now() - 40 * MIN).toISOString())}`)
      expect(narrow.body.items.map((l: { key: string }) => l.key)).toEqual(['dedup:disk-full'])
    })

    it('suggests a threshold above the daily noise that still catches the incident marked actionable', async () => {
      const svc = await service()
      app.clock.advance(5 * MIN - (app.clock.now() % (5 * MIN)))
      const now = app.clock.now()
      // A week of 5-minute latency averages: 200–230 ms, one 320 ms blip a day (noise at 300).
      const points = []
      for (let k = 2016; k >= 1; k--) {
        const value = k % 288 === 100 ? 320 : 200 + (k % 7) * 5
        points.push({ name: 'checkout_latency_ms', labels: { route: '/pay' }, value, timestamp: new Date(now - k * 5 * MIN + 1000).toISOString() })
      }
      expect((await app.call('POST', '/api/v1/metrics', { datapoints: points })).status).toBe(202)
      const created = await app.call('POST', `/api/v1/services/${svc.serviceId}/alarms`, { name: 'checkout latency', metric: 'checkout_latency_ms', selector: { route: '/pay' }, periodSeconds: 300, comparison: '>', threshold: 300, evaluationPeriods: 1 })
      expect(created.status).toBe(201)
      const id = created.body.id as string
      await app.settle()
      // The real incident: 600 ms for three periods, then back to normal.
      for (const value of [600, 600, 600, 210, 210]) {
        await app.call('POST', '/api/v1/metrics', { datapoints: [{ name: 'checkout_latency_ms', labels: { route: '/pay' }, value, timestamp: new Date(app.clock.now() + 1000).toISOString() }] })
        app.clock.advance(5 * MIN)
        await app.settle()
      }
      const alerts = (await app.call('GET', `/api/v1/alerts?serviceId=${svc.serviceId}`)).body.items
      expect(alerts).toHaveLength(1)
      expect(alerts[0]).toMatchObject({ status: 'resolved', dedupKey: `alarm:1:${id}` })
      expect((await app.call('POST', `/api/v1/alerts/${alerts[0].id}/outcome`, { outcome: 'actionable' })).status).toBe(200)

      const s = (await app.call('GET', `/api/v1/alarms/${id}/threshold-suggestion?days=8`)).body
      expect(s).toMatchObject({ alarmId: id, comparison: '>', currentThreshold: 300, catchesActionable: 1, missesActionable: 0 })
      expect(s.suggested).toBeGreaterThan(320)
      expect(s.suggested).toBeLessThan(600)
      expect(s.firesPerWeekAtCurrent).toBeGreaterThan(6)
      expect(s.firesPerWeekAtSuggested).toBeLessThanOrEqual(1)
      expect(s.actionableWindows).toHaveLength(1)
      expect(s.because).toMatch(/catches all 1 actionable windows/)
    })
  })
}
