import type { SecretBox } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { CompiledQuery, Insertable } from 'kysely'
import { executeTogether, insertRowsQueries, type AlertLogTable, type Db } from '../../storage/index.js'
import { alertLogRow, logAlert, type AlertLogKind } from '../alerts/index.js'
import { notificationsQueries, type LinkSigner, type NewNotification } from '../notify/index.js'
import type { ConfigView } from './config-cache.js'
import type { FirstPages } from './first-pages.js'
import type { PagingMemo } from './memo.js'

/** What paging work needs: the transaction, the instant, secrets (addresses) and the link signer. */
export interface PagingCtx {
  readonly db: Db
  readonly now: Instant
  readonly secrets: SecretBox
  readonly links: LinkSigner
  readonly publicUrl: string
  /** Set by callers that fire many alerts in one transaction: shares lookups between them. */
  readonly memo?: PagingMemo
  /** Set by the engine: configuration lookups kept across runs while it stands still (config-cache.ts). */
  readonly config?: ConfigView
  /** Set when firing escalations (FiringCtx); timeline rows then go here too. */
  readonly writes?: PagingWrites
  /** Set by firings on arrival: first pages read lately, trusted for a second (first-pages.ts). */
  readonly firstPages?: FirstPages
}

/**
 * What firing a chunk of escalations needs: what the alerts' firing writes is gathered in
 * `writes` and written together by flushPaging before the transaction commits (a few statements
 * per chunk instead of several per alert).
 */
export interface FiringCtx extends PagingCtx {
  readonly writes: PagingWrites
  /**
   * Set when an alert is fired as it is stored (fire-on-arrival.ts): the firing may only add the
   * alert to bundles already open for every person it would reach. Anything more (a page, an
   * update, a held message, nobody to reach) throws NotQuietError before it is queued, and the
   * engine fires the alert instead.
   */
  readonly bundleOnly?: boolean
}

/** A bundle-only firing (FiringCtx.bundleOnly) would have done more than join bundles. */
export class NotQuietError extends Error {
  constructor(why: string) {
    super(`not a bundle-only firing: ${why}`)
    this.name = 'NotQuietError'
  }
}

/** Throws NotQuietError in a bundle-only firing; a no-op otherwise. */
export function onlyBundling(ctx: FiringCtx, ok: boolean, why: string): void {
  if (ctx.bundleOnly === true && !ok) throw new NotQuietError(why)
}

/** Rows a chunk of fired alerts writes at its end: timeline entries, outbox messages, escalation moves. */
export interface PagingWrites {
  readonly timeline: Insertable<AlertLogTable>[]
  readonly outbox: NewNotification[]
  /** Each alert's next step and when it is due, or null when escalation is over. */
  readonly moves: Map<string, EscalationMove | null>
}

export interface EscalationMove {
  readonly step: number
  readonly loop: number
  readonly at: Instant
}

export const newPagingWrites = (): PagingWrites => ({ timeline: [], outbox: [], moves: new Map() })

/**
 * Records a step on an alert's timeline: at once, or into the context's buffer when it has one.
 * `bundleKey`: for a `bundled` row, the follow-up it joins.
 */
export async function logPaging(ctx: PagingCtx, alertId: string, kind: AlertLogKind, message: string, data?: unknown, bundleKey: string | null = null): Promise<void> {
  if (ctx.writes !== undefined) ctx.writes.timeline.push(alertLogRow(alertId, ctx.now, kind, ENGINE_ACTOR, message, data, bundleKey))
  else await logAlert(ctx.db, alertId, ctx.now, kind, ENGINE_ACTOR, message, data, bundleKey)
}

/** Queues outbox messages, written by flushPaging. */
export function queueMessages(ctx: FiringCtx, messages: readonly NewNotification[]): void {
  ctx.writes.outbox.push(...messages)
}

/** Moves an alert's escalation to its next step (or ends it), written by flushPaging. */
export function moveEscalation(ctx: FiringCtx, alertId: string, next: EscalationMove | null): void {
  ctx.writes.moves.set(alertId, next)
}

/** Writes what the chunk gathered (one statement on PostgreSQL); call before the transaction commits. */
export async function flushPaging(ctx: FiringCtx): Promise<void> {
  const writes = ctx.writes
  const moves = [...writes.moves]
  writes.moves.clear()
  await executeTogether(ctx.db, [
    ...insertRowsQueries(ctx.db, 'alert_log', writes.timeline.splice(0)),
    ...notificationsQueries(ctx.db, ctx.now, writes.outbox.splice(0)),
    ...moveQueries(ctx.db, ctx.now, moves),
  ])
}

/** Alerts moving to the same step at the same time share one UPDATE (in a storm, nearly all of a chunk). */
function moveQueries(db: Db, now: Instant, moves: readonly (readonly [string, EscalationMove | null])[]): CompiledQuery[] {
  const groups = new Map<string, { next: EscalationMove | null; ids: string[] }>()
  for (const [id, next] of moves) {
    const key = next === null ? 'done' : `${next.step}/${next.loop}/${next.at}`
    const group = groups.get(key) ?? { next, ids: [] }
    group.ids.push(id)
    groups.set(key, group)
  }
  const out: CompiledQuery[] = []
  for (const { next, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      const set = next === null ? { next_escalation_at: null, updated_at: now } : { escalation_step: next.step, escalation_loop: next.loop, next_escalation_at: next.at, updated_at: now }
      out.push(db.updateTable('alerts').set(set).where('id', 'in', chunk).compile())
    }
  }
  return out
}

/** The engine acts as this actor in alert timelines. */
export const ENGINE_ACTOR = Object.freeze({ userId: null, label: 'Tend' })
