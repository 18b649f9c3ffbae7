import { api } from '../../../lib/api-client'
import type { User } from '../../../types/api'

export interface CreateUserInput {
  readonly name: string
  readonly email: string
  readonly timeZone: string
}

/** Creates a user (administrators only). */
export function createUser(input: CreateUserInput): Promise<User> {
  return api.post<User>('/users', input)
}
