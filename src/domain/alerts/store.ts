import { sql, type Insertable } from 'kysely'
import { notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import { insertRow, lockForDelete, NO_RANK, preparedQuery, type AlertLogTable, type AlertsTable, type Db, type FactLookup, type FactRow } from '../../storage/index.js'
import type { Actor } from '../audit/index.js'
import type { Severity } from '../services/index.js'
import type { Urgency } from '../users/index.js'
import type { Alert, AlertLink, AlertLogKind, AlertOutcome, AlertStatus } from './model.js'

export function alertFromRow(r: AlertsTable): Alert {
  return {
    id: r.id,
    serviceId: r.service_id,
    dedupKey: r.dedup_key,
    status: r.status as AlertStatus,
    urgency: r.urgency as Urgency,
    summary: r.summary,
    source: r.source,
    severity: r.severity as Severity,
    component: r.component,
    group: r.group_name,
    class: r.class_name,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    links: JSON.parse(r.links_json) as AlertLink[],
    origin: r.origin,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastEventAt: r.last_event_at,
    eventCount: r.event_count,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    outcome: r.outcome as AlertOutcome | null,
    outcomeNote: r.outcome_note,
    policyId: r.policy_id,
    escalationStep: r.escalation_step,
    escalationLoop: r.escalation_loop,
    nextEscalationAt: r.next_escalation_at,
    directTargets: r.direct_targets_json === null ? null : (JSON.parse(r.direct_targets_json) as string[]),
  }
}

/** `status <> 'resolved'` spelled as a literal: the condition of the open-alert partial indexes. */
export const OPEN_STATUS_EXCLUDED = sql.lit('resolved')

export async function findAlert(db: Db, id: string): Promise<Alert | null> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : alertFromRow(row)
}

export async function getAlert(db: Db, id: string): Promise<Alert> {
  const alert = await findAlert(db, id)
  if (alert === null) throw notFound('alert', id)
  return alert
}

/**
 * The open (not resolved) alert with this dedup key on the service, if any. The status is a
 * literal so SQLite can use the partial unique index alerts_open_dedup (a bound parameter cannot
 * prove the index's condition, and the lookup would walk every alert of the service).
 */
export async function findOpenAlert(db: Db, serviceId: string, dedupKey: string): Promise<Alert | null> {
  const [row] = await selectOpenAlert(db, serviceId, dedupKey)
  return row === undefined ? null : alertFromRow(row)
}

const selectOpenAlert = preparedQuery('open alert by dedup key', (db, serviceId: string, dedupKey: string) =>
  db.selectFrom('alerts').selectAll().where('service_id', '=', serviceId).where('dedup_key', '=', dedupKey).where('status', '<>', OPEN_STATUS_EXCLUDED),
)

/** A (service, dedup key) pair as one map key, `${serviceId} ${dedupKey}` (ids hold no space). */
export const serviceDedupKey = (serviceId: string, dedupKey: string): string => `${serviceId} ${dedupKey}`

/**
 * The open alerts of many (service, dedup key) pairs, as a lookup for unionFacts: one row of
 * kind `open` per alert, its id in `note`. Matches by service and by key separately: keep only
 * the exact pairs asked about (a key shared by two services of a batch is read for both).
 */
export function openAlertLookup(pairs: readonly { readonly serviceId: string; readonly dedupKey: string }[]): FactLookup {
  const services = sql.join([...new Set(pairs.map((p) => p.serviceId))])
  const keys = sql.join([...new Set(pairs.map((p) => p.dedupKey))])
  return sql<FactRow>`select 'open' as kind, service_id, dedup_key, id as note, ${NO_RANK} as rank
    from alerts where service_id in (${services}) and dedup_key in (${keys}) and status <> ${OPEN_STATUS_EXCLUDED}`
}

export interface AlertFilter {
  readonly status?: readonly AlertStatus[] | undefined
  readonly serviceIds?: readonly string[] | undefined
  readonly urgency?: Urgency | undefined
  readonly before?: Instant | undefined
  readonly since?: Instant | undefined
  readonly limit: number
}

/** Lists alerts newest first. */
export async function listAlerts(db: Db, f: AlertFilter): Promise<Alert[]> {
  let q = db.selectFrom('alerts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit)
  if (f.status !== undefined && f.status.length > 0) q = q.where('status', 'in', [...f.status])
  if (f.serviceIds !== undefined) q = f.serviceIds.length === 0 ? q.where('id', '=', '') : q.where('service_id', 'in', [...f.serviceIds])
  if (f.urgency !== undefined) q = q.where('urgency', '=', f.urgency)
  if (f.before !== undefined) q = q.where('created_at', '<', f.before)
  if (f.since !== undefined) q = q.where('created_at', '>=', f.since)
  return (await q.execute()).map(alertFromRow)
}

export interface AlertLogEntry {
  readonly id: string
  readonly at: Instant
  readonly kind: AlertLogKind
  readonly actorUserId: string | null
  readonly actor: string
  readonly message: string
  readonly data: unknown
}

/** Adds one entry to an alert's timeline (in the caller's transaction). */
export async function logAlert(db: Db, alertId: string, at: Instant, kind: AlertLogKind, actor: Actor, message: string, data?: unknown, bundleKey: string | null = null): Promise<void> {
  await insertRow(db, 'alert_log', alertLogRow(alertId, at, kind, actor, message, data, bundleKey))
}

/**
 * A timeline row, with its (time-ordered) id taken now, for callers that write several at once.
 * `bundleKey`: on a `bundled` row, the follow-up that will list the alert (see bundledAlerts).
 */
export function alertLogRow(alertId: string, at: Instant, kind: AlertLogKind, actor: Actor, message: string, data?: unknown, bundleKey: string | null = null): Insertable<AlertLogTable> {
  return { id: newId(), alert_id: alertId, at, kind, actor_user_id: actor.userId, actor_label: actor.label, message, data_json: data === undefined ? null : JSON.stringify(data), bundle_key: bundleKey }
}

/**
 * The alerts a bundle follow-up lists that are still open: those whose timeline says they were
 * bundled into it (an alert fired again after a crash has two such rows, hence distinct).
 */
export async function bundledAlerts(db: Db, bundleKey: string): Promise<{ id: string; summary: string }[]> {
  return db
    .selectFrom('alert_log')
    .innerJoin('alerts', 'alerts.id', 'alert_log.alert_id')
    .select(['alerts.id', 'alerts.summary'])
    .distinct()
    .where('alert_log.bundle_key', '=', bundleKey)
    .where('alerts.status', '=', 'triggered')
    .execute()
}

/** An alert's timeline, oldest first. */
export async function alertTimeline(db: Db, alertId: string): Promise<AlertLogEntry[]> {
  const rows = await db.selectFrom('alert_log').selectAll().where('alert_id', '=', alertId).orderBy('at').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind as AlertLogKind, actorUserId: r.actor_user_id, actor: r.actor_label, message: r.message, data: r.data_json === null ? null : JSON.parse(r.data_json) }))
}

/** Ids or keys per delete statement: well inside both engines' limits on parameters. */
const IDS_PER_DELETE = 1_000

/**
 * Deletes the alerts of services about to be deleted, with their timelines and messages (bundle
 * follow-ups listing them included), in the caller's transaction; returns how many alerts. On
 * PostgreSQL no cascade deletes the timeline rows and messages (their foreign key to the alert
 * is gone: migration 20261128040000), so they are deleted here, after the alerts:
 * - the services are locked first, so an intake transaction that opened an alert on one has
 *   committed, and a later one waits and then fails the alert's foreign key to its service;
 * - deleting the alerts waits for writers holding one (the engine firing it), so what they
 *   wrote is committed and seen by the deletes after.
 * On SQLite the foreign keys remain and have already deleted the rows.
 */
export async function deleteAlertsOfServices(db: Db, serviceIds: readonly string[]): Promise<number> {
  if (serviceIds.length === 0) return 0
  await lockForDelete(db, 'services', serviceIds)
  // The bundle follow-ups that would list these alerts belong to the service too. Read before the
  // alerts go: on SQLite their deletion cascades to the timeline rows that name them.
  const followUps = await db
    .selectFrom('alert_log')
    .innerJoin('alerts', 'alerts.id', 'alert_log.alert_id')
    .select('alert_log.bundle_key')
    .distinct()
    .where('alerts.service_id', 'in', [...serviceIds])
    .where('alert_log.bundle_key', 'is not', null)
    .execute()
  const ids = (await db.deleteFrom('alerts').where('service_id', 'in', [...serviceIds]).returning('id').execute()).map((r) => r.id)
  await inChunks(ids, async (chunk) => {
    await db.deleteFrom('alert_log').where('alert_id', 'in', chunk).execute()
    await db.deleteFrom('notifications').where('alert_id', 'in', chunk).execute()
  })
  const keys = followUps.flatMap((f) => (f.bundle_key === null ? [] : [f.bundle_key]))
  await inChunks(keys, (chunk) => db.deleteFrom('notifications').where('idempotency_key', 'in', chunk).execute())
  return ids.length
}

/** Runs `run` on slices of IDS_PER_DELETE values, one after another. */
async function inChunks(values: readonly string[], run: (chunk: string[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < values.length; start += IDS_PER_DELETE) await run(values.slice(start, start + IDS_PER_DELETE))
}
