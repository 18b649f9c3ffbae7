import { describe, expect, it } from 'vitest'
import { thresholdAlarmHelpers, usePagedWorld } from '../harness/alarm-scenario.js'
import { DIALECTS } from '../harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: alarm hysteresis and flapping`, () => {
    const world = usePagedWorld(dialect, '2026-11-24T10:00:00Z')
    const { service, messagesAbout: pagesAbout } = world
    const { alignToMinute, alarm, get, period } = thresholdAlarmHelpers(world)

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
      const detail = (await world.app.call('GET', `/api/v1/alerts/${flapping.alert.id}`)).body
      expect(detail.alert.details.Flapping).toMatch(/flapping/)
      const history = (await world.app.call('GET', `/api/v1/alarms/${id}/history?limit=200`)).body.items
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
      const alerts = (await world.app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items
      expect(alerts).toHaveLength(1)
      expect(alerts[0].status).toBe('resolved')
    })
  })
}
