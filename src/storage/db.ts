import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationResult, type Transaction } from 'kysely'
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import type { Database } from './schema.js'
import { MIGRATIONS } from './migrations/index.js'
import { DurableSqliteDialect, WalSync, fileSync } from './sqlite-durability.js'

export type DialectName = 'sqlite' | 'postgres'
export type Db = Kysely<Database>
export type Tx = Transaction<Database>

/** Thrown when another instance holds an engine module's lock: normal, never logged as an error. */
export class NoLockError extends Error {
  constructor(readonly module: string, reason: string) {
    super(`engine module ${module} not run: ${reason}`)
    this.name = 'NoLockError'
  }
}

export interface MigrationReport {
  readonly applied: readonly string[]
}

export interface ModuleLockOptions {
  /**
   * Resolve at the commit rather than once it is on disk (SQLite; elsewhere a commit is on disk
   * already), and hand over the sync's promise. For engine work whose effects are at least once
   * anyway, such as claiming pages that carry idempotency keys: after a power loss it is redone
   * from what reached the disk. Never for work answering a request, or acting only once.
   */
  readonly syncLater?: (durable: Promise<void>) => void
}

/** The storage handle: one typed query layer plus the few capabilities that differ per engine. */
export interface Storage {
  readonly db: Db
  readonly dialect: DialectName
  /** Where the data lives, without credentials (for logs and the start-up banner). */
  readonly location: string
  migrate(): Promise<MigrationReport>
  migrateDown(): Promise<MigrationReport>
  /**
   * Runs `fn` in a transaction holding the module's lock. PostgreSQL: a transaction-scoped
   * advisory lock plus a version row, so several `tend serve` instances never run one module
   * at once and an older instance stops once a newer version has run. SQLite: one process and
   * one connection, so the transaction alone serializes the work.
   */
  withModuleLock<T>(module: string, version: number, fn: (trx: Tx) => Promise<T>, opts?: ModuleLockOptions): Promise<T>
  /**
   * Runs `fn` in a transaction that resolves at its commit, with `durable`: resolved once the
   * commit is on disk. Every other write waits for that before its caller goes on; this lets a
   * caller with more to do start it meanwhile. PostgreSQL and SQLite without a WAL: on disk at
   * commit already.
   */
  transactionSyncedLater<T>(fn: (trx: Tx) => Promise<T>): Promise<{ result: T; durable: Promise<void> }>
  ping(): Promise<void>
  /**
   * Opens the connections a burst needs before the first one arrives (PostgreSQL: the whole
   * pool, kept open from then on). No-op on SQLite.
   */
  warmUp(): Promise<void>
  /**
   * Tells other instances that work was committed (PostgreSQL `NOTIFY`): at once, then at most
   * once per 50 ms while commits keep coming, the last one always announced. No-op on SQLite,
   * where there is only one process.
   */
  notifyPeers(): void
  /** Calls `onWake` when another instance commits work (PostgreSQL `LISTEN`). */
  listenForPeers(onWake: () => void, onError: (err: Error) => void): void
  close(): Promise<void>
}

export interface StorageOptions {
  /**
   * Called when an idle PostgreSQL connection fails (the server restarted, a proxy cut it).
   * The pool drops that connection and the next query opens a new one; without a listener
   * the error would end the process.
   */
  readonly onConnectionError?: (err: Error) => void
  /** How SQLite's WAL reaches the disk (default: fdatasync on the thread pool); tests hold or count syncs. */
  readonly syncFile?: (path: string) => { sync(): Promise<void>; close(): void }
}

/** Opens the database named by a URL: `postgres://…`, `sqlite:PATH`, or a plain file path. */
export function openStorage(url: string, opts: StorageOptions = {}): Storage {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, opts.onConnectionError ?? (() => undefined))
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url
  return openSqlite(path, opts.syncFile ?? fileSync)
}

function openSqlite(path: string, syncFile: NonNullable<StorageOptions['syncFile']>): Storage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const native = new SqliteDatabase(path)
  // WAL lets readers proceed during a write. Commits reach the disk before their callers go on:
  // with a WAL, through the group sync off the event loop (sqlite-durability.ts), so a commit
  // itself only writes (NORMAL); without one (a file system that cannot share memory), by FULL.
  const walMode = native.pragma('journal_mode = WAL', { simple: true }) === 'wal'
  native.pragma(walMode ? 'synchronous = NORMAL' : 'synchronous = FULL')
  native.pragma('foreign_keys = ON')
  native.pragma('busy_timeout = 5000')
  // Statement journals and temporary b-trees in memory: a multi-row insert inside a transaction
  // keeps a statement journal, and on disk that was a temp file created, written and unlinked
  // about 35 times a second under load (9 KB written per stored event). Saturation, five
  // alternating pairs: 7–13% more events/s, write syscalls per event 13.6 → 10.7.
  native.pragma('temp_store = MEMORY')
  const statements = withStatementCache(native, 1000)
  const wal = walMode ? syncFile(`${path}-wal`) : null
  const walSync = wal === null ? null : new WalSync(wal.sync)
  const syncedDialect = walSync === null ? null : new DurableSqliteDialect({ database: statements }, native, walSync, statements.wroteSinceAsked)
  const db = new Kysely<Database>({ dialect: syncedDialect ?? new SqliteDialect({ database: statements }) })
  const transactionSyncedLater = async <T>(fn: (trx: Tx) => Promise<T>): Promise<{ result: T; durable: Promise<void> }> => {
    if (syncedDialect === null) return { result: await db.transaction().execute(fn), durable: Promise.resolve() }
    let synced: Promise<void> = Promise.resolve()
    const result = await db.transaction().execute(async (trx) => {
      const out = await fn(trx)
      syncedDialect.syncLater((p) => (synced = p))
      return out
    })
    return { result, durable: synced }
  }
  // One process and one connection: the transaction alone serializes a module's work.
  const storage = buildStorage(
    db,
    'sqlite',
    `sqlite:${path}`,
    async (_module, _version, fn, opts) => {
      if (opts?.syncLater === undefined) return db.transaction().execute(fn)
      const { result, durable: synced } = await transactionSyncedLater(fn)
      opts.syncLater(synced)
      return result
    },
    noPeers,
  )
  return {
    ...storage,
    transactionSyncedLater,
    async close() {
      // A sync still running uses the descriptor: let those asked for so far end, then refuse more.
      await walSync?.idle()
      await storage.close()
      await walSync?.idle()
      walSync?.close()
      wal?.close()
    },
  }
}

/**
 * Kysely prepares every statement anew; with better-sqlite3 that costs more than running it
 * (measured: ~50 µs to prepare and run a select by id, 3 µs to run a cached one). The query
 * shapes are few and repeat, so prepared statements are kept by SQL text (least recently used
 * evicted). One connection runs one statement at a time, so sharing them is safe; SQLite
 * re-prepares a cached statement by itself after a schema change. It also notes whether a
 * statement that writes was prepared (to be run) since `wroteSinceAsked` was last called.
 */
function withStatementCache(native: SqliteDatabase.Database, max: number): { prepare(sql: string): SqliteDatabase.Statement; close(): void; wroteSinceAsked(): boolean } {
  const cache = new Map<string, SqliteDatabase.Statement>()
  let wrote = false
  return {
    prepare(sql) {
      let stmt = cache.get(sql)
      if (stmt === undefined) {
        stmt = native.prepare(sql)
        if (cache.size >= max) cache.delete(cache.keys().next().value as string)
      } else cache.delete(sql)
      cache.set(sql, stmt)
      if (!stmt.readonly) wrote = true
      return stmt
    },
    wroteSinceAsked() {
      const answer = wrote
      wrote = false
      return answer
    },
    close() {
      cache.clear()
      native.close()
    },
  }
}

const noPeers: Peers = { notify: () => undefined, listen: () => undefined, close: async () => undefined }

interface Peers {
  notify(): void
  listen(onWake: () => void, onError: (err: Error) => void): void
  close(): Promise<void>
}

/** The channel instances use to wake each other's engines after committing work. */
const WAKE_CHANNEL = 'tend_wake'

/**
 * The least time between two wake-ups sent to other instances. Under load intake commits
 * hundreds of times a second; one NOTIFY per commit cost as many round trips (and, NOTIFY
 * needing a transaction id, as many WAL flushes) as the events themselves, while the other
 * instances only need to know that work is waiting: each instance's engine already runs the
 * work its own commits make due, and a peer is needed only where it holds a module's lock.
 */
const PEER_WAKE_GAP_MS = 50

function postgresPeers(url: string, db: Db): Peers {
  let pending = false
  let coolingDown = false
  // Sends one wake-up now, then at most one more per gap while commits keep asking for one.
  const send = () => {
    pending = false
    coolingDown = true
    sql`select pg_notify(${WAKE_CHANNEL}, '')`.execute(db).catch(() => undefined)
    setTimeout(() => {
      coolingDown = false
      if (pending && !closed) send()
    }, PEER_WAKE_GAP_MS).unref()
  }
  let listener: pg.Client | null = null
  let closed = false
  const connect = (onWake: () => void, onError: (err: Error) => void, delayMs: number) => {
    if (closed) return
    const client = new pg.Client({ connectionString: url })
    listener = client
    client.on('notification', () => onWake())
    client.on('error', (err) => {
      onError(err)
      void client.end().catch(() => undefined)
      // The tick still runs work; reconnecting only restores the early wake-up.
      setTimeout(() => connect(onWake, onError, Math.min(delayMs * 2, 30_000)), delayMs).unref()
    })
    client
      .connect()
      .then(() => client.query(`LISTEN ${WAKE_CHANNEL}`))
      .catch((err: Error) => client.emit('error', err))
  }
  return {
    notify() {
      if (closed) return
      pending = true
      if (!coolingDown) send()
    },
    listen(onWake, onError) {
      connect(onWake, onError, 500)
    },
    async close() {
      closed = true
      await listener?.end().catch(() => undefined)
    },
  }
}

/** Connections in each instance's PostgreSQL pool. */
const POOL_SIZE = 10

function openPostgres(url: string, onConnectionError: (err: Error) => void): Storage {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // Kept open however quiet it gets: an on-call server idles for hours and then pages. With
    // connections closed after 10 s idle (pg's default), a burst after a quiet spell first
    // waited for new connections and cold backends: 20 alerts on 20 services after 15 s idle
    // were all paged within 177–180 ms with the pool kept warm, 202–232 ms without (2 runs each).
    min: POOL_SIZE,
    // bigint columns hold epoch milliseconds, well inside Number's exact range.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  })
  pool.on('error', onConnectionError)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const location = redactUrl(url)
  const peers = postgresPeers(url, db)
  const storage = buildStorage(db, 'postgres', location, async (module, version, fn) =>
    db.transaction().execute(async (trx) => {
      // The lock and the version row in one round trip: the outbox takes this lock many times a second.
      const got = await sql<{ locked: boolean; version: number | null }>`select pg_try_advisory_xact_lock(hashtext(${'tend:' + module})) as locked,
        (select version from engine_module_versions where name = ${module}) as version`.execute(trx)
      const row = got.rows[0]
      if (row?.locked !== true) throw new NoLockError(module, 'another instance holds the lock')
      await checkModuleVersion(trx, module, version, row.version)
      return fn(trx)
    }),
    peers,
  )
  return {
    ...storage,
    async warmUp() {
      const opened = await Promise.allSettled(Array.from({ length: POOL_SIZE }, () => pool.connect()))
      const clients = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
      try {
        // Planning a statement over the hot tables loads their catalog entries into each backend.
        await Promise.all(clients.map((c) => c.query('select 1 from alerts, notifications, events, alert_log limit 0')))
      } finally {
        for (const c of clients) c.release()
      }
      const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected')
      if (failed !== undefined) throw new Error(`opened ${clients.length} of ${POOL_SIZE} database connections`, { cause: failed.reason })
    },
  }
}

/** Stops an older instance once a newer version of the module has run; records this version the first time. `stored`: the version row's, or null without one. */
async function checkModuleVersion(trx: Tx, module: string, version: number, stored: number | null): Promise<void> {
  if (stored === null) {
    await trx.insertInto('engine_module_versions').values({ name: module, version }).onConflict((c) => c.doNothing()).execute()
    return
  }
  if (stored > version) throw new NoLockError(module, `a newer version (${stored}) is running`)
  if (stored < version) {
    await trx.updateTable('engine_module_versions').set({ version }).where('name', '=', module).execute()
  }
}

type LockRunner = <T>(module: string, version: number, fn: (trx: Tx) => Promise<T>, opts?: ModuleLockOptions) => Promise<T>

function buildStorage(db: Db, dialect: DialectName, location: string, withModuleLock: LockRunner, peers: Peers): Storage {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  })
  return {
    db,
    dialect,
    location,
    withModuleLock,
    async transactionSyncedLater(fn) {
      return { result: await db.transaction().execute(fn), durable: Promise.resolve() }
    },
    async migrate() {
      return report(await migrator.migrateToLatest())
    },
    async migrateDown() {
      return report(await migrator.migrateDown())
    },
    async warmUp() {},
    async ping() {
      await sql`select 1`.execute(db)
    },
    notifyPeers: () => peers.notify(),
    listenForPeers: (onWake, onError) => peers.listen(onWake, onError),
    async close() {
      await peers.close()
      await db.destroy()
    },
  }
}

function report(result: { error?: unknown; results?: MigrationResult[] }): MigrationReport {
  const failed = result.results?.find((r) => r.status === 'Error')
  if (result.error !== undefined) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: result.error })
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}

/** Removes the password from a database URL so it can be printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password !== '') u.password = '***'
    return u.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@')
  }
}
