import { CompiledQuery, type Insertable } from 'kysely'
import type { Db } from './db.js'
import { dialectOf } from './migrations/helpers.js'
import type { Database } from './schema.js'

/**
 * SQL text of single-row inserts, as Kysely compiled it the first time, by dialect, table,
 * conflict rule and column list. Building and compiling an insert of twenty-odd columns costs
 * Kysely more CPU than SQLite needs to run it (measured: ~10% of intake CPU for the alert,
 * event, timeline and outbox rows), and those inserts repeat with the same shape.
 */
const compiled = new Map<string, string>()

export interface InsertRowOptions {
  /** Skip the row when it would break this unique column (`ON CONFLICT (column) DO NOTHING`). */
  readonly onConflictDoNothing?: string
}

/**
 * Inserts one row on the hot path; returns how many rows were inserted (0 when a conflict
 * skipped it). The SQL is Kysely's own, so both engines get their dialect; only its parameters
 * change between calls. Columns are taken in the row's key order, so callers pass rows of one
 * fixed shape.
 */
export async function insertRow<T extends keyof Database & string>(db: Db, table: T, row: Insertable<Database[T]>, opts: InsertRowOptions = {}): Promise<number> {
  const columns = Object.keys(row)
  const values = Object.values(row) as unknown[]
  const key = `${dialectOf(db)}\u0000${table}\u0000${opts.onConflictDoNothing ?? ''}\u0000${columns.join(',')}`
  let text = compiled.get(key)
  if (text === undefined) {
    let q = db.insertInto(table).values(row as never)
    const conflict = opts.onConflictDoNothing
    if (conflict !== undefined) q = q.onConflict((c) => c.column(conflict as never).doNothing())
    const first = q.compile()
    // Only a shape whose parameters are exactly the row's values, in order, can be reused.
    if (first.parameters.length !== values.length || first.parameters.some((p, i) => p !== values[i])) {
      const res = await db.executeQuery(first)
      return Number(res.numAffectedRows ?? 0n)
    }
    text = first.sql
    compiled.set(key, text)
  }
  const res = await db.executeQuery(CompiledQuery.raw(text, values))
  return Number(res.numAffectedRows ?? 0n)
}
