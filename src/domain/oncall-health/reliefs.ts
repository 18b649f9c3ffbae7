/**
 * Reliefs as stored: one row per (schedule, tired person, night). Status values:
 * - 'active': a relief override hands the tired person's pager to the replacement;
 * - 'needed': relief was due but nobody was eligible; the tired person keeps the pager and the
 *   team's admins were paged;
 * - 'declined': the replacement declined; the override was ended at that moment;
 * - 'taken_over': someone else took over from the replacement (a new override);
 * - 'ended': the recovery period is over and the pager went back to the rotation.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db, ReliefsTable } from '../../storage/index.js'

/** A relief's state. */
export type ReliefStatus = 'active' | 'needed' | 'declined' | 'taken_over' | 'ended'

/** A stored relief. */
export interface Relief {
  readonly id: string
  readonly teamId: string
  readonly scheduleId: string
  readonly tiredUserId: string
  readonly replacementUserId: string | null
  readonly overrideId: string | null
  readonly start: Instant
  readonly end: Instant
  readonly status: ReliefStatus
  readonly reason: string
  readonly night: string
  /** What happened at the end: "Dan declined at …; nobody else could take it: Ben keeps the pager." */
  readonly outcomeNote: string | null
  /** People who declined it, in order. */
  readonly declinedBy: readonly string[]
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/** Maps a reliefs row to a Relief. */
export function reliefFromRow(r: ReliefsTable): Relief {
  return {
    id: r.id,
    teamId: r.team_id,
    scheduleId: r.schedule_id,
    tiredUserId: r.tired_user_id,
    replacementUserId: r.replacement_user_id,
    overrideId: r.override_id,
    start: r.start_at,
    end: r.end_at,
    status: r.status as ReliefStatus,
    reason: r.reason,
    night: r.night,
    outcomeNote: r.outcome_note,
    declinedBy: JSON.parse(r.declined_by_json) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/**
 * Whether a relief took the person off the pager at `at`. A relief's range is cut short when it
 * is declined, and it stays relieved when someone else takes over, so every status but
 * 'needed' (nobody was eligible) counts while its range covers `at`.
 */
export async function isRelieved(db: Db, userId: string, at: Instant): Promise<boolean> {
  const row = await db
    .selectFrom('reliefs')
    .select('id')
    .where('tired_user_id', '=', userId)
    .where('status', 'in', ['active', 'ended', 'taken_over', 'declined'])
    .where('start_at', '<=', at)
    .where('end_at', '>', at)
    .executeTakeFirst()
  return row !== undefined
}

/** A relief by id, or null. */
export async function findRelief(db: Db, id: string): Promise<Relief | null> {
  const row = await db.selectFrom('reliefs').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : reliefFromRow(row)
}

/** Reliefs of a team (or involving a person) overlapping [from, to), newest first. */
export async function listReliefs(db: Db, filter: { teamId?: string; userId?: string; from?: Instant; to?: Instant; status?: ReliefStatus }): Promise<Relief[]> {
  let q = db.selectFrom('reliefs').selectAll()
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId)
  if (filter.userId !== undefined) {
    const u = filter.userId
    q = q.where((eb) => eb.or([eb('tired_user_id', '=', u), eb('replacement_user_id', '=', u)]))
  }
  if (filter.from !== undefined) q = q.where('end_at', '>', filter.from)
  if (filter.to !== undefined) q = q.where('start_at', '<', filter.to)
  if (filter.status !== undefined) q = q.where('status', '=', filter.status)
  return (await q.orderBy('start_at', 'desc').orderBy('id', 'desc').execute()).map(reliefFromRow)
}
