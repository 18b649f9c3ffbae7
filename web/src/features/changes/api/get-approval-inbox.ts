import type { Instant } from '../../../lib/time'
import type { ChangeSummary } from '../../../types/api'
import { exceptionRequests, mayApprove, type ExceptionRequest, type Viewer } from '../utils/approvals'
import { getChanges } from './get-changes'
import { getFreezes } from './get-freezes'
import { getMyTeamRoles } from './get-my-team-roles'

/** What waits for the signed-in person: changes to approve (or review) and freeze exceptions to decide. */
export interface ApprovalInbox {
  readonly approvals: readonly ChangeSummary[]
  readonly exceptions: readonly ExceptionRequest[]
  readonly viewer: Viewer
}

/** Loads the open changes, the freezes not yet over and the person's team roles, and picks what they may decide. */
export async function getApprovalInbox(user: { readonly id: string; readonly isAdmin: boolean }, now: Instant, signal?: AbortSignal): Promise<ApprovalInbox> {
  const [changes, freezes, roles] = await Promise.all([getChanges({ state: 'open,done,rolled_back' }, signal), getFreezes({}, signal), getMyTeamRoles(user.id, signal)])
  const viewer: Viewer = { id: user.id, isAdmin: user.isAdmin, roles }
  return { approvals: changes.filter((c) => mayApprove(c, viewer)), exceptions: exceptionRequests(changes, freezes, viewer, now), viewer }
}
