import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'

/** Who did something: a person (by user id) or the system (engine, demo seeder, bootstrap). */
export interface Actor {
  readonly userId: string | null
  readonly label: string
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, label: 'system' })

export interface AuditEntry {
  readonly actor: Actor
  readonly action: string
  readonly entityType: string
  readonly entityId: string
  readonly teamId?: string | null
  readonly before?: unknown
  readonly after?: unknown
}

/** Records one change in the audit log; call it inside the transaction that makes the change. */
export async function recordAudit(trx: Db, at: Instant, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      at,
      actor_user_id: entry.actor.userId,
      actor_label: entry.actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      team_id: entry.teamId ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}

export interface AuditRecord {
  readonly id: string
  readonly at: Instant
  readonly actorUserId: string | null
  readonly actor: string
  readonly action: string
  readonly entityType: string
  readonly entityId: string
  readonly teamId: string | null
  readonly before: unknown
  readonly after: unknown
}

export interface AuditQuery {
  readonly entityType?: string | undefined
  readonly entityId?: string | undefined
  readonly teamId?: string | undefined
  readonly actorUserId?: string | undefined
  readonly before?: Instant | undefined
  readonly limit: number
}

/** Lists audit records, newest first. */
export async function listAudit(db: Db, q: AuditQuery): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit)
  if (q.entityType !== undefined) query = query.where('entity_type', '=', q.entityType)
  if (q.entityId !== undefined) query = query.where('entity_id', '=', q.entityId)
  if (q.teamId !== undefined) query = query.where('team_id', '=', q.teamId)
  if (q.actorUserId !== undefined) query = query.where('actor_user_id', '=', q.actorUserId)
  if (q.before !== undefined) query = query.where('at', '<', q.before)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actor: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    teamId: r.team_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }))
}
