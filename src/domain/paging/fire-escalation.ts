import type { Alert } from '../alerts/index.js'
import { findPolicy, planStep } from '../escalation/index.js'
import { getSchedule, listSchedules, scheduleOnCall } from '../schedules/index.js'
import { getService } from '../services/index.js'
import { getTeam } from '../teams/index.js'
import { usersById } from '../users/index.js'
import { logPaging, moveEscalation, onlyBundling, type FiringCtx, type PagingCtx } from './context.js'
import { notifyPeople, type Recipient } from './notify-people.js'
import { configured } from './config-cache.js'
import { raiseUnreachable } from './unreachable.js'

/**
 * Fires the alert's due escalation step: resolves its targets to people (a schedule means
 * whoever is on call now), notifies them, and moves the alert to its next step, gathered in the
 * context's writes (flushPaging writes them in the caller's transaction). Low-urgency alerts
 * notify the first step only: they never escalate.
 */
export async function fireEscalation(ctx: FiringCtx, alert: Alert): Promise<void> {
  const service = await configured(ctx, `service:${alert.serviceId}`, () => getService(ctx.db, alert.serviceId))
  const team = await configured(ctx, `team:${service.teamId}`, () => getTeam(ctx.db, service.teamId))
  const names = { service: service.name, team: team.name }
  const firing = `l${alert.escalationLoop}s${alert.escalationStep}`

  onlyBundling(ctx, alert.directTargets === null, 'a direct page')
  if (alert.directTargets !== null) {
    const users = await usersById(ctx.db, alert.directTargets)
    const recipients = alert.directTargets.map((id) => ({ userId: id, reason: 'paged directly' }))
    await logPaging(ctx, alert.id, 'escalated', `Paging ${alert.directTargets.map((id) => users.get(id)?.name ?? id).join(', ')} directly`)
    await deliver(ctx, alert, names, recipients, `d${alert.escalationLoop}`)
    moveEscalation(ctx, alert.id, null)
    return
  }

  const policyId = alert.policyId
  const policy = policyId === null ? null : await configured(ctx, `policy:${policyId}`, () => findPolicy(ctx.db, policyId))
  onlyBundling(ctx, policy !== null, 'no escalation policy')
  if (policy === null) {
    // No policy: everyone on call on the owning team's schedules, at once, one time.
    const recipients: Recipient[] = []
    for (const schedule of await configured(ctx, `team-schedules:${service.teamId}`, () => listSchedules(ctx.db, { teamId: service.teamId }))) {
      const who = await onCallOf(ctx, alert, schedule.id)
      if (who !== null) recipients.push({ userId: who, reason: `on call on ${schedule.name} (the service has no escalation policy)` })
    }
    if (recipients.length === 0) await logPaging(ctx, alert.id, 'nobody_on_call', `${service.name} has no escalation policy and nobody is on call on team ${team.name}'s schedules`)
    else await logPaging(ctx, alert.id, 'escalated', `No escalation policy: paging team ${team.name}'s on-call`)
    await deliver(ctx, alert, names, recipients, firing)
    moveEscalation(ctx, alert.id, null)
    return
  }

  const step = planStep(policy, { step: alert.escalationStep, loop: alert.escalationLoop })
  onlyBundling(ctx, step !== null, 'no step left')
  if (step === null) {
    await logPaging(ctx, alert.id, 'escalation_exhausted', `Nobody acknowledged after every step of ${policy.name}${policy.repeatCount > 0 ? ` (repeated ${policy.repeatCount}×)` : ''}`)
    moveEscalation(ctx, alert.id, null)
    return
  }
  const stepLabel = `step ${alert.escalationStep + 1} of ${policy.name}${alert.escalationLoop > 0 ? `, pass ${alert.escalationLoop + 1}` : ''}`
  const recipients: Recipient[] = []
  for (const target of step.step.targets) {
    if (target.type === 'user') recipients.push({ userId: target.id, reason: stepLabel })
    else {
      const schedule = await configured(ctx, `schedule:${target.id}`, () => getSchedule(ctx.db, target.id)).catch(() => null)
      const who = schedule === null ? null : await onCallOf(ctx, alert, schedule.id)
      if (schedule !== null && who !== null) recipients.push({ userId: who, reason: `on call on ${schedule.name} (${stepLabel})` })
    }
  }
  onlyBundling(ctx, recipients.length > 0, 'nobody to reach')
  await logPaging(ctx, alert.id, 'escalated', `Escalating: ${stepLabel}`, { step: alert.escalationStep, loop: alert.escalationLoop })
  await deliver(ctx, alert, names, uniqueByUser(recipients), firing)
  const next = alert.urgency === 'low' ? null : step.next
  moveEscalation(ctx, alert.id, next === null ? null : { ...next, at: ctx.now + step.nextDelayMs })
}

async function deliver(ctx: FiringCtx, alert: Alert, names: { service: string; team: string }, recipients: readonly Recipient[], firing: string): Promise<void> {
  const outcome = await notifyPeople(ctx, alert, names, recipients, firing)
  for (const u of outcome.unreachable) await raiseUnreachable(ctx, alert, u.userId, u.why)
}

/** Who is on call on a schedule now; logs a gap on the alert's timeline. */
async function onCallOf(ctx: PagingCtx, alert: Alert, scheduleId: string): Promise<string | null> {
  const schedule = await configured(ctx, `schedule:${scheduleId}`, () => getSchedule(ctx.db, scheduleId))
  // Overrides are read each time: they are about now, not configuration.
  const now = await scheduleOnCall(ctx.db, schedule, ctx.now)
  if (now.shift.userId === null) await logPaging(ctx, alert.id, 'nobody_on_call', `Nobody is on call on ${schedule.name} right now (a gap in the schedule)`)
  return now.shift.userId
}

function uniqueByUser(recipients: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>()
  return recipients.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true)))
}

