import { FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { hashSecret, randomToken } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, HeartbeatsTable } from '../../storage/index.js'
import { OPEN_STATUS_EXCLUDED } from '../alerts/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import type { HeartbeatSpec, HeartbeatState, HeartbeatStatus } from './model.js'
import { normalizeHeartbeat, type HeartbeatInput } from './normalize.js'
import { recordPing, type PingKind } from './ping.js'

/** A stored heartbeat: its spec, what was heard, and what the engine last concluded. */
export interface Heartbeat {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  /** The first characters of the ping token, to recognise it; the token is shown once. */
  readonly tokenPrefix: string
  readonly spec: HeartbeatSpec
  readonly state: HeartbeatState
  readonly status: HeartbeatStatus
  readonly alertOpen: boolean
  readonly nextCheckAt: Instant
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

export function heartbeatFromRow(r: HeartbeatsTable): Heartbeat {
  return {
    id: r.id,
    serviceId: r.service_id,
    name: r.name,
    tokenPrefix: r.token_prefix,
    spec: JSON.parse(r.spec_json) as HeartbeatSpec,
    state: JSON.parse(r.state_json) as HeartbeatState,
    status: r.status as HeartbeatStatus,
    alertOpen: r.alert_open === 1,
    nextCheckAt: r.next_check_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The dedup key of the alert a heartbeat opens on its service. */
export const heartbeatDedupKey = (heartbeatId: string): string => `heartbeat:1:${heartbeatId}`

export async function listHeartbeats(db: Db, filter: { serviceIds?: readonly string[] | undefined } = {}): Promise<Heartbeat[]> {
  let q = db.selectFrom('heartbeats').selectAll().orderBy('name')
  if (filter.serviceIds !== undefined) q = filter.serviceIds.length === 0 ? q.where('id', '=', '') : q.where('service_id', 'in', [...filter.serviceIds])
  return withLiveAlertState(db, (await q.execute()).map(heartbeatFromRow))
}

export async function getHeartbeat(db: Db, ref: string): Promise<Heartbeat> {
  const row = await db.selectFrom('heartbeats').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
  if (row === undefined) throw notFound('heartbeat', ref)
  const [hb] = await withLiveAlertState(db, [heartbeatFromRow(row)])
  return hb as Heartbeat
}

/**
 * Whether each heartbeat's alert is open now, read from the alerts themselves: the stored flag
 * is only refreshed when the engine next evaluates the heartbeat, and someone may have resolved
 * the alert by hand since.
 */
async function withLiveAlertState(db: Db, heartbeats: readonly Heartbeat[]): Promise<Heartbeat[]> {
  if (heartbeats.length === 0) return []
  const open = new Set<string>()
  for (let i = 0; i < heartbeats.length; i += 500) {
    const chunk = heartbeats.slice(i, i + 500)
    const rows = await db
      .selectFrom('alerts')
      .select(['service_id', 'dedup_key'])
      .where('service_id', 'in', [...new Set(chunk.map((h) => h.serviceId))])
      .where('dedup_key', 'in', chunk.map((h) => heartbeatDedupKey(h.id)))
      .where('status', '<>', OPEN_STATUS_EXCLUDED)
      .execute()
    for (const r of rows) open.add(`${r.service_id} ${r.dedup_key}`)
  }
  return heartbeats.map((h) => ({ ...h, alertOpen: open.has(`${h.serviceId} ${heartbeatDedupKey(h.id)}`) }))
}

function checkName(name: string | undefined): string {
  const errors = new FieldErrors()
  const n = (name ?? '').trim()
  if (n === '' || n.length > 100) errors.add('name', 'must be 1 to 100 characters')
  errors.throwIfAny()
  return n
}

/** Creates a heartbeat; the ping URL's token is returned once (only its hash is kept). */
export async function createHeartbeat(ctx: CommandCtx, serviceId: string, input: HeartbeatInput & { name?: string }): Promise<{ heartbeat: Heartbeat; token: string }> {
  const name = checkName(input.name)
  const spec = normalizeHeartbeat(input)
  const token = randomToken(24)
  const id = newId()
  const state: HeartbeatState = { lastPingAt: null, lastStartAt: null, lastFailAt: null, consecutiveFails: 0, createdAt: ctx.now }
  await ctx.db
    .insertInto('heartbeats')
    .values({
      id,
      service_id: serviceId,
      name,
      token_hash: hashSecret(token),
      token_prefix: token.slice(0, 6),
      spec_json: JSON.stringify(spec),
      state_json: JSON.stringify(state),
      status: 'new',
      alert_open: 0,
      next_check_at: ctx.now,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute()
  const heartbeat = await getHeartbeat(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'heartbeat.create', entityType: 'heartbeat', entityId: id, after: heartbeat })
  return { heartbeat, token }
}

export async function updateHeartbeat(ctx: CommandCtx, id: string, patch: HeartbeatInput & { name?: string }): Promise<Heartbeat> {
  const before = await getHeartbeat(ctx.db, id)
  const name = checkName(patch.name ?? before.name)
  const s = before.spec
  const spec = normalizeHeartbeat({
    intervalSeconds: patch.intervalSeconds === undefined ? (s.schedule.kind === 'interval' ? s.schedule.intervalSeconds : null) : patch.intervalSeconds,
    cron: patch.cron === undefined ? (s.schedule.kind === 'cron' ? s.schedule.cron : null) : patch.cron,
    timeZone: patch.timeZone === undefined ? (s.schedule.kind === 'cron' ? s.schedule.timeZone : null) : patch.timeZone,
    graceSeconds: patch.graceSeconds ?? s.graceSeconds,
    missesToAlarm: patch.missesToAlarm ?? s.missesToAlarm,
    failMode: patch.failMode ?? s.failMode,
  })
  await ctx.db.updateTable('heartbeats').set({ name, spec_json: JSON.stringify(spec), next_check_at: ctx.now, updated_at: ctx.now }).where('id', '=', id).execute()
  const after = await getHeartbeat(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'heartbeat.update', entityType: 'heartbeat', entityId: id, before, after })
  return after
}

export async function deleteHeartbeat(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getHeartbeat(ctx.db, id)
  await ctx.db.deleteFrom('heartbeats').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'heartbeat.delete', entityType: 'heartbeat', entityId: id, before })
}

/** Bodies of pings are kept for reading (a failing job's log tail), size-limited. */
export const PING_BODY_LIMIT = 10 * 1024

/**
 * Records a ping by its URL token; returns null for an unknown token. The engine re-evaluates
 * the heartbeat at once (a success may resolve its alert, a failure may open one).
 */
export async function recordPingByToken(db: Db, now: Instant, token: string, kind: PingKind, body: string | null, remote: string | null): Promise<Heartbeat | null> {
  if (token.length < 10 || token.length > 100) return null
  const row = await db.selectFrom('heartbeats').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst()
  if (row === undefined) return null
  const hb = heartbeatFromRow(row)
  const state = recordPing(hb.state, kind, now)
  await db.updateTable('heartbeats').set({ state_json: JSON.stringify(state), next_check_at: now, updated_at: now }).where('id', '=', hb.id).execute()
  await db
    .insertInto('heartbeat_pings')
    .values({ id: newId(), heartbeat_id: hb.id, kind, at: now, body: body === null || body === '' ? null : body.slice(0, PING_BODY_LIMIT), remote })
    .execute()
  return { ...hb, state }
}

export async function listPings(db: Db, heartbeatId: string, limit: number): Promise<{ kind: string; at: Instant; body: string | null; remote: string | null }[]> {
  const rows = await db.selectFrom('heartbeat_pings').selectAll().where('heartbeat_id', '=', heartbeatId).orderBy('at', 'desc').limit(limit).execute()
  return rows.map((r) => ({ kind: r.kind, at: r.at, body: r.body, remote: r.remote }))
}
