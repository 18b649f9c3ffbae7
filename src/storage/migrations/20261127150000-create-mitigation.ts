import type { Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * Automatic mitigation that is never silent: rules, their runs (action, verification, outcome),
 * the follow-ups they file for the next working morning, and the agents (with their jobs) that
 * run allow-listed commands on a team's own hosts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mitigation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rule_json', 'text', (c) => c.notNull())
    // Sealed: HTTP actions may carry credentials (headers, signing secret).
    .addColumn('secrets_sealed', 'text')
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('mitigation_rules_service').on('mitigation_rules').column('service_id').execute()

  await db.schema
    .createTable('mitigation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull().references('mitigation_rules.id').onDelete('cascade'))
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    // What the loop guard counts runs per: the alert's dedup key (one failing thing).
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn(
      'status',
      'text',
      (c) => c.notNull().check(sqlIn('status', ['pending', 'running', 'verifying', 'succeeded', 'failed', 'not_cleared', 'timed_out', 'refused', 'looping', 'dry_run'])),
    )
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('action_summary', 'text', (c) => c.notNull())
    .addColumn('result_text', 'text')
    .addColumn('exit_code', 'integer')
    .addColumn('next_check_at', 'bigint')
    .addColumn('verify_until', 'bigint')
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('mitigation_runs_due').on('mitigation_runs').columns(['status', 'next_check_at']).execute()
  await db.schema.createIndex('mitigation_runs_rule').on('mitigation_runs').columns(['rule_id', 'target_key', 'created_at']).execute()

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('set null'))
    .addColumn('alert_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['open', 'closed'])))
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('close_note', 'text')
    .addColumn('forward_url_sealed', 'text')
    .addColumn('forward_status', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('follow_ups_team').on('follow_ups').columns(['team_id', 'status', 'due_at']).execute()

  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    // The command names the agent last reported from its own allow-list (never the commands).
    .addColumn('commands_json', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('agent_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    // A name from the agent's allow-list; Tend never sends a shell string.
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['queued', 'claimed', 'succeeded', 'failed', 'refused', 'timed_out'])))
    .addColumn('timeout_seconds', 'integer', (c) => c.notNull())
    .addColumn('deadline_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint')
    .addColumn('exit_code', 'integer')
    .addColumn('output', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute()
  await db.schema.createIndex('agent_jobs_agent_status').on('agent_jobs').columns(['agent_id', 'status']).execute()

  await db.schema.alterTable('alerts').addColumn('mitigation_json', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').dropColumn('mitigation_json').execute()
  for (const table of ['agent_jobs', 'agents', 'follow_ups', 'mitigation_runs', 'mitigation_rules']) await db.schema.dropTable(table).execute()
}
