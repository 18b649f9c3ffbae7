/**
 * Automatic relief, applied: for each schedule on which a person woken too often is on call
 * (by a layer), decide with planRelief and then, in the caller's transaction:
 * - relieve: claim the (schedule, person, night) row, create a 'relief' override that replaces
 *   only the tired person (no gap can open), and tell both people and the team why;
 * - escalate: nobody is eligible, so the tired person keeps the pager (row status 'needed') and
 *   the team's admins are paged at high urgency on the team's direct-pages service.
 * The unique row per (schedule, person, night) makes a second run, or a second engine, a no-op.
 */
import { formatLocal, HOUR_MS, type Instant } from '../../lib/time/index.js'
import { newId } from '../../lib/ids.js'
import type { Db } from '../../storage/index.js'
import { applyEvent } from '../alerts/index.js'
import type { Actor } from '../audit/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { createOverride, listSchedules, loadOverrides, onCallAt, SEARCH_HORIZON_MS, type Schedule } from '../schedules/index.js'
import { ensureDirectPagesService } from '../services/index.js'
import { getTeam, listTeamMembers, type Team } from '../teams/index.js'
import type { User } from '../users/index.js'
import type { WakeUp } from './model.js'
import { noticePerson } from './person-notice.js'
import { replacementCandidates, withNames } from './relief-facts.js'
import { planRelief, type ReliefPlan } from './relief-plan.js'
import { tellTeam } from './team-notify.js'
import { loadTeamHealthSettings } from './team-settings.js'

/** Who on-call health acts as, in audit records and alert timelines. */
export const ON_CALL_HEALTH_ACTOR: Actor = Object.freeze({ userId: null, label: 'on-call health' })

/** The alert origin of "relief needed, nobody eligible" pages. */
export const RELIEF_NEEDED_ORIGIN = 'system:relief-needed'

/** What a relief decision did, for logs and tests. */
export interface ReliefOutcome {
  readonly scheduleId: string
  readonly action: ReliefPlan['action'] | 'exists'
  readonly reliefId?: string
}

/** The engine's context: a command context plus the public URL for links in messages. */
export interface HealthCtx extends CommandCtx {
  readonly publicUrl: string
}

/**
 * Decides relief for a person on every schedule where a layer has them on call now.
 * `wakeUpsFor(teamSpan)` returns their wake-ups grouped with a team's span.
 */
export async function considerRelief(ctx: HealthCtx, user: User, wakeUpsFor: (spanMinutes: number) => readonly WakeUp[]): Promise<ReliefOutcome[]> {
  const out: ReliefOutcome[] = []
  const lastReliefEnd = await lastReliefEndOf(ctx.db, user.id, ctx.now)
  for (const schedule of await listSchedules(ctx.db)) {
    if (!schedule.layers.some((l) => l.members.includes(user.id))) continue
    const overrides = await loadOverrides(ctx.db, schedule.id, ctx.now - SEARCH_HORIZON_MS, ctx.now + SEARCH_HORIZON_MS)
    const shift = onCallAt(schedule, overrides, ctx.now)
    // Only a layer's on-call is relieved: someone on call by an override chose to be.
    if (shift.userId !== user.id || shift.source.type !== 'layer') continue
    const layerId = shift.source.layerId
    const layer = schedule.layers.find((l) => l.id === layerId)
    if (layer === undefined) continue
    const settings = await loadTeamHealthSettings(ctx.db, schedule.teamId)
    if (!settings.autoRelief) continue
    const wakeUps = wakeUpsFor(settings.wakeUpSpanMinutes).filter((w) => w.userId === user.id && w.start >= lastReliefEnd && w.start <= ctx.now)
    const night = wakeUps.reduce<WakeUp | null>((l, w) => (l === null || w.start > l.start ? w : l), null)?.night
    if (night === undefined) continue
    const taken = await ctx.db.selectFrom('reliefs').select('id').where('schedule_id', '=', schedule.id).where('tired_user_id', '=', user.id).where('night', '=', night).executeTakeFirst()
    if (taken !== undefined) {
      out.push({ scheduleId: schedule.id, action: 'exists', reliefId: taken.id })
      continue
    }
    const { candidates, users } = await replacementCandidates(ctx.db, ctx.now, layer.members.filter((m) => m !== user.id))
    users.set(user.id, user)
    const plan = planRelief({ now: ctx.now, rule: settings.relief, tiredUserId: user.id, wakeUps, shiftEnd: shift.end, rotationOrder: layer.members, candidates })
    if (plan.action === 'none') continue
    const team = await getTeam(ctx.db, schedule.teamId)
    const reliefId = plan.action === 'relieve' ? await relieve(ctx, team, schedule, user, night, plan, users) : await escalate(ctx, team, schedule, user, night, plan, users, shift.end, settings.relief)
    if (reliefId !== null) out.push({ scheduleId: schedule.id, action: plan.action, reliefId })
  }
  return out
}

/** When the person's latest relief ended (wake-ups before it were already paid for); 0 if never. */
async function lastReliefEndOf(db: Db, userId: string, now: Instant): Promise<Instant> {
  const row = await db
    .selectFrom('reliefs')
    .select((eb) => eb.fn.max('end_at').as('end'))
    .where('tired_user_id', '=', userId)
    .where('status', 'in', ['active', 'taken_over', 'ended', 'declined'])
    .where('start_at', '<=', now)
    .executeTakeFirst()
  return row?.end === null || row?.end === undefined ? 0 : Math.min(Number(row.end), now)
}

async function relieve(
  ctx: HealthCtx,
  team: Team,
  schedule: Schedule,
  tired: User,
  night: string,
  plan: Extract<ReliefPlan, { action: 'relieve' }>,
  users: ReadonlyMap<string, User>,
): Promise<string | null> {
  const replacement = users.get(plan.override.userId)
  if (replacement === undefined) return null
  const id = newId()
  const because = plan.because
  const reason = `Relief for ${tired.name}: ${because}`.slice(0, 500)
  const claimed = await ctx.db
    .insertInto('reliefs')
    .values({
      id,
      team_id: team.id,
      schedule_id: schedule.id,
      tired_user_id: tired.id,
      replacement_user_id: replacement.id,
      override_id: null,
      start_at: plan.override.start,
      end_at: plan.override.end,
      status: 'active',
      reason: because,
      night,
      outcome_note: null,
      declined_by_json: '[]',
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .onConflict((c) => c.columns(['schedule_id', 'tired_user_id', 'night']).doNothing())
    .executeTakeFirst()
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return null
  const override = await createOverride(
    { ...ctx, actor: ON_CALL_HEALTH_ACTOR },
    schedule.id,
    { userId: replacement.id, replacesUserId: tired.id, kind: 'relief', start: plan.override.start, end: plan.override.end, reason },
    { allowRelief: true },
  )
  await ctx.db.updateTable('reliefs').set({ override_id: override.id }).where('id', '=', id).execute()
  const why = withNames(plan.why, users)
  await recordAudit(ctx.db, ctx.now, {
    actor: ON_CALL_HEALTH_ACTOR,
    action: 'relief.create',
    entityType: 'relief',
    entityId: id,
    teamId: team.id,
    after: { scheduleId: schedule.id, tiredUserId: tired.id, replacementUserId: replacement.id, overrideId: override.id, start: plan.override.start, end: plan.override.end, because, why, skipped: plan.skipped },
  })
  const payload = { type: 'relief', reliefId: id, scheduleId: schedule.id, tiredUserId: tired.id, replacementUserId: replacement.id, start: iso(plan.override.start), end: iso(plan.override.end), because }
  const until = (u: User) => `until ${formatLocal(plan.override.end, u.timeZone, 'full')}`
  await noticePerson(ctx.db, ctx.now, tired, {
    idempotencyKey: `relief:${id}:tired`,
    subject: `You are relieved: ${replacement.name} has the pager on ${schedule.name}`,
    text: `${replacement.name} has the pager on ${schedule.name} for you ${until(tired)}. Why: ${because}. Go back to sleep. Alerts you already acknowledged stay with you unless you reassign them; new alerts go to ${replacement.name}.`,
    payload,

  })
  await noticePerson(ctx.db, ctx.now, replacement, {
    idempotencyKey: `relief:${id}:replacement`,
    subject: `You have the pager on ${schedule.name} for ${tired.name}`,
    text: `You are on call on ${schedule.name} in place of ${tired.name} from ${formatLocal(plan.override.start, replacement.timeZone, 'full')} ${until(replacement)}. Why: ${because}. You were chosen as ${why}. If you cannot take it, decline: \`tend relief decline ${id}\` or POST /api/v1/reliefs/${id}/decline (${ctx.publicUrl}).`,
    payload,
  })
  await tellTeam(ctx.db, ctx.now, team, {
    kind: 'relief',
    idempotencyKey: `relief:${id}`,
    subject: `${tired.name} relieved: ${replacement.name} has the pager on ${schedule.name}`,
    text: `${tired.name} was relieved on ${schedule.name}: ${replacement.name} has the pager ${until(tired)}. Why: ${because}. Chosen: ${why}.${skippedText(plan.skipped, users)}`,
    payload,
  })
  return id
}

async function escalate(
  ctx: HealthCtx,
  team: Team,
  schedule: Schedule,
  tired: User,
  night: string,
  plan: Extract<ReliefPlan, { action: 'escalate' }>,
  users: ReadonlyMap<string, User>,
  shiftEnd: Instant,
  rule: { readonly recovery: { readonly mode: string; readonly hours?: number } },
): Promise<string | null> {
  const id = newId()
  const end = rule.recovery.mode === 'recovery-period' && rule.recovery.hours !== undefined ? ctx.now + rule.recovery.hours * HOUR_MS : Math.max(shiftEnd, ctx.now + 1)
  const why = withNames(plan.why, users)
  const claimed = await ctx.db
    .insertInto('reliefs')
    .values({
      id,
      team_id: team.id,
      schedule_id: schedule.id,
      tired_user_id: tired.id,
      replacement_user_id: null,
      override_id: null,
      start_at: ctx.now,
      end_at: end,
      status: 'needed',
      reason: plan.because,
      night,
      declined_by_json: '[]',
      outcome_note: `Nobody eligible (${why}); ${tired.name} keeps the pager and the team's admins were paged.`,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .onConflict((c) => c.columns(['schedule_id', 'tired_user_id', 'night']).doNothing())
    .executeTakeFirst()
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return null
  const teamAdmins = (await listTeamMembers(ctx.db, team.id)).filter((m) => m.role === 'admin' && m.userId !== tired.id).map((m) => m.userId)
  const targets = teamAdmins.length > 0 ? teamAdmins : (await ctx.db.selectFrom('users').select('id').where('is_admin', '=', 1).where('id', '<>', tired.id).execute()).map((r) => r.id)
  let alertId: string | null = null
  if (targets.length > 0) {
    const service = await ensureDirectPagesService({ ...ctx, actor: ON_CALL_HEALTH_ACTOR }, team.id, team.name)
    const result = await applyEvent(
      ctx.db,
      ctx.now,
      ON_CALL_HEALTH_ACTOR,
      service,
      {
        action: 'trigger',
        dedupKey: `relief-needed:${schedule.id}:${tired.id}:${night}`,
        summary: `Relief needed for ${tired.name} on ${schedule.name}, nobody eligible`,
        source: 'tend on-call health',
        severity: 'critical',
        urgency: 'high',
        details: { reliefId: id, scheduleId: schedule.id, tiredUserId: tired.id, because: plan.because, why, skipped: plan.skipped },
        links: [],
      },
      { origin: RELIEF_NEEDED_ORIGIN, urgencyOverride: 'high', directTargets: targets },
    )
    alertId = result.alertId
  }
  await recordAudit(ctx.db, ctx.now, {
    actor: ON_CALL_HEALTH_ACTOR,
    action: 'relief.needed',
    entityType: 'relief',
    entityId: id,
    teamId: team.id,
    after: { scheduleId: schedule.id, tiredUserId: tired.id, because: plan.because, why, skipped: plan.skipped, pagedAdmins: targets, alertId },
  })
  const payload = { type: 'relief-needed', reliefId: id, scheduleId: schedule.id, tiredUserId: tired.id, because: plan.because, why, alertId }
  await noticePerson(ctx.db, ctx.now, tired, {
    idempotencyKey: `relief:${id}:tired`,
    subject: `Relief due, but nobody can take the pager on ${schedule.name}`,
    text: `Relief is due (${plan.because}), but ${why}. You keep the pager on ${schedule.name} for now; ${targets.length > 0 ? "your team's admins have been paged to find cover" : 'no admin could be paged'}.`,
    payload,

  })
  await tellTeam(ctx.db, ctx.now, team, {
    kind: 'relief-needed',
    idempotencyKey: `relief:${id}`,
    subject: `Relief needed for ${tired.name} on ${schedule.name}: nobody eligible`,
    text: `${tired.name} needs relief on ${schedule.name} (${plan.because}), but ${why}. ${tired.name} keeps the pager until someone takes over; the team's admins were paged.`,
    payload,
  })
  return id
}

const iso = (i: Instant): string => new Date(i).toISOString()

/** " Passed over: Cleo (in recovery)." or "". */
function skippedText(skipped: readonly { readonly userId: string; readonly reason: string }[], users: ReadonlyMap<string, User>): string {
  if (skipped.length === 0) return ''
  return ` Passed over: ${skipped.map((x) => `${users.get(x.userId)?.name ?? x.userId} (${x.reason})`).join(', ')}.`
}
