import type { Instant } from '../../lib/time/index.js'
import { nextWorkingStart, type ContactMethod, type NotificationRule, type Urgency, type User } from '../users/index.js'

/** Further alerts on a service within this window after a page join one follow-up message. */
export const BUNDLE_WINDOW_MS = 5 * 60_000
/** A person who acknowledged an alert on a service this recently gets its new alerts as updates. */
export const ENGAGED_WINDOW_MS = 30 * 60_000

export interface PlanInput {
  readonly alertId: string
  readonly serviceId: string
  readonly urgency: Urgency
  readonly user: Pick<User, 'id' | 'timeZone' | 'workingHours'>
  readonly rules: readonly NotificationRule[]
  readonly methods: readonly ContactMethod[]
  readonly now: Instant
  /** Distinguishes firings of the alert's escalation (e.g. "l0s1"), so each gets its own keys. */
  readonly firing: string
  /** When this person was last paged for another alert on this service (null: not recently). */
  readonly lastPageOnService: Instant | null
  /** Whether the person acknowledged an alert on this service within ENGAGED_WINDOW_MS. */
  readonly engaged: boolean
}

export interface PlannedMessage {
  readonly contactMethodId: string
  readonly channel: ContactMethod['type']
  readonly kind: 'alert' | 'update'
  readonly interrupting: boolean
  readonly status: 'pending' | 'bundled'
  readonly notBefore: Instant
  readonly idempotencyKey: string
}

export interface Plan {
  readonly messages: readonly PlannedMessage[]
  /** Set when the messages were bundled: the follow-up that reports them, due at `dueAt`. */
  readonly bundle: { readonly windowStart: Instant; readonly dueAt: Instant; readonly idempotencyKey: string; readonly method: ContactMethod } | null
  /** Why rules were not used, for the alert's timeline. */
  readonly skipped: readonly string[]
  /** Low urgency outside working hours: when the messages will go out. */
  readonly heldUntil: Instant | null
}

/**
 * Decides how one person is told about one alert, from their notification rules. Pure.
 * - Only verified methods page; unverified ones are skipped and named.
 * - Low urgency never goes out outside the person's working hours: it is held until the start of
 *   their next working period, in their zone.
 * - An engaged responder gets a non-interrupting update instead of interrupting pages.
 * - Paged for this service within BUNDLE_WINDOW_MS: the messages are bundled into one follow-up.
 */
export function planNotifications(input: PlanInput): Plan {
  const skipped: string[] = []
  const rules = input.rules.filter((r) => r.urgency === input.urgency).sort((a, b) => a.delayMinutes - b.delayMinutes)
  if (rules.length === 0) skipped.push(`no notification rules for ${input.urgency} urgency`)
  const byId = new Map(input.methods.map((m) => [m.id, m]))
  const usable: { rule: NotificationRule; method: ContactMethod }[] = []
  for (const rule of rules) {
    const method = byId.get(rule.contactMethodId)
    if (method === undefined) skipped.push(`rule ${rule.id}: its contact method no longer exists`)
    else if (!method.verified) skipped.push(`${method.type} "${method.label}" is not verified`)
    else usable.push({ rule, method })
  }

  const calm = calmMethod(input.methods)
  const asUpdates = input.engaged && calm !== undefined && usable.some((u) => u.method.interrupting)
  const chosen: { delayMinutes: number; method: ContactMethod; key: string; kind: 'alert' | 'update' }[] = asUpdates
    ? [{ delayMinutes: 0, method: calm, key: 'update', kind: 'update' }]
    : usable.map((u) => ({ delayMinutes: u.rule.delayMinutes, method: u.method, key: `r:${u.rule.id}`, kind: 'alert' }))

  const bundled = input.lastPageOnService !== null && input.now - input.lastPageOnService < BUNDLE_WINDOW_MS && chosen.length > 0
  let heldUntil: Instant | null = null
  const messages = chosen.map((c): PlannedMessage => {
    let notBefore = input.now + c.delayMinutes * 60_000
    if (input.urgency === 'low') {
      const working = nextWorkingStart(input.user, notBefore)
      if (working > notBefore) heldUntil = heldUntil === null ? working : Math.min(heldUntil, working)
      notBefore = working
    }
    return {
      contactMethodId: c.method.id,
      channel: c.method.type,
      kind: c.kind,
      interrupting: c.kind === 'alert' && c.method.interrupting,
      status: bundled ? 'bundled' : 'pending',
      notBefore,
      idempotencyKey: `a:${input.alertId}:u:${input.user.id}:${input.firing}:${c.key}`,
    }
  })
  const first = chosen[0]
  const bundle =
    bundled && input.lastPageOnService !== null && first !== undefined
      ? {
          windowStart: input.lastPageOnService,
          dueAt: input.lastPageOnService + BUNDLE_WINDOW_MS,
          idempotencyKey: `bundle:u:${input.user.id}:s:${input.serviceId}:${input.lastPageOnService}`,
          method: first.method,
        }
      : null
  return { messages, bundle, skipped, heldUntil }
}

/** The verified, non-interrupting method an engaged responder gets updates on, if any. */
const calmMethod = (methods: readonly ContactMethod[]): ContactMethod | undefined => methods.find((m) => m.verified && !m.interrupting)

/**
 * Whether `engaged` can change the plan: only for someone with a calm method and an
 * interrupting one their rules would page on. Lets callers skip looking it up otherwise.
 */
export function engagementMatters(input: Pick<PlanInput, 'urgency' | 'rules' | 'methods'>): boolean {
  if (calmMethod(input.methods) === undefined) return false
  const byId = new Map(input.methods.map((m) => [m.id, m]))
  return input.rules.some((r) => r.urgency === input.urgency && byId.get(r.contactMethodId)?.verified === true && byId.get(r.contactMethodId)?.interrupting === true)
}
