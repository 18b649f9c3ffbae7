import { formatDay, formatTimeSeconds, parseInstant, zoneAbbreviation } from '../../../lib/time'
import { timelineKindLabel, timelineKindTone, type TimelineRow } from '../utils/alert-timeline'

/** Everything that happened to an alert, oldest first, with times in the viewer's zone. */
export function AlertTimelineList({ rows, zone }: { readonly rows: readonly TimelineRow[]; readonly zone: string }) {
  if (rows.length === 0) return <p className="empty">Nothing has happened yet.</p>
  let lastDay = ''
  return (
    <ol className="alert-timeline" aria-label="Timeline">
      {rows.map((row, i) => {
        const at = parseInstant(row.at)
        const day = formatDay(at, zone)
        const showDay = day !== lastDay
        lastDay = day
        return (
          <li key={`${row.at}-${i}`} className={`alert-timeline__item alert-timeline__item--${timelineKindTone(row.kind)}`}>
            <time className="alert-timeline__time" dateTime={row.at}>
              {showDay && <span className="alert-timeline__day">{day}</span>}
              {formatTimeSeconds(at, zone)} <span className="muted">{zoneAbbreviation(at, zone)}</span>
            </time>
            <div className="alert-timeline__body">
              <span className="alert-timeline__kind">{timelineKindLabel(row.kind)}</span> {row.message}
              {row.actor !== 'Tend' && <span className="muted alert-timeline__actor"> · {row.actor}</span>}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
