/**
 * The team channels' outbox (see the migration's comment on team_messages). Contract:
 * - enqueue puts one row per channel of the team, in the caller's transaction; a row whose
 *   (channel, idempotency key) exists already is skipped, so re-running the work is harmless;
 * - claim marks rows 'sending' with a deadline before any provider call; a row still 'sending'
 *   after its deadline (the process died mid-call) is claimed again: at least once, never lost,
 *   and the receiver sees the same Idempotency-Key and can drop the duplicate;
 * - a reported failure retries with the outbox's backoff, and is dead after MAX_ATTEMPTS or a
 *   permanent failure (the row keeps the last error for the team page).
 */
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, TeamMessagesTable } from '../../storage/index.js'
import { MAX_ATTEMPTS, retryDelayMs } from '../notify/index.js'

/** What a team message is about. */
export type TeamMessageKind = 'sleep-in' | 'relief' | 'relief-ended' | 'relief-needed' | 'relief-declined' | 'pager-budget' | 'weekly-report' | 'test'

/** pending → sending → sent; a failure goes back to pending with backoff, or to dead. */
export type TeamMessageStatus = 'pending' | 'sending' | 'sent' | 'dead'

/** A message for every channel of a team. */
export interface NewTeamMessage {
  readonly teamId: string
  readonly kind: TeamMessageKind
  readonly idempotencyKey: string
  readonly subject: string
  readonly text: string
  readonly payload: Record<string, unknown>
}

/** A stored team message. */
export interface TeamMessage {
  readonly id: string
  readonly teamId: string
  readonly channelId: string
  readonly kind: TeamMessageKind
  readonly idempotencyKey: string
  readonly subject: string
  readonly text: string
  readonly payload: Record<string, unknown>
  readonly status: TeamMessageStatus
  readonly attempts: number
  readonly nextAttemptAt: Instant
  readonly lastError: string | null
  readonly createdAt: Instant
  readonly sentAt: Instant | null
}

/** Maps a row. */
export function teamMessageFromRow(r: TeamMessagesTable): TeamMessage {
  return {
    id: r.id,
    teamId: r.team_id,
    channelId: r.channel_id,
    kind: r.kind as TeamMessageKind,
    idempotencyKey: r.idempotency_key,
    subject: r.subject,
    text: r.body_text,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    status: r.status as TeamMessageStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

/** Queues a message on every channel of the team; returns how many rows were new. */
export async function enqueueTeamMessage(db: Db, now: Instant, m: NewTeamMessage, opts: { channelIds?: readonly string[] } = {}): Promise<number> {
  let q = db.selectFrom('team_channels').select('id').where('team_id', '=', m.teamId)
  if (opts.channelIds !== undefined) q = opts.channelIds.length === 0 ? q.where('id', '=', '') : q.where('id', 'in', [...opts.channelIds])
  let inserted = 0
  for (const ch of await q.execute()) {
    const res = await db
      .insertInto('team_messages')
      .values({
        id: newId(),
        team_id: m.teamId,
        channel_id: ch.id,
        kind: m.kind,
        idempotency_key: m.idempotencyKey,
        subject: m.subject,
        body_text: m.text,
        payload_json: JSON.stringify(m.payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        sending_until: null,
        last_error: null,
        created_at: now,
        sent_at: null,
      })
      .onConflict((c) => c.columns(['channel_id', 'idempotency_key']).doNothing())
      .executeTakeFirst()
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0n)
  }
  return inserted
}

/** Whether the team has at least one channel. */
export async function hasTeamChannels(db: Db, teamId: string): Promise<boolean> {
  return (await db.selectFrom('team_channels').select('id').where('team_id', '=', teamId).executeTakeFirst()) !== undefined
}

/** Claims due messages (pending and due, or sending past their deadline), marking them sending. */
export async function claimDueTeamMessages(db: Db, now: Instant, deadline: Instant, limit: number): Promise<TeamMessage[]> {
  const rows = await db
    .selectFrom('team_messages')
    .selectAll()
    .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('sending_until', '<', now)])]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  if (rows.length === 0) return []
  await db
    .updateTable('team_messages')
    .set((eb) => ({ status: 'sending', sending_until: deadline, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', rows.map((r) => r.id))
    .execute()
  return rows.map((r) => ({ ...teamMessageFromRow(r), status: 'sending' as const, attempts: r.attempts + 1 }))
}

/** Records one attempt's outcome; returns the new status. */
export async function recordTeamDelivery(
  db: Db,
  now: Instant,
  m: TeamMessage,
  result: { readonly ok: true } | { readonly ok: false; readonly permanent: boolean; readonly error: string },
  random: number,
): Promise<TeamMessageStatus> {
  if (result.ok) {
    await db.updateTable('team_messages').set({ status: 'sent', sent_at: now, sending_until: null, last_error: null }).where('id', '=', m.id).execute()
    return 'sent'
  }
  const dead = result.permanent || m.attempts >= MAX_ATTEMPTS
  await db
    .updateTable('team_messages')
    .set({ status: dead ? 'dead' : 'pending', sending_until: null, last_error: result.error, next_attempt_at: dead ? m.nextAttemptAt : now + retryDelayMs(m.attempts, random) })
    .where('id', '=', m.id)
    .execute()
  return dead ? 'dead' : 'pending'
}

/** A team's messages, newest first. */
export async function listTeamMessages(db: Db, teamId: string, filter: { kind?: TeamMessageKind; limit?: number } = {}): Promise<TeamMessage[]> {
  let q = db.selectFrom('team_messages').selectAll().where('team_id', '=', teamId)
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind)
  return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 100).execute()).map(teamMessageFromRow)
}
