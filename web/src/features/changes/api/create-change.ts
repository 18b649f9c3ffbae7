import { api } from '../../../lib/api-client'
import type { ChangeDetail, ChangeType, RollbackPlan } from '../../../types/api'

/** A change request as the API takes it (create, edit and preview). */
export interface ChangeInput {
  readonly title: string
  readonly type: ChangeType
  /** Service ids. */
  readonly serviceIds: readonly string[]
  readonly description: string
  readonly worstCase: string
  readonly rollbackPlan: RollbackPlan
  readonly verificationSteps: readonly string[]
  /** The author's estimate: low, medium or high; null = not given. */
  readonly risk: string | null
  /** RFC 3339 with an offset, or null. */
  readonly plannedAt: string | null
}

/** Opens a change request as a draft (responders of a team owning one of its services). */
export function createChange(input: ChangeInput): Promise<ChangeDetail> {
  return api.post<ChangeDetail>('/changes', input)
}
