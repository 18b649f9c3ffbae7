import { localToInstant, toLocalInput, toRfc3339, type Instant } from '../../../lib/time'
import type { MaintenanceWindowInput } from '../api/create-maintenance-window'

/** A window as the form edits it: times stay datetime-local text in the viewer's zone until sent. */
export interface MaintenanceWindowDraft {
  readonly serviceId: string
  readonly reason: string
  readonly kind: 'adhoc' | 'scheduled'
  readonly minutes: string
  /** `YYYY-MM-DDTHH:MM` on the wall clock of the zone the form shows. */
  readonly start: string
  readonly end: string
}

const HOUR = 3_600_000

/** A new window: ad hoc for 60 minutes; the scheduled times offered are the next whole hour plus two hours. */
export function emptyWindowDraft(serviceId: string, now: Instant, zone: string): MaintenanceWindowDraft {
  const start = Math.ceil(now / HOUR) * HOUR
  return { serviceId, reason: '', kind: 'adhoc', minutes: '60', start: toLocalInput(start, zone), end: toLocalInput(start + 2 * HOUR, zone) }
}

/** What cannot be sent, keyed like the API's fields so errors show in the same place; the API checks the rest (reason, order, length). */
export function windowDraftErrors(d: MaintenanceWindowDraft, zone: string): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {}
  if (d.serviceId === '') errors['serviceId'] = 'Choose the service to keep quiet'
  if (d.kind === 'adhoc' && !/^\s*\d+\s*$/.test(d.minutes)) errors['durationMinutes'] = 'Enter a whole number of minutes'
  if (d.kind === 'scheduled' && localToInstant(d.start, zone) === null) errors['start'] = 'Pick the date and time it starts'
  if (d.kind === 'scheduled' && localToInstant(d.end, zone) === null) errors['end'] = 'Pick the date and time it ends'
  return errors
}

/** The API's body for a draft that has no `windowDraftErrors`; local times become RFC 3339 with `zone`'s offset then. */
export function windowDraftToInput(d: MaintenanceWindowDraft, zone: string): MaintenanceWindowInput {
  if (d.kind === 'adhoc') return { reason: d.reason, durationMinutes: Number(d.minutes) }
  const at = (local: string) => toRfc3339(localToInstant(local, zone) ?? NaN, zone)
  return { reason: d.reason, start: at(d.start), end: at(d.end) }
}
