import type { SecretBox } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Insertable } from 'kysely'
import type { AlertLogTable, Db } from '../../storage/index.js'
import { alertLogRow, insertAlertLogRows, logAlert, type AlertLogKind } from '../alerts/index.js'
import type { LinkSigner } from '../notify/index.js'
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
  /**
   * Set by the same callers: timeline rows are collected here and written together by
   * flushTimeline before the transaction commits (one statement instead of two per alert).
   */
  readonly timeline?: Insertable<AlertLogTable>[]
}

/** Records a step on an alert's timeline: at once, or into the context's buffer when it has one. */
export async function logPaging(ctx: PagingCtx, alertId: string, kind: AlertLogKind, message: string, data?: unknown): Promise<void> {
  if (ctx.timeline !== undefined) ctx.timeline.push(alertLogRow(alertId, ctx.now, kind, ENGINE_ACTOR, message, data))
  else await logAlert(ctx.db, alertId, ctx.now, kind, ENGINE_ACTOR, message, data)
}

/** Writes the buffered timeline rows; call before the transaction commits. */
export async function flushTimeline(ctx: PagingCtx): Promise<void> {
  if (ctx.timeline === undefined || ctx.timeline.length === 0) return
  await insertAlertLogRows(ctx.db, ctx.timeline.splice(0))
}

/** The engine acts as this actor in alert timelines. */
export const ENGINE_ACTOR = Object.freeze({ userId: null, label: 'Tend' })
