import type { Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * Alarm quality: heartbeats and their pings, pushed metric datapoints, threshold and SLO alarms
 * with their state history, and per-service event rules (with events held by a rule).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('heartbeats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The unguessable id in /ping/<token>: it authenticates the pinger, so it is stored hashed.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('spec_json', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('alert_open', 'integer', (c) => c.notNull())
    .addColumn('next_check_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('heartbeats_due').on('heartbeats').column('next_check_at').execute()

  await db.schema
    .createTable('heartbeat_pings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('heartbeat_id', 'text', (c) => c.notNull().references('heartbeats.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['success', 'start', 'fail'])))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('remote', 'text')
    .execute()
  await db.schema.createIndex('heartbeat_pings_heartbeat').on('heartbeat_pings').columns(['heartbeat_id', 'at']).execute()

  await db.schema
    .createTable('metric_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Labels in canonical order (sorted keys), so equal label sets compare equal.
    .addColumn('labels_json', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('metric_points_name_at').on('metric_points').columns(['name', 'at']).execute()

  await db.schema
    .createTable('alarms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['threshold', 'slo'])))
    .addColumn('spec_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_reason', 'text', (c) => c.notNull())
    .addColumn('state_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull())
    // Recent OK/ALARM results (newest last) for flap detection.
    .addColumn('history_json', 'text', (c) => c.notNull())
    .addColumn('next_check_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('alarms_due').on('alarms').column('next_check_at').execute()

  await db.schema
    .createTable('alarm_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alarm_id', 'text', (c) => c.notNull().references('alarms.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('alarm_history_alarm').on('alarm_history').columns(['alarm_id', 'at']).execute()

  await db.schema
    .createTable('event_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('rule_json', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('event_rules_service').on('event_rules').columns(['service_id', 'position']).execute()

  // Events a rule held back ("page only if it fires N times", "only if still open after D"),
  // released or dropped by the engine. Suppressed events stay visible through the events table.
  await db.schema
    .createTable('held_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('event_json', 'text', (c) => c.notNull())
    .addColumn('release_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['held', 'released', 'dropped'])))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('held_events_due').on('held_events').columns(['status', 'release_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['held_events', 'event_rules', 'alarm_history', 'alarms', 'metric_points', 'heartbeat_pings', 'heartbeats']) await db.schema.dropTable(table).execute()
}
