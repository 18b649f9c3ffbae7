/**
 * Stored change requests: reading them (by id, "CR-42" or 42), their approvals and comments.
 * Writing is in commands.ts.
 */
import { notFound } from '../../lib/errors.js'
import type { Instant } from '../../lib/time/index.js'
import type { ChangeRequestsTable, Db } from '../../storage/index.js'
import type { ChangeRequestFields, ChangeState, ChangeType, Risk, RollbackPlan } from './model.js'
import type { RiskHint } from './risk.js'

/** One approval: of the change itself (scope 'change') or an exception to a freeze (scope = freeze id). */
export interface ChangeApproval {
  readonly userId: string
  readonly scope: 'change' | string
  readonly comment: string
  readonly at: Instant
}

export interface ChangeComment {
  readonly id: string
  readonly userId: string
  readonly body: string
  readonly at: Instant
}

/** A stored change request. */
export interface ChangeRequest extends ChangeRequestFields {
  readonly id: string
  readonly number: number
  /** "CR-42": what people say and type. */
  readonly key: string
  readonly state: ChangeState
  readonly authorId: string
  readonly riskHint: RiskHint | null
  /** Emergency changes started without approval must be reviewed by this instant. */
  readonly reviewDueAt: Instant | null
  readonly startedAt: Instant | null
  readonly finishedAt: Instant | null
  readonly createdAt: Instant
  readonly updatedAt: Instant
  readonly approvals: readonly ChangeApproval[]
  /** Freeze ids this change holds an approved exception for. */
  readonly approvedFreezeExceptions: readonly string[]
}

/** Formats a change number as people write it. */
export const changeKey = (n: number): string => `CR-${n}`

/** The change number in "CR-42", "cr-42" or "42", or null. */
export function parseChangeKey(ref: string): number | null {
  const m = /^(?:cr-?)?(\d{1,9})$/i.exec(ref.trim())
  return m?.[1] === undefined ? null : Number(m[1])
}

function fromRow(r: ChangeRequestsTable, approvals: readonly ChangeApproval[]): ChangeRequest {
  return {
    id: r.id,
    number: r.number,
    key: changeKey(r.number),
    title: r.title,
    description: r.description,
    type: r.type as ChangeType,
    state: r.state as ChangeState,
    authorId: r.author_id,
    serviceIds: JSON.parse(r.service_ids_json) as string[],
    worstCase: r.worst_case,
    rollbackPlan: JSON.parse(r.rollback_json) as RollbackPlan,
    verificationSteps: JSON.parse(r.verification_json) as string[],
    risk: r.risk as Risk | null,
    riskHint: r.risk_hint_json === null ? null : (JSON.parse(r.risk_hint_json) as RiskHint),
    plannedAt: r.planned_at,
    reviewDueAt: r.review_due_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    approvals,
    approvedFreezeExceptions: approvals.filter((a) => a.scope !== 'change').map((a) => a.scope),
  }
}

async function withApprovals(db: Db, rows: readonly ChangeRequestsTable[]): Promise<ChangeRequest[]> {
  if (rows.length === 0) return []
  const approvals = await db.selectFrom('change_approvals').selectAll().where('change_request_id', 'in', rows.map((r) => r.id)).orderBy('at').execute()
  return rows.map((r) =>
    fromRow(
      r,
      approvals.filter((a) => a.change_request_id === r.id).map((a) => ({ userId: a.user_id, scope: a.scope, comment: a.comment, at: a.at })),
    ),
  )
}

/** Finds a change by id, "CR-42" or number. */
export async function findChange(db: Db, ref: string): Promise<ChangeRequest | null> {
  const number = parseChangeKey(ref)
  const row = await db
    .selectFrom('change_requests')
    .selectAll()
    .where((eb) => (number === null ? eb('id', '=', ref) : eb.or([eb('id', '=', ref), eb('number', '=', number)])))
    .executeTakeFirst()
  return row === undefined ? null : ((await withApprovals(db, [row]))[0] ?? null)
}

export async function getChange(db: Db, ref: string): Promise<ChangeRequest> {
  const change = await findChange(db, ref)
  if (change === null) throw notFound('change request', ref)
  return change
}

export interface ChangeFilter {
  readonly states?: readonly ChangeState[] | undefined
  /** Changes touching any of these services. */
  readonly serviceIds?: readonly string[] | undefined
  readonly authorId?: string | undefined
  /** Planned, started or finished inside [from, to). */
  readonly from?: Instant | undefined
  readonly to?: Instant | undefined
  readonly limit?: number | undefined
}

const touchesAny = (c: ChangeRequest, ids: readonly string[]) => c.serviceIds.some((s) => ids.includes(s))
const inRange = (at: Instant | null, from: Instant, to: Instant) => at !== null && at >= from && at < to

/** Lists changes, newest number first. Service and range filters apply after loading (service ids are JSON). */
export async function listChanges(db: Db, f: ChangeFilter = {}): Promise<ChangeRequest[]> {
  let q = db.selectFrom('change_requests').selectAll().orderBy('number', 'desc')
  if (f.states !== undefined) q = f.states.length === 0 ? q.where('id', '=', '') : q.where('state', 'in', [...f.states])
  if (f.authorId !== undefined) q = q.where('author_id', '=', f.authorId)
  if (f.from !== undefined && f.to !== undefined) {
    const { from, to } = f
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('planned_at', '>=', from), eb('planned_at', '<', to)]),
        eb.and([eb('started_at', '>=', from), eb('started_at', '<', to)]),
        eb.and([eb('finished_at', '>=', from), eb('finished_at', '<', to)]),
      ]),
    )
  }
  const all = await withApprovals(db, await q.execute())
  const filtered = all.filter(
    (c) =>
      (f.serviceIds === undefined || touchesAny(c, f.serviceIds)) &&
      (f.from === undefined || f.to === undefined || inRange(c.plannedAt, f.from, f.to) || inRange(c.startedAt, f.from, f.to) || inRange(c.finishedAt, f.from, f.to)),
  )
  return f.limit === undefined ? filtered : filtered.slice(0, f.limit)
}

export async function listComments(db: Db, changeId: string): Promise<ChangeComment[]> {
  const rows = await db.selectFrom('change_comments').selectAll().where('change_request_id', '=', changeId).orderBy('at').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, userId: r.user_id, body: r.body, at: r.at }))
}
