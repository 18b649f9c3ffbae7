import { api } from '../../../lib/api-client'
import type { Service } from '../../../types/api'

export interface CreateServiceInput {
  readonly name: string
  readonly teamId: string
  readonly dependsOn: readonly string[]
  readonly description?: string
}

/** Creates a service owned by a team (that team's admins). */
export function createService(input: CreateServiceInput): Promise<Service> {
  return api.post<Service>('/services', input)
}
