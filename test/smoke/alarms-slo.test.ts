import { describe, expect, it } from 'vitest'
import { usePagedWorld } from '../harness/alarm-scenario.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

type Point = { name: string; labels: Record<string, string>; value: number; timestamp: string }

/** Good and total counts of one interval, as a StatsD flush would push them. */
function counts(svc: string, at: number, total: number, good: number): Point[] {
  const timestamp = new Date(at).toISOString()
  return [
    { name: 'http_requests_total', labels: { svc }, value: total, timestamp },
    { name: 'http_requests_good', labels: { svc }, value: good, timestamp },
  ]
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: SLO burn-rate alarms`, () => {
    // Tuesday 23:00 in Berlin, where the person lives and works Mon–Fri 09:00–17:00.
    const world = usePagedWorld(dialect, '2026-11-24T22:00:00Z')
    const { service, messagesAbout } = world
    async function push(points: Point[]): Promise<void> {
      for (let i = 0; i < points.length; i += 10_000) {
        const res = await world.app.call('POST', '/api/v1/metrics', { datapoints: points.slice(i, i + 10_000) })
        expect(res.status, JSON.stringify(res.body)).toBe(202)
      }
    }
    const sloAlarm = async (serviceId: string, svc: string) => {
      const res = await world.app.call('POST', `/api/v1/services/${serviceId}/alarms`, {
        name: `checkout ${svc}`,
        kind: 'slo',
        good: { metric: 'http_requests_good', selector: { svc } },
        total: { metric: 'http_requests_total', selector: { svc } },
        target: 0.999,
        periodDays: 30,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.id as string
    }

    it('a fast burn (1 h and 5 min above 14.4×) pages at once, and the alarm reports the budget left and its burn rates', async () => {
      const now = world.app.clock.now()
      const points: Point[] = []
      // 29 quiet days (hourly counts, all good), then an hour failing 5% of requests (50× the budget).
      for (let h = 29 * 24; h >= 2; h--) points.push(...counts('fast', now - h * HOUR + 30 * MIN, 60_000, 60_000))
      for (let m = 60; m >= 1; m--) points.push(...counts('fast', now - m * MIN + 1000, 1_000, 950))
      await push(points)
      const serviceId = await service()
      const id = await sloAlarm(serviceId, 'fast')
      await world.app.settle()
      const a = (await world.app.call('GET', `/api/v1/alarms/${id}`)).body
      expect(a.state).toBe('ALARM')
      expect(a.burnRates['1h']).toBeCloseTo(50, 5)
      expect(a.burnRates['5m']).toBeCloseTo(50, 5)
      // 3 000 bad of 41.76 M events against a 0.1% budget: 92.8% of the budget left.
      expect(a.budgetRemaining).toBeCloseTo(1 - 3_000 / (0.001 * (695 * 60_000 + 60_000)), 5)
      expect(a.evaluation.slo.thresholds.map((t: { burnRate: number }) => Math.round(t.burnRate * 10) / 10)).toEqual([14.4, 6, 1])
      expect(a.alert).toMatchObject({ status: 'triggered', urgency: 'high' })
      expect(a.ticket).toBeNull()
      expect(messagesAbout('SLO "checkout fast"')).toHaveLength(1)
    })

    it('a slow burn (3 d and 6 h above 1×, nothing faster) opens a low-urgency ticket delivered at 09:00 local, never at night', async () => {
      const now = world.app.clock.now()
      const points: Point[] = []
      // 27 good days, then 3 days failing 0.3% of requests (3× the budget): below both page rates.
      for (let h = 0; h < 27 * 24; h++) points.push(...counts('slow', now - 30 * DAY + 30 * MIN + h * HOUR, 6_000, 6_000))
      for (let k = 0; k < 432; k++) points.push(...counts('slow', now - 3 * DAY + 5 * MIN + k * 10 * MIN, 1_000, 997))
      await push(points)
      const serviceId = await service()
      const id = await sloAlarm(serviceId, 'slow')
      await world.app.settle()
      const a = (await world.app.call('GET', `/api/v1/alarms/${id}`)).body
      expect(a.state).toBe('OK')
      expect(a.evaluation.slo).toMatchObject({ page: false, ticket: true })
      expect(a.burnRates['3d']).toBeCloseTo(3, 5)
      expect(a.burnRates['6h']).toBeCloseTo(3, 5)
      expect(a.budgetRemaining).toBeCloseTo(0.7, 5)
      expect(a.alert).toBeNull()
      expect(a.ticket).toMatchObject({ status: 'triggered', urgency: 'low' })

      // Held for the person's working hours: Wednesday 09:00 in Berlin (08:00 UTC).
      const held = await world.app.tend.storage.db.selectFrom('notifications').select(['not_before', 'status', 'urgency']).where('alert_id', '=', a.ticket.id).execute()
      expect(held.length).toBeGreaterThan(0)
      for (const n of held) expect(n).toMatchObject({ not_before: Date.parse('2026-11-25T08:00:00Z'), urgency: 'low', status: 'pending' })
      expect(messagesAbout('SLO "checkout slow"')).toHaveLength(0)

      // The burn goes on through the night (pushed as it happens); nothing reaches the world.person.
      const burnUntil = async (iso: string) => {
        const from = world.app.clock.now()
        world.app.clock.advance(Date.parse(iso) - from)
        const more: Point[] = []
        for (let at = from + 5 * MIN; at < world.app.clock.now(); at += 10 * MIN) more.push(...counts('slow', at, 1_000, 997))
        await push(more)
        await world.app.settle()
      }
      await burnUntil('2026-11-25T03:00:00Z')
      expect(messagesAbout('SLO "checkout slow"')).toHaveLength(0)
      await burnUntil('2026-11-25T08:01:00Z')
      expect(messagesAbout('SLO "checkout slow"').length).toBeGreaterThan(0)
      expect((await world.app.call('GET', `/api/v1/alarms/${id}`)).body.ticket).toMatchObject({ id: a.ticket.id, status: 'triggered' })
    })
  })
}
