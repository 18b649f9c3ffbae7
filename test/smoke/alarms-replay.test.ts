import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000
/** Per-minute p99 latency (null: nothing pushed that minute): calm, a spike, a recovery, a second spike, gaps. */
const SERIES: (number | null)[] = [40, 42, 45, 120, 130, 50, 125, 140, 150, 60, 55, 50, null, null, 48, 47, 135, null, 140, 145, 44, 43, 41, 40, 39, 130, 45, 42, 41, 40]

for (const dialect of DIALECTS) {
  describe(`${dialect}: replaying an alarm over past datapoints`, () => {
    let app: TestApp
    let hooks: WebhookReceiver
    let serviceId: string
    let alarmId: string
    let start: number
    let end: number
    const definition = { metric: 'checkout_p99_ms', statistic: 'max', comparison: '>', threshold: 100, recoveryThreshold: 80, evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'missing' }

    beforeAll(async () => {
      hooks = new WebhookReceiver()
      const hookUrl = await hooks.start()
      app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z' })
      const team = await buildTeam(app)
      const person = await buildPagedPerson(app, hookUrl)
      serviceId = (await buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])).serviceId
      await app.settle()
      app.clock.advance(MIN - (app.clock.now() % MIN))
      start = app.clock.now()
      const created = await app.call('POST', `/api/v1/services/${serviceId}/alarms`, { name: 'checkout latency', ...definition })
      expect(created.status).toBe(201)
      alarmId = created.body.id
      // Live: each minute a datapoint (or none), then the minute ends and the engine evaluates.
      for (const value of SERIES) {
        if (value !== null) expect((await app.call('POST', '/api/v1/metrics', { datapoints: [{ name: 'checkout_p99_ms', value, timestamp: new Date(app.clock.now() + 1000).toISOString() }] })).status).toBe(202)
        app.clock.advance(MIN)
        await app.settle()
      }
      end = app.clock.now()
    })
    afterAll(async () => {
      await app?.close()
      await hooks?.stop()
    })

    const liveHistory = async () =>
      ((await app.call('GET', `/api/v1/alarms/${alarmId}/history?limit=1000`)).body.items as { at: string; from: string; to: string }[])
        .filter((h) => h.from !== h.to)
        .map((h) => ({ at: h.at, from: h.from, to: h.to }))
        .reverse()
    const livePages = async () => ((await app.call('GET', `/api/v1/alerts?serviceId=${serviceId}&limit=100`)).body.items as { createdAt: string }[]).map((a) => a.createdAt).sort()

    it('gives the same state changes and pages as the live evaluation did on the same datapoints', async () => {
      const live = await liveHistory()
      expect(live.length).toBeGreaterThanOrEqual(4)
      const pages = await livePages()
      expect(pages.length).toBeGreaterThanOrEqual(2)
      const replay = await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, { from: new Date(start).toISOString(), to: new Date(end).toISOString() })
      expect(replay.status, JSON.stringify(replay.body)).toBe(200)
      expect(replay.body.transitions.map((t: { at: string; from: string; to: string }) => ({ at: t.at, from: t.from, to: t.to }))).toEqual(live)
      expect(replay.body.events.filter((e: { kind: string }) => e.kind === 'page').map((e: { at: string }) => e.at)).toEqual(pages)
      expect(replay.body.pages).toBe(pages.length)
      expect(replay.body.evaluations).toHaveLength(SERIES.length + 1)

      // The same definition proposed as a new alarm replays identically.
      const proposal = await app.call('POST', `/api/v1/services/${serviceId}/alarms/replay`, { ...definition, from: new Date(start).toISOString(), to: new Date(end).toISOString() })
      expect(proposal.status).toBe(200)
      expect(proposal.body.transitions).toEqual(replay.body.transitions)
    })

    it('answers "what if": a higher threshold over the same week would have paged less', async () => {
      const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString() }
      const current = await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, range)
      const stricter = await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, { ...range, changes: { threshold: 138 } })
      expect(stricter.status).toBe(200)
      // Only the two bursts above 138 ms (140, 150 and 140, 145) still breach 2 of 3 periods.
      expect(stricter.body.pages).toBe(2)
      const inAlarm = (r: { body: { evaluations: { state: string }[] } }) => r.body.evaluations.filter((e) => e.state === 'ALARM').length
      expect(inAlarm(stricter)).toBeLessThan(inAlarm(current))
      // Above every burst but one single point: 2 of 3 is never met, nobody is paged.
      expect(current.body.pages).toBeGreaterThan(0)
      expect((await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, { ...range, changes: { threshold: 146 } })).body.pages).toBe(0)
      // Nothing was saved: the alarm keeps its definition.
      expect((await app.call('GET', `/api/v1/alarms/${alarmId}`)).body.definition.threshold.threshold).toBe(100)
    })

    it('refuses unusable ranges and definitions by field', async () => {
      const future = await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, { from: new Date(start).toISOString(), to: new Date(end + 3_600_000).toISOString() })
      expect(future.status).toBe(400)
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'to', reason: expect.stringContaining('future') })])
      const tooLong = await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, { from: '2026-10-01T00:00:00Z', to: new Date(end).toISOString() })
      expect(tooLong.status).toBe(400)
      expect(tooLong.body.errors[0]).toMatchObject({ field: 'from', reason: expect.stringContaining('at most 20160') })
      const badTime = await app.call('POST', `/api/v1/alarms/${alarmId}/replay`, { from: 'yesterday', to: new Date(end).toISOString() })
      expect(badTime.status).toBe(400)
      expect(badTime.body.errors[0].field).toBe('from')
      const badDefinition = await app.call('POST', `/api/v1/services/${serviceId}/alarms/replay`, { metric: 'm', comparison: '=>', threshold: 1, from: new Date(start).toISOString(), to: new Date(end).toISOString() })
      expect(badDefinition.status).toBe(400)
      expect(badDefinition.body.errors.map((e: { field: string }) => e.field)).toContain('comparison')
    })
  })
}
