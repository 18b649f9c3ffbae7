/**
 * Telling one person something on-call health decided (a sleep-in, a relief, its end), through
 * the notifications outbox as a 'notice': low urgency, never an alert, so it is never counted
 * as a page. A notice must never wake anyone, so it goes only to a verified method the person
 * marked non-interrupting (the one their low-urgency rules use, if any). A person without one
 * is not messaged; they see the notice in Tend (team page, reliefs, `tend relief list`).
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { enqueueNotifications } from '../notify/index.js'
import { listContactMethodsMeta, listNotificationRules, type User } from '../users/index.js'

/** A notice for one person. */
export interface PersonNotice {
  readonly idempotencyKey: string
  readonly subject: string
  readonly text: string
  readonly payload: Record<string, unknown>
  /** Not before this instant (e.g. an FYI held to their working hours); default now. */
  readonly notBefore?: Instant
}

/** Queues the notice; returns false when the person has no verified non-interrupting method. */
export async function noticePerson(db: Db, now: Instant, user: User, n: PersonNotice): Promise<boolean> {
  const quiet = (await listContactMethodsMeta(db, user.id)).filter((m) => m.verified && !m.interrupting)
  const lowRules = (await listNotificationRules(db, user.id)).filter((r) => r.urgency === 'low')
  const method = quiet.find((m) => lowRules.some((r) => r.contactMethodId === m.id)) ?? quiet[0]
  if (method === undefined) return false
  await enqueueNotifications(db, now, [
    {
      alertId: null,
      serviceId: null,
      userId: user.id,
      contactMethodId: method.id,
      channel: method.type,
      kind: 'notice',
      urgency: 'low',
      interrupting: false,
      status: 'pending',
      notBefore: Math.max(now, n.notBefore ?? now),
      idempotencyKey: n.idempotencyKey,
      subject: n.subject,
      text: n.text,
      payload: { oncallHealth: n.payload },
    },
  ])
  return true
}
