/**
 * Loading what the pure functions need from the database: a team's people with their hours,
 * the notification records that became pages, and the alerts behind them. Queries only.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { listSchedules, type Schedule } from '../schedules/index.js'
import { usersById, type User } from '../users/index.js'
import type { AlertRecord, NotificationRecord, Page } from './model.js'
import { derivePages } from './pages.js'

/** A page with the service of its alert, so sources can be named. */
export interface LoadedPages {
  readonly pages: readonly Page[]
  /** alert id → service id */
  readonly serviceOfAlert: ReadonlyMap<string, string>
}

/** The team's people: members and everyone in its schedules' rotations, and its schedules. */
export async function loadTeamPeople(db: Db, teamId: string): Promise<{ people: User[]; schedules: Schedule[] }> {
  const schedules = await listSchedules(db, { teamId })
  const members = await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute()
  const ids = new Set([...members.map((m) => m.user_id), ...schedules.flatMap((s) => s.layers.flatMap((l) => l.members))])
  const byId = await usersById(db, [...ids])
  return { people: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)), schedules }
}

/**
 * Pages (first interrupting send that reached a person, per alert and person) sent in
 * [from, to) to the given people; with `teamId`, only for alerts on that team's services.
 */
export async function loadPages(db: Db, userIds: readonly string[], from: Instant, to: Instant, filter: { teamId?: string } = {}): Promise<LoadedPages> {
  if (userIds.length === 0) return { pages: [], serviceOfAlert: new Map() }
  let q = db
    .selectFrom('notifications')
    .innerJoin('alerts', 'alerts.id', 'notifications.alert_id')
    .select(['notifications.alert_id', 'notifications.user_id', 'notifications.sent_at', 'notifications.interrupting', 'notifications.status', 'alerts.service_id'])
    .where('notifications.status', '=', 'sent')
    .where('notifications.interrupting', '=', 1)
    .where('notifications.user_id', 'in', [...userIds])
    .where('notifications.sent_at', '>=', from)
    .where('notifications.sent_at', '<', to)
  if (filter.teamId !== undefined) {
    const teamId = filter.teamId
    q = q.where('alerts.service_id', 'in', (eb) => eb.selectFrom('services').select('services.id').where('services.team_id', '=', teamId))
  }
  const rows = await q.execute()
  const records: NotificationRecord[] = rows.map((r) => ({ alertId: r.alert_id, userId: r.user_id, sentAt: r.sent_at, interrupting: r.interrupting === 1, status: 'sent' }))
  const serviceOfAlert = new Map(rows.flatMap((r) => (r.alert_id === null ? [] : [[r.alert_id, r.service_id] as const])))
  return { pages: derivePages(records), serviceOfAlert }
}

/** The alerts acknowledged by, or paging, the people over a range (for engagement figures). */
export async function loadAlertRecords(db: Db, userIds: readonly string[], alertIds: readonly string[], from: Instant, to: Instant): Promise<AlertRecord[]> {
  if (userIds.length === 0) return []
  const rows = await db
    .selectFrom('alerts')
    .select(['id', 'created_at', 'acknowledged_at', 'acknowledged_by', 'resolved_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('acknowledged_by', 'in', [...userIds]), eb('acknowledged_at', '<', to), eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', from)])]),
        ...(alertIds.length === 0 ? [] : [eb('id', 'in', [...alertIds])]),
      ]),
    )
    .execute()
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, acknowledgedAt: r.acknowledged_at, acknowledgedBy: r.acknowledged_by, resolvedAt: r.resolved_at }))
}

/** Service names by id, for naming the noisiest sources. */
export async function serviceNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('services').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
