import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DIALECTS, freshDatabaseUrl } from '../../test/harness/storage.js'
import { openStorage } from './index.js'

describe.runIf(DIALECTS.includes('postgres'))('postgres: idle connections that fail', () => {
  it('are reported, dropped from the pool, and the next query opens a new one', async () => {
    const fresh = await freshDatabaseUrl('postgres')
    const failures: Error[] = []
    const storage = openStorage(fresh.url, { onConnectionError: (err) => failures.push(err) })
    try {
      await storage.migrate()
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(storage.db)).rows[0]!.pid
      // Another session kills the now idle pooled connection, as a server restart or a proxy would.
      const killer = openStorage(fresh.url)
      await sql`select pg_terminate_backend(${pid})`.execute(killer.db)
      await killer.close()
      for (let i = 0; i < 50 && failures.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(failures.length).toBeGreaterThan(0)
      expect((await sql<{ one: number }>`select 1 as one`.execute(storage.db)).rows[0]!.one).toBe(1)
    } finally {
      await storage.close()
      await fresh.drop()
    }
  })
})

describe.runIf(DIALECTS.includes('postgres'))('postgres: the pool at start-up', () => {
  it('opens every pooled connection before the first burst', async () => {
    const fresh = await freshDatabaseUrl('postgres')
    const storage = openStorage(fresh.url)
    const observer = openStorage(fresh.url)
    try {
      await storage.migrate()
      const sessions = async () => Number((await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(observer.db)).rows[0]?.n)
      const before = await sessions()
      await storage.warmUp()
      // Before: the one connection migrating used (the observer's own is left out of the count).
      expect(before).toBeLessThan(10)
      expect(await sessions()).toBe(10)
    } finally {
      await storage.close()
      await observer.close()
      await fresh.drop()
    }
  })
})
