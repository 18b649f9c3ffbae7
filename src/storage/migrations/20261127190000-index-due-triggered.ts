import { sql, type Kysely } from 'kysely'
import { dialectOf } from './helpers.js'

/**
 * PostgreSQL: the escalation cycle reads its due alerts from an index holding only the alerts it
 * can fire (triggered, mitigation decided), in due order, so the LIMIT stops the walk.
 *
 * Without table statistics — a new database in its first alert storm, since autovacuum analyzes
 * a table only a minute or more after it grows — the planner guessed that a third of all alerts
 * were due and read the whole table instead. In the paging benchmark at 1,000 events/s that
 * cost 8–10 ms a cycle at 6,000 alerts, growing with the table, about 36 cycles a second. A
 * partial index that matches the query's conditions is the cheapest plan whatever the guess.
 *
 * It replaces alerts_due there, which nothing else reads on PostgreSQL: every alert written and
 * every escalation step (an update that moves an indexed column, so it writes a new entry in
 * each of the table's indexes) then maintains one index fewer.
 *
 * SQLite keeps walking alerts_due, where its query keeps it (see dueAlerts in
 * escalation-manager.ts), so there this index would only cost writes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  await db.schema
    .createIndex('alerts_due_triggered')
    .on('alerts')
    .columns(['next_escalation_at', 'id'])
    .where(sql.ref('status'), '=', sql.lit('triggered'))
    .where(sql.ref('mitigation_json'), 'is not', null)
    .execute()
  await db.schema.dropIndex('alerts_due').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  await db.schema.createIndex('alerts_due').on('alerts').columns(['next_escalation_at', 'id']).execute()
  await db.schema.dropIndex('alerts_due_triggered').execute()
}
