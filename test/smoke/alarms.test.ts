import { describe, expect, it } from 'vitest'
import { thresholdAlarmHelpers, usePagedWorld } from '../harness/alarm-scenario.js'
import { buildPagedService } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: threshold alarms`, () => {
    const world = usePagedWorld(dialect, '2026-11-24T10:00:00Z')
    const { service, messagesAbout: pagesAbout } = world
    const { tick, alignToMinute, alarm, get, period } = thresholdAlarmHelpers(world)

    it('accepts a batch of datapoints, and a batch with one bad point is refused by index and field with nothing stored', async () => {
      const now = world.app.clock.now()
      const ok = await world.app.call('POST', '/api/v1/metrics', {
        datapoints: [
          { name: 'queue_depth', labels: { queue: 'mail', region: 'eu' }, value: 12 },
          { name: 'queue_depth', labels: { region: 'eu', queue: 'mail' }, value: 14, timestamp: new Date(now - MIN).toISOString() },
          { name: 'queue_depth', labels: { queue: 'sms', region: 'eu' }, value: 3 },
        ],
      })
      expect(ok.status).toBe(202)
      expect(ok.body).toEqual({ accepted: 3 })
      const mail = await world.app.call('GET', '/api/v1/metrics?name=queue_depth&labels=queue=mail')
      expect(mail.body.items).toHaveLength(2)
      expect(Object.keys(mail.body.items[0].labels)).toEqual(['queue', 'region'])

      const bad = await world.app.call('POST', '/api/v1/metrics', {
        datapoints: [
          { name: 'queue_depth', labels: { queue: 'mail' }, value: 1 },
          { name: 'queue_depth', labels: { queue: 'mail' }, value: 2, timestamp: '2026-11-24 10:00' },
          { name: '9lives', value: 3 },
        ],
      })
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['datapoints[1].timestamp', 'datapoints[2].name'])
      const typed = await world.app.call('POST', '/api/v1/metrics', { datapoints: [{ name: 'queue_depth', value: 1 }, { name: 'queue_depth', value: 'high' }] })
      expect(typed.status).toBe(400)
      expect(typed.body.errors[0].field).toBe('datapoints[1].value')
      expect((await world.app.call('GET', '/api/v1/metrics?name=queue_depth&labels=queue=mail')).body.items).toHaveLength(2)

      // The public push takes an integration key in the path instead of a token.
      const svc = await buildPagedService(world.app, world.teamId, [{ targets: [{ type: 'user', id: world.person.id }], delayMinutes: 5 }])
      const pub = await fetch(`${world.app.url}/metrics/${svc.key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ datapoints: [{ name: 'queue_depth', labels: { queue: 'push' }, value: 7 }] }) })
      expect(pub.status).toBe(202)
      expect((await fetch(`${world.app.url}/metrics/not-a-key`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"datapoints":[]}' })).status).toBe(404)
      const openapi = await (await fetch(`${world.app.url}/api/openapi.json`)).json()
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/metrics', '/metrics/{key}', '/api/v1/services/{id}/alarms', '/api/v1/alarms/{id}/threshold-suggestion', '/api/v1/services/{id}/event-rules', '/api/v1/services/{id}/events', '/api/v1/noise']))
    })

    it('M=3 of N=5 (missing = not breaching): two breaching periods stay OK, the third alarms and pages; under the recovery threshold it returns to OK and resolves', async () => {
      const serviceId = await service()
      alignToMinute()
      const id = await alarm(serviceId, { name: 'api latency', metric: 'api_p99_ms', statistic: 'max', comparison: '>', threshold: 90, recoveryThreshold: 70, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: 'notBreaching' })
      await world.app.settle()
      expect((await get(id)).state).toBe('OK')
      const states: string[] = []
      for (const v of [95, 95, 95]) {
        await period('api_p99_ms', v)
        states.push((await get(id)).state)
      }
      expect(states).toEqual(['OK', 'OK', 'ALARM'])
      const alarmed = await get(id)
      expect(alarmed.alert).toMatchObject({ status: 'triggered', urgency: 'high' })
      expect(alarmed.evaluation.breaching).toBe(3)
      expect(pagesAbout('Alarm "api latency"')).toHaveLength(1)

      // 60 is under the recovery threshold (70): two more periods keep 3 of the last 5 breaching.
      const after: [string, string | undefined][] = []
      for (const v of [60, 60, 60, 60]) {
        await period('api_p99_ms', v)
        const a = await get(id)
        after.push([a.state, a.alert?.status])
      }
      // OK after the third; the alert resolves once the alarm has been OK two evaluations in a row.
      expect(after).toEqual([['ALARM', 'triggered'], ['ALARM', 'triggered'], ['OK', 'triggered'], ['OK', undefined]])
      const alerts = (await world.app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items
      expect(alerts).toHaveLength(1)
      expect(alerts[0]).toMatchObject({ status: 'resolved', dedupKey: `alarm:1:${id}` })
      expect(pagesAbout('Alarm "api latency"')).toHaveLength(1)
      const history = (await world.app.call('GET', `/api/v1/alarms/${id}/history`)).body.items.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)
      expect(history.slice(0, 3)).toEqual(['ALARM→OK', 'OK→ALARM', 'INSUFFICIENT_DATA→OK'])
    })

    it('with missing data treated as missing and no data, the alarm is INSUFFICIENT_DATA and raises nothing', async () => {
      const serviceId = await service()
      const id = await alarm(serviceId, { name: 'silent metric', metric: 'never_pushed', comparison: '<', threshold: 1, evaluationPeriods: 3 })
      for (let i = 0; i < 3; i++) {
        world.app.clock.advance(MIN)
        await world.app.settle()
      }
      const a = await get(id)
      expect(a).toMatchObject({ state: 'INSUFFICIENT_DATA', alert: null })
      expect(a.stateReason).toMatch(/no data/)
      expect((await world.app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items).toHaveLength(0)
    })

    it('rejects bad alarm definitions by field, and lists alarms per service', async () => {
      const serviceId = await service()
      const res = await world.app.call('POST', `/api/v1/services/${serviceId}/alarms`, { name: '', metric: 'x y', comparison: '!=', threshold: 5, recoveryThreshold: 9, evaluationPeriods: 3, datapointsToAlarm: 4, okPeriodsToResolve: 0 })
      expect(res.status).toBe(400)
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'metric', 'comparison', 'datapointsToAlarm', 'okPeriodsToResolve']))
      const slo = await world.app.call('POST', `/api/v1/services/${serviceId}/alarms`, { name: 'slo', kind: 'slo', target: 1.5, threshold: 3 })
      expect(slo.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['threshold', 'good', 'total', 'target']))
      await alarm(serviceId, { name: 'listed', metric: 'm', comparison: '>', threshold: 1 })
      expect((await world.app.call('GET', `/api/v1/services/${serviceId}/alarms`)).body.items.map((a: { name: string }) => a.name)).toEqual(['listed'])
    })

    it('keeps datapoints 35 days: older ones are refused at push and deleted by the engine', async () => {
      const now = world.app.clock.now()
      const old = await world.app.call('POST', '/api/v1/metrics', { datapoints: [{ name: 'retained', value: 1, timestamp: new Date(now - 34 * 24 * 60 * MIN).toISOString() }] })
      expect(old.status).toBe(202)
      const tooOld = await world.app.call('POST', '/api/v1/metrics', { datapoints: [{ name: 'retained', value: 2, timestamp: new Date(now - 36 * 24 * 60 * MIN).toISOString() }, { name: 'retained', value: 3, timestamp: new Date(now + 60 * MIN).toISOString() }] })
      expect(tooOld.body.errors).toEqual([
        { field: 'datapoints[0].timestamp', reason: 'is older than the 35-day retention' },
        { field: 'datapoints[1].timestamp', reason: "is more than 10 minutes in the future (check the sender's clock)" },
      ])
      const since = encodeURIComponent(new Date(now - 40 * 24 * 60 * MIN).toISOString())
      expect((await world.app.call('GET', `/api/v1/metrics?name=retained&from=${since}`)).body.items).toHaveLength(1)
      world.app.clock.advance(2 * 24 * 60 * MIN)
      await tick()
      expect((await world.app.call('GET', `/api/v1/metrics?name=retained&from=${since}`)).body.items).toHaveLength(0)
    })
  })
}
