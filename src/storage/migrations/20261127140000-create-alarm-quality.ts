import type { Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * Alarm quality: heartbeats and their pings, pushed metric datapoints, threshold and SLO alarms
 * with their state history, per-service event rules with what they did to each event (decisions,
 * fire counts, and alerts held back), and an index for inbound flap detection.
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
  // Retention deletes by age alone.
  await db.schema.createIndex('metric_points_at').on('metric_points').column('at').execute()

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
    // The last evaluation's figures (values judged, burn rates, budget left), for the UI.
    .addColumn('evaluation_json', 'text')
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

  // Alerts a rule or flap detection holds back: `page` holds ("only if still open after D
  // minutes") page at release_at if the alert is still open; `resolve` holds (a flapping source
  // said resolved) resolve it at release_at unless the source triggered again. The engine
  // releases or drops them; either way the row stays as the record of what happened.
  await db.schema
    .createTable('held_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('rule_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['page', 'resolve'])))
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('event_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('release_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['held', 'released', 'dropped'])))
    .addColumn('outcome_note', 'text')
    .addColumn('settled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('held_events_due').on('held_events').columns(['status', 'release_at']).execute()
  await db.schema.createIndex('held_events_alert').on('held_events').columns(['alert_id', 'status']).execute()

  // One row per fire of a rule with "page only if it fires N times in M minutes", under the
  // rule's fire key (per dedup key or per rule); kept a day (M is at most 1440 minutes).
  await db.schema
    .createTable('event_rule_fires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fire_key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('event_rule_fires_key_at').on('event_rule_fires').columns(['fire_key', 'at']).execute()

  // What an event rule (or flap detection) did to an inbound event, so every suppressed or held
  // event stays visible on the service with the rule that held it. Written in the intake
  // transaction, next to the events row (same service, dedup key and instant).
  await db.schema
    .createTable('event_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('rule_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sqlIn('outcome', ['suppressed', 'held', 'paged', 'flapping'])))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('alert_service_id', 'text')
    .addColumn('urgency', 'text')
    .addColumn('held_event_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('event_decisions_service_at').on('event_decisions').columns(['service_id', 'at']).execute()
  await db.schema.createIndex('event_decisions_alert').on('event_decisions').column('alert_id').execute()

  // Flap detection for inbound sources reads the recent trigger/resolve events of one dedup key.
  await db.schema.createIndex('events_service_dedup').on('events').columns(['service_id', 'dedup_key', 'received_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_service_dedup').execute()
  for (const table of ['event_decisions', 'event_rule_fires', 'held_events', 'event_rules', 'alarm_history', 'alarms', 'metric_points', 'heartbeat_pings', 'heartbeats']) await db.schema.dropTable(table).execute()
}
