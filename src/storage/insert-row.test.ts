import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../test/harness/storage.js'
import { sql } from 'kysely'
import { executeAtomically, executeTogether, insertRow, insertRows, insertRowsQueries } from './index.js'

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

    it('inserts many rows in few statements, in chunks, with every value kept', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const team = (i: number) => ({ id: `t${String(i).padStart(4, '0')}`, name: `Team ${i}`, description: i % 2 === 0 ? '' : `odd ${i}`, time_zone: 'Europe/Berlin', is_demo: 0 as const, created_at: 1_700_000_000_000 + i, updated_at: i })
        await insertRows(db.storage.db, 'teams', [])
        // 450 rows: more than one statement's worth, and a last chunk that is not full.
        const rows = Array.from({ length: 450 }, (_, i) => team(i))
        await insertRows(db.storage.db, 'teams', rows)
        expect(await db.storage.db.selectFrom('teams').selectAll().orderBy('id').execute()).toEqual(rows)
        // A row that breaks a constraint fails its statement as a whole, in a rolled-back transaction.
        await expect(db.storage.db.transaction().execute((trx) => insertRows(trx, 'teams', [team(1000), team(1)]))).rejects.toThrow()
        expect(await db.storage.db.selectFrom('teams').select('id').where('id', '=', 't1000').execute()).toEqual([])
        // Skipping conflicts, as insertRow does: the new row goes in, the clashing one does not.
        await insertRows(db.storage.db, 'teams', [team(3000), { ...team(3001), name: 'Team 7' }], { onConflictDoNothing: 'name' })
        expect(await db.storage.db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ['t3000', 't3001', 't0007']).orderBy('id').execute()).toEqual([
          { id: 't0007', name: 'Team 7' },
          { id: 't3000', name: 'Team 3000' },
        ])
        // Rows of different shapes are refused before anything is sent.
        const { time_zone: _, ...short } = team(2000)
        await expect(insertRows(db.storage.db, 'teams', [team(2001), short as never])).rejects.toThrow('every row must have the columns')
      } finally {
        await db.dispose()
      }
    })

    it('inserts rows of several tables together, children naming parents inserted beside them', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const team = (id: string) => ({ id, name: `Team ${id}`, description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 })
        const service = (id: string, teamId: string) => ({ id, name: `Service ${id}`, team_id: teamId, description: '', is_demo: 0 as const, created_at: 2, updated_at: 2, escalation_policy_id: null, urgency_rule_json: '{}', auto_resolve_minutes: null })
        const teams = [team('t1'), team('t2')]
        const services = [service('s1', 't1'), service('s2', 't2'), service('s3', 't1')]
        const deps = [{ service_id: 's1', depends_on_id: 's2' }, { service_id: 's3', depends_on_id: 's1' }]
        // No rows, no statement; the others go in (one statement on PostgreSQL).
        const d = db.storage.db
        await executeTogether(d, [...insertRowsQueries(d, 'teams', teams), ...insertRowsQueries(d, 'integrations', []), ...insertRowsQueries(d, 'services', services), ...insertRowsQueries(d, 'service_dependencies', deps)])
        expect(await db.storage.db.selectFrom('teams').selectAll().orderBy('id').execute()).toEqual(teams)
        expect(await db.storage.db.selectFrom('services').selectAll().orderBy('id').execute()).toEqual(services)
        expect(await db.storage.db.selectFrom('service_dependencies').selectAll().orderBy('service_id').execute()).toEqual(deps)
        // A child naming a parent that exists nowhere fails the whole write: nothing of it stays.
        await expect(d.transaction().execute((trx) => executeTogether(trx, [...insertRowsQueries(trx, 'teams', [team('t3')]), ...insertRowsQueries(trx, 'services', [service('s4', 't3'), service('s5', 'no-such-team')])]))).rejects.toThrow()
        expect(await db.storage.db.selectFrom('teams').select('id').where('id', '=', 't3').execute()).toEqual([])
        expect(await db.storage.db.selectFrom('services').select('id').where('id', 'in', ['s4', 's5']).execute()).toEqual([])
        // More rows than one statement holds: each table in its own chunks, all kept.
        const many = Array.from({ length: 250 }, (_, i) => team(`m${String(i).padStart(3, '0')}`))
        await executeTogether(d, [...insertRowsQueries(d, 'teams', many), ...insertRowsQueries(d, 'services', [service('s9', 'm249')])])
        expect(await db.storage.db.selectFrom('teams').select('id').where('id', 'like', 'm%').execute()).toHaveLength(250)
        expect(await db.storage.db.selectFrom('services').select('team_id').where('id', '=', 's9').execute()).toEqual([{ team_id: 'm249' }])
      } finally {
        await db.dispose()
      }
    })

    it('runs compiled writes together in order: inserts, updates, and a statement with a literal on its own', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const d = db.storage.db
        const team = (id: string) => ({ id, name: `Team ${id}`, description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 })
        await insertRows(d, 'teams', [team('old')])
        await executeTogether(d, [
          ...insertRowsQueries(d, 'teams', [team('a'), team('b')]),
          d.updateTable('teams').set({ description: 'updated', updated_at: 2 }).where('id', '=', 'old').compile(),
          sql`update teams set description = 'literal' where id = ${'a'}`.compile(d),
          d.deleteFrom('teams').where('id', '=', 'b').compile(),
        ])
        expect(await d.selectFrom('teams').select(['id', 'description', 'updated_at']).orderBy('id').execute()).toEqual([
          { id: 'a', description: 'literal', updated_at: 1 },
          { id: 'old', description: 'updated', updated_at: 2 },
        ])
      } finally {
        await db.dispose()
      }
    })

    it('runs writes atomically: all of them, or none when one fails', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const d = db.storage.db
        const team = (id: string, name = `Team ${id}`) => ({ id, name, description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 })
        await insertRows(d, 'teams', [team('z')])
        await executeAtomically(d, [...insertRowsQueries(d, 'teams', [team('a')]), d.updateTable('teams').set({ description: 'seen' }).where('id', '=', 'z').compile()])
        expect(await d.selectFrom('teams').select(['id', 'description']).orderBy('id').execute()).toEqual([
          { id: 'a', description: '' },
          { id: 'z', description: 'seen' },
        ])
        // The second insert breaks the unique name: the first one must not stay either.
        await expect(executeAtomically(d, [...insertRowsQueries(d, 'teams', [team('b')]), ...insertRowsQueries(d, 'teams', [team('c', 'Team a')])])).rejects.toThrow()
        expect(await d.selectFrom('teams').select('id').orderBy('id').execute()).toEqual([{ id: 'a' }, { id: 'z' }])
      } finally {
        await db.dispose()
      }
    })
  })
}
