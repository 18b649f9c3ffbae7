/**
 * Holding an alert back from paging, and marking one as flapping. Both act on the alert row the
 * way mitigation does (clearing its due escalation time), so the escalation engine skips it; the
 * alert itself stays visible with the reason on its timeline.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { logAlert } from '../alerts/index.js'
import type { Actor } from '../audit/index.js'

/** Keeps a just-opened alert from paging (nobody is notified unless it is released). */
export async function quietAlert(db: Db, alertId: string, now: Instant, actor: Actor, note: string): Promise<void> {
  await db.updateTable('alerts').set({ next_escalation_at: null, updated_at: now }).where('id', '=', alertId).execute()
  await logAlert(db, alertId, now, 'note', actor, note)
}

/**
 * Pages a held alert now, if it is still triggered and has not paged yet (its escalation never
 * fired); returns whether it will page.
 */
export async function releaseAlert(db: Db, alertId: string, now: Instant, actor: Actor, note: string): Promise<boolean> {
  const escalated = await db.selectFrom('alert_log').select('id').where('alert_id', '=', alertId).where('kind', '=', 'escalated').limit(1).executeTakeFirst()
  if (escalated !== undefined) return false
  const updated = await db.updateTable('alerts').set({ next_escalation_at: now, updated_at: now }).where('id', '=', alertId).where('status', '=', 'triggered').executeTakeFirst()
  const paging = Number(updated.numUpdatedRows) > 0
  if (paging) await logAlert(db, alertId, now, 'note', actor, note)
  return paging
}

/** Marks an alert as flapping (a `Flapping` entry first in its details) and says so on its timeline. */
export async function markAlertFlapping(db: Db, alertId: string, now: Instant, actor: Actor, note: string): Promise<void> {
  const row = await db.selectFrom('alerts').select('details_json').where('id', '=', alertId).executeTakeFirst()
  if (row === undefined) return
  const details = { Flapping: note, ...(JSON.parse(row.details_json) as Record<string, unknown>) }
  await db.updateTable('alerts').set({ details_json: JSON.stringify(details), updated_at: now }).where('id', '=', alertId).execute()
  await logAlert(db, alertId, now, 'note', actor, note)
}

/** Clears an alert's flapping mark once its source has settled. */
export async function clearAlertFlapping(db: Db, alertId: string, now: Instant, actor: Actor, note: string): Promise<void> {
  const row = await db.selectFrom('alerts').select('details_json').where('id', '=', alertId).executeTakeFirst()
  if (row === undefined) return
  const { Flapping: _gone, ...details } = JSON.parse(row.details_json) as Record<string, unknown>
  await db.updateTable('alerts').set({ details_json: JSON.stringify(details), updated_at: now }).where('id', '=', alertId).execute()
  await logAlert(db, alertId, now, 'note', actor, note)
}
