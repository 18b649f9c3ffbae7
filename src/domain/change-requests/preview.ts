/**
 * A change request checked without saving, for the form as it is being written: every error and
 * warning for the chosen mode, each rollback step graded, the risk hint, and the blast radius from
 * the live graph with who is on call for each team in it.
 */
import { FieldErrors, type FieldError } from '../../lib/errors.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { resolveServiceRefs, toInput, type ChangeBody } from './commands.js'
import { liveBlastRadius, type LiveBlastRadiusEntry } from './live-blast-radius.js'
import { CHANGE_TYPES, type ChangeRequestFields } from './model.js'
import type { RiskHint } from './risk.js'
import { computeRiskHint } from './risk-context.js'
import { hasUsableRollbackPlan, rejectStep, rollbackStepQuality } from './rollback-plan.js'
import { validateChangeRequest } from './validate.js'

export interface RollbackStepGrade {
  readonly step: string
  /** Names an undo action and what it acts on. */
  readonly concrete: boolean
  /** Why: the reason it was rejected, or what makes it concrete or vague. */
  readonly why: string
  /** Rejected outright: a placeholder, too short, or a roll-forward. */
  readonly rejected: 'placeholder' | 'too-short' | 'roll-forward' | null
}

export interface ChangePreview {
  readonly valid: boolean
  readonly errors: readonly FieldError[]
  readonly warnings: readonly FieldError[]
  readonly serviceIds: readonly string[]
  readonly rollbackSteps: readonly RollbackStepGrade[]
  readonly hasUsableRollbackPlan: boolean
  readonly riskHint: RiskHint
  readonly blastRadius: readonly LiveBlastRadiusEntry[]
}

/** Builds fields good enough for the risk hint even when the body does not validate. */
function lenientFields(b: ChangeBody, serviceIds: readonly string[]): ChangeRequestFields {
  const plan = b.rollbackPlan ?? {}
  const minutes = plan.estimatedMinutes
  return {
    title: b.title ?? '',
    type: CHANGE_TYPES.find((t) => t === b.type) ?? 'normal',
    serviceIds,
    description: b.description ?? '',
    worstCase: b.worstCase ?? '',
    rollbackPlan: { steps: plan.steps ?? [], estimatedMinutes: Number.isInteger(minutes) && (minutes ?? 0) >= 0 ? (minutes ?? 0) : 0, tested: plan.tested ?? false, testedHow: plan.testedHow ?? '' },
    verificationSteps: b.verificationSteps ?? [],
    risk: null,
    plannedAt: b.plannedAt ?? null,
  }
}

/**
 * Checks a change request body as `mode` ('submit' by default: what review will need) without saving.
 * @example previewChange(db, { title: 'Add index', serviceIds: ['ledger-db'], rollbackPlan: { steps: ['hotfix'] } }, now) // errors: rollbackPlan.steps[0] …
 */
export async function previewChange(db: Db, b: ChangeBody, now: Instant, mode: 'draft' | 'submit' = 'submit'): Promise<ChangePreview> {
  const refErrors = new FieldErrors()
  const serviceIds = await resolveServiceRefs(db, b.serviceIds ?? [], refErrors)
  const checked = validateChangeRequest(toInput(b, serviceIds), mode)
  const errors = [...refErrors.list, ...(checked.ok ? [] : checked.errors)]
  const steps = (b.rollbackPlan?.steps ?? []).map((s): RollbackStepGrade => ({ step: s, ...rollbackStepQuality(s), rejected: rejectStep(s)?.kind ?? null }))
  const fields = checked.ok ? checked.value : lenientFields(b, serviceIds)
  return {
    valid: errors.length === 0,
    errors,
    warnings: checked.warnings,
    serviceIds,
    rollbackSteps: steps,
    hasUsableRollbackPlan: hasUsableRollbackPlan({ steps: b.rollbackPlan?.steps ?? [] }),
    riskHint: await computeRiskHint(db, fields),
    blastRadius: await liveBlastRadius(db, serviceIds, now),
  }
}
