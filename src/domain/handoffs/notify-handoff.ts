import { formatLocal, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { enqueueNotifications, type NewNotification } from '../notify/index.js'
import { findUser, listContactMethodsMeta } from '../users/index.js'

export interface HandoffNotice {
  readonly noticeId: string
  readonly scheduleName: string
  readonly at: Instant
  readonly incomingUserId: string | null
  readonly outgoingUserId: string | null
  /** When the incoming person's shift ends, if known within the look-ahead. */
  readonly incomingUntil: Instant | null
}

/**
 * Tells the incoming and outgoing on-call about a handoff, each in their own time zone, on their
 * first verified non-interrupting method (a handoff is news, not an emergency: it never wakes
 * anyone). People without such a method are skipped; the notice stays recorded.
 */
export async function notifyHandoff(db: Db, now: Instant, h: HandoffNotice): Promise<number> {
  const messages: NewNotification[] = []
  const incoming = h.incomingUserId === null ? null : await findUser(db, h.incomingUserId)
  const outgoing = h.outgoingUserId === null ? null : await findUser(db, h.outgoingUserId)
  const add = async (userId: string, role: 'incoming' | 'outgoing', subject: string, text: string) => {
    const method = (await listContactMethodsMeta(db, userId)).find((m) => m.verified && !m.interrupting)
    if (method === undefined) return
    messages.push({
      alertId: null,
      serviceId: null,
      userId,
      contactMethodId: method.id,
      channel: method.type,
      kind: 'handoff',
      urgency: 'low',
      interrupting: false,
      status: 'pending',
      notBefore: now,
      idempotencyKey: `handoff:${h.noticeId}:${role}`,
      subject,
      text,
      payload: { handoff: { schedule: h.scheduleName, at: new Date(h.at).toISOString(), role } },
    })
  }
  if (incoming !== null) {
    const until = h.incomingUntil === null ? '' : ` until ${formatLocal(h.incomingUntil, incoming.timeZone, 'full')}`
    await add(
      incoming.id,
      'incoming',
      `You are on call on ${h.scheduleName} from ${formatLocal(h.at, incoming.timeZone)}`,
      `You go on call on ${h.scheduleName} at ${formatLocal(h.at, incoming.timeZone, 'full')}${until}, taking over from ${outgoing?.name ?? 'nobody (the schedule had a gap)'}.`,
    )
  }
  if (outgoing !== null) {
    await add(
      outgoing.id,
      'outgoing',
      `Your on-call on ${h.scheduleName} ends at ${formatLocal(h.at, outgoing.timeZone)}`,
      `Your on-call on ${h.scheduleName} ends at ${formatLocal(h.at, outgoing.timeZone, 'full')}. ${incoming === null ? 'Nobody takes over: the schedule has a gap — tell your team.' : `${incoming.name} takes over.`}`,
    )
  }
  return (await enqueueNotifications(db, now, messages)).length
}
