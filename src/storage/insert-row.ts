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

/** Rows per SQLite statement in insertRows: well inside its bound-parameter limit for 40 columns. */
const ROWS_PER_STATEMENT = 200

/**
 * Inserts many rows of one shape in few statements; every row must have the first row's keys,
 * in the same order. SQLite: one statement per ROWS_PER_STATEMENT rows, the single-row text with
 * its values group repeated. PostgreSQL, where each statement is a round trip: one statement,
 * the rows as one JSON parameter (recordsetSql).
 */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], opts: InsertRowOptions = {}): Promise<void> {
  for (const query of insertRowsQueries(db, table, rows, opts)) await db.executeQuery(query)
}

/** insertRows' statements, compiled but not run (for executeTogether). */
export function insertRowsQueries<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], opts: InsertRowOptions = {}): CompiledQuery[] {
  if (rows.length === 0) return []
  const columns = columnsOf(table, rows)
  if (dialectOf(db) === 'postgres' && rows.length > 1) return [CompiledQuery.raw(recordsetSql(db, table, columns, opts), [JSON.stringify(rows)])]
  const out: CompiledQuery[] = []
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT)
    out.push(CompiledQuery.raw(multiRowSql(db, table, columns, chunk.length, opts), valuesOf(chunk)))
  }
  return out
}

/** Parameters in one combined statement: well inside PostgreSQL's 65,535. */
const PARAMS_PER_COMBINED = 30_000

/**
 * Runs writes (inserts, updates, deletes compiled for this database) in order. On PostgreSQL
 * they go as few statements as their parameters allow: each but the last as a data-modifying
 * `WITH` step, the last as the main statement, placeholders renumbered. Such a statement is
 * atomic on its own, and foreign keys are checked at its end, so a child may name a parent
 * inserted beside it. The steps must not touch one row twice (PostgreSQL's rule for `WITH`).
 * A statement with a string literal in its text is run on its own (renumbering `$n` inside
 * one would be unsafe). SQLite runs them one by one: it has no round trips to save.
 */
export async function executeTogether(db: Db, queries: readonly CompiledQuery[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') {
    for (const q of queries) await db.executeQuery(q)
    return
  }
  let group: CompiledQuery[] = []
  let params = 0
  const flush = async () => {
    if (group.length > 0) await db.executeQuery(combined(group))
    group = []
    params = 0
  }
  for (const q of queries) {
    if (q.sql.includes("'")) {
      await flush()
      await db.executeQuery(q)
      continue
    }
    if (params + q.parameters.length > PARAMS_PER_COMBINED) await flush()
    group.push(q)
    params += q.parameters.length
  }
  await flush()
}

/**
 * Runs writes so that all or none of them happen: on PostgreSQL as one statement when they fit
 * in one (atomic by itself: no BEGIN and COMMIT round trips), else in a transaction; on SQLite
 * in a transaction (one commit, one fsync).
 */
export async function executeAtomically(db: Db, queries: readonly CompiledQuery[]): Promise<void> {
  if (queries.length === 0) return
  const params = queries.reduce((n, q) => n + q.parameters.length, 0)
  if (dialectOf(db) === 'postgres' && params <= PARAMS_PER_COMBINED && queries.every((q) => !q.sql.includes("'"))) {
    await db.executeQuery(combined(queries))
    return
  }
  await db.transaction().execute((trx) => executeTogether(trx, queries))
}

/** One PostgreSQL statement doing `queries` (see executeTogether). */
function combined(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1 && queries[0] !== undefined) return queries[0]
  const parameters: unknown[] = []
  const texts = queries.map((q) => {
    const offset = parameters.length
    parameters.push(...q.parameters)
    return q.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)
  })
  const last = texts.pop() ?? ''
  return CompiledQuery.raw(`with ${texts.map((t, i) => `w${i} as (${t})`).join(', ')} ${last}`, parameters)
}

/** The rows' columns (the first row's keys); every row must have them, in that order. */
function columnsOf(table: string, rows: readonly object[]): string[] {
  const columns = Object.keys(rows[0] ?? {})
  for (const row of rows) {
    const keys = Object.keys(row)
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) throw new Error(`insertRows(${table}): every row must have the columns ${columns.join(', ')} in that order`)
  }
  return columns
}

function valuesOf(rows: readonly object[]): unknown[] {
  const values: unknown[] = []
  for (const row of rows) values.push(...(Object.values(row) as unknown[]))
  return values
}

/** `insert into t (cols) values (…), (…) [on conflict …]` for `count` rows, from Kysely's single-row text. */
function multiRowSql(db: Db, table: string, columns: readonly string[], count: number, opts: InsertRowOptions): string {
  const dialect = dialectOf(db)
  const parts = insertParts(db, table, columns, opts)
  const width = columns.length
  const groups: string[] = []
  for (let r = 0; r < count; r++) {
    const slots = dialect === 'postgres' ? columns.map((_, c) => `$${r * width + c + 1}`) : columns.map(() => '?')
    groups.push(`(${slots.join(', ')})`)
  }
  return parts.head + groups.join(', ') + parts.tail
}

/**
 * PostgreSQL: `insert into t (cols) select cols from json_populate_recordset(null::t, $1)`, the
 * rows as one JSON parameter. A values list of n rows is n × columns parameters, which the
 * driver serializes one by one and the server parses and plans in every statement; the
 * recordset text is the same whatever the row count, and the rows are converted by their
 * columns' own types (bench/sql-profile.ts, a 3,000-event storm: intake statements 1.7–2.0 s
 * instead of 2.1–2.2 s). Values are those a parameter would carry: numbers, strings and nulls
 * (booleans are 0/1 integers, schema.ts).
 */
function recordsetSql(db: Db, table: string, columns: readonly string[], opts: InsertRowOptions): string {
  const conflict = opts.onConflictDoNothing
  const key = `${table}\u0000${conflict ?? ''}\u0000${columns.join(',')}`
  let text = recordsetTexts.get(key)
  if (text === undefined) {
    const { head, tail } = insertParts(db, table, columns, opts)
    const quoted = columns.map((c) => `"${c}"`).join(', ')
    text = `${head.slice(0, -' values '.length)} select ${quoted} from json_populate_recordset(null::"${table}", $1::json)${tail}`
    recordsetTexts.set(key, text)
  }
  return text
}

const recordsetTexts = new Map<string, string>()

/** The text around the values groups of an insert (`… values ` and `[on conflict …]`), from Kysely's single-row text. */
function insertParts(db: Db, table: string, columns: readonly string[], opts: InsertRowOptions): { readonly head: string; readonly tail: string } {
  const conflict = opts.onConflictDoNothing
  const key = `${dialectOf(db)}\u0000${table}\u0000${conflict ?? ''}\u0000${columns.join(',')}`
  let parts = multiRowParts.get(key)
  if (parts === undefined) {
    const row = Object.fromEntries(columns.map((c) => [c, null]))
    let q = db.insertInto(table as never).values(row as never)
    if (conflict !== undefined) q = q.onConflict((c) => c.column(conflict as never).doNothing())
    const single = q.compile().sql
    // Every value is bound (insertRow checks the same of its rows), so the values group holds
    // only placeholders and its first ')' closes it; the tail (ON CONFLICT …) binds nothing.
    const at = single.indexOf(' values (')
    const end = at < 0 ? -1 : single.indexOf(')', at)
    if (end < 0) throw new Error(`insertRows(${table}): unexpected insert text ${single}`)
    parts = { head: single.slice(0, at + ' values '.length), tail: single.slice(end + 1) }
    multiRowParts.set(key, parts)
  }
  return parts
}

/** insertParts' answers, by dialect, table, conflict rule and columns. */
const multiRowParts = new Map<string, { readonly head: string; readonly tail: string }>()
