import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../../test/harness/storage.js'
import { insertRow, type Db } from '../../storage/index.js'
import { claimInOneStatement } from './claim-postgres.js'

const T0 = Date.parse('2026-11-24T09:00:00Z')
const MODULE = 'engine.outbox'

async function seed(db: Db): Promise<void> {
  await insertRow(db, 'users', { id: 'u1', name: 'Ana', email: 'ana@example.test', time_zone: 'UTC', sleep_start: '22:00', sleep_end: '08:00', working_days: '1,2,3,4,5', working_start: '09:00', working_end: '17:00', is_admin: 0, is_demo: 0, ical_token_hash: null, created_at: T0, updated_at: T0 })
  const message = (id: string, channel: string, dueAt: number) => ({
    id, alert_id: null, service_id: null, user_id: 'u1', contact_method_id: null, channel, kind: 'test', urgency: 'high', interrupting: 1 as const, status: 'pending',
    not_before: dueAt, next_attempt_at: dueAt, attempts: 0, sending_until: null, last_error: null, provider_id: null, idempotency_key: `key-${id}`, subject: 'Test', body_text: 'Test', payload_json: '{}', created_at: T0, sent_at: null,
  })
  for (const m of [message('web-due', 'webhook', T0), message('sms-due', 'sms', T0), message('web-later', 'webhook', T0 + 60_000)]) await insertRow(db, 'notifications', m)
}

const statuses = async (db: Db) => Object.fromEntries((await db.selectFrom('notifications').select(['id', 'status', 'attempts']).execute()).map((r) => [r.id, `${r.status}/${r.attempts}`]))

// One statement with the advisory lock is PostgreSQL's way; SQLite claims in its one transaction.
for (const dialect of DIALECTS.filter((d) => d === 'postgres')) {
  describe(`${dialect}: the outbox claim in one statement`, () => {
    it('claims the due messages on unthrottled channels, and says throttled ones are due for the locked path', async () => {
      const { storage, dispose } = await createTestDatabase(dialect)
      try {
        await seed(storage.db)
        const claim = await claimInOneStatement(storage.db, T0, T0 + 25_000, 10, MODULE, 1)
        expect(claim).toMatchObject({ locked: true, recordedVersion: null, throttledDue: true })
        expect(claim.claimed.map((n) => [n.id, n.status, n.attempts])).toEqual([['web-due', 'sending', 1]])
        expect(await statuses(storage.db)).toEqual({ 'web-due': 'sending/1', 'sms-due': 'pending/0', 'web-later': 'pending/0' })
        // Claimed already: a second claim finds nothing until the deadline passes.
        expect((await claimInOneStatement(storage.db, T0 + 1_000, T0 + 26_000, 10, MODULE, 1)).claimed).toEqual([])
        expect((await claimInOneStatement(storage.db, T0 + 25_001, T0 + 50_000, 10, MODULE, 1)).claimed.map((n) => [n.id, n.attempts])).toEqual([['web-due', 2]])
      } finally {
        await dispose()
      }
    })

    it('claims nothing while another instance holds the module lock, or once a newer version has run', async () => {
      const { storage, dispose } = await createTestDatabase(dialect)
      try {
        await seed(storage.db)
        const whileHeld = await storage.db.transaction().execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(hashtext(${'tend:' + MODULE}))`.execute(trx)
          return claimInOneStatement(storage.db, T0, T0 + 25_000, 10, MODULE, 1)
        })
        expect(whileHeld).toMatchObject({ locked: false, claimed: [] })
        await storage.db.insertInto('engine_module_versions').values({ name: MODULE, version: 2 }).execute()
        const older = await claimInOneStatement(storage.db, T0, T0 + 25_000, 10, MODULE, 1)
        expect(older).toMatchObject({ locked: true, recordedVersion: 2, claimed: [] })
        expect(await statuses(storage.db)).toEqual({ 'web-due': 'pending/0', 'sms-due': 'pending/0', 'web-later': 'pending/0' })
        expect((await claimInOneStatement(storage.db, T0, T0 + 25_000, 10, MODULE, 2)).claimed.map((n) => n.id)).toEqual(['web-due'])
      } finally {
        await dispose()
      }
    })
  })
}
