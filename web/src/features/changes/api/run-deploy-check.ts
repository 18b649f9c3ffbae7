import { api } from '../../../lib/api-client'
import type { DeployCheckResult } from '../../../types/api'

/** What to ask the deploy gate. */
export interface DeployCheckInput {
  /** Service id or name. */
  readonly service: string
  /** CR-42, 42 or an id. */
  readonly change?: string
  /** RFC 3339; absent = now. */
  readonly at?: string
  readonly kind: 'deploy' | 'rollback'
}

/** Asks the deploy gate whether the service may deploy (or roll back); the check is recorded. */
export function runDeployCheck(input: DeployCheckInput): Promise<DeployCheckResult> {
  return api.post<DeployCheckResult>('/deploy-checks', input)
}
