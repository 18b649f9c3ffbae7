import { formatDateTime, formatDay, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { Schedule, ScheduleShifts } from '../../../types/api'
import { daysOf, positionOf, type TimelineRange } from '../utils/timeline'
import { TimelineRow } from './timeline-row'

interface ScheduleTimelineProps {
  readonly schedule: Schedule
  readonly shifts: ScheduleShifts | undefined
  readonly range: TimelineRange
  /** The server's "now", drawn as a line. */
  readonly now: Instant
  readonly colors: ReadonlyMap<string, string>
  readonly loading: boolean
  readonly onMove: (weeks: number) => void
  readonly onToday: () => void
}

/** The final schedule and each layer over two weeks in the schedule's zone, with week navigation and a "now" line. */
export function ScheduleTimeline({ schedule, shifts, range, now, colors, loading, onMove, onToday }: ScheduleTimelineProps) {
  const zone = schedule.timeZone
  const days = daysOf(range, zone)
  const nowAt = positionOf(now, range)
  const layerNames = new Map(schedule.layers.map((l) => [l.id, l.name]))
  const lastDay = days[days.length - 1]

  return (
    <section className="card timeline-card" aria-labelledby="timeline-heading" aria-busy={loading}>
      <div className="timeline__toolbar">
        <div>
          <h2 id="timeline-heading">Timeline</h2>
          <p className="muted">
            {formatDay(range.from, zone)} – {lastDay === undefined ? '' : formatDay(lastDay.start, zone)} · times in {zone} ({zoneAbbreviation(range.from, zone)})
          </p>
        </div>
        <div className="button-group" role="group" aria-label="Move the timeline">
          <button type="button" className="button" onClick={() => onMove(-1)}>← Previous week</button>
          <button type="button" className="button" onClick={onToday}>Today</button>
          <button type="button" className="button" onClick={() => onMove(1)}>Next week →</button>
        </div>
      </div>

      <div className="timeline">
        <div className="timeline__grid">
          <div className="timeline__row timeline__row--days" aria-hidden="true">
            <div className="timeline__label" />
            <div className="timeline__track">
              {days.map((day) => (
                <span key={day.start} className={day.weekend ? 'timeline__day timeline__day--weekend' : 'timeline__day'} style={{ left: `${day.left}%`, width: `${day.width}%` }}>
                  {day.label.replace(/ \w+$/, '')}
                </span>
              ))}
            </div>
          </div>

          {shifts !== undefined && (
            <>
              <TimelineRow name="Final schedule" title="Final schedule" subtitle="who gets paged" shifts={shifts.final} range={range} zone={zone} colors={colors} layerNames={layerNames} showGaps emphasis />
              {shifts.layers.map((layer, i) => (
                <TimelineRow key={layer.id} name={`Layer: ${layer.name}`} title={layer.name} subtitle={`layer ${i + 1}`} shifts={layer.shifts} range={range} zone={zone} colors={colors} showGaps={false} />
              ))}
            </>
          )}

          <div className="timeline__overlay" aria-hidden="true">
            {days.map((day) => (
              <span key={day.start} className={day.weekend ? 'timeline__gridline timeline__gridline--weekend' : 'timeline__gridline'} style={{ left: `${day.left}%`, width: `${day.width}%` }} />
            ))}
            {nowAt !== null && (
              <span className="timeline__now" style={{ left: `${nowAt}%` }} title={`Now: ${formatDateTime(now, zone)} ${zoneAbbreviation(now, zone)}`}>
                <span className="timeline__now-label">now</span>
              </span>
            )}
          </div>
        </div>
      </div>
      {shifts === undefined && loading && <p className="muted" role="status">Loading shifts…</p>}
      <p className="muted timeline__note">Later layers take precedence over earlier ones; overrides over all layers.</p>
    </section>
  )
}
