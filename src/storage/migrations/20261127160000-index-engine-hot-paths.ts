import { sql, type Kysely } from 'kysely'

/**
 * Indexes for the engine's per-cycle queries, so a cycle's cost stays flat as alerts pile up
 * in an alert storm (measured with `bench/sql-profile.ts`: without them each cycle walked every
 * triggered alert).
 * - alerts_undecided: alerts the mitigation check has not seen yet (it settles every one, whatever
 *   its status), so the partial index is only as large as that backlog.
 * - alerts_due gains the id, the escalation query's tie-breaker, so a batch of due alerts is read
 *   in index order and the LIMIT stops the walk (instead of sorting every due alert).
 * - events_service_dedup gains the id, for the same reason: inbound flap detection reads a key's
 *   latest events on every event received.
 * - agent_jobs_run: the mitigation cycle joins each due run to its agent job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alerts_due').execute()
  await db.schema.createIndex('alerts_due').on('alerts').columns(['next_escalation_at', 'id']).execute()
  await db.schema
    .createIndex('alerts_undecided')
    .on('alerts')
    .column('created_at')
    .where(sql.ref('mitigation_json'), 'is', null)
    .execute()
  await db.schema.createIndex('agent_jobs_run').on('agent_jobs').column('run_id').execute()
  await db.schema.dropIndex('events_service_dedup').execute()
  await db.schema.createIndex('events_service_dedup').on('events').columns(['service_id', 'dedup_key', 'received_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_service_dedup').execute()
  await db.schema.createIndex('events_service_dedup').on('events').columns(['service_id', 'dedup_key', 'received_at']).execute()
  await db.schema.dropIndex('agent_jobs_run').execute()
  await db.schema.dropIndex('alerts_undecided').execute()
  await db.schema.dropIndex('alerts_due').execute()
  await db.schema.createIndex('alerts_due').on('alerts').column('next_escalation_at').execute()
}
