import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: event rules`, () => {
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
    /** Two engine cycles: an event's alert escalates and its page is sent in the first. */
    const tick = async () => {
      await app.tend.engine.runOnce()
      await app.tend.engine.runOnce()
    }
    afterAll(async () => {
      await app?.close()
      await hooks?.stop()
    })

    /** A fresh service paging `person` (pages of one test never bundle with another's). */
    const service = () => buildPagedService(app, teamId, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])
    const pagesAbout = (text: string) => hooks.requests.filter((r) => r.path === `/${person.id}` && String(r.json?.alert?.summary ?? '').includes(text))
    async function send(key: string, action: 'trigger' | 'resolve', dedupKey: string, summary: string, severity = 'critical'): Promise<void> {
      const body = action === 'trigger' ? pdTrigger(key, summary, { dedup_key: dedupKey, payload: { summary, source: 'db-1.prod', severity } }) : { routing_key: key, event_action: 'resolve', dedup_key: dedupKey }
      const res = await app.call('POST', '/v2/enqueue', body, null)
      expect(res.status, JSON.stringify(res.body)).toBe(202)
      await tick()
    }
    async function rule(serviceId: string, body: Record<string, unknown>): Promise<{ id: string; name: string }> {
      const res = await app.call('POST', `/api/v1/services/${serviceId}/event-rules`, body)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body
    }
    const alertsOf = async (serviceId: string) => (await app.call('GET', `/api/v1/alerts?serviceId=${serviceId}`)).body.items as { id: string; summary: string; status: string; urgency: string; dedupKey: string; nextEscalationAt: string | null; details: Record<string, unknown> }[]

    it('suppress: the alert is stored and visible with the rule that held it, and nobody is paged', async () => {
      const svc = await service()
      const r = await rule(svc.serviceId, { name: 'synthetic checks', conditions: [{ field: 'summary', op: 'contains', value: '[synthetic]' }], actions: { suppress: true } })
      await send(svc.key, 'trigger', 'synth-1', '[synthetic] login probe failed')
      await send(svc.key, 'trigger', 'real-1', 'Checkout errors above 5%')
      expect(pagesAbout('[synthetic] login probe failed')).toHaveLength(0)
      expect(pagesAbout('Checkout errors above 5%')).toHaveLength(1)
      const quiet = (await alertsOf(svc.serviceId)).find((a) => a.dedupKey === 'synth-1')
      expect(quiet).toMatchObject({ status: 'triggered', nextEscalationAt: null })
      const events = (await app.call('GET', `/api/v1/services/${svc.serviceId}/events?outcome=suppressed`)).body.items
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ outcome: 'suppressed', dedupKey: 'synth-1', summary: '[synthetic] login probe failed', alertId: quiet?.id, rule: { id: r.id, name: 'synthetic checks' }, sourceType: 'events_v2' })
      expect(events[0].detail).toMatch(/^opened: suppressed by event rule "synthetic checks"/)
      const all = (await app.call('GET', `/api/v1/services/${svc.serviceId}/events`)).body.items
      expect(all.map((e: { outcome: string }) => e.outcome)).toEqual(['opened', 'suppressed'])
    })

    it('set urgency: a warning made high urgency pages like one', async () => {
      const svc = await service()
      await rule(svc.serviceId, { conditions: [{ field: 'source', op: 'matches', pattern: '^db-\\d+\\.prod$' }, { field: 'severity', op: 'equals', value: 'warning' }], actions: { setUrgency: 'high' } })
      await send(svc.key, 'trigger', 'db-repl-lag', 'Replication lag 40 s', 'warning')
      const [alert] = await alertsOf(svc.serviceId)
      expect(alert).toMatchObject({ urgency: 'high', dedupKey: 'db-repl-lag' })
      expect(pagesAbout('Replication lag 40 s')).toHaveLength(1)
    })

    it('route: the alert is raised on the other service and paged by its policy; the resolve follows it there', async () => {
      const from = await service()
      const to = await service()
      await rule(from.serviceId, { conditions: [{ field: 'summary', op: 'contains', value: 'payments', ignoreCase: true }], actions: { routeTo: to.serviceName } })
      await send(from.key, 'trigger', 'pay-1', 'Payments provider timing out')
      expect(await alertsOf(from.serviceId)).toHaveLength(0)
      const [routed] = await alertsOf(to.serviceId)
      expect(routed).toMatchObject({ dedupKey: 'pay-1', status: 'triggered' })
      expect(pagesAbout('Payments provider timing out')).toHaveLength(1)
      await send(from.key, 'resolve', 'pay-1', '')
      expect((await alertsOf(to.serviceId))[0]?.status).toBe('resolved')
    })

    it('page only if it fires 3 times in 10 minutes: two blips do not page, the third within the window does', async () => {
      const svc = await service()
      await rule(svc.serviceId, { name: 'blippy', conditions: [{ field: 'dedupKey', op: 'in', values: ['queue-blip', 'queue-stuck'] }], actions: { pageIfFires: { times: 3, withinMinutes: 10 } } })
      for (let i = 0; i < 2; i++) {
        await send(svc.key, 'trigger', 'queue-blip', 'Queue backlog over 10k')
        app.clock.advance(MIN)
        await send(svc.key, 'resolve', 'queue-blip', '')
        app.clock.advance(2 * MIN)
      }
      expect(pagesAbout('Queue backlog over 10k')).toHaveLength(0)
      const suppressed = (await app.call('GET', `/api/v1/services/${svc.serviceId}/events?outcome=suppressed`)).body.items
      expect(suppressed.map((e: { reason: string }) => e.reason)).toEqual([expect.stringMatching(/fired 2 of 3 times within 10 min/), expect.stringMatching(/fired 1 of 3 times/)])
      await send(svc.key, 'trigger', 'queue-blip', 'Queue backlog over 10k')
      expect(pagesAbout('Queue backlog over 10k')).toHaveLength(1)
      // Out of the window, counting starts again.
      await send(svc.key, 'resolve', 'queue-blip', '')
      app.clock.advance(11 * MIN)
      await send(svc.key, 'trigger', 'queue-blip', 'Queue backlog over 10k')
      expect(pagesAbout('Queue backlog over 10k')).toHaveLength(1)
      // Fires that join one open (quiet) alert count too: the third pages that alert.
      for (let i = 0; i < 3; i++) {
        expect(pagesAbout('Queue stuck')).toHaveLength(0)
        await send(svc.key, 'trigger', 'queue-stuck', 'Queue stuck')
        app.clock.advance(MIN)
      }
      expect(pagesAbout('Queue stuck')).toHaveLength(1)
      expect((await alertsOf(svc.serviceId)).filter((a) => a.dedupKey === 'queue-stuck')).toHaveLength(1)
    })

    it('page only if still open after 5 minutes: resolved before never pages, still open pages at 5 minutes', async () => {
      const svc = await service()
      await rule(svc.serviceId, { conditions: [{ field: 'summary', op: 'contains', value: 'GC pause' }], actions: { pageIfStillOpenAfter: { minutes: 5 } } })
      await send(svc.key, 'trigger', 'gc-1', 'GC pause 2 s on api-1')
      app.clock.advance(2 * MIN)
      await send(svc.key, 'resolve', 'gc-1', '')
      app.clock.advance(4 * MIN)
      await app.settle()
      expect(pagesAbout('GC pause 2 s on api-1')).toHaveLength(0)
      const dropped = (await app.call('GET', `/api/v1/services/${svc.serviceId}/held-events`)).body.items
      expect(dropped[0]).toMatchObject({ kind: 'page', status: 'dropped', outcomeNote: 'resolved within 5 minutes: never paged' })

      await send(svc.key, 'trigger', 'gc-2', 'GC pause 3 s on api-2')
      app.clock.advance(4 * MIN)
      await app.settle()
      expect(pagesAbout('GC pause 3 s on api-2')).toHaveLength(0)
      app.clock.advance(MIN)
      await app.settle()
      expect(pagesAbout('GC pause 3 s on api-2')).toHaveLength(1)
      const held = (await app.call('GET', `/api/v1/services/${svc.serviceId}/events?outcome=held`)).body.items
      expect(held[0].hold).toMatchObject({ status: 'released', outcomeNote: 'still open after 5 minutes: paged' })
    })

    it('a flapping inbound source is marked flapping: its alert stays open across the flips and pages nobody again, and resolves once it settles', async () => {
      const svc = await service()
      let alertsAtDetection = -1
      for (let i = 0; i < 9; i++) {
        await send(svc.key, 'trigger', 'link-flap', 'Uplink eth1 down')
        app.clock.advance(MIN)
        await send(svc.key, 'resolve', 'link-flap', '')
        app.clock.advance(MIN)
        const flapping = (await app.call('GET', `/api/v1/services/${svc.serviceId}/flapping`)).body.items
        if (alertsAtDetection < 0 && flapping.length > 0) alertsAtDetection = (await alertsOf(svc.serviceId)).length
      }
      expect(alertsAtDetection).toBeGreaterThan(0)
      const alerts = await alertsOf(svc.serviceId)
      // From detection on, the flips joined one open alert.
      expect(alerts).toHaveLength(alertsAtDetection)
      expect(alerts[0]).toMatchObject({ status: 'triggered' })
      expect(String(alerts[0]?.details['Flapping'])).toMatch(/flapping/)
      const flapping = (await app.call('GET', `/api/v1/services/${svc.serviceId}/flapping`)).body.items
      expect(flapping[0]).toMatchObject({ dedupKey: 'link-flap', alertId: alerts[0]?.id })
      const pages = pagesAbout('Uplink eth1 down').length
      app.clock.advance(16 * MIN)
      await app.settle()
      expect((await alertsOf(svc.serviceId))[0]?.status).toBe('resolved')
      expect(pagesAbout('Uplink eth1 down')).toHaveLength(pages)
    })

    it('keeps rules in order, reorders them, and rejects bad rules by field', async () => {
      const svc = await service()
      const a = await rule(svc.serviceId, { name: 'a', actions: { setUrgency: 'low' } })
      const b = await rule(svc.serviceId, { name: 'b', actions: { suppress: true }, position: 0 })
      expect((await app.call('GET', `/api/v1/services/${svc.serviceId}/event-rules`)).body.items.map((r: { name: string }) => r.name)).toEqual(['b', 'a'])
      const reordered = await app.call('PUT', `/api/v1/services/${svc.serviceId}/event-rules/order`, { ids: [a.id, b.id] })
      expect(reordered.body.items.map((r: { name: string; position: number }) => `${r.position}:${r.name}`)).toEqual(['0:a', '1:b'])
      const partial = await app.call('PUT', `/api/v1/services/${svc.serviceId}/event-rules/order`, { ids: [a.id] })
      expect(partial.status).toBe(400)
      const bad = await app.call('POST', `/api/v1/services/${svc.serviceId}/event-rules`, {
        conditions: [{ field: 'summary', op: 'matches', pattern: '(a+)+$' }, { field: 'nope', op: 'equals', value: 'x' }],
        actions: { routeTo: 'no-such-service', pageIfFires: { times: 1, withinMinutes: 10 } },
      })
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['conditions[0].pattern', 'conditions[1].field', 'actions.pageIfFires.times']))
      const unknownRoute = await app.call('POST', `/api/v1/services/${svc.serviceId}/event-rules`, { actions: { routeTo: 'no-such-service' } })
      expect(unknownRoute.body.errors[0].field).toBe('actions.routeTo')
      expect((await app.call('DELETE', `/api/v1/event-rules/${a.id}`)).status).toBe(204)
      expect((await app.call('GET', `/api/v1/event-rules/${b.id}`)).body.position).toBe(0)
    })
  })
}
