import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../test/harness/storage.js'
import { lockForDelete, type Db } from './index.js'

const team = { id: 't1', name: 'One', description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 }
const service = { id: 's1', name: 'Checkout', team_id: 't1', description: '', is_demo: 0 as const, urgency_rule_json: '{}', created_at: 1, updated_at: 1 }
const eventSql = `insert into events (id, service_id, source_type, action, dedup_key, received_at, body_json, outcome) values ('e1', 's1', 'events_v2', 'trigger', 'k', 1, '{}', 'opened')`

// SQLite has one writer, so there is no other transaction to hold back there.
for (const dialect of DIALECTS.filter((d) => d === 'postgres')) {
  describe(`${dialect}: lockForDelete`, () => {
    it('holds back a transaction referencing the row until the delete commits, which then fails its foreign key', async () => {
      const db = await createTestDatabase(dialect)
      const other = new pg.Client({ connectionString: db.url })
      try {
        await db.storage.db.insertInto('teams').values(team).execute()
        await db.storage.db.insertInto('services').values(service).execute()
        await other.connect()
        const otherPid = (await other.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid
        let insert: Promise<unknown> | undefined
        await db.storage.db.transaction().execute(async (trx) => {
          await lockForDelete(trx, 'services', ['s1'])
          insert = other.query(eventSql)
          insert.catch(() => undefined)
          // The other session must be waiting for this transaction's lock, not done.
          expect(await waitingForLock(db.storage.db, otherPid)).toBe(true)
          await trx.deleteFrom('services').where('id', '=', 's1').execute()
        })
        await expect(insert).rejects.toThrow(/events_service_id_fkey/)
        expect(await db.storage.db.selectFrom('events').select('id').execute()).toEqual([])
      } finally {
        await other.end().catch(() => undefined)
        await db.dispose()
      }
    })
  })
}

/** Whether a session is blocked on a lock, asked a few times while it gets there. */
async function waitingForLock(db: Db, pid: number | undefined): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    const { rows } = await sql<{ wait_event_type: string | null }>`select wait_event_type from pg_stat_activity where pid = ${pid}`.execute(db)
    if (rows[0]?.wait_event_type === 'Lock') return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}
