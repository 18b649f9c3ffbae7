/**
 * Where the paging path spends its database time: runs `EVENTS` distinct triggers through the
 * PagerDuty endpoint of an in-process server (manual clock), lets the engine page for them, and
 * prints per-statement totals (calls, total ms, µs per call), worst first, on stdout as JSON.
 * On SQLite the time is the statement's own; on PostgreSQL it is the round trip as the server
 * process sees it (network, parse, plan, run), and query plans are not printed.
 *
 * Run with `npx tsx bench/sql-profile.ts [events] [sqlite|postgres]`. A diagnostic, not part of
 * `npm run bench`.
 */
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { ADMIN_TOKEN, startTestApp } from '../test/harness/app.js'
import { WebhookReceiver } from '../test/harness/receivers.js'
import { pdEvent, setupTendScenario } from './lib/tend-scenario.js'

interface Totals {
  calls: number
  ns: bigint
}
const bySql = new Map<string, Totals>()
let phase = 'setup'

function instrumentStatements(): void {
  const probe = new SqliteDatabase(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>
  probe.close()
  for (const name of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[name]!
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      const t0 = process.hrtime.bigint()
      try {
        return original.apply(this, args)
      } finally {
        const key = `${phase}\t${this.source}`
        const t = bySql.get(key) ?? { calls: 0, ns: 0n }
        t.calls += 1
        t.ns += process.hrtime.bigint() - t0
        bySql.set(key, t)
      }
    }
  }
}

/** Times every query a pg client sends, from the call to its answer. */
function instrumentPostgres(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0]
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?')
    const t0 = process.hrtime.bigint()
    const done = () => {
      const key = `${phase}\t${text}`
      const t = bySql.get(key) ?? { calls: 0, ns: 0n }
      t.calls += 1
      t.ns += process.hrtime.bigint() - t0
      bySql.set(key, t)
    }
    const out = original.apply(this, args)
    if (out instanceof Promise) void out.then(done, done)
    return out
  }
}

const events = Number(process.argv[2] ?? 3000)
const dialect = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite'
/** Query plans of the statements slower than 100 µs a call. */
const plans: Record<string, string[]> = {}
if (dialect === 'postgres') instrumentPostgres()
else instrumentStatements()
const sink = new WebhookReceiver()
const sinkUrl = await sink.start()
const app = await startTestApp(dialect)
try {
  const scenario = await setupTendScenario(app.url, ADMIN_TOKEN, sinkUrl, 0)
  phase = 'intake'
  for (let i = 0; i < events; i += 64) {
    await Promise.all(
      Array.from({ length: Math.min(64, events - i) }, (_, j) =>
        fetch(`${app.url}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: pdEvent(scenario.loadKey, `e-${i + j}`) }).then((r) => r.text()),
      ),
    )
  }
  phase = 'engine'
  await app.settle()
  phase = 'plans'
  if (dialect === 'sqlite') await explainSlowStatements()
} finally {
  await app.close()
  await sink.stop()
}

async function explainSlowStatements(): Promise<void> {
  const reader = new SqliteDatabase(app.tend.storage.location.replace(/^sqlite:/, ''), { readonly: true })
  for (const [key, t] of bySql) {
    const sql = key.split('\t')[1] ?? ''
    if (key.startsWith('setup') || t.ns / BigInt(t.calls) < 20_000n || !/^(select|update|delete)/i.test(sql)) continue
    const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null)
    plans[sql.slice(0, 120)] = (reader.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
  }
  reader.close()
  // TEND_SQL_PROFILE_KEEP=<file>: keep a copy of the database to try query variants on.
  const keep = process.env['TEND_SQL_PROFILE_KEEP']
  if (keep !== undefined && keep !== '') {
    const native = new SqliteDatabase(app.tend.storage.location.replace(/^sqlite:/, ''))
    await native.backup(keep)
    native.close()
  }
}
const rows = [...bySql].map(([key, t]) => {
  const [ph, sql] = key.split('\t') as [string, string]
  return { phase: ph, calls: t.calls, totalMs: Number(t.ns / 1000n) / 1000, usPerCall: Math.round(Number(t.ns / BigInt(t.calls)) / 1000), sql: sql.slice(0, 300) }
})
rows.sort((a, b) => b.totalMs - a.totalMs)
process.stdout.write(`${JSON.stringify({ events, statements: rows.filter((r) => r.phase !== 'setup' && r.phase !== 'plans').slice(0, 40), plans }, null, 1)}\n`)
