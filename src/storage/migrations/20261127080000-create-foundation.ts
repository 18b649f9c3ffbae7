import type { Kysely } from 'kysely'
import { sqlIn } from './helpers.js'

/**
 * The foundation: people and how to reach them, teams, services and their dependency graph,
 * integration keys, API tokens, the audit log, schedules (layers, members, overrides), handoff
 * notices, and the engine's bookkeeping. Instants are epoch-ms bigints, booleans 0/1, JSON text:
 * see storage/schema.ts for why both engines use the same representation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    // IANA zone; sleep and working hours are local wall-clock "HH:MM" in that zone.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('sleep_start', 'text', (c) => c.notNull())
    .addColumn('sleep_end', 'text', (c) => c.notNull())
    .addColumn('working_days', 'text', (c) => c.notNull())
    .addColumn('working_start', 'text', (c) => c.notNull())
    .addColumn('working_end', 'text', (c) => c.notNull())
    // Global administrators may act on every team; everyone else is scoped by team roles.
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    // Demo rows are removable with one command and shown with a badge.
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    // Secret of the person's iCalendar feed URL, hashed like every other credential.
    .addColumn('ical_token_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('contact_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // Addresses include webhook and Slack URLs, which are credentials: sealed with AES-GCM.
    .addColumn('address_sealed', 'text', (c) => c.notNull())
    // Whether a message on this method wakes the person (push, SMS, voice; email not by default).
    .addColumn('interrupting', 'integer', (c) => c.notNull())
    // A method pages only once verified with a one-time code.
    .addColumn('verified_at', 'bigint')
    .addColumn('verification_code_hash', 'text')
    .addColumn('verification_expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('contact_methods_user').on('contact_methods').column('user_id').execute()

  await db.schema
    .createTable('notification_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_method_id', 'text', (c) => c.notNull().references('contact_methods.id').onDelete('cascade'))
    .addColumn('urgency', 'text', (c) => c.notNull().check(sqlIn('urgency', ['high', 'low'])))
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notification_rules_user').on('notification_rules').column('user_id').execute()

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    // The team's home zone: follow-ups and team notices are due in its working hours.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['admin', 'responder', 'observer'])))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute()
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute()

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  // Edges of the dependency graph: service_id depends on depends_on_id. Kept acyclic by the domain.
  await db.schema
    .createTable('service_dependencies')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('service_dependencies_pk', ['service_id', 'depends_on_id'])
    .execute()
  await db.schema.createIndex('service_dependencies_rev').on('service_dependencies').column('depends_on_id').execute()

  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // The key is shown once; only its hash and a recognisable prefix are kept.
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute()

  // Every change, with who, what, when and the before/after images, written in the change's transaction.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute()
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()

  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ical_token_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  // Layers are rotations, bottom (position 0) to top; the top layer with someone wins.
  await db.schema
    .createTable('schedule_layers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Null means the schedule's zone; a zone per layer is what makes follow-the-sun possible.
    .addColumn('time_zone', 'text')
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('shift_length', 'integer', (c) => c.notNull())
    .addColumn('shift_unit', 'text', (c) => c.notNull().check(sqlIn('shift_unit', ['hours', 'days', 'weeks'])))
    .addColumn('handoff_time', 'text', (c) => c.notNull())
    .addColumn('restrictions_json', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('schedule_layers_schedule').on('schedule_layers').columns(['schedule_id', 'position']).execute()

  await db.schema
    .createTable('schedule_layer_members')
    .addColumn('layer_id', 'text', (c) => c.notNull().references('schedule_layers.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('schedule_layer_members_pk', ['layer_id', 'position'])
    .execute()
  await db.schema.createIndex('schedule_layer_members_user').on('schedule_layer_members').column('user_id').execute()

  await db.schema
    .createTable('schedule_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // When set, the override only applies while this person would be on call (swap, relief).
    .addColumn('replaces_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['manual', 'swap', 'relief'])))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('schedule_overrides_range').on('schedule_overrides').columns(['schedule_id', 'end_at']).execute()

  // One row per handoff so notices are sent once even with several engines.
  await db.schema
    .createTable('handoff_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('handoff_at', 'bigint', (c) => c.notNull())
    .addColumn('incoming_user_id', 'text')
    .addColumn('outgoing_user_id', 'text')
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('handoff_notices_once', ['schedule_id', 'handoff_at'])
    .execute()

  // A module runs only when the stored version matches its code: old instances stop during rolling deploys.
  await db.schema
    .createTable('engine_module_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()

  // Small per-module cursors (e.g. "handoffs noticed up to T") so a restart resumes where it stopped.
  await db.schema
    .createTable('engine_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'engine_state',
    'engine_module_versions',
    'handoff_notices',
    'schedule_overrides',
    'schedule_layer_members',
    'schedule_layers',
    'schedules',
    'audit_log',
    'api_tokens',
    'integrations',
    'service_dependencies',
    'services',
    'team_members',
    'teams',
    'notification_rules',
    'contact_methods',
    'users',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
