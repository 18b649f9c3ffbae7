import type { Kysely } from 'kysely'

/**
 * Maintenance windows per service (scheduled or ad hoc): while one is open, new alerts on the
 * service are stored but their pages are held (a `page` hold in held_events tied to the window);
 * at the window's end the held alerts still open page, and the rest are listed as dropped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    // Set when someone ended the window early (ends_at then moved to that instant) or cancelled it before it began.
    .addColumn('ended_by', 'text')
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('maintenance_windows_service').on('maintenance_windows').columns(['service_id', 'ends_at']).execute()
  await db.schema.alterTable('held_events').addColumn('maintenance_window_id', 'text').execute()
  await db.schema.createIndex('held_events_window').on('held_events').column('maintenance_window_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('held_events_window').execute()
  await db.schema.alterTable('held_events').dropColumn('maintenance_window_id').execute()
  await db.schema.dropTable('maintenance_windows').execute()
}
