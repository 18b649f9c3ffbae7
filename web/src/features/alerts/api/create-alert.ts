import { api } from '../../../lib/api-client'
import type { AlertRecord, Urgency } from '../../../types/api'

/** A page raised by hand: exactly one of `serviceId`, `teamId` or `userIds`. */
export type CreateAlertInput = ({ readonly serviceId: string } | { readonly teamId: string } | { readonly userIds: readonly string[] }) & {
  readonly summary: string
  readonly details?: Readonly<Record<string, string>>
  readonly urgency: Urgency
}

/** Raises an alert by hand: on a service (its policy), a team (whoever is on call) or people. */
export function createAlert(input: CreateAlertInput): Promise<AlertRecord> {
  return api.post<AlertRecord>('/alerts', input)
}
