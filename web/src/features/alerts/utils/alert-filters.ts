/** Which alerts the list shows; kept in the page's query string so a filtered view can be shared. */
export interface AlertFilters {
  /** `open` is triggered and acknowledged together; `all` sends no status filter. */
  readonly status: StatusFilter
  readonly urgency: 'high' | 'low' | undefined
  readonly teamId: string | undefined
  readonly serviceId: string | undefined
}

export type StatusFilter = 'open' | 'triggered' | 'acknowledged' | 'resolved' | 'all'

export const STATUS_FILTERS: readonly { readonly value: StatusFilter; readonly label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'triggered', label: 'Triggered' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
]

const isStatus = (v: string | null): v is StatusFilter => STATUS_FILTERS.some((s) => s.value === v)
const nonEmpty = (v: string | null) => (v === null || v === '' ? undefined : v)

/**
 * Reads filters from a query string; anything unknown falls back to the default (open alerts of every team).
 * @example parseAlertFilters(new URLSearchParams('status=resolved&urgency=high'))
 */
export function parseAlertFilters(search: URLSearchParams): AlertFilters {
  const status = search.get('status')
  const urgency = search.get('urgency')
  return {
    status: isStatus(status) ? status : 'open',
    urgency: urgency === 'high' || urgency === 'low' ? urgency : undefined,
    teamId: nonEmpty(search.get('teamId')),
    serviceId: nonEmpty(search.get('serviceId')),
  }
}

/** Writes filters as a query string ("" for the defaults), the inverse of `parseAlertFilters`. */
export function alertFiltersQuery(filters: AlertFilters): string {
  const params = new URLSearchParams()
  if (filters.status !== 'open') params.set('status', filters.status)
  if (filters.urgency !== undefined) params.set('urgency', filters.urgency)
  if (filters.teamId !== undefined) params.set('teamId', filters.teamId)
  if (filters.serviceId !== undefined) params.set('serviceId', filters.serviceId)
  const qs = params.toString()
  return qs === '' ? '' : `?${qs}`
}
