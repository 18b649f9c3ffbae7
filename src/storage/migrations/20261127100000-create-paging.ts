import { sql, type Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * The paging pipeline: escalation policies, raw events as received, deduplicated alerts with
 * their timeline, the notification outbox with every delivery attempt, and change events.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    // How many extra times the whole policy runs when nobody acknowledges (0 = once).
    .addColumn('repeat_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('escalation_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('escalation_policies.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // Minutes to wait after this step fires before the next one (0 = at once).
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('escalation_steps_policy').on('escalation_steps').columns(['policy_id', 'position']).execute()

  // Targets are resolved when the step fires: a schedule means whoever is on call at that moment.
  await db.schema
    .createTable('escalation_step_targets')
    .addColumn('step_id', 'text', (c) => c.notNull().references('escalation_steps.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull().check(sqlIn('target_type', ['user', 'schedule'])))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_step_targets_pk', ['step_id', 'position'])
    .execute()

  await db.schema.alterTable('services').addColumn('escalation_policy_id', 'text', (c) => c.references('escalation_policies.id')).execute()
  // Severity → urgency, e.g. {"critical":"high","error":"high","warning":"low","info":"low"}.
  await db.schema.alterTable('services').addColumn('urgency_rule_json', 'text', (c) => c.notNull().defaultTo('{}')).execute()
  // Resolve alerts that have been silent this long; null = never (the default: silence is not recovery).
  await db.schema.alterTable('services').addColumn('auto_resolve_minutes', 'integer').execute()
  // An integration may force every alert it raises to one urgency.
  await db.schema.alterTable('integrations').addColumn('urgency_override', 'text').execute()
  await db.schema.alterTable('integrations').addColumn('rate_limit_per_minute', 'integer', (c) => c.notNull().defaultTo(1200)).execute()

  // Every inbound event exactly as received, stored before the API answers 2xx.
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    // What processing did with it: opened, deduplicated, acknowledged, resolved, ignored (why).
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('events_service_received').on('events').columns(['service_id', 'received_at']).execute()
  await db.schema.createIndex('events_alert').on('events').column('alert_id').execute()

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['triggered', 'acknowledged', 'resolved'])))
    .addColumn('urgency', 'text', (c) => c.notNull().check(sqlIn('urgency', ['high', 'low'])))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('component', 'text')
    .addColumn('group_name', 'text')
    .addColumn('class_name', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    // Who raised it: an integration, or a person paging a service, a team or people directly.
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_event_at', 'bigint', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_by', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sqlIn('outcome', ['actionable', 'noise', 'duplicate'])))
    .addColumn('outcome_note', 'text')
    // Escalation state: the policy, the next step to fire, the loop, and when it is due.
    .addColumn('policy_id', 'text')
    .addColumn('escalation_step', 'integer', (c) => c.notNull())
    .addColumn('escalation_loop', 'integer', (c) => c.notNull())
    .addColumn('next_escalation_at', 'bigint')
    // Explicit targets instead of the policy (a page to people or a team): JSON list of user ids.
    .addColumn('direct_targets_json', 'text')
    .execute()
  // At most one open alert per (service, dedup key); resolved ones are history.
  await db.schema.createIndex('alerts_open_dedup').unique().on('alerts').columns(['service_id', 'dedup_key']).where(sql.ref('status'), '<>', 'resolved').execute()
  await db.schema.createIndex('alerts_due').on('alerts').column('next_escalation_at').execute()
  await db.schema.createIndex('alerts_service_created').on('alerts').columns(['service_id', 'created_at']).execute()
  await db.schema.createIndex('alerts_status_created').on('alerts').columns(['status', 'created_at']).execute()

  await db.schema
    .createTable('alert_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text')
    .execute()
  await db.schema.createIndex('alert_log_alert').on('alert_log').columns(['alert_id', 'at']).execute()

  // The outbox: one row per message to one person on one channel, sent at least once.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.references('alerts.id').onDelete('cascade'))
    .addColumn('service_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_method_id', 'text', (c) => c.references('contact_methods.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    // Whether this message was meant to wake the person (counted as a page when sent).
    .addColumn('interrupting', 'integer', (c) => c.notNull())
    .addColumn(
      'status',
      'text',
      (c) => c.notNull().check(sqlIn('status', ['pending', 'sending', 'sent', 'failed', 'dead', 'bundled', 'cancelled'])),
    )
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('sending_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    // Stable per message: the receiver deduplicates on it, so a resend after a crash is harmless.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute()
  await db.schema.createIndex('notifications_due').on('notifications').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('notifications_user_service').on('notifications').columns(['user_id', 'service_id', 'created_at']).execute()
  await db.schema.createIndex('notifications_alert').on('notifications').column('alert_id').execute()

  await db.schema
    .createTable('notification_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sqlIn('outcome', ['sent', 'failed', 'timeout'])))
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notification_attempts_notification').on('notification_attempts').column('notification_id').execute()

  // A signing secret per webhook contact method, sealed like the address.
  await db.schema.alterTable('contact_methods').addColumn('signing_secret_sealed', 'text').execute()

  // Changes recorded on a service (PagerDuty change events now; deployments later).
  await db.schema
    .createTable('service_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('integration_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('service_changes_service_at').on('service_changes').columns(['service_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_changes').execute()
  await db.schema.alterTable('contact_methods').dropColumn('signing_secret_sealed').execute()
  await db.schema.dropTable('notification_attempts').execute()
  await db.schema.dropTable('notifications').execute()
  await db.schema.dropTable('alert_log').execute()
  await db.schema.dropTable('alerts').execute()
  await db.schema.dropTable('events').execute()
  await db.schema.alterTable('integrations').dropColumn('rate_limit_per_minute').execute()
  await db.schema.alterTable('integrations').dropColumn('urgency_override').execute()
  await db.schema.alterTable('services').dropColumn('auto_resolve_minutes').execute()
  await db.schema.alterTable('services').dropColumn('urgency_rule_json').execute()
  await db.schema.alterTable('services').dropColumn('escalation_policy_id').execute()
  await db.schema.dropTable('escalation_step_targets').execute()
  await db.schema.dropTable('escalation_steps').execute()
  await db.schema.dropTable('escalation_policies').execute()
}
