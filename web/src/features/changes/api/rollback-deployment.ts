import { api } from '../../../lib/api-client'
import type { Deployment } from '../../../types/api'

/**
 * Records that a deployment was rolled back (to `version`, or the one deployed before): marks it
 * rolled back and rolls back its change request. Running the rollback itself is the deployer's job.
 */
export function rollbackDeployment(id: string, input: { readonly version?: string; readonly reason?: string }): Promise<{ readonly rollback: Deployment; readonly original: Deployment }> {
  return api.post(`/deployments/${encodeURIComponent(id)}/rollback`, { ...input, source: 'ui' })
}
