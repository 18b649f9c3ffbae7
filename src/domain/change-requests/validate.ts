/**
 * Validates a change request for saving as a draft or for submitting.
 *
 * Drafts need only a title (and valid values where given). Submitting needs, by type:
 * - every type: at least one service (the blast radius starts there), a worst case written as a
 *   sentence, and at least one rollback step; no step may be a placeholder or a roll-forward.
 *   Emergency changes included: in an emergency the way back matters most.
 * - normal and standard: a rollback time estimate.
 * - standard: a rehearsed rollback (`tested` with `testedHow`) and a risk other than high,
 *   because standard changes are approved on submit and nobody else reads them.
 * Vague steps ("revert it") and missing verification steps are warnings, not errors.
 */
import type { FieldError } from '../../lib/errors.js'
import { isInstant } from '../../lib/time/index.js'
import { CHANGE_TYPES, RISKS, type ChangeRequestFields, type ChangeRequestInput, type ChangeValidation, type RollbackPlan } from './model.js'
import { isPlaceholder, normalizePhrase, wordsOf } from './phrases.js'
import { rejectStep, ROLLBACK_GUIDE, rollbackStepQuality } from './rollback-plan.js'

/** ServiceNow's short_description limit, so titles survive a sync to an ITSM tool. */
export const MAX_TITLE_LENGTH = 160
export const MAX_TEXT_LENGTH = 20_000
/** Longest rollback estimate accepted, in minutes (a week). */
export const MAX_ROLLBACK_MINUTES = 7 * 24 * 60

const WORST_CASE_EXAMPLE = 'e.g. "checkout fails for all EU customers until the previous version is redeployed"'
const NO_IMPACT = /^(?:no|zero|minimal|negligible|low|little|limited|nothing|none)(?: (?:real|significant|major|big|customer|user|visible))?(?: (?:impact|risk|effect|issues?|problems?|downtime|harm))?(?: expected| at all)?$|^(?:should be|it'?s|will be) (?:fine|ok|okay|safe)$|^nothing (?:bad|will happen|can go wrong|should happen)$/

type Collect = (field: string, reason: string) => void

function checkWorstCase(text: string, error: Collect): void {
  const phrase = normalizePhrase(text)
  if (isPlaceholder(text) || NO_IMPACT.test(phrase)) {
    error('worstCase', `"${text.trim()}" is not a worst case: every change can fail; say what users would see if it did, ${WORST_CASE_EXAMPLE}`)
  } else if (wordsOf(text).length < 3) {
    error('worstCase', `must be a sentence about what could go wrong, ${WORST_CASE_EXAMPLE}`)
  }
}

function checkSteps(steps: readonly string[], error: Collect, warn: Collect): void {
  if (steps.length === 0) return error('rollbackPlan.steps', `needs at least one rollback step: ${ROLLBACK_GUIDE}`)
  const rejected = steps.map((s, i) => ({ i, why: rejectStep(s) }))
  for (const { i, why } of rejected) if (why !== null) error(`rollbackPlan.steps[${i}]`, why.message)
  if (rejected.every((r) => r.why !== null)) {
    const forward = rejected.some((r) => r.why?.kind === 'roll-forward')
    error('rollbackPlan', `${forward ? 'this is a roll-forward plan' : 'this plan has no usable step'}: Tend needs a way back to the last known-good state; ${ROLLBACK_GUIDE}`)
  }
  steps.forEach((s, i) => {
    if (rejectStep(s) !== null) return
    const quality = rollbackStepQuality(s)
    if (!quality.concrete) warn(`rollbackPlan.steps[${i}]`, quality.why)
  })
}

function checkPlanDetails(plan: RollbackPlan, type: ChangeRequestInput['type'], error: Collect): void {
  if (type !== 'emergency' && plan.estimatedMinutes === 0) error('rollbackPlan.estimatedMinutes', 'estimate how many minutes the rollback takes')
  if (plan.tested && (isPlaceholder(plan.testedHow) || wordsOf(plan.testedHow).length < 2)) {
    error('rollbackPlan.testedHow', 'say how and when the rollback was rehearsed, e.g. "rolled back in staging on 2026-11-12"')
  }
  if (type === 'standard' && !plan.tested) {
    error('rollbackPlan.tested', 'a standard change is approved without review, so its rollback must have been rehearsed')
  }
}

function checkSubmit(v: ChangeRequestFields, error: Collect, warn: Collect): void {
  if (v.serviceIds.length === 0) error('serviceIds', 'name at least one service this change touches; its blast radius starts there')
  checkWorstCase(v.worstCase, error)
  checkSteps(v.rollbackPlan.steps, error, warn)
  checkPlanDetails(v.rollbackPlan, v.type, error)
  if (v.type === 'standard' && v.risk === 'high') error('risk', 'a high-risk change cannot be standard: submit it as a normal change for review')
  if (v.type !== 'emergency' && v.verificationSteps.length === 0) warn('verificationSteps', 'add how you will know the change worked (a metric, a page, a query)')
}

function checkAlways(input: ChangeRequestInput, v: ChangeRequestFields, error: Collect): void {
  if (v.title === '') error('title', 'must not be empty')
  if (v.title.length > MAX_TITLE_LENGTH) error('title', `must be at most ${MAX_TITLE_LENGTH} characters`)
  if (!CHANGE_TYPES.includes(v.type)) error('type', `must be one of ${CHANGE_TYPES.join(', ')}`)
  if (input.risk !== undefined && !RISKS.includes(input.risk)) error('risk', `must be one of ${RISKS.join(', ')}`)
  if (input.plannedAt !== undefined && !isInstant(input.plannedAt)) error('plannedAt', 'must be an instant')
  input.serviceIds.forEach((id, i) => {
    if (id.trim() === '') error(`serviceIds[${i}]`, 'must not be empty')
  })
  for (const field of ['description', 'worstCase'] as const) if (v[field].length > MAX_TEXT_LENGTH) error(field, `must be at most ${MAX_TEXT_LENGTH} characters`)
  const minutes = v.rollbackPlan.estimatedMinutes
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_ROLLBACK_MINUTES) {
    error('rollbackPlan.estimatedMinutes', `must be a whole number of minutes from 0 to ${MAX_ROLLBACK_MINUTES}`)
  }
  v.verificationSteps.forEach((s, i) => {
    if (s === '') error(`verificationSteps[${i}]`, 'must not be empty: remove it or say what to check')
  })
}

/** Trims text, drops duplicate services and fills the optional fields. */
function normalize(input: ChangeRequestInput): ChangeRequestFields {
  const plan = input.rollbackPlan ?? {}
  return {
    title: input.title.trim(),
    type: input.type,
    serviceIds: [...new Set(input.serviceIds.map((s) => s.trim()).filter((s) => s !== ''))],
    description: (input.description ?? '').trim(),
    worstCase: (input.worstCase ?? '').trim(),
    rollbackPlan: {
      steps: (plan.steps ?? []).map((s) => s.trim()),
      estimatedMinutes: plan.estimatedMinutes ?? 0,
      tested: plan.tested ?? false,
      testedHow: (plan.testedHow ?? '').trim(),
    },
    verificationSteps: (input.verificationSteps ?? []).map((s) => s.trim()),
    risk: input.risk ?? null,
    plannedAt: input.plannedAt ?? null,
  }
}

/**
 * Validates and normalizes a change request. 'draft' checks only what is written; 'submit'
 * also requires what review needs (see the module comment). Returns every error and warning.
 * @example validateChangeRequest({ title: 'Add index', type: 'normal', serviceIds: ['db'] }, 'draft').ok // true
 */
export function validateChangeRequest(input: ChangeRequestInput, mode: 'draft' | 'submit'): ChangeValidation {
  const errors: FieldError[] = []
  const warnings: FieldError[] = []
  const error: Collect = (field, reason) => void errors.push({ field, reason })
  const warn: Collect = (field, reason) => void warnings.push({ field, reason })
  const value = normalize(input)
  checkAlways(input, value, error)
  if (mode === 'submit') checkSubmit(value, error, warn)
  return errors.length === 0 ? { ok: true, value, warnings } : { ok: false, errors, warnings }
}
