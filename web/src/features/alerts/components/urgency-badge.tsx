import type { Urgency } from '../../../types/api'

/** High urgency in red (it pages now, day or night), low in grey (it waits for working hours). */
export function UrgencyBadge({ urgency }: { readonly urgency: Urgency }) {
  return (
    <span className={`badge badge--urgency-${urgency}`} title={urgency === 'high' ? 'Pages now, day or night' : 'Waits for working hours; never interrupts'}>
      {urgency === 'high' ? 'High' : 'Low'}
    </span>
  )
}
