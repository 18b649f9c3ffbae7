import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openStorage } from './index.js'
import { DurableSqliteDialect, WalSync, fileSync } from './sqlite-durability.js'

/** A sync the test finishes by hand, recording when each one started. */
function manualSyncs() {
  const started: { finish(): void; fail(err: Error): void }[] = []
  const syncNow = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject })
    })
  return { started, syncNow }
}

const settled = async <T>(p: Promise<T>): Promise<'pending' | 'resolved' | 'rejected'> => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending'
  p.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  )
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
  return state
}

describe('WalSync', () => {
  it('starts one sync for the commits of a turn when none runs, and resolves them when it ends', async () => {
    const { started, syncNow } = manualSyncs()
    const wal = new WalSync(syncNow)
    const done = wal.durable()
    const sameTurn = wal.durable()
    // Started at the end of the turn, for every commit of the turn.
    expect(started).toHaveLength(0)
    expect(await settled(done)).toBe('pending')
    expect(started).toHaveLength(1)
    started[0]?.finish()
    expect(await settled(done)).toBe('resolved')
    expect(await settled(sameTurn)).toBe('resolved')
    expect(wal.syncs).toBe(1)
  })

  it('makes callers arriving during a sync wait for the next one, which they all share', async () => {
    const { started, syncNow } = manualSyncs()
    const wal = new WalSync(syncNow)
    const first = wal.durable()
    expect(await settled(first)).toBe('pending')
    const later = [wal.durable(), wal.durable(), wal.durable()]
    expect(await settled(later[0] as Promise<void>)).toBe('pending')
    expect(started).toHaveLength(1)
    started[0]?.finish()
    expect(await settled(first)).toBe('resolved')
    // The running sync may have begun before their commits: they are not released by it.
    for (const p of later) expect(await settled(p)).toBe('pending')
    expect(started).toHaveLength(2)
    started[1]?.finish()
    for (const p of later) expect(await settled(p)).toBe('resolved')
    expect(wal.syncs).toBe(2)
  })

  it('tells when no sync runs or waits any more, so the file can be closed', async () => {
    const { started, syncNow } = manualSyncs()
    const wal = new WalSync(syncNow)
    await wal.idle()
    const first = wal.durable()
    let idle = false
    void wal.idle().then(() => (idle = true))
    expect(await settled(first)).toBe('pending')
    const second = wal.durable()
    started[0]?.finish()
    await first
    // The queued sync still has to run.
    expect(await settled(second)).toBe('pending')
    expect(idle).toBe(false)
    started[1]?.finish()
    await second
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r))
    expect(idle).toBe(true)
  })

  it('takes a failed sync as final: its waiters, the ones queued behind it and every later caller are refused', async () => {
    const { started, syncNow } = manualSyncs()
    const wal = new WalSync(syncNow)
    const failing = wal.durable()
    expect(await settled(failing)).toBe('pending')
    const queued = wal.durable()
    started[0]?.fail(new Error('EIO'))
    await expect(failing).rejects.toThrow('EIO')
    // After a failed fdatasync the kernel may have dropped the pages: a later success would prove nothing.
    await expect(queued).rejects.toThrow('restart Tend: EIO')
    await expect(wal.durable()).rejects.toThrow('can no longer be trusted to reach the disk')
    expect(started).toHaveLength(1)
  })

  it('refuses callers once closed', async () => {
    const { syncNow } = manualSyncs()
    const wal = new WalSync(syncNow)
    wal.close()
    await expect(wal.durable()).rejects.toThrow('the database is closed')
  })
})

describe('SQLite commits wait for the WAL sync, off the event loop', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tend-wal-'))
    dirs.push(dir)
    return join(dir, 'db.sqlite')
  }

  /** A Kysely over the durable dialect with hand-finished syncs, and a second connection to look from. */
  function durableDb() {
    const path = tempDb()
    const native = new SqliteDatabase(path)
    native.pragma('journal_mode = WAL')
    native.pragma('synchronous = NORMAL')
    native.exec('create table t (id integer primary key, v text)')
    let wrote = false
    const database = {
      prepare(text: string) {
        const stmt = native.prepare(text)
        if (!stmt.readonly) wrote = true
        return stmt
      },
      close: () => native.close(),
    }
    const wroteSinceAsked = () => {
      const w = wrote
      wrote = false
      return w
    }
    const { started, syncNow } = manualSyncs()
    const dialect = new DurableSqliteDialect({ database }, native, new WalSync(syncNow), wroteSinceAsked)
    const db = new Kysely<{ t: { id: number; v: string } }>({ dialect })
    const observer = new SqliteDatabase(path, { readonly: true })
    return { db, dialect, started, observer }
  }

  /** Runs `fn` with a durableDb, closing both connections after. */
  async function withDurableDb(fn: (d: ReturnType<typeof durableDb>) => Promise<void>): Promise<void> {
    const d = durableDb()
    try {
      await fn(d)
    } finally {
      d.observer.close()
      await d.db.destroy()
    }
  }

  it('answers a write transaction only after a sync that began after its commit, and lets other queries run meanwhile', () =>
    withDurableDb(async ({ db, started, observer }) => {
      const write = db.transaction().execute((trx) => trx.insertInto('t').values({ id: 1, v: 'stored' }).execute())
      expect(await settled(write)).toBe('pending')
      expect(started).toHaveLength(1)
      // Committed and visible to another connection: only the sync is awaited.
      expect(observer.prepare('select v from t where id = 1').get()).toEqual({ v: 'stored' })
      // The one connection is free while the disk works.
      expect(await db.selectFrom('t').select('v').execute()).toEqual([{ v: 'stored' }])
      started[0]?.finish()
      expect(await settled(write)).toBe('resolved')
    }))

  it('syncs after a single write outside a transaction, never after reads or a read-only transaction', () =>
    withDurableDb(async ({ db, started }) => {
      await db.selectFrom('t').selectAll().execute()
      await db.transaction().execute((trx) => trx.selectFrom('t').selectAll().execute())
      expect(started).toHaveLength(0)
      const single = db.insertInto('t').values({ id: 2, v: 'alone' }).execute()
      expect(await settled(single)).toBe('pending')
      expect(started).toHaveLength(1)
      started[0]?.finish()
      expect(await settled(single)).toBe('resolved')
    }))

  it('hands the sync to a transaction that asks for it, answering it at its commit', () =>
    withDurableDb(async ({ db, dialect, started, observer }) => {
      let durable: Promise<void> | null = null
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 4, v: 'early' }).execute()
        dialect.syncLater((p) => (durable = p))
      })
      expect(observer.prepare('select v from t where id = 4').get()).toEqual({ v: 'early' })
      expect(durable).not.toBeNull()
      expect(await settled(durable as unknown as Promise<void>)).toBe('pending')
      // The next write is not handed off: it waits for a sync of its own, after the running one.
      const next = db.insertInto('t').values({ id: 5, v: 'later' }).execute()
      started[0]?.finish()
      expect(await settled(durable as unknown as Promise<void>)).toBe('resolved')
      expect(await settled(next)).toBe('pending')
      started[1]?.finish()
      expect(await settled(next)).toBe('resolved')
    }))

  it('tells a writer when its sync failed', () =>
    withDurableDb(async ({ db, started }) => {
      const write = db.transaction().execute((trx) => trx.insertInto('t').values({ id: 3, v: 'x' }).execute())
      expect(await settled(write)).toBe('pending')
      started[0]?.fail(new Error('could not sync db.sqlite-wal to disk: EIO'))
      await expect(write).rejects.toThrow('EIO')
    }))

  /** openStorage on a file, its WAL synced by hand. */
  async function storageWithManualSyncs() {
    const path = tempDb()
    const { started, syncNow } = manualSyncs()
    const paths: string[] = []
    const storage = openStorage(`sqlite:${path}`, { syncFile: (p) => (paths.push(p), { sync: syncNow, close: () => undefined }) })
    const migrating = storage.migrate()
    // Migrations write: finish their syncs as they come.
    while ((await settled(migrating)) === 'pending') for (const s of started.splice(0)) s.finish()
    const team = (id: string) => ({ id, name: id, description: '', time_zone: 'UTC', is_demo: 0 as const, created_at: 1, updated_at: 1 })
    return { storage, started, paths, path, team }
  }

  it('wires the real storage: a write waits for its sync, reads and rolled-back writes do not, and a failed sync is final', async () => {
    const { storage, started, paths, path, team } = await storageWithManualSyncs()
    try {
      expect(paths).toEqual([`${path}-wal`])
      const write = storage.db.insertInto('teams').values(team('t1')).execute()
      expect(await settled(write)).toBe('pending')
      expect(started).toHaveLength(1)
      expect(await storage.db.selectFrom('teams').select('id').execute()).toEqual([{ id: 't1' }])
      await storage.db.transaction().execute((trx) => trx.selectFrom('teams').selectAll().execute())
      await expect(
        storage.db.transaction().execute(async (trx) => {
          await trx.insertInto('teams').values(team('t2')).execute()
          throw new Error('changed my mind')
        }),
      ).rejects.toThrow('changed my mind')
      expect(started).toHaveLength(1)
      started[0]?.finish()
      expect(await settled(write)).toBe('resolved')
      const { result, durable } = await storage.transactionSyncedLater((trx) => trx.insertInto('teams').values(team('t3')).execute())
      expect(result).toBeDefined()
      expect(await settled(durable)).toBe('pending')
      started[1]?.fail(new Error('EIO'))
      await expect(durable).rejects.toThrow('EIO')
      await expect(storage.db.insertInto('teams').values(team('t4')).execute()).rejects.toThrow('restart Tend')
    } finally {
      await storage.close()
    }
  })

  it('hands an engine lock holder its sync with syncLater, and makes the others wait', async () => {
    const { storage, started, team } = await storageWithManualSyncs()
    try {
      let handed: Promise<void> | null = null
      await storage.withModuleLock('engine.test', 1, (trx) => trx.insertInto('teams').values(team('t5')).execute(), { syncLater: (p) => (handed = p) })
      expect(handed).not.toBeNull()
      expect(await settled(handed as unknown as Promise<void>)).toBe('pending')
      const waiting = storage.withModuleLock('engine.test', 1, (trx) => trx.insertInto('teams').values(team('t6')).execute())
      started[0]?.finish()
      expect(await settled(handed as unknown as Promise<void>)).toBe('resolved')
      expect(await settled(waiting)).toBe('pending')
      started[1]?.finish()
      expect(await settled(waiting)).toBe('resolved')
    } finally {
      await storage.close()
    }
  })

  it('opens a file database in WAL mode with NORMAL commits, temp storage in memory, and syncs the real WAL file', async () => {
    const path = tempDb()
    const storage = openStorage(`sqlite:${path}`)
    try {
      await storage.migrate()
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(storage.db)
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(storage.db)
      expect(mode.rows[0]?.journal_mode).toBe('wal')
      // 1 = NORMAL: the commit writes, the group sync makes it durable.
      expect(sync.rows[0]?.synchronous).toBe(1)
      // 2 = MEMORY: statement journals never become temp files.
      const temp = await sql<{ temp_store: number }>`pragma temp_store`.execute(storage.db)
      expect(temp.rows[0]?.temp_store).toBe(2)
      const wal = fileSync(`${path}-wal`)
      await expect(wal.sync()).resolves.toBeUndefined()
      wal.close()
    } finally {
      await storage.close()
    }
  })

  it('names the file when there is nothing to sync', async () => {
    const missing = fileSync(join(tempDb(), 'nowhere-wal'))
    await expect(missing.sync()).rejects.toThrow('nowhere-wal')
  })

  it('keeps FULL commits where there is no WAL (an in-memory database)', async () => {
    const storage = openStorage(':memory:')
    try {
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(storage.db)
      expect(sync.rows[0]?.synchronous).toBe(2)
    } finally {
      await storage.close()
    }
  })
})
