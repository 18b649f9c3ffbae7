import type { Logger } from 'pino'
import type { Insertable } from 'kysely'
import { alertFromRow, alertLogRow, bundledAlerts, findAlert, logAlert, type Alert } from '../alerts/index.js'
import {
  cancelClaimed,
  CHANNEL_MIN_GAP_MS,
  deferClaimed,
  lastSentTo,
  throttledUntil,
  claimDueNotifications,
  LINK_LIFETIME_MS,
  deliveryWrites,
  recordedStatuses,
  renderBundleMessage,
  type ChannelRegistry,
  type DeliveryResult,
  type Destination,
  type LinkSigner,
  type Notification,
  type NotificationStatus,
  type OutboundMessage,
} from '../notify/index.js'
import { findService } from '../services/index.js'
import { findUser } from '../users/index.js'
import type { SecretBox } from '../../lib/secrets.js'
import type { Clock } from '../../lib/time/index.js'
import { executeAtomically, executeTogether, insertRows, insertRowsQueries, NoLockError, type AlertLogTable, type AlertsTable, type Db, type Storage, type Tx } from '../../storage/index.js'
import { claimInOneStatement, type ClaimedLookupRow } from './claim-postgres.js'
import { ENGINE_ACTOR } from './context.js'
import { configGenerationColumn, configured, configView, type ConfigCache } from './config-cache.js'
import type { PagingCtx } from './context.js'
import { raiseUnreachable } from './unreachable.js'

export interface OutboxDeps {
  readonly storage: Storage
  readonly clock: Clock
  readonly secrets: SecretBox
  readonly links: LinkSigner
  readonly channels: ChannelRegistry
  readonly publicUrl: string
  readonly log: Logger
  /** How long one provider call may take before it counts as a failed attempt. */
  readonly sendTimeoutMs: number
  /** People and services kept across batches while the configuration stands still (the engine's). */
  readonly configCache?: ConfigCache
  /** Asks the engine's main track for a cycle (an alert about an unreachable person was raised). */
  readonly wakeEscalation?: () => void
  readonly random: () => number
}

export const OUTBOX_MODULE = 'engine.outbox'
export const OUTBOX_VERSION = 1

interface Ready {
  readonly n: Notification
  readonly message: OutboundMessage
  readonly to: Destination
}

/** What one batch's messages share, read together: the people and services (memo and configuration cache), contact methods and alerts. */
interface BatchLookups {
  readonly ctx: Pick<PagingCtx, 'memo' | 'config'>
  readonly destinations: ReadonlyMap<string, { readonly address_sealed: string; readonly signing_secret_sealed: string | null }>
  readonly alerts: ReadonlyMap<string, Alert>
}

/**
 * Sends the messages that are due. Claiming (marking `sending` with a deadline) and recording
 * are short (on PostgreSQL usually one statement each); the provider calls happen between them,
 * outside any lock, so a slow webhook never blocks the database. A batch reads its messages'
 * contact methods and alerts with its claim, and records its attempts together. Returns how
 * many messages were attempted.
 */
export async function deliverDue(deps: OutboxDeps, limit: number): Promise<number> {
  const now = deps.clock.now()
  // Past this a message still `sending` is taken to be lost with its sender, and claimed again.
  const claimedUntil = now + deps.sendTimeoutMs * 2 + 5_000
  const claim = deps.storage.dialect === 'postgres' ? await claimOnPostgres(deps, now, claimedUntil, limit) : await claimLocked(deps, now, claimedUntil, limit)
  if (claim === null || claim.ready.length === 0) return 0
  const { ready, lookups } = claim
  const results = await Promise.all(ready.map((r) => send(deps, r)))
  const recordedAt = deps.clock.now()
  const attempts = ready.map((r, i) => ({ n: r.n, result: results[i] as DeliveryResult, random: deps.random() }))
  // A new memo: names are read again (the configuration cache still serves them).
  const ctx = { ...lookups.ctx, memo: new Map() }
  const db = deps.storage.db
  const { queries, statuses } = deliveryWrites(db, recordedAt, attempts, claimedUntil)
  /** The "Page delivered" rows, and what a failure needs (its timeline entry, the admins paged). */
  const followUp = async (tx: Db, recorded: readonly (NotificationStatus | null)[]): Promise<Insertable<AlertLogTable>[]> => {
    const delivered: Insertable<AlertLogTable>[] = []
    for (const [i, a] of attempts.entries()) await record(tx, deps, ctx, recordedAt, a.n, a.result, recorded[i] ?? null, delivered)
    return delivered
  }
  if (statuses.every((status) => status === 'sent')) {
    // The usual batch: every attempt, status and "Page delivered" row in one atomic write (one
    // statement on PostgreSQL, without a transaction's extra round trips); nothing else is written.
    // A delivery's timeline row is true whoever's claim holds the message now.
    await executeAtomically(db, [...queries, ...insertRowsQueries(db, 'alert_log', await followUp(db, statuses))])
    return ready.length
  }
  await db.transaction().execute(async (trx) => {
    // Statuses first: a dead letter's follow-up asks whether anything else got through. What a
    // failure's timeline says (will retry, gave up) is what was recorded, not what was meant: a
    // sender that stalled past its deadline finds its message in another sender's hands.
    await executeTogether(trx, queries)
    await insertRows(trx, 'alert_log', await followUp(trx, await recordedStatuses(trx, attempts, statuses)))
  })
  return ready.length
}

interface Claim {
  readonly ready: Ready[]
  readonly lookups: BatchLookups
}

/**
 * Claims due messages in a transaction holding the module lock, throttles included (a channel's
 * last send is read under the lock, so two instances cannot both send inside its gap).
 */
async function claimLocked(deps: OutboxDeps, now: number, claimedUntil: number, limit: number): Promise<Claim | null> {
  // The claim need not reach the disk before the messages go out: one lost with a power cut is
  // claimed and sent again, with the same idempotency key.
  const syncLater = (durable: Promise<void>) => void durable.catch((err: unknown) => deps.log.error({ err }, 'outbox claim could not be synced to disk'))
  return deps.storage.withModuleLock(
    OUTBOX_MODULE,
    OUTBOX_VERSION,
    async (trx) => {
      const claimed = await claimDueNotifications(trx, now, claimedUntil, limit)
      if (claimed.length === 0) return null
      const lookups = await readBatchLookups(trx, deps, claimed)
      return { ready: await prepareClaimed(trx, deps, lookups, claimed, now, new Map()), lookups }
    },
    { syncLater },
  )
}

/**
 * PostgreSQL: messages on unthrottled channels are claimed by one statement, without a
 * transaction (claim-postgres.ts). Throttled ones, and the first run of a module version (which
 * records it), go through the locked transaction as well.
 */
async function claimOnPostgres(deps: OutboxDeps, now: number, claimedUntil: number, limit: number): Promise<Claim | null> {
  const db = deps.storage.db
  const fast = await claimInOneStatement(db, now, claimedUntil, limit, OUTBOX_MODULE, OUTBOX_VERSION)
  if (fast.recordedVersion !== null && fast.recordedVersion > OUTBOX_VERSION) throw new NoLockError(OUTBOX_MODULE, `a newer version (${fast.recordedVersion}) is running`)
  if (!fast.locked) throw new NoLockError(OUTBOX_MODULE, 'another instance holds the lock')
  const lookups = batchLookups(deps, fast.lookups, fast.configGeneration)
  const ready = await prepareClaimed(db, deps, lookups, fast.claimed, now, null)
  const needsLock = fast.throttledDue || fast.recordedVersion === null || fast.recordedVersion < OUTBOX_VERSION
  const locked = needsLock ? await claimLocked(deps, now, claimedUntil, Math.max(0, limit - fast.claimed.length)) : null
  if (locked === null) return fast.claimed.length === 0 ? null : { ready, lookups }
  return { ready: [...ready, ...locked.ready], lookups }
}

/** Builds each claimed message, cancels those no longer needed, and (with `lastSend`) puts back those a channel throttle holds. */
async function prepareClaimed(db: Db, deps: OutboxDeps, lookups: BatchLookups, claimed: readonly Notification[], now: number, lastSend: Map<string, number> | null): Promise<Ready[]> {
  const out: Ready[] = []
  for (const n of claimed) {
    if (lastSend !== null) {
      const until = await throttle(db, n, now, lastSend)
      if (until > now) {
        await deferClaimed(db, n, until)
        continue
      }
    }
    const prepared = await prepare(db, deps, lookups, n)
    if (typeof prepared === 'string') await cancelClaimed(db, n.id, prepared)
    else out.push(prepared)
  }
  return out
}

/** The claimed messages' alerts and contact methods, and the configuration counter, in one statement. */
async function readBatchLookups(trx: Tx, deps: OutboxDeps, claimed: readonly Notification[]): Promise<BatchLookups> {
  const rows = await trx
    .selectFrom('notifications as n')
    .leftJoin('alerts as a', 'a.id', 'n.alert_id')
    .leftJoin('contact_methods as cm', 'cm.id', 'n.contact_method_id')
    .selectAll('a')
    .select(['cm.id as cm_id', 'cm.address_sealed as cm_address_sealed', 'cm.signing_secret_sealed as cm_signing_secret_sealed'])
    .select(configGenerationColumn().as('config_generation'))
    .where('n.id', 'in', claimed.map((n) => n.id))
    .execute()
  return batchLookups(
    deps,
    rows.map((row) => ({ ...row, alert: row.id === null ? null : (row as AlertsTable) })),
    rows[0]?.config_generation ?? null,
  )
}

/** A batch's alerts and destinations by id, and a context valid for the configuration counter its claim read. */
function batchLookups(deps: OutboxDeps, rows: readonly ClaimedLookupRow[], configGeneration: number | null): BatchLookups {
  const alerts = new Map<string, Alert>()
  const destinations = new Map<string, { address_sealed: string; signing_secret_sealed: string | null }>()
  for (const row of rows) {
    if (row.alert !== null) alerts.set(row.alert.id, alertFromRow(row.alert))
    if (row.cm_id !== null && row.cm_address_sealed !== null) destinations.set(row.cm_id, { address_sealed: row.cm_address_sealed, signing_secret_sealed: row.cm_signing_secret_sealed })
  }
  const config = configView(deps.configCache, configGeneration ?? undefined)
  return { ctx: { memo: new Map(), ...(config === undefined ? {} : { config }) }, destinations, alerts }
}

const serviceOf = (db: Db, ctx: BatchLookups['ctx'], id: string) => configured(ctx, `service-or-null:${id}`, () => findService(db, id))
const userOf = (db: Db, ctx: BatchLookups['ctx'], id: string) => configured(ctx, `user:${id}`, () => findUser(db, id))

async function send(deps: OutboxDeps, r: Ready): Promise<DeliveryResult> {
  const started = performance.now()
  const outcome = await deps.channels.send(r.n.channel, r.message, r.to, AbortSignal.timeout(deps.sendTimeoutMs))
  const durationMs = performance.now() - started
  return outcome.ok ? { ok: true, providerId: outcome.providerId, durationMs } : { ok: false, permanent: outcome.permanent, error: outcome.error, durationMs, timedOut: outcome.error.includes('timed out') }
}

/**
 * When a message may go out under its channel's throttle (SMS, voice, push: a minimum gap per
 * destination), counting messages sent before and those going out in this batch.
 */
async function throttle(trx: Db, n: Notification, now: number, lastSend: Map<string, number>): Promise<number> {
  if (CHANNEL_MIN_GAP_MS[n.channel] === undefined || n.contactMethodId === null) return now
  const last = lastSend.get(n.contactMethodId) ?? (await lastSentTo(trx, n.contactMethodId))
  const until = throttledUntil(n.channel, last, now)
  if (until <= now) lastSend.set(n.contactMethodId, now)
  return until
}

/** Builds the outbound message, or returns why it is no longer needed. */
async function prepare(trx: Db, deps: OutboxDeps, lookups: BatchLookups, n: Notification): Promise<Ready | string> {
  const to = destination(deps, lookups, n)
  if (typeof to === 'string') return to
  const now = deps.clock.now()
  if (n.kind === 'bundle') return prepareBundle(trx, deps, lookups.ctx, n, to)
  if (n.alertId === null) return { n, to, message: { id: n.id, idempotencyKey: n.idempotencyKey, kind: n.kind, urgency: n.urgency, subject: n.subject, text: n.text, payload: n.payload, links: {} } }
  const alert = lookups.alerts.get(n.alertId) ?? null
  if (alert === null) return 'the alert was deleted'
  if (n.kind === 'alert' && alert.status !== 'triggered') return `the alert is already ${alert.status}`
  if (alert.status === 'resolved') return 'the alert is already resolved'
  const service = await serviceOf(trx, lookups.ctx, alert.serviceId)
  const expiresAt = now + LINK_LIFETIME_MS
  const links = {
    acknowledge: deps.links.url({ action: 'acknowledge', alertId: alert.id, userId: n.userId, expiresAt }),
    resolve: deps.links.url({ action: 'resolve', alertId: alert.id, userId: n.userId, expiresAt }),
    view: `${deps.publicUrl}/alerts/${alert.id}`,
  }
  const payload = {
    ...n.payload,
    alert: {
      id: alert.id,
      status: alert.status,
      urgency: alert.urgency,
      summary: alert.summary,
      source: alert.source,
      severity: alert.severity,
      dedupKey: alert.dedupKey,
      service: { id: alert.serviceId, name: service?.name ?? alert.serviceId },
      createdAt: new Date(alert.createdAt).toISOString(),
      details: alert.details,
      links: alert.links,
    },
    recipient: { userId: n.userId },
  }
  return { n, to, message: { id: n.id, idempotencyKey: n.idempotencyKey, kind: n.kind, urgency: n.urgency, subject: n.subject, text: n.text, payload, links } }
}

/** A bundle follow-up lists the bundled alerts that are still open; with none left it is dropped. */
async function prepareBundle(trx: Db, deps: OutboxDeps, ctx: BatchLookups['ctx'], n: Notification, to: Destination): Promise<Ready | string> {
  const windowStart = Number(n.payload['windowStart'] ?? 0)
  const rows = await bundledAlerts(trx, n.idempotencyKey)
  if (rows.length === 0) return 'every bundled alert was acknowledged or resolved'
  const user = await userOf(trx, ctx, n.userId)
  const rendered = renderBundleMessage(String(n.payload['serviceName'] ?? 'the service'), rows.map((r) => r.summary), windowStart, user?.timeZone ?? 'UTC')
  const payload = { ...n.payload, alerts: rows.map((r) => ({ id: r.id, summary: r.summary, url: `${deps.publicUrl}/alerts/${r.id}` })) }
  return { n, to, message: { id: n.id, idempotencyKey: n.idempotencyKey, kind: 'bundle', urgency: n.urgency, subject: rendered.subject, text: rendered.text, payload, links: { view: `${deps.publicUrl}/alerts?serviceId=${n.serviceId ?? ''}` } } }
}

function destination(deps: OutboxDeps, lookups: BatchLookups, n: Notification): Destination | string {
  if (n.contactMethodId === null) return 'its contact method was removed'
  const row = lookups.destinations.get(n.contactMethodId)
  if (row === undefined) return 'its contact method was removed'
  return { address: deps.secrets.decrypt(row.address_sealed), signingSecret: row.signing_secret_sealed === null ? null : deps.secrets.decrypt(row.signing_secret_sealed) }
}

/**
 * What follows a recorded attempt: its timeline row (a delivery's goes into `delivered`), and the
 * admins paged when nobody got through. `trx`: the recording transaction, or (when every attempt
 * succeeded, so nothing is written here) the database. `status`: what the attempt recorded, or
 * null when another sender had claimed the message again (its outcome is the one that counts).
 */
async function record(trx: Db, deps: OutboxDeps, ctx: BatchLookups['ctx'], now: number, n: Notification, result: DeliveryResult, status: NotificationStatus | null, delivered: Insertable<AlertLogTable>[]): Promise<void> {
  if (n.alertId === null) {
    if (status === 'dead') deps.log.warn({ notificationId: n.id, userId: n.userId, error: result.ok ? null : result.error }, 'message dead-lettered')
    return
  }
  const user = await userOf(trx, ctx, n.userId)
  const name = user?.name ?? n.userId
  if (result.ok) {
    delivered.push(alertLogRow(n.alertId, now, 'notified', ENGINE_ACTOR, `${n.kind === 'update' ? 'Update' : 'Page'} delivered to ${name} by ${n.channel}${n.attempts > 1 ? ` (attempt ${n.attempts})` : ''}`, { notificationId: n.id, userId: n.userId, channel: n.channel }))
    return
  }
  const retry = status === null ? '; another attempt has taken it over' : status === 'pending' ? '; will retry' : status === 'dead' ? '; gave up (dead letter)' : ''
  await logAlert(trx, n.alertId, now, 'notification_failed', ENGINE_ACTOR, `${n.channel} to ${name} failed: ${result.error}${retry}`, { notificationId: n.id, userId: n.userId })
  if (status === 'dead' && (await nothingGotThrough(trx, n))) {
    const alert = await findAlert(trx, n.alertId)
    if (alert !== null && alert.status !== 'resolved') {
      await raiseUnreachable({ db: trx, now, secrets: deps.secrets, links: deps.links, publicUrl: deps.publicUrl }, alert, n.userId, 'every message to them failed')
      // The admins' page is fired by the main track: tell it now, not at its next tick.
      deps.wakeEscalation?.()
    }
  }
}

/** Whether none of this person's messages for the alert went out, and none is still on its way. */
async function nothingGotThrough(trx: Db, n: Notification): Promise<boolean> {
  const alive = await trx
    .selectFrom('notifications')
    .select('id')
    .where('alert_id', '=', n.alertId)
    .where('user_id', '=', n.userId)
    .where('status', 'in', ['sent', 'pending', 'sending'])
    .executeTakeFirst()
  return alive === undefined
}
