import type { Kysely } from 'kysely'
import { dialectOf } from './helpers.js'

/**
 * PostgreSQL: an alert's timeline rows and messages no longer carry a foreign key to the alert.
 *
 * Every writer of these rows names an alert it has just inserted in the same statement (intake)
 * or holds locked (the engine firing it, an acknowledgement), so the check guarded nothing at
 * insert time. It was paid per row, though: a trigger running a locking lookup of the alert.
 * An alert storm wrote four such rows per alert (three timeline rows and, until the next
 * migration, a bundled message), and in a replay of the intake's write statement with 8
 * concurrent clients (pgbench, 20 alerts a statement) these two checks cost a sixth of the
 * statements per second.
 *
 * What the keys also did was delete the rows with their alert, which happens only when its
 * service is deleted: deleteAlertsOfServices does that now, on both engines.
 *
 * SQLite keeps the keys: its check is one in-process index probe, and dropping a key there
 * means rebuilding the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  await db.schema.alterTable('alert_log').dropConstraint('alert_log_alert_id_fkey').execute()
  await db.schema.alterTable('notifications').dropConstraint('notifications_alert_id_fkey').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  // Rows whose alert is gone (written while their service was being deleted) would block the keys.
  await db.deleteFrom('alert_log').where((eb) => eb.not(eb.exists(eb.selectFrom('alerts').select('alerts.id').whereRef('alerts.id', '=', 'alert_log.alert_id')))).execute()
  await db.deleteFrom('notifications').where('alert_id', 'is not', null).where((eb) => eb.not(eb.exists(eb.selectFrom('alerts').select('alerts.id').whereRef('alerts.id', '=', 'notifications.alert_id')))).execute()
  await db.schema.alterTable('alert_log').addForeignKeyConstraint('alert_log_alert_id_fkey', ['alert_id'], 'alerts', ['id'], (c) => c.onDelete('cascade')).execute()
  await db.schema.alterTable('notifications').addForeignKeyConstraint('notifications_alert_id_fkey', ['alert_id'], 'alerts', ['id'], (c) => c.onDelete('cascade')).execute()
}
