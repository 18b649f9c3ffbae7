import type { Instant } from '../../lib/time/index.js'

/** Who a step notifies: a person, or whoever is on call on a schedule when the step fires. */
export interface StepTarget {
  readonly type: 'user' | 'schedule'
  readonly id: string
}

export interface EscalationStep {
  readonly id: string
  readonly targets: readonly StepTarget[]
  /** Minutes after this step fires before the next one fires, unless someone acknowledges. */
  readonly delayMinutes: number
}

export interface EscalationPolicy {
  readonly id: string
  readonly teamId: string
  readonly name: string
  readonly description: string
  /** Extra passes through all steps when nobody acknowledges (0 = one pass). */
  readonly repeatCount: number
  readonly steps: readonly EscalationStep[]
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/** Where an alert stands in its policy: the next step to fire and the pass it is in. */
export interface EscalationPosition {
  readonly step: number
  readonly loop: number
}

/** What firing the step at `position` means: its targets, and what comes after it. */
export interface StepFiring {
  readonly step: EscalationStep
  readonly position: EscalationPosition
  /** The position after this step, or null when the policy is exhausted. */
  readonly next: EscalationPosition | null
  /** When the next step is due, relative to now (the step's delay). */
  readonly nextDelayMs: number
}

/**
 * Plans the firing of the step at `position`. Pure: the engine loads the policy, calls this
 * with the alert's position, and stores `next` with now + `nextDelayMs`.
 */
export function planStep(policy: EscalationPolicy, position: EscalationPosition): StepFiring | null {
  const step = policy.steps[position.step]
  if (step === undefined || position.loop > policy.repeatCount) return null
  const isLast = position.step === policy.steps.length - 1
  const next = !isLast ? { step: position.step + 1, loop: position.loop } : position.loop < policy.repeatCount ? { step: 0, loop: position.loop + 1 } : null
  return { step, position, next, nextDelayMs: step.delayMinutes * 60_000 }
}
