import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import type { AlertEvent } from '../../src/domain/alerts/index.js'
import { Ingestor, type IngestJob } from '../../src/domain/intake/index.js'
import { LinkSigner } from '../../src/domain/notify/index.js'
import { ConfigCache, FirstPages, StoredBundles } from '../../src/domain/paging/index.js'
import { getService, type Service } from '../../src/domain/services/index.js'
import { SecretBox } from '../../src/lib/secrets.js'
import { appWithWebhooks } from '../harness/suite.js'
import { buildPagedPerson, buildPagedService, buildTeam, pdTrigger, tokenFor } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'
import { dueAlerts } from '../../src/engine/modules/escalation-manager.js'

const MIN = 60_000

const trigger = (dedupKey: string, summary: string): AlertEvent => ({ action: 'trigger', dedupKey, summary, source: 'db-1.prod', severity: 'critical', details: {}, links: [] })
const jobOf = (service: Service, e: AlertEvent): IngestJob => ({ service, integrationId: null, sourceType: 'events_v2', rawBody: JSON.stringify(e), events: [e], actor: { userId: null, label: 'events_v2 integration' }, origin: 'events_v2', urgencyOverride: null })

/**
 * Firing on arrival (src/domain/paging/fire-on-arrival.ts): an alert whose first step only joins
 * an open bundle is fired by the transaction that stores it. The test app's engine runs only in
 * settle(), so what is there right after the POST was done by intake.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: firing new alerts as they are stored`, () => {
    const suite = appWithWebhooks(dialect, { now: '2026-11-24T09:00:00Z' })

    const pagesFor = (userId: string) => suite.hooks.requests.filter((r) => r.path === `/${userId}`)
    const alertOf = async (serviceId: string, summary: string) =>
      suite.app.tend.storage.db.selectFrom('alerts').select(['id', 'escalation_step', 'escalation_loop', 'next_escalation_at']).where('service_id', '=', serviceId).where('summary', '=', summary).executeTakeFirstOrThrow()
    const timelineOf = async (alertId: string) => (await suite.app.call('GET', `/api/v1/alerts/${alertId}`)).body.timeline.map((e: { kind: string }) => e.kind) as string[]
    const messagesOf = (alertId: string) => suite.app.tend.storage.db.selectFrom('notifications').select(['user_id', 'status', 'kind']).where('alert_id', '=', alertId).execute()
    const post = async (key: string, summary: string) => expect((await suite.app.call('POST', '/v2/enqueue', pdTrigger(key, summary), null)).status).toBe(202)

    it('adds an alert to the open bundle as it is stored, moves it to its next step, and the engine has nothing left to fire', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Ana' })
      const lead = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Lead' })
      const s = await buildPagedService(suite.app, team.id, [
        { targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 },
        { targets: [{ type: 'user', id: lead.id }], delayMinutes: 5 },
      ])
      const start = suite.app.clock.now()

      // The first alert pages: that is the engine's, in order per service.
      await post(s.key, 'node-1 down')
      const first = await alertOf(s.serviceId, 'node-1 down')
      expect(first).toMatchObject({ escalation_step: 0, next_escalation_at: start })
      expect(await timelineOf(first.id)).toEqual(['triggered'])
      await suite.app.settle()
      expect(pagesFor(ana.id).map((r) => r.json.alert?.summary)).toEqual(['node-1 down'])

      // Ana was paged for this service a minute ago: the next alert joins the bundle on arrival.
      suite.app.clock.advance(MIN)
      await post(s.key, 'node-2 down')
      const second = await alertOf(s.serviceId, 'node-2 down')
      expect(second).toMatchObject({ escalation_step: 1, escalation_loop: 0, next_escalation_at: start + MIN + 5 * MIN })
      expect(await timelineOf(second.id)).toEqual(['triggered', 'escalated', 'bundled'])
      // Nothing is kept to send for it: its timeline row names the follow-up that will list it.
      expect(await messagesOf(second.id)).toEqual([])
      const followUps = await suite.app.tend.storage.db.selectFrom('notifications').select(['not_before', 'status', 'idempotency_key']).where('user_id', '=', ana.id).where('kind', '=', 'bundle').execute()
      expect(followUps).toEqual([{ not_before: start + 5 * MIN, status: 'pending', idempotency_key: expect.any(String) }])
      const bundledRow = await suite.app.tend.storage.db.selectFrom('alert_log').select('bundle_key').where('alert_id', '=', second.id).where('kind', '=', 'bundled').executeTakeFirstOrThrow()
      expect(bundledRow.bundle_key).toBe(followUps[0]?.idempotency_key)
      expect(await dueAlerts(suite.app.tend.storage.db, dialect, suite.app.clock.now(), 10).execute()).toEqual([])

      // Nothing more for Ana until the follow-up, which lists it; step 2 still reaches Lead for it.
      await suite.app.settle()
      expect(pagesFor(ana.id)).toHaveLength(1)
      suite.app.clock.set(start + 6 * MIN)
      await suite.app.settle()
      const bundle = pagesFor(ana.id).find((r) => r.json.kind === 'bundle')
      expect(bundle?.json.alerts.map((a: { summary: string }) => a.summary)).toEqual(['node-2 down'])
      expect(await timelineOf(second.id)).toEqual(expect.arrayContaining(['triggered', 'escalated', 'bundled']))
      expect((await timelineOf(second.id)).filter((k) => k === 'escalated')).toHaveLength(2)
      expect(await alertOf(s.serviceId, 'node-2 down')).toMatchObject({ escalation_step: 1, next_escalation_at: null })
      expect(pagesFor(lead.id).length).toBeGreaterThan(0)

      // The alert's page lists the follow-up that told Ana of it, and Ana, who is not on the
      // team, may act on it as anyone told of an alert may.
      const detail = (await suite.app.call('GET', `/api/v1/alerts/${second.id}`)).body
      const toAna = detail.notifications.filter((n: { userId: string }) => n.userId === ana.id)
      expect(toAna.map((n: { kind: string; status: string }) => ({ kind: n.kind, status: n.status }))).toEqual([{ kind: 'bundle', status: 'sent' }])
      expect((await suite.app.call('POST', `/api/v1/alerts/${second.id}/acknowledge`, undefined, await tokenFor(suite.app, ana.id))).status).toBe(200)
    })

    it('leaves to the engine an alert that would tell someone new, read against the policy as just changed', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Ana' })
      const lead = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Lead' })
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 30 }])
      await post(s.key, 'queue backlog')
      await suite.app.settle()
      await post(s.key, 'queue backlog growing')
      expect(await timelineOf((await alertOf(s.serviceId, 'queue backlog growing')).id)).toEqual(['triggered', 'escalated', 'bundled'])

      // Lead takes over step 1. Lead has not been paged for this service: the next alert pages
      // Lead, so it is not fired on arrival (a cached policy would have bundled it for Ana).
      const patched = await suite.app.call('PATCH', `/api/v1/escalation-policies/${s.policyId}`, { steps: [{ targets: [{ type: 'user', id: lead.id }], delayMinutes: 30 }] })
      expect(patched.status).toBe(200)
      await post(s.key, 'queue consumers down')
      const third = await alertOf(s.serviceId, 'queue consumers down')
      expect(third).toMatchObject({ escalation_step: 0, next_escalation_at: suite.app.clock.now() })
      expect(await timelineOf(third.id)).toEqual(['triggered'])
      await suite.app.settle()
      expect(pagesFor(lead.id).map((r) => r.json.alert?.summary)).toEqual(['queue consumers down'])
      expect(pagesFor(ana.id)).toHaveLength(1)
    })

    it('wakes the engine only when a commit left it something to fire', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Ana' })
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 30 }])
      const secrets = new SecretBox(Buffer.alloc(32, 3))
      const deps = { secrets, links: new LinkSigner(secrets.deriveKey('links'), suite.app.url), publicUrl: suite.app.url, configCache: new ConfigCache(), storedBundles: new StoredBundles(), firstPages: new FirstPages(), onError: () => undefined }
      let wakes = 0
      const ingestor = new Ingestor(suite.app.tend.storage, suite.app.clock, pino({ level: 'silent' }), () => (wakes += 1), undefined, { fireOnArrival: deps })
      const service = await getService(suite.app.tend.storage.db, s.serviceId)

      // Nobody paged yet: the alert is due, and the engine is woken to page Ana.
      expect((await ingestor.submit(jobOf(service, trigger('w-1', 'cache node 1 down')))).map((r) => r.outcome)).toEqual(['opened'])
      expect(wakes).toBe(1)
      await suite.app.settle()
      expect(pagesFor(ana.id)).toHaveLength(1)

      // Joining the open bundle on arrival leaves nothing to fire; a repeat of an open key neither.
      await ingestor.submit(jobOf(service, trigger('w-2', 'cache node 2 down')))
      await ingestor.submit(jobOf(service, trigger('w-2', 'cache node 2 down')))
      expect(wakes).toBe(1)
      expect(await timelineOf((await alertOf(s.serviceId, 'cache node 2 down')).id)).toEqual(['triggered', 'escalated', 'bundled', 'deduplicated'])

      // An acknowledgement is off the plain path: it wakes the engine as before.
      await ingestor.submit(jobOf(service, { ...trigger('w-2', 'cache node 2 down'), action: 'acknowledge' }))
      expect(wakes).toBe(2)
    })
  })
}
