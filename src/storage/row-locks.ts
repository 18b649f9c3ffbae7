import type { Db } from './db.js'
import { dialectOf } from './migrations/helpers.js'

/**
 * Locks rows about to be deleted until the caller's transaction ends, as the delete itself will
 * (PostgreSQL's FOR UPDATE): transactions that reference them have committed by the time this
 * returns, and later ones wait, then find them gone. SQLite needs nothing: it has one writer.
 */
export async function lockForDelete(db: Db, table: 'services', ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || dialectOf(db) !== 'postgres') return
  await db.selectFrom(table).select('id').where('id', 'in', [...ids]).forUpdate().execute()
}
