import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../test/harness/storage.js'
import { insertRow } from './index.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: insertRow`, () => {
    it('inserts rows through the cached SQL, skips conflicts when asked, and keeps every value', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const team = (id: string, name: string) => ({ id, name, description: `about ${name}`, time_zone: 'Asia/Kolkata', is_demo: 0 as const, created_at: 1_700_000_000_123, updated_at: 2 })
        expect(await insertRow(db.storage.db, 'teams', team('t1', 'One'))).toBe(1)
        // The second insert of the same shape runs the cached text with new parameters.
        expect(await insertRow(db.storage.db, 'teams', team('t2', 'Two'))).toBe(1)
        expect(await insertRow(db.storage.db, 'teams', team('t3', 'One'), { onConflictDoNothing: 'name' })).toBe(0)
        await expect(insertRow(db.storage.db, 'teams', team('t4', 'Two'))).rejects.toThrow()
        // In a transaction that rolls back, nothing stays.
        await expect(
          db.storage.db.transaction().execute(async (trx) => {
            await insertRow(trx, 'teams', team('t5', 'Five'))
            throw new Error('roll back')
          }),
        ).rejects.toThrow('roll back')
        const rows = await db.storage.db.selectFrom('teams').selectAll().orderBy('id').execute()
        expect(rows).toEqual([team('t1', 'One'), team('t2', 'Two')])
      } finally {
        await db.dispose()
      }
    })
  })
}
