/**
 * The whole relief decision for one tired person at `now`, for the engine's relief module to
 * apply in one transaction: relieve (create a 'relief' override that replaces only the tired
 * person, so nobody else's time changes and no gap opens), escalate (relief is needed but
 * nobody is eligible: keep the current on-call and tell the admins), or do nothing.
 */
import type { Instant } from '../../lib/time/index.js'
import type { WakeUp } from './model.js'
import { DEFAULT_RELIEF_RULE, reliefNeeded, reliefRange, type ReliefRule } from './relief.js'
import { chooseReplacement, type ReplacementCandidate, type Skipped } from './replacement.js'

/** What planRelief needs. */
export interface ReliefPlanInput {
  readonly now: Instant
  readonly rule?: ReliefRule
  readonly tiredUserId: string
  /** The tired person's wake-ups since their last relief ended. */
  readonly wakeUps: readonly WakeUp[]
  /** When the tired person's current shift ends. */
  readonly shiftEnd: Instant
  readonly rotationOrder: readonly string[]
  readonly candidates: readonly ReplacementCandidate[]
}

/** The override to create: the caller adds its id and creation sequence. */
export interface ReliefOverride {
  readonly userId: string
  readonly replacesUserId: string
  readonly start: Instant
  readonly end: Instant
  readonly kind: 'relief'
}

/** What to do. */
export type ReliefPlan =
  | { readonly action: 'none'; readonly because: string }
  | { readonly action: 'relieve'; readonly because: string; readonly override: ReliefOverride; readonly why: string; readonly skipped: readonly Skipped[] }
  | { readonly action: 'escalate'; readonly because: string; readonly why: string; readonly skipped: readonly Skipped[] }

/** Decides whether to relieve the tired person, by whom and for how long. */
export function planRelief(input: ReliefPlanInput): ReliefPlan {
  const rule = input.rule ?? DEFAULT_RELIEF_RULE
  const need = reliefNeeded(input.wakeUps, input.now, rule)
  if (!need.needed) return { action: 'none', because: need.because }
  if (rule.recovery.mode === 'end-of-shift' && input.shiftEnd <= input.now) return { action: 'none', because: `${need.because}, but the shift has already ended` }
  const choice = chooseReplacement({ tiredUserId: input.tiredUserId, rotationOrder: input.rotationOrder, candidates: input.candidates })
  if (choice.none) return { action: 'escalate', because: need.because, why: choice.why, skipped: choice.skipped }
  const range = reliefRange(input.now, input.shiftEnd, rule)
  return {
    action: 'relieve',
    because: need.because,
    override: { userId: choice.userId, replacesUserId: input.tiredUserId, ...range, kind: 'relief' },
    why: choice.why,
    skipped: choice.skipped,
  }
}
