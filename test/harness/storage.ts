import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openStorage, type DialectName, type Storage } from '../../src/storage/index.js'

/** The PostgreSQL server tests use; each test database is created inside it and dropped after. */
export const TEST_PG_URL = process.env['TEND_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

let pgReachable: boolean | undefined

async function postgresReachable(): Promise<boolean> {
  if (pgReachable !== undefined) return pgReachable
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    pgReachable = true
  } catch (err) {
    pgReachable = false
    const message = `PostgreSQL at ${TEST_PG_URL} is unreachable (${(err as Error).message})`
    // CI must run the PostgreSQL half for real; a silent skip would hide a broken engine.
    if (process.env['CI'] === 'true') throw new Error(`${message}; CI requires it`)
    console.warn(`\n!!! SKIPPING PostgreSQL tests: ${message}. Set TEND_TEST_DATABASE_URL to run them. !!!\n`)
  } finally {
    await client.end().catch(() => undefined)
  }
  return pgReachable
}

/**
 * The dialects store and API tests run against: both by default, filtered by DIALECTS=sqlite
 * or DIALECTS=postgres. PostgreSQL is dropped (loudly) when unreachable outside CI.
 */
export async function testDialects(): Promise<DialectName[]> {
  const wanted = (process.env['DIALECTS'] ?? 'sqlite,postgres').split(',').map((s) => s.trim())
  const out: DialectName[] = []
  if (wanted.includes('sqlite')) out.push('sqlite')
  if (wanted.includes('postgres') && (await postgresReachable())) out.push('postgres')
  return out
}

export const DIALECTS: readonly DialectName[] = await testDialects()

/** A fresh database for one test, with every migration applied; `dispose` deletes it. */
export interface TestDatabase {
  readonly url: string
  readonly storage: Storage
  dispose(): Promise<void>
}

export async function createTestDatabase(dialect: DialectName, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const url = dialect === 'sqlite' ? await freshSqliteUrl() : await freshPostgresUrl()
  const storage = openStorage(url.url)
  if (opts.migrate !== false) await storage.migrate()
  return {
    url: url.url,
    storage,
    async dispose() {
      await storage.close()
      await url.drop()
    },
  }
}

/** A fresh empty database URL (not opened); the caller must call `drop`. */
export async function freshDatabaseUrl(dialect: DialectName): Promise<{ url: string; drop(): Promise<void> }> {
  return dialect === 'sqlite' ? freshSqliteUrl() : freshPostgresUrl()
}

async function freshSqliteUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tend-test-'))
  return { url: `sqlite:${join(dir, 'tend.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
}

async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tend_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  await adminQuery(`create database ${name}`)
  const u = new URL(TEST_PG_URL)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    drop: async () => adminQuery(`drop database if exists ${name} with (force)`),
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
