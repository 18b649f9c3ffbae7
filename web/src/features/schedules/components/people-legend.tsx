import type { CSSProperties } from 'react'
import { formatTime, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { Person } from '../types'

interface PeopleLegendProps {
  readonly people: readonly Person[]
  readonly colors: ReadonlyMap<string, string>
  readonly now: Instant
}

/** The colour of each person on the timeline, their zone and local time, and what the patterns mean. */
export function PeopleLegend({ people, colors, now }: PeopleLegendProps) {
  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul className="legend">
        {people.map((p) => (
          <li key={p.id} className="legend__item">
            <span className="swatch" style={{ '--user-color': colors.get(p.id) ?? '#cbd5e1' } as CSSProperties} aria-hidden="true" />
            <span className="legend__name">{p.name}</span>
            <span className="muted">
              {formatTime(now, p.timeZone)} {zoneAbbreviation(now, p.timeZone)} · {p.timeZone}
            </span>
          </li>
        ))}
        <li className="legend__item">
          <span className="swatch swatch--override" aria-hidden="true" />
          <span className="legend__name">Override</span>
          <span className="muted">striped, dashed outline</span>
        </li>
        <li className="legend__item">
          <span className="swatch swatch--gap" aria-hidden="true" />
          <span className="legend__name">Nobody on call</span>
          <span className="muted">a gap: alerts reach no one</span>
        </li>
      </ul>
    </section>
  )
}
