import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DIALECTS, freshDatabaseUrl, TEST_PG_URL } from '../../test/harness/storage.js'
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

describe.runIf(DIALECTS.includes('postgres'))('postgres: a pool the server will not fill', () => {
  it('warms what it can, says how many it opened, and leaves the pool usable', async () => {
    const fresh = await freshDatabaseUrl('postgres')
    const role = `tend_lim_${Math.random().toString(36).slice(2, 8)}`
    const admin = openStorage(fresh.url)
    await admin.migrate()
    await sql`create role ${sql.id(role)} login connection limit 3`.execute(admin.db)
    await sql`grant select on all tables in schema public to ${sql.id(role)}`.execute(admin.db)
    const url = new URL(fresh.url)
    url.username = role
    const storage = openStorage(url.toString())
    try {
      await expect(storage.warmUp()).rejects.toThrow(/opened 3 of 10 database connections/)
      // The connections it did open went back to the pool: queries still run.
      expect((await sql<{ one: number }>`select 1 as one`.execute(storage.db)).rows[0]?.one).toBe(1)
    } finally {
      await storage.close()
      await admin.close()
      await fresh.drop()
      const cleanup = openStorage(TEST_PG_URL)
      await sql`drop role ${sql.id(role)}`.execute(cleanup.db)
      await cleanup.close()
    }
  })
})
