import { describe, expect, it } from 'vitest'
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
  })
}
