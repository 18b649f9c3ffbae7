import type { Alert } from '../alerts/index.js'
import { BUNDLE_WINDOW_MS, ENGAGED_WINDOW_MS, engagementMatters, planNotifications, renderAlertMessage, type NewNotification } from '../notify/index.js'
import { findUser, listContactMethodsMeta, listNotificationRules } from '../users/index.js'
import { formatLocal } from '../../lib/time/index.js'
import { logPaging, onlyBundling, queueMessages, type FiringCtx, type PagingCtx } from './context.js'
import { memoized } from './memo.js'
import { configured } from './config-cache.js'
import { latestChangeLine } from '../change-requests/index.js'
import { listDependencyEdges } from '../services/index.js'
import { preparedQuery } from '../../storage/index.js'

export interface Recipient {
  readonly userId: string
  /** Why this person is paged, in words: "on call on Platform primary (step 1 of Platform)". */
  readonly reason: string
}

export interface NotifyOutcome {
  /** People for whom at least one message (or a bundle) was queued. */
  readonly reached: readonly string[]
  /** People nothing could be queued for, with why. */
  readonly unreachable: readonly { userId: string; why: string }[]
}

/**
 * Tells each recipient about an alert according to their own notification rules, in the
 * caller's transaction, and records what was decided on the alert's timeline.
 */
export async function notifyPeople(ctx: FiringCtx, alert: Alert, names: { service: string; team: string }, recipients: readonly Recipient[], firing: string): Promise<NotifyOutcome> {
  const reached: string[] = []
  const unreachable: { userId: string; why: string }[] = []
  const recentChange = () => memoized(ctx, `change:${alert.serviceId}`, async () => latestChangeLine(ctx.db, alert.serviceId, ctx.now, await configured(ctx, 'dependency-edges', () => listDependencyEdges(ctx.db))))
  for (const r of recipients) {
    const user = await configured(ctx, `user:${r.userId}`, () => findUser(ctx.db, r.userId))
    onlyBundling(ctx, user !== null, 'a recipient no longer exists')
    if (user === null) {
      unreachable.push({ userId: r.userId, why: 'the user no longer exists' })
      continue
    }
    const [rules, methods, lastPage] = await Promise.all([
      configured(ctx, `rules:${user.id}`, () => listNotificationRules(ctx.db, user.id)),
      configured(ctx, `methods:${user.id}`, () => listContactMethodsMeta(ctx.db, user.id)),
      firstPageInWindow(ctx, user.id, alert),
    ])
    // Whether they are engaged only changes the plan for someone with a calm method to update them on.
    const engaged = engagementMatters({ urgency: alert.urgency, rules, methods }) ? await isEngaged(ctx, user.id, alert) : false
    const plan = planNotifications({ alertId: alert.id, serviceId: alert.serviceId, urgency: alert.urgency, user, rules, methods, now: ctx.now, firing, lastPageOnService: lastPage, engaged })
    // Checked before this person's messages are queued (fireOnArrival drops what earlier recipients queued).
    onlyBundling(ctx, plan.bundle !== null, `${user.name} would be told now, or later on their own`)
    // Bundled: nothing is sent for this alert. Its timeline row, marked with the follow-up's key,
    // is how the follow-up will list it (bundledAlerts); no message row per alert is kept.
    const sendNow = plan.bundle === null ? plan.messages : []
    const change = sendNow.length > 0 ? await recentChange() : null
    const messages: NewNotification[] = sendNow.map((m) => {
      const rendered = renderAlertMessage({ kind: m.kind, alert, serviceName: names.service, teamName: names.team, timeZone: user.timeZone, reason: r.reason, recentChange: change })
      return {
        alertId: alert.id,
        serviceId: alert.serviceId,
        userId: user.id,
        contactMethodId: m.contactMethodId,
        channel: m.channel,
        kind: m.kind,
        urgency: alert.urgency,
        interrupting: m.interrupting,
        status: m.status,
        notBefore: m.notBefore,
        idempotencyKey: m.idempotencyKey,
        subject: rendered.subject,
        text: rendered.text,
        payload: { reason: r.reason },
      }
    })
    if (plan.bundle !== null) {
      messages.push({
        alertId: null,
        serviceId: alert.serviceId,
        userId: user.id,
        contactMethodId: plan.bundle.method.id,
        channel: plan.bundle.method.type,
        kind: 'bundle',
        urgency: alert.urgency,
        interrupting: plan.bundle.method.interrupting,
        status: 'pending',
        notBefore: plan.bundle.dueAt,
        idempotencyKey: plan.bundle.idempotencyKey,
        subject: `${names.service}: more alerts`,
        text: '(rendered when sent)',
        payload: { serviceName: names.service, windowStart: plan.bundle.windowStart },
      })
    }
    // In an alert storm every alert of a chunk adds to the same bundle: queue it once per chunk.
    const fresh = messages.filter((m) => m.kind !== 'bundle' || ctx.memo === undefined || !ctx.memo.has(`bundle:${m.idempotencyKey}`))
    queueMessages(ctx, fresh)
    for (const m of fresh) {
      if (m.kind === 'bundle') ctx.memo?.set(`bundle:${m.idempotencyKey}`, Promise.resolve(true))
      // A page going out now opens the bundle window for the alerts after it in this chunk.
      if (m.kind === 'alert' && m.status === 'pending' && m.notBefore <= ctx.now && lastPage === null) ctx.memo?.set(firstPageKey(user.id, alert.serviceId), Promise.resolve(ctx.now))
    }
    if (plan.skipped.length > 0) await logPaging(ctx, alert.id, 'notification_failed', `${user.name}: ${plan.skipped.join('; ')}`, { userId: user.id })
    if (messages.length === 0) {
      unreachable.push({ userId: user.id, why: plan.skipped.join('; ') || 'no notification rules' })
      continue
    }
    reached.push(user.id)
    await logPaging(ctx, alert.id, plan.bundle !== null ? 'bundled' : plan.heldUntil !== null ? 'notification_held' : 'notified', describePlan(user.name, user.timeZone, plan, ctx.now, r.reason), { userId: user.id }, plan.bundle?.idempotencyKey ?? null)
  }
  return { reached, unreachable }
}

function describePlan(name: string, zone: string, plan: ReturnType<typeof planNotifications>, now: number, reason: string): string {
  if (plan.bundle !== null) return `${name} was paged for this service less than five minutes ago: bundled into one follow-up at ${formatLocal(plan.bundle.dueAt, zone)}`
  const steps = plan.messages.map((m) => `${m.kind === 'update' ? 'update by ' : ''}${m.channel}${m.notBefore > now ? ` at ${formatLocal(m.notBefore, zone)}` : ' now'}`)
  const held = plan.heldUntil === null ? '' : ` (low urgency: held until their working hours, ${formatLocal(plan.heldUntil, zone)})`
  return `Notifying ${name} — ${reason}: ${steps.join(', ')}${held}`
}

const firstPageKey = (userId: string, serviceId: string) => `first-page:${userId}:${serviceId}`

/**
 * lastPageOnService, read once per person and service in a chunk (then kept up to date by the
 * pages the chunk queues): in a storm, every alert of a chunk would otherwise ask the same.
 * Firings on arrival also share what was read in the last second (ctx.firstPages).
 */
function firstPageInWindow(ctx: PagingCtx, userId: string, alert: Alert): Promise<number | null> {
  return memoized(ctx, firstPageKey(userId, alert.serviceId), async () => {
    const known = ctx.firstPages?.get(userId, alert.serviceId, ctx.now)
    if (known !== undefined) return known
    const read = await lastPageOnService(ctx, userId, alert)
    if (read !== null) ctx.firstPages?.remember(userId, alert.serviceId, read, ctx.now)
    return read
  })
}

/** When this person was first paged for another alert on this service within the bundle window. */
async function lastPageOnService(ctx: PagingCtx, userId: string, alert: Alert): Promise<number | null> {
  // The first qualifying row in the (user, service, created_at) index order, rather than min()
  // over every row of the window: in an alert storm the window holds thousands of bundled rows.
  const [row] = await selectFirstPageInWindow(ctx.db, userId, alert.serviceId, ctx.now - BUNDLE_WINDOW_MS, alert.id, ctx.now)
  return row === undefined ? null : Number(row.created_at)
}

const selectFirstPageInWindow = preparedQuery('first page in the bundle window', (db, userId: string, serviceId: string, since: number, alertId: string, now: number) =>
  db
    .selectFrom('notifications')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('service_id', '=', serviceId)
    .where('created_at', '>', since)
    .where('kind', '=', 'alert')
    .where('status', 'in', ['pending', 'sending', 'sent'])
    .where('alert_id', '<>', alertId)
    // A message held for working hours has not reached anyone yet: it opens no bundle window.
    .where('not_before', '<=', now)
    .orderBy('created_at')
    .limit(1),
)

/** Whether this person acknowledged another alert on this service in the last 30 minutes. */
async function isEngaged(ctx: PagingCtx, userId: string, alert: Alert): Promise<boolean> {
  const rows = await selectEngagement(ctx.db, alert.serviceId, userId, ctx.now - ENGAGED_WINDOW_MS, alert.id)
  return rows.length > 0
}

const selectEngagement = preparedQuery('recent acknowledgement on the service', (db, serviceId: string, userId: string, since: number, alertId: string) =>
  db.selectFrom('alerts').select('id').where('service_id', '=', serviceId).where('acknowledged_by', '=', userId).where('acknowledged_at', '>', since).where('id', '<>', alertId).limit(1),
)
