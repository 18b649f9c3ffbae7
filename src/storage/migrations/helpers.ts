import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'

/** A CHECK expression `column in ('a','b')`, so status values are enforced by both engines. */
export function sqlIn(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`
}

/** Which engine a connection (or transaction) talks to: for the rare dialect-specific branch, and for keying SQL compiled once per dialect. */
export function dialectOf(db: Pick<Kysely<any>, 'getExecutor'>): 'sqlite' | 'postgres' {
  const name = db.getExecutor().adapter.constructor.name
  return name.toLowerCase().includes('sqlite') ? 'sqlite' : 'postgres'
}
