import type { Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * On-call health: per-team settings (relief rule, night-page budget, sleep-in policy,
 * compensation, the team channel for notices and the weekly report), sleep-in notices, and
 * relief overrides with their reason and outcome.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_settings')
    .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  // Where team-wide notices go (sleep-in notices, reliefs, the weekly report): email, Slack, webhook.
  await db.schema
    .createTable('team_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', ['email', 'slack', 'webhook'])))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('address_sealed', 'text', (c) => c.notNull())
    .addColumn('signing_secret_sealed', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sleep_in_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    // The night (local date the sleep period began): one notice per person and night.
    .addColumn('night', 'text', (c) => c.notNull())
    .addColumn('woken_at', 'bigint', (c) => c.notNull())
    .addColumn('expected_start_at', 'bigint', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('sleep_in_once_per_night', ['user_id', 'team_id', 'night'])
    .execute()

  await db.schema
    .createTable('reliefs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('tired_user_id', 'text', (c) => c.notNull().references('users.id'))
    // Null while nobody was eligible: the tired person keeps the pager and admins are paged.
    .addColumn('replacement_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('override_id', 'text')
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'needed', 'declined', 'taken_over', 'ended'])))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('night', 'text', (c) => c.notNull())
    // What happened at the end, for people reading the history: "declined by Dan at 04:20; …".
    .addColumn('outcome_note', 'text')
    // People who declined this relief (JSON array of user ids): never asked again for it.
    .addColumn('declined_by_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('relief_once_per_night', ['schedule_id', 'tired_user_id', 'night'])
    .execute()
  await db.schema.createIndex('reliefs_team').on('reliefs').columns(['team_id', 'end_at']).execute()

  // The team channels' own outbox. The notifications outbox needs a person (user_id), and a
  // team channel is not one, so team notices (sleep-in, relief, pager budget, weekly report) go
  // through this table and the on-call health module's sender: at least once, one row per
  // (channel, idempotency key), retried with backoff, dead after a bounded number of attempts.
  // Receivers see the same Idempotency-Key on every retry and can drop duplicates.
  await db.schema
    .createTable('team_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('team_channels.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['pending', 'sending', 'sent', 'dead'])))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    // While 'sending': when an attempt whose outcome never got recorded counts as failed.
    .addColumn('sending_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addUniqueConstraint('team_message_once', ['channel_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('team_messages_due').on('team_messages').columns(['status', 'next_attempt_at']).execute()
  // The on-call health module finds newly sent pages by sent time every engine cycle, and
  // reports read a team's pages by time range: both stay index lookups as the outbox grows.
  await db.schema.createIndex('notifications_sent_at').on('notifications').column('sent_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notifications_sent_at').execute()
  for (const table of ['team_messages', 'reliefs', 'sleep_in_notices', 'team_channels', 'team_settings']) await db.schema.dropTable(table).execute()
}
