import type { Instant } from '../../../lib/time'
import type { Relief, ReliefStatus } from '../../../types/api'

/** Whether a relief is still in force at `now`: someone holds the pager for the tired person, or nobody could ('needed'). */
export function isCurrentRelief(relief: Relief, now: Instant): boolean {
  return (relief.status === 'active' || relief.status === 'taken_over' || relief.status === 'needed') && Date.parse(relief.end) > now
}

/** What the API allows on a relief in force: declining needs a replacement; a 'needed' relief can only be taken over. */
export function reliefActions(relief: Relief): { readonly decline: boolean; readonly takeOver: boolean } {
  return { decline: relief.status !== 'needed' && relief.replacement !== null, takeOver: true }
}

const LABELS: Readonly<Record<ReliefStatus, string>> = {
  active: 'Relieved',
  needed: 'Relief needed',
  declined: 'Declined',
  taken_over: 'Taken over',
  ended: 'Ended',
}

/** "Relieved", "Relief needed", "Taken over", … */
export function reliefStatusLabel(status: string): string {
  return LABELS[status as ReliefStatus] ?? status
}
