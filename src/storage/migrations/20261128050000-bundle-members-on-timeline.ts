import { sql, type Kysely } from 'kysely'

/**
 * A bundle follow-up's alerts are the timeline rows that say "bundled", marked with the
 * follow-up's idempotency key, instead of one `bundled` message per alert and person.
 *
 * Those messages were never sent: they only recorded who a follow-up would tell about what. In
 * an alert storm nearly every alert had one, and each was a wide row with six index entries: a
 * fifth of what SQLite wrote to its log per alert, and more on PostgreSQL. The timeline row was
 * written anyway, so the key costs a column and a partial index holding only bundled rows.
 *
 * Follow-ups still due when this runs get their key on the timeline rows of the alerts bundled
 * into them (same person, service and window), so none goes out empty. Earlier `bundled`
 * messages stay as they are: the record of what happened then.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alert_log').addColumn('bundle_key', 'text').execute()
  await db.schema.createIndex('alert_log_bundle').on('alert_log').column('bundle_key').where(sql.ref('bundle_key'), 'is not', null).execute()
  const due = await db.selectFrom('notifications').select(['idempotency_key', 'user_id', 'service_id', 'payload_json']).where('kind', '=', 'bundle').where('status', 'in', ['pending', 'sending', 'failed']).execute()
  for (const bundle of due) {
    const windowStart = Number((JSON.parse(bundle.payload_json) as { windowStart?: unknown }).windowStart ?? 0)
    const members = db
      .selectFrom('notifications')
      .select('alert_id')
      .where('user_id', '=', bundle.user_id)
      .where('service_id', '=', bundle.service_id)
      .where('status', '=', 'bundled')
      .where('created_at', '>=', windowStart)
    await db
      .updateTable('alert_log')
      .set({ bundle_key: bundle.idempotency_key })
      .where('kind', '=', 'bundled')
      .where('at', '>=', windowStart)
      .where('data_json', '=', JSON.stringify({ userId: bundle.user_id }))
      .where('alert_id', 'in', members)
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alert_log_bundle').execute()
  await db.schema.alterTable('alert_log').dropColumn('bundle_key').execute()
}
