import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../test/harness/storage.js'
import { insertRow, preparedQuery } from './index.js'

const teamsInZoneSince = preparedQuery('teams in a zone since', (db, zone: string, since: number) =>
  db.selectFrom('teams').select(['id', 'name']).where('time_zone', '=', zone).where('created_at', '>=', since).where('is_demo', '=', 0).orderBy('id').limit(10),
)
const renameTeam = preparedQuery('rename a team', (db, name: string, id: string) => db.updateTable('teams').set({ name }).where('id', '=', id))

for (const dialect of DIALECTS) {
  describe(`${dialect}: preparedQuery`, () => {
    it('binds the arguments where the builder put them, keeps its constants, and runs again with new ones', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const team = (id: string, zone: string, createdAt: number, demo: 0 | 1) => ({ id, name: `Team ${id}`, description: '', time_zone: zone, is_demo: demo, created_at: createdAt, updated_at: createdAt })
        for (const t of [team('a', 'Europe/Berlin', 10, 0), team('b', 'Europe/Berlin', 20, 0), team('c', 'Europe/Berlin', 30, 1), team('d', 'Asia/Kolkata', 40, 0)]) await insertRow(db.storage.db, 'teams', t)
        expect(await teamsInZoneSince(db.storage.db, 'Europe/Berlin', 0)).toEqual([
          { id: 'a', name: 'Team a' },
          { id: 'b', name: 'Team b' },
        ])
        expect(await teamsInZoneSince(db.storage.db, 'Europe/Berlin', 15)).toEqual([{ id: 'b', name: 'Team b' }])
        expect(await teamsInZoneSince(db.storage.db, 'Asia/Kolkata', 0)).toEqual([{ id: 'd', name: 'Team d' }])
        await db.storage.db.transaction().execute((trx) => renameTeam(trx, 'Renamed', 'b'))
        expect((await db.storage.db.selectFrom('teams').select('name').where('id', '=', 'b').executeTakeFirstOrThrow()).name).toBe('Renamed')
      } finally {
        await db.dispose()
      }
    })

    it('refuses a builder that computes on an argument instead of binding it', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const broken = preparedQuery('computes', (d, since: number) => d.selectFrom('teams').select('id').where('created_at', '>=', since - 1000))
        await expect(broken(db.storage.db, 5)).rejects.toThrow('argument 0 is not bound as it is')
      } finally {
        await db.dispose()
      }
    })
  })
}
