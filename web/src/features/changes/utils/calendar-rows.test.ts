import { describe, expect, it } from 'vitest'
import type { CalendarPolicyIntervals, Freeze } from '../../../types/api'
import { calendarRows } from './calendar-rows'
import { weekDays, weekStartOf } from './week'

const ZONE = 'Europe/Berlin'
const policy: CalendarPolicyIntervals = {
  timeZone: ZONE,
  supportTailMinutes: 180,
  windows: [{ start: '2026-11-24T09:00:00+01:00', end: '2026-11-24T17:00:00+01:00' }, { start: '2026-11-27T09:00:00+01:00', end: '2026-11-27T17:00:00+01:00' }],
  staffed: [{ start: '2026-11-24T09:00:00+01:00', end: '2026-11-24T17:00:00+01:00' }],
  deployable: [{ start: '2026-11-24T09:00:00+01:00', end: '2026-11-24T14:00:00+01:00' }],
  holidays: [],
}
const freeze = { id: 'f', name: 'Black Friday', start: '2026-11-26T18:00:00+01:00', end: '2026-11-30T06:00:00+01:00', scope: { kind: 'all' }, reason: '', approverIds: [], active: false, exceptions: [] } satisfies Freeze
const NOW = Date.parse('2026-11-24T10:00:00Z')

describe('calendarRows', () => {
  const days = weekDays(weekStartOf(NOW, ZONE), ZONE)
  const rows = calendarRows(policy, { freezes: [freeze], changes: [], deployments: [] }, days, NOW)

  it('shows the support tail as the window’s part after the last deploy, and not under a freeze', () => {
    const tue = rows[1]
    expect(tue?.deployable.map((p) => [p.left, p.width])).toEqual([[37.5, (5 / 24) * 100]])
    expect(tue?.tail.map((p) => [Math.round((p.left / 100) * 24), Math.round((p.width / 100) * 24)])).toEqual([[14, 3]])
    // Friday's window is all freeze: no tail drawn there.
    expect(rows[4]?.tail).toEqual([])
    expect(rows[4]?.freezes[0]?.width).toBe(100)
  })

  it('draws the freeze from Thursday 18:00 and "now" on Tuesday only', () => {
    expect(rows[3]?.freezes.map((p) => p.left)).toEqual([75])
    expect(rows.map((r) => r.now)).toEqual([null, (11 / 24) * 100, null, null, null, null, null])
  })
})
