/**
 * Set-based intake (src/domain/intake/lane.ts) must change nothing but the number of statements:
 * a burst of events committed together leaves the database exactly as the same events applied
 * one at a time. Two worlds are built the same way; one takes the burst in one group commit,
 * the other event by event; their alerts, timelines, events, holds and rule decisions are
 * compared. The burst mixes plain triggers (bulk path) with every kind of event that must take
 * the one-event path.
 */
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { AlertEvent } from '../../src/domain/alerts/index.js'
import { Ingestor, type IngestJob } from '../../src/domain/intake/index.js'
import { readLaneFacts, PendingRows } from '../../src/domain/intake/lane.js'
import { getService } from '../../src/domain/services/index.js'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000
const CHECKED = '{"checked":true}'
type Role = 'plain' | 'ruled' | 'maintained'

interface World {
  readonly app: TestApp
  readonly services: Record<Role, string>
  readonly roleOf: Map<string, Role>
}

async function buildWorld(app: TestApp, hookUrl: string): Promise<World> {
  const teamId = (await buildTeam(app)).id
  const person = await buildPagedPerson(app, hookUrl)
  const steps = [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }]
  const plain = await buildPagedService(app, teamId, steps)
  const ruled = await buildPagedService(app, teamId, steps)
  const maintained = await buildPagedService(app, teamId, steps)
  const rule = await app.call('POST', `/api/v1/services/${ruled.serviceId}/event-rules`, { name: 'noise', conditions: [{ field: 'summary', op: 'contains', value: 'noise' }], actions: { suppress: true } })
  expect(rule.status, JSON.stringify(rule.body)).toBe(201)
  const send = async (body: unknown) => {
    const res = await app.call('POST', '/v2/enqueue', body, null)
    expect(res.status, JSON.stringify(res.body)).toBe(202)
  }
  await send(pdTrigger(plain.key, 'Disk 91% on db-1', { dedup_key: 'existing' }))
  await send(pdTrigger(plain.key, 'Queue depth 12k', { dedup_key: 'existing-2' }))
  // A key that flips until flap detection holds its resolve (the alert stays open, marked).
  for (let i = 0; i < 10; i++) {
    app.clock.advance(MIN)
    await send(pdTrigger(plain.key, 'Health check flapping', { dedup_key: 'flappy' }))
    app.clock.advance(MIN)
    await send({ routing_key: plain.key, event_action: 'resolve', dedup_key: 'flappy' })
  }
  const window = await app.call('POST', `/api/v1/services/${maintained.serviceId}/maintenance-windows`, { reason: 'database upgrade', durationMinutes: 60 })
  expect(window.status, JSON.stringify(window.body)).toBe(201)
  await app.settle()
  app.clock.advance(MIN)
  const services = { plain: plain.serviceId, ruled: ruled.serviceId, maintained: maintained.serviceId }
  return { app, services, roleOf: new Map(Object.entries(services).map(([role, id]) => [id, role as Role])) }
}

const event = (action: AlertEvent['action'], dedupKey: string, summary = `About ${dedupKey}`, severity: AlertEvent['severity'] = 'critical'): AlertEvent => ({ action, dedupKey, summary, source: 'db-1.prod', severity, details: { dedupKey }, links: [] })

/** The burst: plain triggers around every kind of event that must go one by one. */
async function burstJobs(world: World): Promise<IngestJob[]> {
  const db = world.app.tend.storage.db
  const svc = { plain: await getService(db, world.services.plain), ruled: await getService(db, world.services.ruled), maintained: await getService(db, world.services.maintained) }
  const job = (role: Role, events: AlertEvent[], sourceType: IngestJob['sourceType'] = 'events_v2'): IngestJob => ({
    service: svc[role],
    integrationId: null,
    sourceType,
    rawBody: JSON.stringify(events),
    events,
    actor: { userId: null, label: `${sourceType} integration` },
    origin: sourceType,
    urgencyOverride: null,
  })
  return [
    job('plain', [event('trigger', 'new-1')]),
    job('plain', [event('trigger', 'existing-2')]),
    job('plain', [event('trigger', 'existing')]),
    job('plain', [event('acknowledge', 'existing')]),
    job('plain', [event('trigger', 'twice')]),
    job('plain', [event('resolve', 'twice')]),
    job('ruled', [event('trigger', 'r-1', 'noise from the canary')]),
    job('ruled', [event('trigger', 'r-2', 'Checkout errors above 5%')]),
    job('maintained', [event('trigger', 'm-1')]),
    job('maintained', [event('trigger', 'manual-1')], 'manual'),
    job('plain', [event('trigger', 'flappy', 'Health check flapping')]),
    job('plain', [event('trigger', 'am-1'), event('trigger', 'am-2', 'Latency high', 'warning')], 'alertmanager'),
    job('plain', [event('resolve', 'never-opened')]),
    job('plain', [event('trigger', 'new-2', 'Cert expires in 20 days', 'info')]),
  ]
}

/** Everything intake writes, without ids or service names (which differ between worlds). */
async function snapshot(world: World) {
  const db = world.app.tend.storage.db
  const role = (serviceId: string | null) => (serviceId === null ? null : (world.roleOf.get(serviceId) ?? serviceId))
  const alerts = await db.selectFrom('alerts').selectAll().orderBy('service_id').orderBy('dedup_key').orderBy('created_at').execute()
  const keyOf = new Map(alerts.map((a) => [a.id, `${role(a.service_id)}/${a.dedup_key}`]))
  const log = await db.selectFrom('alert_log').select(['alert_id', 'kind', 'actor_label', 'message', 'data_json']).orderBy('at').orderBy('id').execute()
  const events = await db.selectFrom('events').select(['service_id', 'source_type', 'action', 'dedup_key', 'alert_id', 'outcome', 'received_at']).orderBy('received_at').orderBy('id').execute()
  const held = await db.selectFrom('held_events').select(['service_id', 'alert_id', 'kind', 'dedup_key', 'status', 'reason', 'release_at']).execute()
  const decisions = await db.selectFrom('event_decisions').select(['service_id', 'outcome', 'reason', 'dedup_key', 'alert_id']).execute()
  const sortBy = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort()
  return {
    // No service here has a mitigation rule: an alert intake marked checked and one the
    // mitigation module has yet to check (an event that took the one-event path) end the same.
    alerts: alerts.map(({ id: _, service_id, mitigation_json, ...a }) => ({ ...a, mitigation_json: mitigation_json ?? CHECKED, service: role(service_id) })),
    timelines: [...keyOf.values()].sort().map((key) => ({ key, entries: log.filter((l) => keyOf.get(l.alert_id) === key).map(({ alert_id: _, ...l }) => l) })),
    events: sortBy(events.map(({ service_id, alert_id, ...e }) => ({ ...e, service: role(service_id), alert: alert_id === null ? null : keyOf.get(alert_id) }))),
    held: sortBy(held.map(({ service_id, alert_id, ...h }) => ({ ...h, service: role(service_id), alert: keyOf.get(alert_id) }))),
    decisions: sortBy(decisions.map(({ service_id, alert_id, ...d }) => ({ ...d, service: role(service_id), alert: alert_id === null ? null : keyOf.get(alert_id) }))),
  }
}

/** A value with the ids and generated names the two worlds cannot share (quoted in reasons and timelines) replaced by placeholders. */
const withoutIds = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\b(User|Policy|Service|Team) [0-9a-z]{6,}\b/g, '$1 <name>'),
  )

for (const dialect of DIALECTS) {
  describe(`${dialect}: set-based intake`, () => {
    const apps: TestApp[] = []
    const hooks: WebhookReceiver[] = []
    afterEach(async () => {
      for (const app of apps.splice(0)) await app.close()
      for (const hook of hooks.splice(0)) await hook.stop()
    })

    async function world(): Promise<World> {
      const hook = new WebhookReceiver()
      hooks.push(hook)
      const app = await startTestApp(dialect, { now: '2026-11-24T10:00:00Z' })
      apps.push(app)
      return buildWorld(app, await hook.start())
    }
    const ingestorOf = (w: World) => new Ingestor(w.app.tend.storage, w.app.clock, pino({ level: 'silent' }), () => undefined)

    it('decides which events of a lane are plain: new and repeated triggers without rules, flapping, repeats or maintenance', async () => {
      const w = await world()
      const jobs = await burstJobs(w)
      const plain = await w.app.tend.storage.db.transaction().execute(async (trx) => {
        const facts = await readLaneFacts(trx, w.app.clock.now(), jobs)
        const out: string[] = []
        for (const job of jobs) for (const e of job.events) if ((await facts.applyPlain(trx, job, e, new PendingRows())) !== null) out.push(e.dedupKey)
        // A lane with repeats and one-by-one events is not one that only opens alerts.
        expect(facts.opensOnly).toBe(false)
        // Only looked: the rows gathered were never written, and the joins are rolled back.
        throw Object.assign(new Error('roll back'), { plain: out })
      }).catch((err: { plain?: string[] }) => err.plain)
      expect(plain).toEqual(['new-1', 'existing-2', 'manual-1', 'am-1', 'am-2', 'new-2'])
    })

    it('a repeat whose alert was resolved after the lane read it is not counted into it: it takes the one-event path', async () => {
      const w = await world()
      const jobs = (await burstJobs(w)).filter((j) => j.events.some((e) => e.dedupKey === 'existing-2'))
      const db = w.app.tend.storage.db
      const outcome = await db
        .transaction()
        .execute(async (trx) => {
          const now = w.app.clock.now()
          const facts = await readLaneFacts(trx, now, jobs)
          // Someone resolves the alert between the lane's read and its write.
          await trx.updateTable('alerts').set({ status: 'resolved', resolved_at: now }).where('dedup_key', '=', 'existing-2').execute()
          const job = jobs[0] as IngestJob
          const result = await facts.applyPlain(trx, job, job.events[0] as AlertEvent, new PendingRows())
          const counts = await trx.selectFrom('alerts').select('event_count').where('dedup_key', '=', 'existing-2').execute()
          throw Object.assign(new Error('roll back'), { result, counts })
        })
        .catch((err: { result?: unknown; counts?: unknown }) => err)
      expect(outcome).toMatchObject({ result: null, counts: [{ event_count: 1 }] })
      // Through the ingestor, the same trigger after a resolve opens a new alert.
      await db.updateTable('alerts').set({ status: 'resolved' }).where('dedup_key', '=', 'existing-2').execute()
      const [result] = await ingestorOf(w).submit(jobs[0] as IngestJob)
      expect(result).toMatchObject({ outcome: 'opened' })
      expect(await db.selectFrom('alerts').select(['status', 'event_count']).where('dedup_key', '=', 'existing-2').orderBy('created_at').orderBy('id').execute()).toEqual([
        { status: 'resolved', event_count: 1 },
        { status: 'triggered', event_count: 1 },
      ])
    })

    it('a burst of new keys only (on PostgreSQL written in one statement, without a transaction) ends as the same events one at a time', async () => {
      const together = await world()
      const oneByOne = await world()
      const openingOnly = async (w: World) => (await burstJobs(w)).filter((j) => j.events.every((e) => ['new-1', 'new-2', 'manual-1', 'am-1', 'am-2'].includes(e.dedupKey)))
      const burst = await openingOnly(together)
      expect(burst).toHaveLength(4)
      const facts = await readLaneFacts(together.app.tend.storage.db, together.app.clock.now(), burst)
      expect(facts.opensOnly).toBe(true)
      const ingestor = ingestorOf(together)
      const results = await Promise.all(burst.map((job) => ingestor.submit(job)))
      expect(results.flat().map((r) => r.outcome)).toEqual(['opened', 'opened', 'opened', 'opened', 'opened'])
      const single = ingestorOf(oneByOne)
      for (const job of await openingOnly(oneByOne)) await single.submit(job)
      expect(withoutIds(await snapshot(together))).toEqual(withoutIds(await snapshot(oneByOne)))
      // Every event row names the alert it opened.
      const events = await together.app.tend.storage.db.selectFrom('events').innerJoin('alerts', 'alerts.id', 'events.alert_id').select(['events.dedup_key as event_key', 'alerts.dedup_key as alert_key']).where('events.dedup_key', 'in', ['new-1', 'new-2', 'manual-1', 'am-1', 'am-2']).execute()
      expect(events.map((e) => [e.event_key, e.alert_key]).sort()).toEqual([['am-1', 'am-1'], ['am-2', 'am-2'], ['manual-1', 'manual-1'], ['new-1', 'new-1'], ['new-2', 'new-2']])
    })

    it('a lane of new keys whose key another writer opened after the read writes nothing at all', async () => {
      const w = await world()
      const db = w.app.tend.storage.db
      const jobs = (await burstJobs(w)).filter((j) => j.events.some((e) => e.dedupKey === 'new-1' || e.dedupKey === 'new-2'))
      const now = w.app.clock.now()
      const facts = await readLaneFacts(db, now, jobs)
      expect(facts.opensOnly).toBe(true)
      // Another writer opens new-2 between the lane's read and its write.
      const [opened] = await ingestorOf(w).submit({ ...(jobs[1] as IngestJob) })
      expect(opened).toMatchObject({ outcome: 'opened' })
      const rows = new PendingRows()
      for (const job of jobs) for (const e of job.events) expect(await facts.applyPlain(db, job, e, rows)).toMatchObject({ outcome: 'opened' })
      await expect(rows.writeAtomically(db)).rejects.toThrow()
      // Nothing of the lane stayed: not new-1's alert, not a second new-2.
      expect(await db.selectFrom('alerts').select('dedup_key').where('dedup_key', 'in', ['new-1', 'new-2']).execute()).toEqual([{ dedup_key: 'new-2' }])
      // Submitted again as one lane, it reads new-2 open now: new-1 opens, new-2 joins.
      const ingestor = ingestorOf(w)
      const results = await Promise.all(jobs.map((job) => ingestor.submit(job)))
      expect(results.flat().map((r) => r.outcome)).toEqual(['opened', 'deduplicated'])
    })

    it('a burst committed together leaves the database exactly as the same events one at a time', async () => {
      const together = await world()
      const oneByOne = await world()
      const burst = await burstJobs(together)
      const ingestor = ingestorOf(together)
      const results = await Promise.all(burst.map((job) => ingestor.submit(job)))
      const single = ingestorOf(oneByOne)
      const expected = []
      for (const job of await burstJobs(oneByOne)) expected.push(await single.submit(job))
      const outcomes = (r: unknown[][]) => withoutIds(r.map((events) => events.map((e) => ({ ...(e as object), alertId: (e as { alertId: unknown }).alertId !== null }))))
      expect(outcomes(results)).toEqual(outcomes(expected))
      const got = await snapshot(together)
      expect(withoutIds(got)).toEqual(withoutIds(await snapshot(oneByOne)))
      // And what it is: spot checks, so that both paths being wrong the same way would fail.
      const alert = (key: string) => got.alerts.find((a) => a.dedup_key === key && a.status !== 'resolved')
      // A plain trigger on a service without a mitigation rule is checked at intake, so its first
      // page does not wait for the mitigation module (read unnormalized).
      const stored = await together.app.tend.storage.db.selectFrom('alerts').select(['dedup_key', 'mitigation_json']).where('dedup_key', 'in', ['new-1', 'r-1']).orderBy('dedup_key').execute()
      expect(stored).toEqual([
        { dedup_key: 'new-1', mitigation_json: CHECKED },
        { dedup_key: 'r-1', mitigation_json: null },
      ])
      expect(alert('new-1')).toMatchObject({ service: 'plain', status: 'triggered', event_count: 1, urgency: 'high', next_escalation_at: together.app.clock.now() })
      expect(alert('new-2')).toMatchObject({ urgency: 'low', severity: 'info' })
      expect(alert('existing-2')).toMatchObject({ event_count: 2, status: 'triggered' })
      expect(alert('existing')).toMatchObject({ event_count: 2, status: 'acknowledged' })
      expect(alert('twice')).toBeUndefined()
      expect(alert('r-1')).toMatchObject({ service: 'ruled', next_escalation_at: null })
      expect(alert('r-2')).toMatchObject({ service: 'ruled', next_escalation_at: together.app.clock.now() })
      expect(alert('m-1')).toMatchObject({ service: 'maintained', next_escalation_at: null })
      expect(alert('manual-1')).toMatchObject({ service: 'maintained', origin: 'manual', next_escalation_at: together.app.clock.now() })
      expect(alert('am-2')).toMatchObject({ urgency: 'low', origin: 'alertmanager' })
      const joined = got.timelines.find((t) => t.key === 'plain/existing-2')?.entries ?? []
      expect(joined[0]?.message).toMatch(/^Triggered/)
      expect(joined.at(-1)).toMatchObject({ kind: 'deduplicated', message: 'Another trigger joined this alert (2 events)', actor_label: 'events_v2 integration' })
      expect(got.events.filter((e) => e.includes('"never-opened"'))).toEqual([expect.stringContaining('"outcome":"ignored: no open alert has this dedup key"')])
      expect(got.held.filter((h) => h.includes('"kind":"resolve"') && h.includes('"status":"held"'))).toEqual([])
    })
  })
}
