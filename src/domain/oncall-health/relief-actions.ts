/**
 * What people do with a relief, and its end:
 * - decline (the replacement, or a team admin): the override ends now; another eligible member
 *   (never one who declined this relief before) takes the rest of the recovery period if there
 *   is one, else the relief is 'declined' and the tired person keeps the pager, and says so;
 * - take over (a team member for themselves, or an admin for someone): the current override
 *   ends now and a new one hands the rest of the period to the new person ('taken_over'). A
 *   'needed' relief (nobody was eligible) can be taken over too: that is how a paged admin or a
 *   volunteer steps in;
 * - end on time (the engine): a relief whose period is over becomes 'ended' and both people and
 *   the team hear that the pager went back to the rotation.
 * Each change is audited. Ending an override "now" shortens it (it stays as history) rather
 * than deleting it, so the final schedule of the past stays true.
 */
import { AppError, conflict, FieldErrors, forbidden, notFound } from '../../lib/errors.js'
import { formatLocal, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { getAlert, resolveAlert } from '../alerts/index.js'
import { recordAudit } from '../audit/index.js'
import { hasTeamRole, type Principal } from '../auth/index.js'
import type { CommandCtx } from '../command.js'
import { createOverride, getSchedule } from '../schedules/index.js'
import { getTeam, listTeamMembers } from '../teams/index.js'
import { findUserByRef, getUser, usersById, type User } from '../users/index.js'
import { noticePerson } from './person-notice.js'
import { replacementCandidates } from './relief-facts.js'
import { findRelief, reliefFromRow, type Relief } from './reliefs.js'
import { chooseReplacement } from './replacement.js'
import { tellTeam } from './team-notify.js'

/** The result of a decline: who has the pager now, in words. */
export interface ReliefActionResult {
  readonly relief: Relief
  /** 'reassigned': someone else took the rest; 'tired-keeps-pager': nobody could; 'taken-over'. */
  readonly outcome: 'reassigned' | 'tired-keeps-pager' | 'taken-over'
  readonly message: string
}

/** A relief still in force (active or taken over, not yet at its end); `needed` too when allowed. */
async function liveRelief(db: Db, id: string, now: Instant, allowNeeded = false): Promise<Relief> {
  const relief = await findRelief(db, id)
  if (relief === null) throw notFound('relief', id)
  const inForce = relief.status === 'active' || relief.status === 'taken_over' || (allowNeeded && relief.status === 'needed')
  if (!inForce || relief.end <= now) {
    const state = relief.end <= now && relief.status !== 'declined' ? 'over' : relief.status
    throw conflict(`this relief is ${state}; only a relief in force can be ${allowNeeded ? 'taken over' : 'declined'}`)
  }
  return relief
}

/** Shortens the relief's override to end now (or removes it if it had not started). */
async function endOverrideNow(ctx: CommandCtx, relief: Relief): Promise<void> {
  if (relief.overrideId === null) return
  const row = await ctx.db.selectFrom('schedule_overrides').selectAll().where('id', '=', relief.overrideId).executeTakeFirst()
  if (row === undefined || row.end_at <= ctx.now) return
  if (row.start_at >= ctx.now) await ctx.db.deleteFrom('schedule_overrides').where('id', '=', row.id).execute()
  else await ctx.db.updateTable('schedule_overrides').set({ end_at: ctx.now }).where('id', '=', row.id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.override.end', entityType: 'schedule', entityId: row.schedule_id, teamId: relief.teamId, before: row, after: { ...row, end_at: ctx.now } })
}

async function handOver(ctx: CommandCtx, relief: Relief, to: User, tired: User, reason: string): Promise<string> {
  const override = await createOverride(ctx, relief.scheduleId, { userId: to.id, replacesUserId: tired.id, kind: 'relief', start: ctx.now, end: relief.end, reason: reason.slice(0, 500) }, { allowRelief: true })
  return override.id
}

/** Declines a relief as its replacement (or a team admin). */
export async function declineRelief(ctx: CommandCtx & { principal: Principal }, id: string, input: { reason?: string | undefined } = {}): Promise<ReliefActionResult> {
  const before = await liveRelief(ctx.db, id, ctx.now)
  const isReplacement = before.replacementUserId === ctx.principal.userId
  if (!isReplacement && !hasTeamRole(ctx.principal, before.teamId, 'admin')) throw forbidden('Only the replacement or an admin of the team can decline a relief')
  const note = (input.reason ?? '').trim()
  if (note.length > 500) {
    const errors = new FieldErrors()
    errors.add('reason', 'must be at most 500 characters')
    errors.throwIfAny()
  }
  const team = await getTeam(ctx.db, before.teamId)
  const schedule = await getSchedule(ctx.db, before.scheduleId)
  const tired = await getUser(ctx.db, before.tiredUserId)
  const decliner = before.replacementUserId === null ? null : await getUser(ctx.db, before.replacementUserId)
  await endOverrideNow(ctx, before)
  const order = schedule.layers.find((l) => l.members.includes(tired.id))?.members ?? [...new Set(schedule.layers.flatMap((l) => l.members))]
  const declined = [...before.declinedBy, ...(before.replacementUserId === null ? [] : [before.replacementUserId])]
  const excluded = new Set([tired.id, ...declined])
  const { candidates, users } = await replacementCandidates(ctx.db, ctx.now, order.filter((m) => !excluded.has(m)))
  users.set(tired.id, tired)
  for (const u of (await usersById(ctx.db, declined)).values()) users.set(u.id, u)
  const choice = chooseReplacement({ tiredUserId: tired.id, rotationOrder: order.filter((m) => !declined.includes(m)), candidates })
  const who = decliner?.name ?? 'the replacement'
  const at = formatLocal(ctx.now, tired.timeZone, 'full')
  const because = note === '' ? '' : ` (${note})`
  const declinedJson = JSON.stringify([...new Set(declined)])
  let result: ReliefActionResult
  if (!choice.none) {
    const next = users.get(choice.userId) ?? (await getUser(ctx.db, choice.userId))
    const overrideId = await handOver(ctx, before, next, tired, `Relief for ${tired.name} (${who} declined): ${before.reason}`)
    const message = `${who} declined at ${at}${because}; ${next.name} takes the pager for ${tired.name} until ${formatLocal(before.end, tired.timeZone, 'full')}.`
    await ctx.db.updateTable('reliefs').set({ replacement_user_id: next.id, override_id: overrideId, status: 'active', outcome_note: message, declined_by_json: declinedJson, updated_at: ctx.now }).where('id', '=', id).execute()
    await noticePerson(ctx.db, ctx.now, next, {
      idempotencyKey: `relief:${id}:replacement:${next.id}:${ctx.now}`,
      subject: `You have the pager on ${schedule.name} for ${tired.name}`,
      text: `You are on call on ${schedule.name} in place of ${tired.name} until ${formatLocal(before.end, next.timeZone, 'full')}: ${who} declined. Why ${tired.name} is relieved: ${before.reason}. If you cannot take it, decline: \`tend relief decline ${id}\`.`,
      payload: { type: 'relief', reliefId: id },
    })
    result = { relief: await reload(ctx.db, id), outcome: 'reassigned', message }
  } else {
    const names = [...new Set(declined)].map((d) => users.get(d)?.name ?? d)
    const others = choice.skipped.filter((x) => !declined.includes(x.userId)).map((x) => `${users.get(x.userId)?.name ?? x.userId} is ${x.reason === 'no availability known' ? 'of unknown availability' : x.reason}`)
    const why = [`${listText(names)} declined`, ...others].join('; ')
    const message = `${who} declined at ${at}${because}; nobody else can take it (${why}): ${tired.name} keeps the pager.`
    await ctx.db.updateTable('reliefs').set({ status: 'declined', end_at: ctx.now, outcome_note: message, declined_by_json: declinedJson, updated_at: ctx.now }).where('id', '=', id).execute()
    await noticePerson(ctx.db, ctx.now, tired, {
      idempotencyKey: `relief:${id}:declined`,
      subject: `Your relief on ${schedule.name} was declined: you have the pager again`,
      text: `${message} If you cannot carry on, tell your team's admins.`,
      payload: { type: 'relief-declined', reliefId: id },
    })
    result = { relief: await reload(ctx.db, id), outcome: 'tired-keeps-pager', message }
  }
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'relief.decline', entityType: 'relief', entityId: id, teamId: team.id, before, after: result.relief })
  await tellTeam(ctx.db, ctx.now, team, { kind: 'relief-declined', idempotencyKey: `relief:${id}:declined:${ctx.now}`, subject: `Relief for ${tired.name} declined`, text: result.message, payload: { type: 'relief-declined', reliefId: id, outcome: result.outcome } })
  return result
}

/** Takes over a relief: the caller (or, for team admins, `userId`) gets the pager for the rest of it. */
export async function takeOverRelief(ctx: CommandCtx & { principal: Principal }, id: string, input: { userId?: string | undefined } = {}): Promise<ReliefActionResult> {
  const before = await liveRelief(ctx.db, id, ctx.now, true)
  const errors = new FieldErrors()
  const ref = input.userId ?? ctx.principal.userId
  const to = await findUserByRef(ctx.db, ref)
  if (to === null) errors.add('userId', `user ${ref} does not exist`)
  errors.throwIfAny()
  const taker = to as User
  if (taker.id !== ctx.principal.userId && !hasTeamRole(ctx.principal, before.teamId, 'admin')) throw forbidden('Only a team admin can hand a relief to someone else; take it over yourself instead')
  if (taker.id === ctx.principal.userId && !hasTeamRole(ctx.principal, before.teamId, 'responder')) throw forbidden('Taking over a relief needs the responder role on the team')
  if (taker.id === before.tiredUserId) throw invalid('userId', `${taker.name} is the person being relieved; to hand the pager back, the replacement declines the relief`)
  if (taker.id === before.replacementUserId) throw invalid('userId', `${taker.name} already has this relief`)
  const members = new Set((await listTeamMembers(ctx.db, before.teamId)).map((m) => m.userId))
  const schedule = await getSchedule(ctx.db, before.scheduleId)
  if (!members.has(taker.id) && !schedule.layers.some((l) => l.members.includes(taker.id))) throw invalid('userId', `${taker.name} is neither on the team nor in the rotation`)
  const team = await getTeam(ctx.db, before.teamId)
  const tired = await getUser(ctx.db, before.tiredUserId)
  const previous = before.replacementUserId === null ? null : await getUser(ctx.db, before.replacementUserId)
  await endOverrideNow(ctx, before)
  const overrideId = await handOver(ctx, before, taker, tired, `Relief for ${tired.name} (taken over by ${taker.name}): ${before.reason}`)
  const message = `${taker.name} took over at ${formatLocal(ctx.now, tired.timeZone, 'full')}${previous === null ? '' : ` from ${previous.name}`}: ${taker.name} has the pager for ${tired.name} until ${formatLocal(before.end, tired.timeZone, 'full')}.`
  await ctx.db.updateTable('reliefs').set({ replacement_user_id: taker.id, override_id: overrideId, status: 'taken_over', outcome_note: message, updated_at: ctx.now }).where('id', '=', id).execute()
  const after = await reload(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'relief.take_over', entityType: 'relief', entityId: id, teamId: team.id, before, after })
  // Someone stepped in where nobody was eligible: the admins' "relief needed" page is answered.
  if (before.status === 'needed') await resolveReliefNeededAlert(ctx, before, message)
  if (previous !== null) {
    await noticePerson(ctx.db, ctx.now, previous, { idempotencyKey: `relief:${id}:released:${previous.id}:${ctx.now}`, subject: `${taker.name} took over the pager on ${schedule.name}`, text: `${message} You are off the pager.`, payload: { type: 'relief-taken-over', reliefId: id } })
  }
  await tellTeam(ctx.db, ctx.now, team, { kind: 'relief', idempotencyKey: `relief:${id}:taken-over:${ctx.now}`, subject: `${taker.name} took over the relief for ${tired.name}`, text: message, payload: { type: 'relief-taken-over', reliefId: id } })
  return { relief: after, outcome: 'taken-over', message }
}

/** Marks reliefs whose period is over as ended and tells the people and the team. Returns how many. */
export async function endDueReliefs(db: Db, now: Instant): Promise<number> {
  const due = await db.selectFrom('reliefs').selectAll().where('status', 'in', ['active', 'taken_over']).where('end_at', '<=', now).orderBy('end_at').limit(100).execute()
  for (const row of due) {
    const relief = reliefFromRow(row)
    const done = await db.updateTable('reliefs').set({ status: 'ended', updated_at: now }).where('id', '=', relief.id).where('status', '=', row.status).executeTakeFirst()
    if (Number(done.numUpdatedRows) === 0) continue
    const tired = await getUser(db, relief.tiredUserId)
    const replacement = relief.replacementUserId === null ? null : await getUser(db, relief.replacementUserId)
    const schedule = await getSchedule(db, relief.scheduleId)
    const team = await getTeam(db, relief.teamId)
    const text = `The relief for ${tired.name} on ${schedule.name} ended at ${formatLocal(relief.end, tired.timeZone, 'full')}: the pager is back with the rotation${replacement === null ? '' : `, and ${replacement.name} is off it`}.`
    await noticePerson(db, now, tired, { idempotencyKey: `relief:${relief.id}:ended:tired`, subject: `Your relief on ${schedule.name} has ended`, text, payload: { type: 'relief-ended', reliefId: relief.id } })
    if (replacement !== null) await noticePerson(db, now, replacement, { idempotencyKey: `relief:${relief.id}:ended:replacement`, subject: `You are off the pager for ${tired.name}`, text, payload: { type: 'relief-ended', reliefId: relief.id } })
    await tellTeam(db, now, team, { kind: 'relief-ended', idempotencyKey: `relief:${relief.id}:ended`, subject: `Relief for ${tired.name} ended`, text, payload: { type: 'relief-ended', reliefId: relief.id } })
  }
  return due.length
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

/** Resolves the open "relief needed" alert of a relief, if any, saying who stepped in. */
async function resolveReliefNeededAlert(ctx: CommandCtx, relief: Relief, message: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('alerts')
    .select('id')
    .where('dedup_key', '=', `relief-needed:${relief.scheduleId}:${relief.tiredUserId}:${relief.night}`)
    .where('status', '<>', 'resolved')
    .executeTakeFirst()
  if (row === undefined) return
  await resolveAlert(ctx.db, ctx.now, ctx.actor, await getAlert(ctx.db, row.id), { note: message.slice(0, 2000) })
}

function invalid(field: string, reason: string): AppError {
  return new AppError('E_VALIDATION', `${field}: ${reason}`, { fields: [{ field, reason }] })
}

async function reload(db: Db, id: string): Promise<Relief> {
  const r = await findRelief(db, id)
  if (r === null) throw notFound('relief', id)
  return r
}
