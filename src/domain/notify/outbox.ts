import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import { sql, type CompiledQuery, type ExpressionBuilder, type Insertable, type RawBuilder, type SqlBool } from 'kysely'
import { insertRow, insertRowsQueries, type Database, type Db, type NotificationsTable } from '../../storage/index.js'
import type { ContactMethodType, Urgency } from '../users/index.js'
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js'
import type { NewNotification, Notification, NotificationKind, NotificationStatus } from './model.js'

export function notificationFromRow(r: NotificationsTable): Notification {
  return {
    id: r.id,
    alertId: r.alert_id,
    serviceId: r.service_id,
    userId: r.user_id,
    contactMethodId: r.contact_method_id,
    channel: r.channel as ContactMethodType,
    kind: r.kind as NotificationKind,
    urgency: r.urgency as Urgency,
    interrupting: r.interrupting === 1,
    status: r.status as NotificationStatus,
    notBefore: r.not_before,
    nextAttemptAt: r.next_attempt_at,
    attempts: r.attempts,
    lastError: r.last_error,
    providerId: r.provider_id,
    idempotencyKey: r.idempotency_key,
    subject: r.subject,
    text: r.body_text,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

/**
 * Puts messages in the outbox, in the caller's transaction. A message whose idempotency key is
 * already there is skipped, so re-running the work that produced it (after a crash) is harmless.
 * Returns the ids of the rows actually inserted.
 */
export async function enqueueNotifications(db: Db, now: Instant, messages: readonly NewNotification[]): Promise<string[]> {
  const inserted: string[] = []
  for (const m of messages) {
    const row = notificationRow(now, m)
    if ((await insertRow(db, 'notifications', row, { onConflictDoNothing: 'idempotency_key' })) > 0) inserted.push(row.id)
  }
  return inserted
}

/**
 * The statements that put many messages in the outbox, skipping idempotency keys already there
 * (like enqueueNotifications, without telling which were new), for executeTogether: the engine
 * writes an alert storm's pages with its other writes of a chunk.
 */
export function notificationsQueries(db: Db, now: Instant, messages: readonly NewNotification[]): CompiledQuery[] {
  return insertRowsQueries(db, 'notifications', messages.map((m) => notificationRow(now, m)), { onConflictDoNothing: 'idempotency_key' })
}

function notificationRow(now: Instant, m: NewNotification): Insertable<NotificationsTable> & { id: string } {
  return {
    id: newId(),
    alert_id: m.alertId,
    service_id: m.serviceId,
    user_id: m.userId,
    contact_method_id: m.contactMethodId,
    channel: m.channel,
    kind: m.kind,
    urgency: m.urgency,
    interrupting: m.interrupting ? 1 : 0,
    status: m.status,
    not_before: m.notBefore,
    next_attempt_at: m.notBefore,
    attempts: 0,
    sending_until: null,
    last_error: null,
    provider_id: null,
    idempotency_key: m.idempotencyKey,
    subject: m.subject,
    body_text: m.text,
    payload_json: JSON.stringify(m.payload),
    created_at: now,
    sent_at: null,
  }
}

/** Cancels an alert's messages that have not gone out yet (acknowledged, resolved, reassigned). */
export async function cancelPendingNotifications(db: Db, alertId: string, now: Instant): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ status: 'cancelled', last_error: `cancelled at ${new Date(now).toISOString()}: the alert no longer needs it` })
    .where('alert_id', '=', alertId)
    .where('status', '=', 'pending')
    .where('kind', 'in', ['alert', 'update'])
    .executeTakeFirst()
  return Number(res.numUpdatedRows)
}

/**
 * Claims due messages for sending: pending ones whose time has come, and ones stuck in
 * `sending` past their deadline (the process that sent them died, so the outcome is unknown;
 * they are sent again with the same idempotency key). Marks them `sending` until `deadline`.
 */
export async function claimDueNotifications(db: Db, now: Instant, deadline: Instant, limit: number): Promise<Notification[]> {
  // One statement (a round trip on PostgreSQL): mark the due messages and return them as marked.
  const rows = await db
    .updateTable('notifications')
    .set((eb) => ({ status: 'sending', sending_until: deadline, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('notifications').select('id').where(dueToSend(now)).orderBy('next_attempt_at').limit(limit))
    // Checked again on the row itself: on PostgreSQL a row changed meanwhile (cancelled by an
    // acknowledgement) is re-checked against this condition, not against the subquery's.
    .where(dueToSend(now))
    .returningAll()
    .execute()
  return inClaimOrder(rows).map(notificationFromRow)
}

/** A message the outbox should send now: pending and due, or `sending` past its deadline (its sender died). */
export const dueToSend = (now: Instant): RawBuilder<SqlBool> => sql<SqlBool>`((status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and sending_until < ${now}))`

/** RETURNING keeps no order: claimed rows sorted as the claim chose them, the oldest due first. */
export function inClaimOrder<R extends { next_attempt_at: number; id: string }>(rows: R[]): R[] {
  return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export type DeliveryResult =
  | { readonly ok: true; readonly providerId: string | null; readonly durationMs: number }
  | { readonly ok: false; readonly permanent: boolean; readonly error: string; readonly durationMs: number; readonly timedOut?: boolean }

/** One attempt for deliveryWrites: the message, its outcome, and the jitter for its retry. */
export interface Attempt {
  readonly n: Notification
  readonly result: DeliveryResult
  readonly random: number
}

/**
 * The writes recording a batch of attempts, compiled (to run with the caller's own), and each
 * message's new status. Sent: done. Failed: back to pending with backoff, or dead after the
 * last attempt or a permanent error. Few statements: every attempt row in one insert, the
 * messages sent without a provider id (webhooks, Slack) in one update; provider ids and
 * failures one by one.
 *
 * A status is written only while the message is still held by this claim (`sending` until
 * `claimedUntil`): a sender that stalled past its deadline may find the message claimed again
 * by another, whose outcome is the one that counts. Its attempt is still recorded.
 */
export function deliveryWrites(db: Db, now: Instant, attempts: readonly Attempt[], claimedUntil: Instant): { queries: CompiledQuery[]; statuses: NotificationStatus[] } {
  if (attempts.length === 0) return { queries: [], statuses: [] }
  const queries = insertRowsQueries(
    db,
    'notification_attempts',
    attempts.map(({ n, result }) => ({ id: newId(), notification_id: n.id, at: now, outcome: result.ok ? 'sent' : result.timedOut === true ? 'timeout' : 'failed', error: result.ok ? null : result.error, duration_ms: Math.round(result.durationMs) })),
  )
  const stillClaimed = (eb: ExpressionBuilder<Database, 'notifications'>) => eb.and([eb('status', '=', 'sending'), eb('sending_until', '=', claimedUntil)])
  const sentPlain: string[] = []
  const statuses: NotificationStatus[] = []
  for (const { n, result, random } of attempts) {
    if (result.ok) {
      if (result.providerId === null) sentPlain.push(n.id)
      else queries.push(db.updateTable('notifications').set({ status: 'sent', sent_at: now, sending_until: null, provider_id: result.providerId, last_error: null }).where('id', '=', n.id).where(stillClaimed).compile())
      statuses.push('sent')
      continue
    }
    const dead = result.permanent || n.attempts >= MAX_ATTEMPTS
    queries.push(
      db
        .updateTable('notifications')
        .set({ status: dead ? 'dead' : 'pending', sending_until: null, last_error: result.error, next_attempt_at: dead ? n.nextAttemptAt : now + retryDelayMs(n.attempts, random) })
        .where('id', '=', n.id)
        .where(stillClaimed)
        .compile(),
    )
    statuses.push(dead ? 'dead' : 'pending')
  }
  for (let i = 0; i < sentPlain.length; i += 500) {
    queries.push(db.updateTable('notifications').set({ status: 'sent', sent_at: now, sending_until: null, provider_id: null, last_error: null }).where('id', 'in', sentPlain.slice(i, i + 500)).where(stillClaimed).compile())
  }
  return { queries, statuses }
}

/**
 * What deliveryWrites recorded, read back in its transaction after its writes: each attempt's
 * intended status where its write applied, or null where the message had been claimed again
 * meanwhile (its write was skipped, and the new sender's outcome is the one that counts). Every
 * claim counts an attempt, so a message whose attempts moved past this claim's was claimed again.
 */
export async function recordedStatuses(db: Db, attempts: readonly Attempt[], intended: readonly NotificationStatus[]): Promise<(NotificationStatus | null)[]> {
  if (attempts.length === 0) return []
  const rows = await db.selectFrom('notifications').select(['id', 'status', 'attempts']).where('id', 'in', attempts.map((a) => a.n.id)).execute()
  const current = new Map(rows.map((r) => [r.id, r]))
  return attempts.map(({ n }, i) => {
    const row = current.get(n.id)
    const status = intended[i]
    return row !== undefined && status !== undefined && row.attempts === n.attempts && row.status === status ? status : null
  })
}

/** Puts a claimed message back until `until` without counting an attempt (a channel throttle held it). */
export async function deferClaimed(db: Db, n: Notification, until: Instant): Promise<void> {
  await db.updateTable('notifications').set({ status: 'pending', attempts: Math.max(0, n.attempts - 1), next_attempt_at: until, sending_until: null }).where('id', '=', n.id).execute()
}

/** When a destination last received a message (for channel throttles), or null. */
export async function lastSentTo(db: Db, contactMethodId: string): Promise<Instant | null> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.max('sent_at').as('last')).where('contact_method_id', '=', contactMethodId).where('status', '=', 'sent').executeTakeFirst()
  return row?.last === null || row?.last === undefined ? null : Number(row.last)
}

/** Cancels a claimed message that is no longer needed (its alert was acknowledged meanwhile). */
export async function cancelClaimed(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('notifications').set({ status: 'cancelled', sending_until: null, last_error: reason }).where('id', '=', id).execute()
}

export interface NotificationQuery {
  readonly status?: NotificationStatus | undefined
  readonly userId?: string | undefined
  readonly alertId?: string | undefined
  readonly limit: number
}

/** Lists messages newest first (the dead-letter view is `status: 'dead'`). */
export async function listNotifications(db: Db, q: NotificationQuery): Promise<Notification[]> {
  let query = db.selectFrom('notifications').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit)
  if (q.status !== undefined) query = query.where('status', '=', q.status)
  if (q.userId !== undefined) query = query.where('user_id', '=', q.userId)
  if (q.alertId !== undefined) query = query.where('alert_id', '=', q.alertId)
  return (await query.execute()).map(notificationFromRow)
}

/**
 * The messages about an alert, newest first: its own, and the bundle follow-ups that list it (a
 * person told of it in a follow-up has no message of their own for it: its `bundled` timeline
 * row names the follow-up).
 */
export async function listAlertNotifications(db: Db, alertId: string, limit: number): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where((eb) => eb.or([eb('alert_id', '=', alertId), eb('idempotency_key', 'in', followUpsListing(eb, alertId))]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(notificationFromRow)
}

/** Whether Tend told this person of the alert: a message of its own, or a follow-up listing it. */
export async function toldOfAlert(db: Db, alertId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('alert_id', '=', alertId), eb('idempotency_key', 'in', followUpsListing(eb, alertId))]))
    .executeTakeFirst()
  return row !== undefined
}

const followUpsListing = (eb: ExpressionBuilder<Database, 'notifications'>, alertId: string) =>
  eb.selectFrom('alert_log').select('alert_log.bundle_key').where('alert_log.alert_id', '=', alertId).where('alert_log.bundle_key', 'is not', null)

/** Every attempt of a message, oldest first. */
export async function listAttempts(db: Db, notificationId: string): Promise<{ at: Instant; outcome: string; error: string | null; durationMs: number }[]> {
  const rows = await db.selectFrom('notification_attempts').selectAll().where('notification_id', '=', notificationId).orderBy('at').orderBy('id').execute()
  return rows.map((r) => ({ at: r.at, outcome: r.outcome, error: r.error, durationMs: r.duration_ms }))
}

/** Puts a dead message back in the queue (a person fixed the address or the gateway). */
export async function retryDeadNotification(db: Db, now: Instant, id: string): Promise<boolean> {
  const res = await db.updateTable('notifications').set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null }).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}
