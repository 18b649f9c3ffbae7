import { Link } from '../../../components/link'
import { formatDateTime, formatTime, localToInstant, zoneAbbreviation } from '../../../lib/time'
import type { Placed, Span } from '../utils/calendar-layout'
import type { CalendarRow } from '../utils/calendar-rows'
import { positionOnDay } from '../utils/calendar-layout'

const HOUR_LINES = [3, 6, 9, 12, 15, 18, 21]

/** "09:00–14:00": the part of a placed span on `day`, in `zone`. */
const range = (p: Placed, day: Span, zone: string) => `${formatTime(Math.max(p.span.start, day.start), zone)}–${formatTime(Math.min(p.span.end, day.end), zone)}`

const style = (p: { readonly left: number; readonly width: number }) => ({ left: `${p.left}%`, width: `${p.width}%` })

/** One day of the change calendar: windows (deployable and support tail), staffed hours, holidays, freezes, markers and "now". */
export function CalendarDayRow({ row, zone }: { readonly row: CalendarRow; readonly zone: string }) {
  const { day } = row
  const abbr = zoneAbbreviation(day.start, zone)
  // Hour lines from the zone's own clock, so a 23- or 25-hour day still lines up with its hours.
  const lines = HOUR_LINES.map((h) => positionOnDay(localToInstant(`${day.date}T${String(h).padStart(2, '0')}:00`, zone) ?? 0, day)).filter((x): x is number => x !== null)
  const lanes = Math.max(1, ...row.markers.map((m) => m.lane + 1))
  return (
    <li className={`cal-row${day.weekend ? ' cal-row--weekend' : ''}${row.holidays.length > 0 ? ' cal-row--holiday' : ''}`} aria-label={day.label} data-date={day.date}>
      <div className="cal-row__label">
        <span className="cal-row__day">{day.label}</span>
        {row.holidays.length > 0 && <span className="badge cal-row__holiday">Holiday</span>}
      </div>
      <div className="cal-row__track" style={{ minHeight: `${46 + lanes * 22}px` }}>
        {lines.map((left) => <span key={left} className="cal-hour" style={{ left: `${left}%` }} aria-hidden="true" />)}
        {row.holidays.map((p) => (
          <span key={`h${p.span.start}`} className="cal-seg cal-seg--holiday" style={style(p)} title={`Holiday: no deploys on ${day.label}`}>
            <span className="cal-seg__text">Holiday</span>
          </span>
        ))}
        {row.windows.map((p) => <span key={`w${p.span.start}`} className="cal-seg cal-seg--window" style={style(p)} title={`Deploy window ${range(p, day, zone)} ${abbr}`} />)}
        {row.deployable.map((p) => (
          <span key={`d${p.span.start}`} className="cal-seg cal-seg--deployable" style={style(p)} title={`Deployable: a deploy may start ${range(p, day, zone)} ${abbr}`}>
            <span className="cal-seg__text">Deploy {range(p, day, zone)}</span>
          </span>
        ))}
        {row.tail.map((p) => (
          <span key={`t${p.span.start}`} className="cal-seg cal-seg--tail" style={style(p)} title={`Support tail ${range(p, day, zone)} ${abbr}: inside the window, but a deploy now would not leave enough staffed time after it`}>
            <span className="cal-seg__text">Tail {range(p, day, zone)}</span>
          </span>
        ))}
        {row.staffed.map((p) => <span key={`s${p.span.start}`} className="cal-staffed" style={style(p)} title={`Staffed ${range(p, day, zone)} ${abbr}`} />)}
        {row.freezes.map((p) => (
          <span key={`f${p.span.freeze.id}`} className="cal-freeze" style={style(p)} title={`Freeze “${p.span.freeze.name}”: ${formatDateTime(p.span.start, zone)} – ${formatDateTime(p.span.end, zone)} ${abbr}${p.span.freeze.reason === '' ? '' : ` (${p.span.freeze.reason})`}`}>
            <span className="cal-freeze__name">{p.span.freeze.name}</span>
          </span>
        ))}
        {row.markers.map((m) => {
          const title = m.change !== undefined
            ? `${m.change.key} “${m.change.title}” (${m.change.state.replace('_', ' ')}), ${formatDateTime(m.at, zone)} ${abbr}`
            : `${m.deployment?.serviceName ?? ''} ${m.deployment?.kind === 'rollback' ? 'rolled back to' : 'deployed'} ${m.deployment?.version ?? ''} at ${formatTime(m.at, zone)} ${abbr} by ${m.deployment?.actor ?? ''}`
          const cls = `cal-marker cal-marker--${m.kind}${m.change !== undefined ? ` cal-marker--${m.change.state}` : ''}`
          const pos = { left: `${m.left}%`, top: `${40 + m.lane * 22}px` }
          return m.change !== undefined ? (
            <Link key={m.id} to={`/changes/${m.change.key}`} className={cls} style={pos} title={title} data-testid="calendar-change">
              ◆ {m.label}
            </Link>
          ) : (
            <span key={m.id} className={cls} style={pos} title={title} data-testid="calendar-deployment">
              ▲ {m.label}
            </span>
          )
        })}
        {row.now !== null && (
          <span className="cal-now" style={{ left: `${row.now}%` }} data-testid="calendar-now">
            <span className="cal-now__label">now</span>
          </span>
        )}
      </div>
    </li>
  )
}
