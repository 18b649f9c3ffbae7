import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { CONFIG_TABLES } from '../../src/storage/migrations/20261127180000-create-config-generation.js'
import { MIGRATIONS } from '../../src/storage/migrations/index.js'
import { createTestDatabase, DIALECTS } from '../harness/storage.js'

describe('migration list', () => {
  it('is named YYYYMMDDhhmmss-purpose and in order', () => {
    const names = Object.keys(MIGRATIONS)
    for (const n of names) expect(n).toMatch(/^\d{14}-[a-z0-9-]+$/)
    expect([...names].sort()).toEqual(names)
  })
})

for (const dialect of DIALECTS) {
  describe(`${dialect}: migrations`, () => {
    it('go up, down and up again with data in the tables', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const { storage } = db
        await storage.db
          .insertInto('teams')
          .values({ id: 't1', name: 'Seeded', description: '', time_zone: 'UTC', is_demo: 0, created_at: 1, updated_at: 1 })
          .execute()
        const names = Object.keys(MIGRATIONS)
        for (let i = names.length - 1; i >= 0; i--) {
          const down = await storage.migrateDown()
          expect(down.applied).toEqual([names[i]])
        }
        const up = await storage.migrate()
        expect(up.applied).toEqual(names)
        expect(await storage.db.selectFrom('teams').selectAll().execute()).toEqual([])
        await storage.db
          .insertInto('teams')
          .values({ id: 't2', name: 'Again', description: '', time_zone: 'UTC', is_demo: 0, created_at: 1, updated_at: 1 })
          .execute()
        expect((await storage.migrate()).applied).toEqual([])
      } finally {
        await db.dispose()
      }
    })

    it('marks the timeline rows of alerts bundled into a follow-up still due with its key, when moving bundles onto the timeline', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const { storage } = db
        expect((await storage.migrateDown()).applied).toEqual(['20261128050000-bundle-members-on-timeline'])
        const d = storage.db
        await d.insertInto('teams').values({ id: 't', name: 'T', description: '', time_zone: 'UTC', is_demo: 0, created_at: 1, updated_at: 1 }).execute()
        await d.insertInto('services').values({ id: 's', name: 'S', team_id: 't', description: '', is_demo: 0, urgency_rule_json: '{}', created_at: 1, updated_at: 1 }).execute()
        for (const id of ['ana', 'bo']) {
          await d
            .insertInto('users')
            .values({ id, name: id, email: `${id}@x.test`, time_zone: 'UTC', sleep_start: '22:00', sleep_end: '08:00', working_days: 'mon', working_start: '09:00', working_end: '17:00', is_admin: 0, is_demo: 0, ical_token_hash: null, created_at: 1, updated_at: 1 })
            .execute()
        }
        const alert = (id: string) => ({ id, service_id: 's', dedup_key: id, status: 'triggered', urgency: 'high', summary: id, source: 'x', severity: 'critical', details_json: '{}', links_json: '[]', origin: 'events_v2', created_at: 1, updated_at: 1, last_event_at: 1, event_count: 1, escalation_step: 1, escalation_loop: 0 })
        await d.insertInto('alerts').values([alert('a1'), alert('a2'), alert('a3')]).execute()
        const message = (id: string, userId: string, alertId: string | null, kind: string, status: string, createdAt: number, payload: object = {}) => ({
          id, alert_id: alertId, service_id: 's', user_id: userId, contact_method_id: null, channel: 'webhook', kind, urgency: 'high', interrupting: 1 as const, status,
          not_before: createdAt, next_attempt_at: createdAt, attempts: 0, idempotency_key: `key-${id}`, subject: id, body_text: id, payload_json: JSON.stringify(payload), created_at: createdAt,
        })
        await d
          .insertInto('notifications')
          .values([
            // Ana's follow-up is still due (window from 1,000); Bo's went out already.
            message('ana-bundle', 'ana', null, 'bundle', 'pending', 1_000, { windowStart: 1_000, serviceName: 'S' }),
            message('bo-bundle', 'bo', null, 'bundle', 'sent', 1_000, { windowStart: 1_000, serviceName: 'S' }),
            message('ana-a1', 'ana', 'a1', 'alert', 'bundled', 1_500),
            message('ana-a2', 'ana', 'a2', 'alert', 'bundled', 500),
            message('bo-a3', 'bo', 'a3', 'alert', 'bundled', 1_500),
          ])
          .execute()
        const bundledRow = (id: string, alertId: string, userId: string, at: number) => ({ id, alert_id: alertId, at, kind: 'bundled', actor_user_id: null, actor_label: 'Tend', message: 'bundled', data_json: JSON.stringify({ userId }) })
        await d
          .insertInto('alert_log')
          .values([bundledRow('l1', 'a1', 'ana', 1_500), bundledRow('l2', 'a2', 'ana', 500), bundledRow('l3', 'a3', 'bo', 1_500), bundledRow('l4', 'a1', 'bo', 1_500)])
          .execute()

        expect((await storage.migrate()).applied).toEqual(['20261128050000-bundle-members-on-timeline'])
        const keys = await d.selectFrom('alert_log').select(['id', 'bundle_key']).orderBy('id').execute()
        // Only a1 for Ana: a2 was bundled before her window, and Bo's follow-up has been sent.
        expect(keys).toEqual([
          { id: 'l1', bundle_key: 'key-ana-bundle' },
          { id: 'l2', bundle_key: null },
          { id: 'l3', bundle_key: null },
          { id: 'l4', bundle_key: null },
        ])
      } finally {
        await db.dispose()
      }
    })

    it('enforces status values with CHECK constraints', async () => {
      const db = await createTestDatabase(dialect)
      try {
        await db.storage.db.insertInto('teams').values({ id: 't', name: 'T', description: '', time_zone: 'UTC', is_demo: 0, created_at: 1, updated_at: 1 }).execute()
        await db.storage.db
          .insertInto('users')
          .values({ id: 'u', name: 'U', email: 'u@x.test', time_zone: 'UTC', sleep_start: '22:00', sleep_end: '08:00', working_days: 'mon', working_start: '09:00', working_end: '17:00', is_admin: 0, is_demo: 0, ical_token_hash: null, created_at: 1, updated_at: 1 })
          .execute()
        await expect(db.storage.db.insertInto('team_members').values({ team_id: 't', user_id: 'u', role: 'boss', created_at: 1 }).execute()).rejects.toThrow()
      } finally {
        await db.dispose()
      }
    })

    it('moves the configuration counter on every write to a configuration table, and only then', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const d = db.storage.db
        const generation = async () => Number((await d.selectFrom('config_generation').select('n').where('id', '=', 1).executeTakeFirstOrThrow()).n)
        let last = await generation()
        const moved = async () => {
          const now = await generation()
          const did = now > last
          last = now
          return did
        }
        await d.insertInto('teams').values({ id: 't', name: 'T', description: '', time_zone: 'UTC', is_demo: 0, created_at: 1, updated_at: 1 }).execute()
        expect(await moved()).toBe(true)
        await d.updateTable('teams').set({ description: 'changed' }).where('id', '=', 't').execute()
        expect(await moved()).toBe(true)
        await d
          .insertInto('users')
          .values({ id: 'u', name: 'U', email: 'u@x.test', time_zone: 'UTC', sleep_start: '22:00', sleep_end: '08:00', working_days: 'mon', working_start: '09:00', working_end: '17:00', is_admin: 0, is_demo: 0, ical_token_hash: null, created_at: 1, updated_at: 1 })
          .execute()
        expect(await moved()).toBe(true)
        // Not configuration: an audit row leaves the counter alone.
        await d.insertInto('audit_log').values({ id: 'a', at: 1, actor_user_id: null, actor_label: 'test', action: 'test', entity_type: 'team', entity_id: 't', team_id: 't', before_json: null, after_json: null }).execute()
        expect(await moved()).toBe(false)
        await d.deleteFrom('users').where('id', '=', 'u').execute()
        expect(await moved()).toBe(true)
        // A rolled-back write leaves it where it was.
        await expect(
          d.transaction().execute(async (trx) => {
            await trx.updateTable('teams').set({ description: 'again' }).execute()
            throw new Error('roll back')
          }),
        ).rejects.toThrow('roll back')
        expect(await moved()).toBe(false)
        // Every configuration table has its triggers (insert, update and delete).
        for (const table of CONFIG_TABLES) {
          const { rows } =
            dialect === 'postgres'
              ? await sql<{ n: number }>`select count(*)::int as n from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal and tgname like '%config_generation%'`.execute(d)
              : await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'trigger' and tbl_name = ${table} and name like '%config_generation%'`.execute(d)
          expect([table, Number(rows[0]?.n)]).toEqual([table, dialect === 'postgres' ? 1 : 3])
        }
      } finally {
        await db.dispose()
      }
    })
  })
}
