import { describe, expect, it } from 'vitest'
import { alertFiltersQuery, parseAlertFilters } from './alert-filters'

describe('alert filters in the query string', () => {
  it('defaults to open alerts of every team and urgency', () => {
    expect(parseAlertFilters(new URLSearchParams(''))).toEqual({ status: 'open', urgency: undefined, teamId: undefined, serviceId: undefined })
    expect(alertFiltersQuery(parseAlertFilters(new URLSearchParams('')))).toBe('')
  })

  it('round-trips every filter', () => {
    const qs = '?status=resolved&urgency=high&teamId=t1&serviceId=s1'
    expect(alertFiltersQuery(parseAlertFilters(new URLSearchParams(qs)))).toBe(qs)
  })

  it('ignores values it does not know instead of sending them to the API', () => {
    expect(parseAlertFilters(new URLSearchParams('status=closed&urgency=urgent&teamId='))).toEqual({ status: 'open', urgency: undefined, teamId: undefined, serviceId: undefined })
  })
})
