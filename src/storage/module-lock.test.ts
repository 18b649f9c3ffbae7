import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../test/harness/storage.js'
import { NoLockError } from './index.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: withModuleLock`, () => {
    it('runs the work in one transaction: a failure rolls back what it wrote', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const { storage } = db
        const team = { id: 't1', name: 'One', description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 }
        await expect(
          storage.withModuleLock('engine.test', 1, async (trx) => {
            await trx.insertInto('teams').values(team).execute()
            throw new Error('failed half-way')
          }),
        ).rejects.toThrow('failed half-way')
        expect(await storage.db.selectFrom('teams').select('id').execute()).toEqual([])
        await storage.withModuleLock('engine.test', 1, (trx) => trx.insertInto('teams').values(team).execute())
        expect(await storage.db.selectFrom('teams').select('id').execute()).toEqual([{ id: 't1' }])
      } finally {
        await db.dispose()
      }
    })

    it('with syncLater, answers at the commit and hands over when it is on disk; a failure hands nothing over', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const { storage } = db
        const handed: Promise<void>[] = []
        const team = { id: 't2', name: 'Two', description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 }
        await expect(
          storage.withModuleLock(
            'engine.test',
            1,
            async (trx) => {
              await trx.insertInto('teams').values(team).execute()
              throw new Error('failed half-way')
            },
            { syncLater: (p) => handed.push(p) },
          ),
        ).rejects.toThrow('failed half-way')
        expect(handed).toHaveLength(0)
        await storage.withModuleLock('engine.test', 1, (trx) => trx.insertInto('teams').values(team).execute(), { syncLater: (p) => handed.push(p) })
        expect(await storage.db.selectFrom('teams').select('id').execute()).toEqual([{ id: 't2' }])
        // PostgreSQL commits to disk: there is nothing to hand over.
        expect(handed).toHaveLength(dialect === 'sqlite' ? 1 : 0)
        await Promise.all(handed)
      } finally {
        await db.dispose()
      }
    })

    // SQLite has one process: versions and the lock only matter between PostgreSQL instances.
    if (dialect !== 'postgres') return

    it('records a module version the first time, upgrades it, and stops an older version once a newer one ran', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const { storage } = db
        const version = async () => (await storage.db.selectFrom('engine_module_versions').select('version').where('name', '=', 'engine.test').executeTakeFirst())?.version
        expect(await storage.withModuleLock('engine.test', 1, async () => 'ran v1')).toBe('ran v1')
        expect(await version()).toBe(1)
        expect(await storage.withModuleLock('engine.test', 2, async () => 'ran v2')).toBe('ran v2')
        expect(await version()).toBe(2)
        let ran = false
        await expect(storage.withModuleLock('engine.test', 1, async () => (ran = true))).rejects.toThrow(NoLockError)
        expect(ran).toBe(false)
        expect(await version()).toBe(2)
      } finally {
        await db.dispose()
      }
    })

    it('lets one holder run a module at a time; another is told NoLockError at once, and may run after', async () => {
      const db = await createTestDatabase(dialect)
      try {
        const { storage } = db
        let release: () => void = () => undefined
        const held = new Promise<void>((resolve) => (release = resolve))
        let entered: () => void = () => undefined
        const inside = new Promise<void>((resolve) => (entered = resolve))
        const first = storage.withModuleLock('engine.test', 1, async () => {
          entered()
          await held
          return 'first'
        })
        await inside
        await expect(storage.withModuleLock('engine.test', 1, async () => 'second')).rejects.toThrow(/another instance holds the lock/)
        release()
        expect(await first).toBe('first')
        expect(await storage.withModuleLock('engine.test', 1, async () => 'third')).toBe('third')
      } finally {
        await db.dispose()
      }
    })
  })
}
