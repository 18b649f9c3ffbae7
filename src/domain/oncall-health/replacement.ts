/**
 * Choosing who takes the pager from a tired person. Order of preference, exactly:
 * 1. Eligible at all: a member of the layer's rotation, not the tired person, with an
 *    availability record, not in recovery, not already relieved (a hard rule each: relief must
 *    not move the cost onto someone who just paid it).
 * 2. Awake now before asleep now: the relief exists so that fewer people are woken, so waking a
 *    rested person is the last resort, not forbidden.
 * 3. Lowest recent burden (e.g. pages in the last 7 days): spread the cost.
 * 4. Nearest after the tired person in rotation order (wrapping): the person who would have
 *    been next anyway, so the rotation stays predictable.
 * When nobody is eligible the answer says so and why; the caller keeps the current on-call and
 * escalates to admins. A relief never leaves a gap.
 */
import { compareText } from './ordering.js'

/** What is known about one possible replacement. */
export interface ReplacementCandidate {
  readonly userId: string
  readonly inRecovery: boolean
  readonly alreadyRelieved: boolean
  readonly asleepNow: boolean
  /** Recent burden, e.g. pages in the last 7 days; lower is preferred. */
  readonly recentBurden: number
}

/** The tired person, the layer's members in rotation order, and what is known about each. */
export interface ReplacementInput {
  readonly tiredUserId: string
  readonly rotationOrder: readonly string[]
  readonly candidates: readonly ReplacementCandidate[]
}

/** A member passed over, and why. */
export interface Skipped {
  readonly userId: string
  readonly reason: 'in recovery' | 'already relieved' | 'no availability known'
}

/** The chosen replacement, or nobody with the reasons. */
export type Replacement =
  | { readonly none: false; readonly userId: string; readonly why: string; readonly skipped: readonly Skipped[] }
  | { readonly none: true; readonly why: string; readonly skipped: readonly Skipped[] }

/** Chooses the replacement for a tired person by the order of preference above. */
export function chooseReplacement(input: ReplacementInput): Replacement {
  const byId = new Map(input.candidates.map((c) => [c.userId, c]))
  const others = rotationAfter(input.rotationOrder, input.tiredUserId)
  const skipped: Skipped[] = []
  const eligible: Ranked[] = []
  others.forEach((userId, distance) => {
    const c = byId.get(userId)
    const reason = c === undefined ? 'no availability known' : c.inRecovery ? 'in recovery' : c.alreadyRelieved ? 'already relieved' : null
    if (c === undefined || reason !== null) skipped.push({ userId, reason: reason ?? 'no availability known' })
    else eligible.push({ candidate: assertBurden(c), distance })
  })
  const best = eligible.sort(preference)[0]
  if (best === undefined) return { none: true, why: nobodyWhy(input.tiredUserId, others, skipped), skipped }
  return { none: false, userId: best.candidate.userId, why: chosenWhy(best.candidate, eligible.length), skipped }
}

/** Members other than the tired person, each once, nearest after them first (wrapping). */
function rotationAfter(order: readonly string[], tired: string): string[] {
  const at = order.indexOf(tired)
  const rotated = at < 0 ? [...order] : [...order.slice(at + 1), ...order.slice(0, at)]
  return [...new Set(rotated)].filter((id) => id !== tired)
}

/** An eligible candidate and how far after the tired person they come in rotation order. */
interface Ranked {
  readonly candidate: ReplacementCandidate
  readonly distance: number
}

function preference(a: Ranked, b: Ranked): number {
  return (
    Number(a.candidate.asleepNow) - Number(b.candidate.asleepNow) ||
    a.candidate.recentBurden - b.candidate.recentBurden ||
    a.distance - b.distance ||
    compareText(a.candidate.userId, b.candidate.userId)
  )
}

function assertBurden(c: ReplacementCandidate): ReplacementCandidate {
  if (!Number.isFinite(c.recentBurden) || c.recentBurden < 0) throw new RangeError(`recentBurden of ${c.userId} must be a finite number ≥ 0`)
  return c
}

function chosenWhy(c: ReplacementCandidate, eligibleCount: number): string {
  const awake = c.asleepNow ? 'asleep now (nobody eligible is awake)' : 'awake now'
  return `${c.userId}: ${awake}, recent burden ${c.recentBurden}, the preferred of ${eligibleCount} eligible`
}

function nobodyWhy(tired: string, others: readonly string[], skipped: readonly Skipped[]): string {
  if (others.length === 0) return `nobody can take over from ${tired}: the rotation has no one else`
  const reasons = skipped.map((s) => `${s.userId} is ${s.reason === 'no availability known' ? 'of unknown availability' : s.reason}`).join(', ')
  return `nobody can take over from ${tired}: ${reasons}`
}
