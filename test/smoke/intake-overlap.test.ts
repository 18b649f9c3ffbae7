/**
 * PostgreSQL intake under a backlog (src/domain/intake/ingestor.ts): while one flush waits on the
 * database, a second takes the queued jobs whose dedup keys the first does not hold, and a job
 * for a key in flight waits for it, so each key's events are still applied in order. The first
 * flush is held for real: another connection keeps the alert it acknowledges locked.
 */
import pg from 'pg'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { AlertEvent } from '../../src/domain/alerts/index.js'
import { Ingestor, type IngestJob } from '../../src/domain/intake/index.js'
import { getService, type Service } from '../../src/domain/services/index.js'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedPerson, buildPagedService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const event = (action: AlertEvent['action'], dedupKey: string): AlertEvent => ({ action, dedupKey, summary: `About ${dedupKey}`, source: 'db-1.prod', severity: 'critical', details: {}, links: [] })
const jobOf = (service: Service, e: AlertEvent): IngestJob => ({ service, integrationId: null, sourceType: 'events_v2', rawBody: JSON.stringify(e), events: [e], actor: { userId: null, label: 'events_v2 integration' }, origin: 'events_v2', urgencyOverride: null })

/** Whether a promise has settled, without waiting for it. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false
  p.then(() => (done = true), () => (done = true))
  await new Promise((r) => setImmediate(r))
  return done
}

describe.skipIf(!DIALECTS.includes('postgres'))('postgres: intake flushes side by side under a backlog', () => {
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close()
  })

  it('stores other keys while a flush waits on a lock, and keeps a held key’s next event behind it', async () => {
    const hook = new WebhookReceiver()
    const app: TestApp = await startTestApp('postgres', { now: '2026-11-24T10:00:00Z' })
    closers.push(() => hook.stop(), () => app.close())
    const person = await buildPagedPerson(app, await hook.start())
    const paged = await buildPagedService(app, (await buildTeam(app)).id, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])
    const opened = await app.call('POST', '/v2/enqueue', pdTrigger(paged.key, 'Disk 91% on db-1', { dedup_key: 'held' }), null)
    expect(opened.status, JSON.stringify(opened.body)).toBe(202)
    const db = app.tend.storage.db
    const service = await getService(db, paged.serviceId)
    const [alert] = await db.selectFrom('alerts').select('id').where('dedup_key', '=', 'held').execute()

    // Another connection locks the alert, so the flush acknowledging it waits.
    const locker = new pg.Client({ connectionString: app.tend.config.databaseUrl })
    await locker.connect()
    closers.push(() => locker.end())
    await locker.query('begin')
    await locker.query('select id from alerts where id = $1 for update', [alert?.id])

    const ingestor = new Ingestor(app.tend.storage, app.clock, pino({ level: 'silent' }), () => undefined)
    const ack = ingestor.submit(jobOf(service, event('acknowledge', 'held')))
    // Until the acknowledgement's update is waiting on the lock, the first flush is not held yet.
    let held = false
    for (let i = 0; i < 200 && !held; i++) {
      const { rows } = await locker.query(`select count(*)::int as n from pg_locks l join pg_stat_activity a using (pid) where not l.granted and a.datname = current_database()`)
      held = rows[0].n > 0
      if (!held) await new Promise((r) => setTimeout(r, 10))
    }
    expect(held).toBe(true)
    const resolve = ingestor.submit(jobOf(service, event('resolve', 'held')))
    const fresh = Array.from({ length: 20 }, (_, i) => ingestor.submit(jobOf(service, event('trigger', `new-${i}`))))

    // The new keys are stored beside the held flush; the held key's resolve waits behind it.
    // Bounded, so that the old behaviour (everything queued behind the held flush) fails with a reason.
    const behind = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the new keys were not stored while the first flush was held')), 10_000).unref())
    const results = await Promise.race([Promise.all(fresh), behind])
    expect(results.flat().map((r) => r.outcome)).toEqual(Array(20).fill('opened'))
    expect(await settled(ack)).toBe(false)
    expect(await settled(resolve)).toBe(false)

    await locker.query('commit')
    expect((await ack).map((r) => r.outcome)).toEqual(['acknowledged'])
    expect((await resolve).map((r) => r.outcome)).toEqual(['resolved'])
    const timeline = await db.selectFrom('alert_log').select('kind').where('alert_id', '=', alert?.id ?? '').orderBy('at').orderBy('id').execute()
    expect(timeline.map((t) => t.kind).filter((k) => k === 'acknowledged' || k === 'resolved')).toEqual(['acknowledged', 'resolved'])
  })
})
