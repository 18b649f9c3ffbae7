import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: alarm hysteresis and flapping`, () => {
    let app: TestApp
    let hooks: WebhookReceiver
    let person: { id: string }
    let teamId: string

    beforeAll(async () => {
      hooks = new WebhookReceiver()
      const hookUrl = await hooks.start()
      app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z' })
      teamId = (await buildTeam(app)).id
      person = await buildPagedPerson(app, hookUrl)
      await app.settle()
    })
    afterAll(async () => {
      await app?.close()
      await hooks?.stop()
    })

    /** A fresh service paging `person`, so pages of one test never bundle with another's. */
    const service = async () => (await buildPagedService(app, teamId, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])).serviceId
    const pagesAbout = (text: string) => hooks.requests.filter((r) => r.path === `/${person.id}` && String(r.json?.alert?.summary ?? '').includes(text))
    const alignToMinute = () => app.clock.advance(MIN - (app.clock.now() % MIN))
    const push = async (name: string, value: number, labels: Record<string, string> = {}) => {
      const res = await app.call('POST', '/api/v1/metrics', { datapoints: [{ name, labels, value, timestamp: new Date(app.clock.now() + 1000).toISOString() }] })
      expect(res.status).toBe(202)
    }
    async function alarm(serviceId: string, body: Record<string, unknown>): Promise<string> {
      const res = await app.call('POST', `/api/v1/services/${serviceId}/alarms`, body)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.id
    }
    const get = async (id: string) => (await app.call('GET', `/api/v1/alarms/${id}`)).body
    /** One period: a datapoint in the current minute, then the minute ends and the engine runs. */
    async function period(name: string, value: number): Promise<void> {
      await push(name, value)
      app.clock.advance(MIN)
      await tick()
    }
    /** Two engine cycles: the alarm is evaluated, its alert escalated and the page sent in the first. */
    const tick = async () => {
      await app.tend.engine.runOnce()
      await app.tend.engine.runOnce()
    }

    it('hysteresis: a value hovering between the recovery threshold and the threshold does not flip the alarm either way', async () => {
      const serviceId = await service()
      alignToMinute()
      const id = await alarm(serviceId, { name: 'disk busy', metric: 'disk_busy', comparison: '>', threshold: 90, recoveryThreshold: 70, evaluationPeriods: 1 })
      const seen: string[] = []
      for (const v of [95, 80, 85, 75, 88, 65, 80, 85, 89]) {
        await period('disk_busy', v)
        seen.push((await get(id)).state)
      }
      expect(seen).toEqual(['ALARM', 'ALARM', 'ALARM', 'ALARM', 'ALARM', 'OK', 'OK', 'OK', 'OK'])
      expect(pagesAbout('Alarm "disk busy"')).toHaveLength(1)
    })

    it('flapping: a series crossing the threshold every period is marked flapping and pages exactly once; it resolves once it settles', async () => {
      const serviceId = await service()
      alignToMinute()
      const id = await alarm(serviceId, { name: 'cpu flap', metric: 'cpu_flap', comparison: '>', threshold: 90, evaluationPeriods: 1 })
      let flappingAt = -1
      for (let i = 0; i < 20; i++) {
        await period('cpu_flap', i % 2 === 0 ? 95 : 10)
        if (flappingAt < 0 && (await get(id)).flapping) flappingAt = i
      }
      expect(flappingAt).toBeGreaterThan(3)
      const flapping = await get(id)
      expect(flapping).toMatchObject({ flapping: true, alert: { status: 'triggered' } })
      expect(flapping.percentStateChange).toBeGreaterThanOrEqual(50)
      expect(pagesAbout('Alarm "cpu flap"')).toHaveLength(1)
      const detail = (await app.call('GET', `/api/v1/alerts/${flapping.alert.id}`)).body
      expect(detail.alert.details.Flapping).toMatch(/flapping/)
      const history = (await app.call('GET', `/api/v1/alarms/${id}/history?limit=200`)).body.items
      expect(history.some((h: { reason: string }) => h.reason.startsWith('Started flapping'))).toBe(true)

      // It settles in OK: flapping stops and the one alert resolves.
      let settledAfter = -1
      for (let i = 0; i < 25 && settledAfter < 0; i++) {
        await period('cpu_flap', 10)
        const a = await get(id)
        if (a.alert === null) settledAfter = i
      }
      expect(settledAfter).toBeGreaterThan(0)
      expect((await get(id)).flapping).toBe(false)
      expect(pagesAbout('Alarm "cpu flap"')).toHaveLength(1)
      const alerts = (await app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items
      expect(alerts).toHaveLength(1)
      expect(alerts[0].status).toBe('resolved')
    })
  })
}
