import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'

/** Share of the last 10 s some runnable task waited for a CPU (Linux PSI), or null where unavailable. */
export function cpuPressure(): number | null {
  try {
    const m = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))
    return m?.[1] === undefined ? null : Number(m[1])
  } catch {
    return null
  }
}

/**
 * Single-row SQLite commits per second with WAL + synchronous=FULL, as Tend stores (bounded to
 * 1 s): the disk's flush latency, which bounds every durable write path on this machine.
 */
export async function fsyncRate(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tend-fsync-'))
  try {
    const db = new SqliteDatabase(join(dir, 'probe.db'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec('create table t (id integer primary key, v text)')
    const insert = db.prepare('insert into t (v) values (?)')
    let n = 0
    const start = performance.now()
    while (performance.now() - start < 1_000 && n < 100_000) {
      insert.run('x'.repeat(100))
      n++
    }
    const rate = Math.round(n / ((performance.now() - start) / 1000))
    db.close()
    return rate
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
