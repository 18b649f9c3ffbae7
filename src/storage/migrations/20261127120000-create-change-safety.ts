import type { Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * Change safety: deployment policies (per team, optionally per service), freezes and their
 * exceptions, change requests with worst case and rollback plan, approvals and comments, every
 * deploy check, and recorded deployments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per team (service_id null) and optional per-service overrides.
  await db.schema
    .createTable('deploy_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('cascade'))
    .addColumn('policy_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('deploy_policies_scope').unique().on('deploy_policies').columns(['team_id', 'service_id']).execute()

  await db.schema
    .createTable('freezes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull().check(sqlIn('scope_kind', ['all', 'teams', 'services'])))
    .addColumn('scope_ids_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // Who may approve exceptions to this freeze (user ids); empty = global administrators.
    .addColumn('approver_ids_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('freezes_range').on('freezes').columns(['end_at', 'start_at']).execute()

  // A monotonic number per change request: people say "CR-42", not a UUID.
  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', ['standard', 'normal', 'emergency'])))
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['draft', 'submitted', 'approved', 'in_progress', 'done', 'rolled_back', 'cancelled'])))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('service_ids_json', 'text', (c) => c.notNull())
    .addColumn('worst_case', 'text', (c) => c.notNull())
    .addColumn('rollback_json', 'text', (c) => c.notNull())
    .addColumn('verification_json', 'text', (c) => c.notNull())
    .addColumn('risk', 'text')
    .addColumn('risk_hint_json', 'text')
    .addColumn('planned_at', 'bigint')
    // Emergency changes deploy first; their review is due by this instant (a follow-up is filed).
    .addColumn('review_due_at', 'bigint')
    // When work began (start) and ended (complete or roll back): the recent-changes list and DORA read these.
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('change_requests_state').on('change_requests').columns(['state', 'planned_at']).execute()

  // The last CR number handed out, in one row. Incrementing it inside the creating transaction
  // row-locks it on PostgreSQL, so concurrent creators get consecutive numbers and never collide
  // (max(number)+1 would race); on SQLite the single writer serializes them anyway.
  await db.schema
    .createTable('change_request_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute()
  await db.insertInto('change_request_counter').values({ id: 1, last_number: 0 }).execute()

  await db.schema
    .createTable('change_approvals')
    .addColumn('change_request_id', 'text', (c) => c.notNull().references('change_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // 'change' approves the change; a freeze id approves it as an exception to that freeze.
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_approvals_pk', ['change_request_id', 'user_id', 'scope'])
    .execute()

  await db.schema
    .createTable('change_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_request_id', 'text', (c) => c.notNull().references('change_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()

  // Every gate decision, so "who deployed against the gate" is answerable.
  await db.schema
    .createTable('deploy_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('change_request_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['deploy', 'rollback'])))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('next_allowed_at', 'bigint')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('deploy_checks_service').on('deploy_checks').columns(['service_id', 'created_at']).execute()

  await db.schema
    .createTable('deployments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['deploy', 'rollback'])))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('change_request_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['in_progress', 'succeeded', 'failed', 'rolled_back'])))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    // The gate said no and someone deployed anyway: the audited reason.
    .addColumn('gate_check_id', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('rolls_back_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('deployments_service_started').on('deployments').columns(['service_id', 'started_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['deployments', 'deploy_checks', 'change_comments', 'change_approvals', 'change_request_counter', 'change_requests', 'freezes', 'deploy_policies']) {
    await db.schema.dropTable(table).execute()
  }
}
