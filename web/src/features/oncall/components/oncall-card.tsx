import { useId } from 'react'
import { Alert } from '../../../components/alert'
import { DemoBadge } from '../../../components/demo-badge'
import { Link } from '../../../components/link'
import { formatDateTime, formatRelative, formatTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { OnCall, Schedule } from '../../../types/api'

interface OnCallCardProps {
  readonly item: OnCall
  /** The schedule, for its zone, layer names and demo flag; times fall back to UTC without it. */
  readonly schedule: Schedule | undefined
}

/** One schedule's on-call person now: who, their local time, since/until, why, and the next handoff; gaps in red. */
export function OnCallCard({ item, schedule }: OnCallCardProps) {
  const titleId = useId()
  const zone = schedule?.timeZone ?? 'UTC'
  const now = parseInstant(item.at)
  const { shift, nextHandoff } = item
  const start = parseInstant(shift.start)
  const end = parseInstant(shift.end)
  const at = (instant: number) => `${formatDateTime(instant, zone)} ${zoneAbbreviation(instant, zone)}`
  const layerName = schedule?.layers.find((l) => l.id === shift.source.layerId)?.name

  return (
    <article className={shift.user === null ? 'card oncall-card oncall-card--gap' : 'card oncall-card'} aria-labelledby={titleId}>
      <header className="oncall-card__header">
        <h3 id={titleId} className="oncall-card__title">
          <Link to={`/schedules/${item.scheduleId}`}>{item.scheduleName}</Link>
        </h3>
        <DemoBadge show={schedule?.isDemo ?? false} />
      </header>

      {shift.user === null ? (
        <Alert>
          <strong>Nobody is on call until {at(end)}</strong>
          <span className="alert__detail">A gap since {at(start)}: alerts on this schedule reach no one.</span>
        </Alert>
      ) : (
        <>
          <p className="oncall-card__person">{shift.user.name}</p>
          <p className="oncall-card__local">
            Their time: <strong>{formatTime(now, shift.user.timeZone)}</strong> {shift.user.timeZone} ({zoneAbbreviation(now, shift.user.timeZone)})
          </p>
          <dl className="facts">
            <dt>Since</dt>
            <dd>{at(start)} <span className="muted">({formatRelative(start, now)})</span></dd>
            <dt>Until</dt>
            <dd>{at(end)} <span className="muted">({formatRelative(end, now)})</span></dd>
            <dt>Via</dt>
            <dd>
              {shift.source.type === 'override' ? (
                <span className="badge badge--override">override{shift.source.kind !== undefined ? ` · ${shift.source.kind}` : ''}</span>
              ) : (
                <span className="badge">layer{layerName !== undefined ? ` · ${layerName}` : ''}</span>
              )}
            </dd>
          </dl>
        </>
      )}

      <p className="oncall-card__handoff">
        <span className="muted">Next handoff: </span>
        {nextHandoff === null ? (
          'none scheduled'
        ) : (
          <>
            <strong>{nextHandoff.to?.name ?? 'nobody (gap)'}</strong> at {at(parseInstant(nextHandoff.at))}{' '}
            <span className="muted">({formatRelative(parseInstant(nextHandoff.at), now)})</span>
          </>
        )}
      </p>
    </article>
  )
}
