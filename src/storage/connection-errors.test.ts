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
