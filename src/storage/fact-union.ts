import { sql, type RawBuilder } from 'kysely'
import type { Db } from './db.js'

/**
 * One row of a union of lookups: which lookup it answers (`kind`), the service it is about, and
 * up to three more values whose meaning the lookup gives. Every lookup selects exactly these
 * columns, in this order, so that several of them can share one statement.
 */
export interface FactRow {
  readonly kind: string
  readonly service_id: string
  readonly dedup_key: string | null
  readonly note: string | null
  readonly rank: number | null
}

/** A lookup selecting FactRow's columns; build it with factLookup's column helpers or by hand. */
export type FactLookup = RawBuilder<FactRow>

/**
 * Runs several lookups as one statement (`union all`). On PostgreSQL each statement is a round
 * trip; the lookups a batch of events needs before it can be applied (open alerts, rules,
 * maintenance, mitigation) then cost one instead of four. The answers come back mixed: tell them
 * apart by `kind`.
 */
export async function unionFacts(db: Db, lookups: readonly FactLookup[]): Promise<FactRow[]> {
  if (lookups.length === 0) return []
  // Ranks are numbers on both engines: PostgreSQL's bigint goes through the pool's parser.
  const { rows } = await sql<FactRow>`${sql.join(lookups, sql` union all `)}`.execute(db)
  return rows
}

/** `null` typed as text, for a FactRow column a lookup has no value for (both engines agree on the union's types). */
export const NO_TEXT = sql`cast(null as text)`
/** `null` typed as bigint, for the rank column. */
export const NO_RANK = sql`cast(null as bigint)`
