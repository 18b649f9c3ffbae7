import { api } from '../../../lib/api-client'
import type { User } from '../../../types/api'

/** Fetches the signed-in user; pass `token` to check a token that is not saved yet. */
export function getMe(opts: { readonly token?: string; readonly signal?: AbortSignal } = {}): Promise<User> {
  return api.get<User>('/me', opts)
}
