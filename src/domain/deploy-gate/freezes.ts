/**
 * Which freezes apply to a deploy and which of them this change is excepted from. An exception
 * lifts only the freeze it names, and only for a change that is approved or under way: a draft
 * carrying an exception id has not been through review.
 */
import type { FieldError } from '../../lib/errors.js'
import { isInstant, type Instant } from '../../lib/time/index.js'
import type { Interval } from './intervals.js'
import type { Freeze, FreezeScope, GateChange, GateChangeState, Validated } from './model.js'

/** Change states in which the change's approvals (and so its freeze exceptions) count. */
export const ACTIVE_CHANGE_STATES: readonly GateChangeState[] = ['approved', 'in_progress']

/** Whether a freeze covers this service (directly, through its owning team, or everything). */
export function freezeAppliesTo(freeze: Freeze, target: { readonly serviceId: string; readonly teamId: string }): boolean {
  switch (freeze.scope.kind) {
    case 'all':
      return true
    case 'teams':
      return freeze.scope.teamIds.includes(target.teamId)
    case 'services':
      return freeze.scope.serviceIds.includes(target.serviceId)
  }
}

/** Whether the change holds a usable exception for this freeze. */
export function isExcepted(freeze: Freeze, change: GateChange | null): boolean {
  return change !== null && ACTIVE_CHANGE_STATES.includes(change.state) && change.approvedFreezeExceptions.includes(freeze.id)
}

/** The in-scope freezes split into those that deny and those this change is excepted from. */
export function classifyFreezes(
  freezes: readonly Freeze[],
  target: { readonly serviceId: string; readonly teamId: string },
  change: GateChange | null,
): { denying: Freeze[]; excepted: Freeze[] } {
  const inScope = freezes.filter((f) => f.end > f.start && freezeAppliesTo(f, target))
  return { denying: inScope.filter((f) => !isExcepted(f, change)), excepted: inScope.filter((f) => isExcepted(f, change)) }
}

/** A freeze as the interval it denies. */
export const freezeInterval = (f: Freeze): Interval => ({ start: f.start, end: f.end })

/** A freeze as received, before the store gives it an id. */
export interface FreezeInput {
  readonly name: string
  readonly start: Instant
  readonly end: Instant
  readonly scope: FreezeScope
  readonly reason: string
}

/** Normalizes a freeze: trimmed name and reason, a non-empty period, a scope that names something. */
export function validateFreeze(input: FreezeInput): Validated<FreezeInput> {
  const errors: FieldError[] = []
  const name = input.name.trim()
  if (name === '') errors.push({ field: 'name', reason: 'must not be empty' })
  if (!isInstant(input.start)) errors.push({ field: 'start', reason: 'must be an instant' })
  if (!isInstant(input.end)) errors.push({ field: 'end', reason: 'must be an instant' })
  else if (input.end <= input.start) errors.push({ field: 'end', reason: 'must be after start' })
  const scope = normalizeScope(input.scope, errors)
  if (errors.length > 0 || scope === null) return { ok: false, errors }
  return { ok: true, value: { name, start: input.start, end: input.end, scope, reason: input.reason.trim() } }
}

function normalizeScope(scope: FreezeScope, errors: FieldError[]): FreezeScope | null {
  const ids = (list: readonly string[], field: string): string[] | null => {
    const unique = [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))].sort()
    if (unique.length > 0) return unique
    errors.push({ field, reason: 'must name at least one id (use kind "all" to freeze everything)' })
    return null
  }
  switch (scope.kind) {
    case 'all':
      return scope
    case 'teams': {
      const teamIds = ids(scope.teamIds, 'scope.teamIds')
      return teamIds === null ? null : { kind: 'teams', teamIds }
    }
    case 'services': {
      const serviceIds = ids(scope.serviceIds, 'scope.serviceIds')
      return serviceIds === null ? null : { kind: 'services', serviceIds }
    }
  }
}
