import { close as closeFd, closeSync, fdatasync, fsync, open, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { SqliteDialect, SqliteDriver, type Driver, type SqliteDialectConfig } from 'kysely'
import type SqliteDatabase from 'better-sqlite3'

/**
 * Group commit of SQLite's write-ahead log, off the event loop.
 *
 * better-sqlite3 answers synchronously, so with `synchronous = FULL` every commit blocked the
 * whole process on an fsync of the WAL: measured at 1,000 events/s, a third of the main thread's
 * time was commits waiting on the disk, and every page and request queued behind them.
 *
 * Instead the connection runs with `synchronous = NORMAL` (a commit only writes its WAL frames;
 * checkpoints still sync before they copy), and a caller whose transaction wrote anything is not
 * told it is done until an fdatasync of the WAL that began after its commit has finished. That
 * sync runs on libuv's thread pool while the event loop goes on, and every commit made meanwhile
 * shares the next one. So when `transaction().execute()` (or a single write) resolves, its rows
 * are on disk as with FULL, and an event is acknowledged or an API write answered only then.
 * Frames are appended in commit order, so a writer's sync also covers every commit it read from.
 *
 * What differs from FULL: other connections' reads, and this connection's reads between a commit
 * and its sync, see rows not yet on disk; and a caller may choose not to wait (`syncLater`: the
 * engine's escalation and outbox claim, whose pages are at least once anyway).
 *
 * A failed sync is final: the kernel may have dropped the pages it could not write, so a later
 * sync that succeeds proves nothing. Every write after it fails until Tend is restarted (and
 * SQLite recovers the WAL), as PostgreSQL stops on a failed fsync.
 *
 * Use `transaction()`, single statements or `connection()`; Kysely's `startTransaction()` commits
 * without awaiting the release, so its commit would not wait for the sync.
 */
export class WalSync {
  /** The sync now running, if any. */
  #running: Promise<void> | null = null
  /** The next sync, shared by every caller since the running one began; it starts when that one ends. */
  #next: { readonly promise: Promise<void>; resolve(): void; reject(err: unknown): void } | null = null
  #syncs = 0
  /** The first failed sync (or the close): every later caller is refused with it. */
  #broken: Error | null = null

  constructor(private readonly syncNow: () => Promise<void>) {}

  /** Refuses every later caller (the database is being closed). */
  close(): void {
    this.#broken ??= new Error('the database is closed')
  }

  /** Syncs started so far (for tests and diagnostics). */
  get syncs(): number {
    return this.#syncs
  }

  /** Resolves once no sync runs or waits to start (before the file is closed). */
  async idle(): Promise<void> {
    for (let pending = this.#next?.promise ?? this.#running; pending !== null; pending = this.#next?.promise ?? this.#running) {
      await pending.catch(() => undefined)
    }
  }

  /** Resolves once everything committed before this call is on disk; rejects if the sync fails. */
  durable(): Promise<void> {
    if (this.#broken !== null) return Promise.reject(this.#broken)
    // A running sync may have begun before the caller's commit, so it cannot release the caller:
    // the next one does. It starts at the end of this turn of the event loop, or when the running
    // one ends, so the commits made until then share it.
    if (this.#next === null) {
      let resolve!: () => void
      let reject!: (err: unknown) => void
      const promise = new Promise<void>((res, rej) => {
        resolve = res
        reject = rej
      })
      this.#next = { promise, resolve, reject }
      if (this.#running === null) setImmediate(() => this.#startNext())
    }
    return this.#next.promise
  }

  #startNext(): void {
    const waiting = this.#next
    if (waiting === null || this.#running !== null) return
    this.#next = null
    if (this.#broken !== null) {
      waiting.reject(this.#broken)
      return
    }
    this.#syncs += 1
    const run = this.syncNow().then(waiting.resolve, (err: unknown) => {
      this.#broken ??= new Error(`the database can no longer be trusted to reach the disk; restart Tend: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
      waiting.reject(err)
    })
    this.#running = run
    void run.finally(() => {
      this.#running = null
      this.#startNext()
    })
  }
}

/**
 * fdatasync of a file by path, on the thread pool, through one descriptor opened at first use.
 * The first successful sync also syncs the directory, so a newly created WAL's entry is on disk.
 */
export function fileSync(path: string): { sync(): Promise<void>; close(): void } {
  let fd: number | null = null
  let closed = false
  let directorySynced = false
  const failure = (err: NodeJS.ErrnoException) => new Error(`could not sync ${path} to disk: ${err.message}`, { cause: err })
  const syncDirectory = () =>
    new Promise<void>((resolve, reject) => {
      open(dirname(path), 'r', (openErr, dirFd) => {
        if (openErr !== null) return reject(failure(openErr))
        fsync(dirFd, (syncErr) => closeFd(dirFd, () => (syncErr === null ? resolve() : reject(failure(syncErr)))))
      })
    })
  return {
    async sync() {
      if (closed) throw new Error(`could not sync ${path} to disk: it is closed`)
      fd ??= openSync(path, 'r')
      const descriptor = fd
      await new Promise<void>((resolve, reject) => fdatasync(descriptor, (err) => (err === null ? resolve() : reject(failure(err)))))
      if (!directorySynced) {
        await syncDirectory()
        directorySynced = true
      }
    },
    close() {
      closed = true
      if (fd !== null) closeSync(fd)
      fd = null
    },
  }
}

/**
 * Kysely's SQLite driver, releasing its one connection at once after a write and then waiting for
 * the WAL sync, so the next transaction runs while the disk works. `wrote()` says whether a write
 * ran since the last ask (the statement cache counts statements that are not read-only).
 */
class DurableSqliteDriver extends SqliteDriver {
  /** Set inside a transaction by `syncLater`: its caller is answered at commit and told of the sync here. */
  #handOffSync: ((durable: Promise<void>) => void) | null = null

  constructor(
    config: SqliteDialectConfig,
    private readonly native: SqliteDatabase.Database,
    private readonly wal: WalSync,
    private readonly wrote: () => boolean,
  ) {
    super(config)
  }

  /** Set by a rollback: nothing of the transaction was committed, so there is nothing to sync. */
  #rolledBack = false

  override async rollbackTransaction(connection: Parameters<SqliteDriver['rollbackTransaction']>[0]): Promise<void> {
    this.#rolledBack = true
    await super.rollbackTransaction(connection)
  }

  /** Called while the transaction holds the one connection, so it can only concern that transaction. */
  syncLater(handOff: (durable: Promise<void>) => void): void {
    this.#handOffSync = handOff
  }

  override async releaseConnection(): Promise<void> {
    // Between a transaction's statements the connection is not released, so this sees whole
    // transactions, and single writes outside one.
    const settled = !this.native.inTransaction
    const mustSync = settled && this.wrote() && !this.#rolledBack
    if (settled) this.#rolledBack = false
    const handOff = this.#handOffSync
    this.#handOffSync = null
    await super.releaseConnection()
    const durable = mustSync ? this.wal.durable() : Promise.resolve()
    if (handOff === null) return durable
    // A caller whose commit failed never looks at the promise: its failure must not go unhandled.
    durable.catch(() => undefined)
    handOff(durable)
  }
}

/** The SQLite dialect with group commit of the WAL (see WalSync). */
export class DurableSqliteDialect extends SqliteDialect {
  #driver: DurableSqliteDriver | null = null

  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly native: SqliteDatabase.Database,
    private readonly wal: WalSync,
    private readonly wrote: () => boolean,
  ) {
    super(config)
  }

  override createDriver(): Driver {
    this.#driver = new DurableSqliteDriver(this.config, this.native, this.wal, this.wrote)
    return this.#driver
  }

  /**
   * Inside a transaction: its `execute()` resolves at the commit, and `handOff` receives the
   * promise of its sync. For a caller that has more to do before it needs the disk (intake
   * stores the next batch while the last one syncs).
   */
  syncLater(handOff: (durable: Promise<void>) => void): void {
    if (this.#driver === null) throw new Error('the SQLite driver is not created yet')
    this.#driver.syncLater(handOff)
  }
}
