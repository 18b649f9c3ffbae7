import type { Instant } from '../../../lib/time'
import type { ChangeCalendar } from '../../../types/api'
import { calendarRows } from '../utils/calendar-rows'
import type { CalendarDay } from '../utils/week'
import { CalendarDayRow } from './calendar-day-row'

const AXIS = [0, 3, 6, 9, 12, 15, 18, 21]

interface ChangeCalendarWeekProps {
  readonly calendar: ChangeCalendar
  readonly team: ChangeCalendar['teams'][number]
  readonly days: readonly CalendarDay[]
  readonly now: Instant
}

/** One team's week, a row per local day in the policy's zone, hours across. */
export function ChangeCalendarWeek({ calendar, team, days, now }: ChangeCalendarWeekProps) {
  const rows = calendarRows(team, { freezes: calendar.freezes, changes: calendar.changeRequests, deployments: calendar.deployments }, days, now)
  return (
    <div className="cal" data-testid="change-calendar">
      <div className="cal-axis" aria-hidden="true">
        <span className="cal-axis__label" />
        <span className="cal-axis__track">
          {AXIS.map((h) => (
            <span key={h} className="cal-axis__hour" style={{ left: `${(h / 24) * 100}%` }}>{String(h).padStart(2, '0')}:00</span>
          ))}
        </span>
      </div>
      <ol className="cal-rows" aria-label={`Week of ${days[0]?.label ?? ''}`}>
        {rows.map((row) => <CalendarDayRow key={row.day.start} row={row} zone={team.timeZone} />)}
      </ol>
    </div>
  )
}
