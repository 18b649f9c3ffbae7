import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const TEND_BIN = fileURLToPath(new URL('../../bin/tend.js', import.meta.url))
/** Node flags `tend serve` runs with (`npm start`, and the README's advice): measured as it runs. */
const TEND_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32']
const BUILT = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))

/** The PostgreSQL server the bench creates its throwaway databases in. */
export const BENCH_PG_URL = process.env['TEND_BENCH_DATABASE_URL'] ?? process.env['TEND_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

export const BENCH_TOKEN = 'tend_pat_bench_admin_token_0123456789'

/** Whether PostgreSQL answers (the PostgreSQL half is skipped, and said so, when it does not). */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A fresh database (a PostgreSQL database, or an SQLite file in a temp folder) and how to drop it. */
export async function freshDatabase(dialect: 'sqlite' | 'postgres', dir: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { url: `sqlite:${join(dir, 'tend.db')}`, drop: async () => undefined }
  const name = `tend_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await admin(`create database ${name}`)
  const u = new URL(BENCH_PG_URL)
  u.pathname = `/${name}`
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

export interface TendProcess {
  readonly url: string
  readonly pid: number
  readonly child: ChildProcess
  readonly databaseUrl: string
  /** CPU time (user + system) the process has used so far, in ms (from /proc). */
  cpuMs(): number
  /** Write system calls made and bytes handed to them so far, sockets included (/proc/PID/io), or null off Linux. */
  writes(): ProcWrites | null
  /** SIGTERM (then SIGKILL after 10 s); drops the database and the data folder it made. */
  stop(): Promise<void>
}

/** A folder and database a caller made and keeps: several processes in turn run on them. */
export interface TendPlace {
  readonly dir: string
  readonly databaseUrl: string
}

/** Node flags that write a V8 CPU profile into TEND_BENCH_CPU_PROF, when it is set. */
export function profilingNodeArgs(): string[] {
  const dir = process.env['TEND_BENCH_CPU_PROF']
  return dir === undefined || dir === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', dir]
}

/**
 * Starts the built `tend serve` with a known admin token (real clock, as in production): on a
 * fresh database and folder, or on `place` (left as they are when it stops). `nodeArgs` go to
 * Node itself, e.g. `--cpu-prof`.
 */
export async function startTend(dialect: 'sqlite' | 'postgres', opts: { nodeArgs?: readonly string[]; env?: Record<string, string>; place?: TendPlace } = {}): Promise<TendProcess> {
  if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `npm run build:server` first (npm run bench does this)')
  let place = opts.place
  /** Drops what this call made (a caller's place is left as it is). */
  let drop = async (): Promise<void> => undefined
  if (place === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'tend-bench-'))
    const db = await freshDatabase(dialect, dir)
    place = { dir, databaseUrl: db.url }
    drop = async () => {
      await db.drop().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const { dir, databaseUrl } = place
  const child = spawn(process.execPath, [...TEND_NODE_FLAGS, ...(opts.nodeArgs ?? []), TEND_BIN, 'serve', '--port', '0', '--data-dir', join(dir, 'data'), '--database', databaseUrl], {
    cwd: dir,
    env: { ...process.env, TEND_BOOTSTRAP_TOKEN: BENCH_TOKEN, TEND_LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-50_000)))
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-50_000)))
  const cleanup = drop
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`tend serve did not start within 30 s:\n${out}`))
    }, 30_000)
    const onData = () => {
      const m = /Tend is running at (http:\/\/\S+?)\/?\s/.exec(out)
      if (m?.[1] !== undefined) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`tend serve exited early (${code}):\n${out}`))
    })
  }).catch(async (err: unknown) => {
    await cleanup()
    throw err
  })
  if (child.pid === undefined) throw new Error('tend serve has no pid')
  const pid = child.pid
  return {
    url,
    pid,
    child,
    databaseUrl,
    cpuMs: () => procCpuMs(pid),
    writes: () => procWrites(pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      await cleanup()
    },
  }
}

export interface ProcWrites {
  readonly calls: number
  readonly bytes: number
}

/**
 * A process's write system calls and the bytes passed to them (`syscw`, `wchar`). Unlike a rate,
 * these per-event counts hardly move with the host's speed, so they show a change to the write
 * path (fewer pages per commit, no temp files) that the noisy rates hide.
 */
export function procWrites(pid: number): ProcWrites | null {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8')
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN)
    return { calls: field('syscw'), bytes: field('wchar') }
  } catch {
    return null
  }
}

/** utime + stime of a process from /proc/<pid>/stat, in ms (clock ticks are 10 ms on Linux). */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}
