/**
 * Sleep-in notices as stored and sent: once per person, team and night (a unique key). A later
 * wake-up in the same night can only move the late start later (sleep-in.ts); when it does the
 * row is updated and the new time is sent, under a new idempotency key.
 */
import { formatLocal, type Instant } from '../../lib/time/index.js'
import { newId } from '../../lib/ids.js'
import type { Db, SleepInNoticesTable } from '../../storage/index.js'
import type { Team } from '../teams/index.js'
import type { User } from '../users/index.js'
import type { WakeUp } from './model.js'
import { noticePerson } from './person-notice.js'
import { sleepInNoticeForPerson, sleepInNoticeForTeam } from './sleep-in-notice.js'
import { computeSleepIn, type SleepInPolicy } from './sleep-in.js'
import { tellTeam } from './team-notify.js'

/** A stored sleep-in notice. */
export interface SleepInNotice {
  readonly id: string
  readonly userId: string
  readonly teamId: string
  readonly night: string
  readonly wokenAt: Instant
  readonly expectedStartAt: Instant
  readonly message: string
  readonly createdAt: Instant
}

const fromRow = (r: SleepInNoticesTable): SleepInNotice => ({
  id: r.id,
  userId: r.user_id,
  teamId: r.team_id,
  night: r.night,
  wokenAt: r.woken_at,
  expectedStartAt: r.expected_start_at,
  message: r.message,
  createdAt: r.created_at,
})

/** Notices of a team whose night or late start touches [from, to), oldest first. */
export async function listSleepInNotices(db: Db, filter: { teamId?: string; userId?: string; from: Instant; to: Instant }): Promise<SleepInNotice[]> {
  let q = db.selectFrom('sleep_in_notices').selectAll().where('woken_at', '<', filter.to).where('expected_start_at', '>=', filter.from)
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId)
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId)
  return (await q.orderBy('woken_at').orderBy('id').execute()).map(fromRow)
}

/**
 * Records and sends the sleep-in owed for the person's latest night to them and the team.
 * Returns 'new', 'later' (the start moved), or 'unchanged' / 'none' (nothing to send).
 */
export async function recordSleepIn(db: Db, now: Instant, user: User, team: Team, wakeUps: readonly WakeUp[], policy: SleepInPolicy): Promise<'new' | 'later' | 'unchanged' | 'none'> {
  const s = computeSleepIn({ person: user, wakeUps, policy })
  if (s === null) return 'none'
  const teamText = sleepInNoticeForTeam(s, user.name, team.timeZone)
  const existing = await db.selectFrom('sleep_in_notices').selectAll().where('user_id', '=', user.id).where('team_id', '=', team.id).where('night', '=', s.night).executeTakeFirst()
  let outcome: 'new' | 'later'
  if (existing === undefined) {
    const res = await db
      .insertInto('sleep_in_notices')
      .values({ id: newId(), user_id: user.id, team_id: team.id, night: s.night, woken_at: s.wokenAt[0] ?? now, expected_start_at: s.lateStart, message: teamText, created_at: now })
      .onConflict((c) => c.columns(['user_id', 'team_id', 'night']).doNothing())
      .executeTakeFirst()
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 0) return 'unchanged'
    outcome = 'new'
  } else {
    if (existing.expected_start_at >= s.lateStart) return 'unchanged'
    await db.updateTable('sleep_in_notices').set({ expected_start_at: s.lateStart, message: teamText }).where('id', '=', existing.id).execute()
    outcome = 'later'
  }
  const key = `sleep-in:${user.id}:${s.night}:${s.lateStart}`
  const payload = { type: 'sleep-in', userId: user.id, night: s.night, wokenAt: s.wokenAt.map((i) => new Date(i).toISOString()), lateStart: new Date(s.lateStart).toISOString(), dayOff: s.dayOff }
  // One message per person and start time, whichever team's notice sends it first.
  await noticePerson(db, now, user, { idempotencyKey: key, subject: s.dayOff ? 'Take the day off: you were woken last night' : `Start late: ${formatLocal(s.lateStart, user.timeZone)}`, text: sleepInNoticeForPerson(s), payload })
  await tellTeam(db, now, team, { kind: 'sleep-in', idempotencyKey: `${key}:t:${team.id}`, subject: `${user.name} starts late after a night page`, text: teamText, payload }, { exceptUserIds: [user.id] })
  return outcome
}
