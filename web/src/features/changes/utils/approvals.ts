import { parseInstant, type Instant } from '../../../lib/time'
import type { ChangeState, ChangeSummary, Freeze } from '../../../types/api'

/** Who is looking: their id, whether they are a global administrator, and their role per team id. */
export interface Viewer {
  readonly id: string
  readonly isAdmin: boolean
  readonly roles: ReadonlyMap<string, string>
}

const APPROVER_ROLES = new Set(['responder', 'admin'])
const REVIEWABLE_EMERGENCY: readonly ChangeState[] = ['in_progress', 'done', 'rolled_back']
const EXCEPTION_STATES: readonly ChangeState[] = ['submitted', 'approved', 'in_progress']

/** Whether the change waits for an after-the-fact review: an emergency change started without approval. */
export function awaitsEmergencyReview(c: ChangeSummary): boolean {
  return c.type === 'emergency' && REVIEWABLE_EMERGENCY.includes(c.state) && !c.approvals.some((a) => a.scope === 'change')
}

/**
 * Whether `viewer` may approve the change now, as the API decides it: it is submitted (or an
 * emergency change awaiting review), they are not its author (the two-person rule), have not
 * approved it already, and are a responder of a team owning one of its services (or a global admin).
 */
export function mayApprove(c: ChangeSummary, viewer: Viewer): boolean {
  if (c.state !== 'submitted' && !awaitsEmergencyReview(c)) return false
  if (c.authorId === viewer.id || c.approvals.some((a) => a.scope === 'change' && a.userId === viewer.id)) return false
  return viewer.isAdmin || c.services.some((s) => APPROVER_ROLES.has(viewer.roles.get(s.teamId) ?? ''))
}

/** Whether a freeze's scope reaches one of the change's services. */
export function freezeCovers(f: Freeze, c: Pick<ChangeSummary, 'services'>): boolean {
  if (f.scope.kind === 'all') return true
  if (f.scope.kind === 'teams') return c.services.some((s) => f.scope.teamIds?.includes(s.teamId) === true)
  return c.services.some((s) => f.scope.serviceIds?.includes(s.id) === true)
}

/** When a change would deploy: its planned time, or now when it has none. */
const deployTime = (c: ChangeSummary, now: Instant) => (c.plannedAt === null ? now : parseInstant(c.plannedAt))

/** The freezes that would block the change when it deploys, and whether it already has an exception to each. */
export function freezesFor(c: ChangeSummary, freezes: readonly Freeze[], now: Instant): { readonly freeze: Freeze; readonly excepted: boolean }[] {
  const at = deployTime(c, now)
  return freezes
    .filter((f) => freezeCovers(f, c) && parseInstant(f.end) > now && parseInstant(f.start) <= at && at < parseInstant(f.end))
    .map((freeze) => ({ freeze, excepted: c.freezeExceptions.includes(freeze.id) }))
}

/** Whether `viewer` may grant exceptions to the freeze: one of its approvers, or a global admin. */
export function mayGrantException(f: Freeze, viewer: Viewer): boolean {
  return viewer.isAdmin || f.approverIds.includes(viewer.id)
}

/** A change that needs an exception to a freeze the viewer may grant. */
export interface ExceptionRequest {
  readonly change: ChangeSummary
  readonly freeze: Freeze
}

/**
 * Exception requests for the viewer: open changes (not theirs) that would deploy inside a freeze
 * covering their services, without an exception yet, where the viewer may grant one.
 */
export function exceptionRequests(changes: readonly ChangeSummary[], freezes: readonly Freeze[], viewer: Viewer, now: Instant): ExceptionRequest[] {
  return changes
    .filter((c) => EXCEPTION_STATES.includes(c.state) && c.authorId !== viewer.id)
    .flatMap((change) => freezesFor(change, freezes, now).filter((x) => !x.excepted && mayGrantException(x.freeze, viewer)).map(({ freeze }) => ({ change, freeze })))
}
