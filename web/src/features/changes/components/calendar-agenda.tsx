import { Link } from '../../../components/link'
import { formatDateTime, formatRange, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { ChangeSummary, Deployment, Freeze } from '../../../types/api'
import { changeInstant } from '../utils/calendar-rows'
import { ChangeStateChip } from './change-state-chip'

interface CalendarAgendaProps {
  readonly freezes: readonly Freeze[]
  readonly holidays: readonly string[]
  readonly changes: readonly ChangeSummary[]
  readonly deployments: readonly Deployment[]
  readonly zone: string
  readonly scopeOf: (f: Freeze) => string
}

/** The week in words: freezes, holidays, planned changes and deployments (what the grid draws, readable and searchable). */
export function CalendarAgenda({ freezes, holidays, changes, deployments, zone, scopeOf }: CalendarAgendaProps) {
  const at = (i: number) => `${formatDateTime(i, zone)} ${zoneAbbreviation(i, zone)}`
  const planned = changes.flatMap((c) => {
    const when = changeInstant(c)
    return when === null ? [] : [{ c, when }]
  }).sort((a, b) => a.when - b.when)
  return (
    <div className="cal-agenda">
      <section aria-labelledby="agenda-freezes">
        <h3 id="agenda-freezes">Freezes</h3>
        {freezes.length === 0 ? <p className="empty">None this week.</p> : (
          <ul>
            {freezes.map((f) => (
              <li key={f.id}>
                <span className="freeze-name">{f.name}</span> {formatRange(parseInstant(f.start), parseInstant(f.end), zone)} · {scopeOf(f)}
                {f.reason !== '' && <span className="muted"> · {f.reason}</span>}
                {f.exceptions.length > 0 && <span className="muted"> · exceptions: {f.exceptions.map((x) => x.changeKey).join(', ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="agenda-changes">
        <h3 id="agenda-changes">Planned changes</h3>
        {planned.length === 0 ? <p className="empty">None this week.</p> : (
          <ul>
            {planned.map(({ c, when }) => (
              <li key={c.id}>
                {at(when)} <Link to={`/changes/${c.key}`}><span className="change-key">{c.key}</span> {c.title}</Link> <ChangeStateChip state={c.state} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="agenda-deployments">
        <h3 id="agenda-deployments">Deployments</h3>
        {deployments.length === 0 ? <p className="empty">None this week.</p> : (
          <ul>
            {[...deployments].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map((d) => (
              <li key={d.id}>
                {at(parseInstant(d.startedAt))} {d.serviceName} {d.kind === 'rollback' ? 'rolled back to' : 'deployed'} <code>{d.version}</code>
                {d.changeKey !== null && <> ({d.changeKey})</>} <span className="muted">· {d.status.replace('_', ' ')} · {d.actor}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {holidays.length > 0 && (
        <section aria-labelledby="agenda-holidays">
          <h3 id="agenda-holidays">Holidays</h3>
          <p>{holidays.join(', ')}</p>
        </section>
      )}
    </div>
  )
}
