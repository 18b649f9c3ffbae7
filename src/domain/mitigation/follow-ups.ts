import { conflict, FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { formatLocal, localTime, type Instant } from '../../lib/time/index.js'
import type { Db, FollowUpsTable } from '../../storage/index.js'
import { recordAudit, type Actor } from '../audit/index.js'
import { enqueueNotifications, type NewNotification } from '../notify/index.js'
import { listSchedules, scheduleOnCall } from '../schedules/index.js'
import { getTeam, listTeamMembers } from '../teams/index.js'
import { findUser, listContactMethodsMeta, listNotificationRules, nextWorkingStart } from '../users/index.js'

export interface FollowUp {
  readonly id: string
  readonly teamId: string
  readonly serviceId: string | null
  readonly alertId: string | null
  readonly runId: string | null
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly dueAt: Instant
  readonly status: 'open' | 'closed'
  readonly closedBy: string | null
  readonly closedAt: Instant | null
  readonly closeNote: string | null
  readonly forwardStatus: string | null
  readonly createdAt: Instant
}

const fromRow = (r: FollowUpsTable): FollowUp => ({
  id: r.id,
  teamId: r.team_id,
  serviceId: r.service_id,
  alertId: r.alert_id,
  runId: r.run_id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  dueAt: r.due_at,
  status: r.status as FollowUp['status'],
  closedBy: r.closed_by,
  closedAt: r.closed_at,
  closeNote: r.close_note,
  forwardStatus: r.forward_status,
  createdAt: r.created_at,
})

/** A team's working week when nothing else is known: Mon–Fri 09:00–17:00 in the team's zone. */
export const TEAM_WORKING_HOURS = Object.freeze({ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: localTime('09:00'), end: localTime('17:00') })

/** When a follow-up filed at `now` is due: the start of the team's next working period (now, inside it). */
export function followUpDueAt(teamZone: string, now: Instant): Instant {
  return nextWorkingStart({ timeZone: teamZone, workingHours: TEAM_WORKING_HOURS }, now)
}

export interface NewFollowUp {
  readonly teamId: string
  readonly serviceId: string | null
  readonly alertId: string | null
  readonly runId: string | null
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly forwardUrlSealed: string | null
}

/**
 * Files a low-urgency work item for the team, due at its next working morning, and tells the
 * team's on-call as a low-urgency message (held to their own working hours, never at night).
 */
export async function fileFollowUp(db: Db, now: Instant, f: NewFollowUp): Promise<FollowUp> {
  const team = await getTeam(db, f.teamId)
  const dueAt = followUpDueAt(team.timeZone, now)
  const id = newId()
  await db
    .insertInto('follow_ups')
    .values({
      id,
      team_id: f.teamId,
      service_id: f.serviceId,
      alert_id: f.alertId,
      run_id: f.runId,
      kind: f.kind,
      title: f.title,
      body: f.body,
      due_at: dueAt,
      status: 'open',
      closed_by: null,
      closed_at: null,
      close_note: null,
      forward_url_sealed: f.forwardUrlSealed,
      forward_status: f.forwardUrlSealed === null ? null : 'pending',
      created_at: now,
    })
    .execute()
  await notifyTeam(db, now, team, { id, title: f.title, body: f.body, dueAt })
  return fromRow(await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
}

/** The people who hear about a follow-up: whoever is on call for the team now, else its admins. */
async function notifyTeam(db: Db, now: Instant, team: { id: string; name: string; timeZone: string }, f: { id: string; title: string; body: string; dueAt: Instant }): Promise<void> {
  const people = new Set<string>()
  for (const s of await listSchedules(db, { teamId: team.id })) {
    const who = (await scheduleOnCall(db, s, now)).shift.userId
    if (who !== null) people.add(who)
  }
  if (people.size === 0) for (const m of await listTeamMembers(db, team.id)) if (m.role === 'admin') people.add(m.userId)
  const messages: NewNotification[] = []
  for (const userId of people) {
    const user = await findUser(db, userId)
    if (user === null) continue
    const methods = await listContactMethodsMeta(db, userId)
    const rules = (await listNotificationRules(db, userId)).filter((r) => r.urgency === 'low')
    const method = rules.map((r) => methods.find((m) => m.id === r.contactMethodId && m.verified)).find((m) => m !== undefined) ?? methods.find((m) => m.verified && !m.interrupting)
    if (method === undefined) continue
    messages.push({
      alertId: null,
      serviceId: null,
      userId,
      contactMethodId: method.id,
      channel: method.type,
      kind: 'notice',
      urgency: 'low',
      interrupting: false,
      status: 'pending',
      notBefore: Math.max(f.dueAt, nextWorkingStart(user, f.dueAt)),
      idempotencyKey: `follow-up:${f.id}:u:${userId}`,
      subject: `Follow-up for ${team.name}: ${f.title}`,
      text: `${f.body}\n\nDue ${formatLocal(f.dueAt, user.timeZone, 'full')}. Close it in Tend with a note once investigated.`,
      payload: { followUpId: f.id },
    })
  }
  await enqueueNotifications(db, now, messages)
}

export async function listFollowUps(db: Db, filter: { teamId?: string | undefined; status?: 'open' | 'closed' | undefined; runIds?: readonly string[] | undefined }): Promise<FollowUp[]> {
  let q = db.selectFrom('follow_ups').selectAll().orderBy('due_at')
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId)
  if (filter.status !== undefined) q = q.where('status', '=', filter.status)
  if (filter.runIds !== undefined) q = filter.runIds.length === 0 ? q.where('id', '=', '') : q.where('run_id', 'in', [...filter.runIds])
  return (await q.execute()).map(fromRow)
}

export async function getFollowUp(db: Db, id: string): Promise<FollowUp> {
  const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('follow-up', id)
  return fromRow(row)
}

/** Closes a follow-up with a note saying what was found or done (a note is required). */
export async function closeFollowUp(db: Db, now: Instant, actor: Actor, id: string, note: string): Promise<FollowUp> {
  const before = await getFollowUp(db, id)
  if (before.status === 'closed') throw conflict('this follow-up is already closed')
  const errors = new FieldErrors()
  const trimmed = note.trim()
  if (trimmed.length < 5) errors.add('note', 'say what was found or done (at least a few words): the note is the point of the follow-up')
  if (trimmed.length > 5000) errors.add('note', 'must be at most 5000 characters')
  errors.throwIfAny()
  await db.updateTable('follow_ups').set({ status: 'closed', closed_by: actor.userId ?? actor.label, closed_at: now, close_note: trimmed }).where('id', '=', id).execute()
  const after = await getFollowUp(db, id)
  await recordAudit(db, now, { actor, action: 'follow_up.close', entityType: 'follow_up', entityId: id, teamId: before.teamId, before, after })
  return after
}
