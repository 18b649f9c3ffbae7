import { useId, useState } from 'react'
import type { HealthHeatmap, PersonBurden } from '../../../types/api'
import { DEFAULT_SLEEP_HOURS, HEATMAP_WEEKDAYS, heatLevel, hourLabel, isSleepHour, pagesText } from '../utils/heatmap-scale'

const HOURS = Array.from({ length: 24 }, (_, h) => h)

interface InterruptionHeatmapProps {
  /** The team's map (the sum of its people's). */
  readonly team: HealthHeatmap
  readonly people: readonly PersonBurden[]
}

/**
 * Pages by weekday and hour, each placed in its person's own zone: "pages at 03:00 their time",
 * not at 03:00 UTC. Tend's default sleep hours (22:00–08:00) are banded; a cell's shade is its
 * share of the busiest cell. One person's map can be picked instead of the team's.
 */
export function InterruptionHeatmap({ team, people }: InterruptionHeatmapProps) {
  const [personId, setPersonId] = useState('')
  const pickerId = useId()
  const person = people.find((p) => p.userId === personId)
  const map = person?.heatmap ?? team
  const max = Math.max(0, ...map.counts.flat())
  const sleepEnd = DEFAULT_SLEEP_HOURS.end
  const sleepStart = DEFAULT_SLEEP_HOURS.start
  return (
    <section className="card health-card" aria-labelledby={`${pickerId}-title`}>
      <div className="section__header">
        <div>
          <h2 id={`${pickerId}-title`}>Interruptions by hour</h2>
          <p className="muted">
            {pagesText(map.total)} {person === undefined ? 'to the team' : `to ${person.name}`}, by weekday and hour <strong>in each person’s own time zone</strong>.
          </p>
        </div>
        {people.length > 1 && (
          <label htmlFor={pickerId} className="health-inline-label">
            Show{' '}
            <select id={pickerId} value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">Whole team</option>
              {people.map((p) => <option key={p.userId} value={p.userId}>{p.name} ({p.timeZone})</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="heatmap-wrap">
        <table className="heatmap" aria-label="Pages by weekday and local hour">
          <thead>
            <tr className="heatmap__bands" aria-hidden="true">
              <td />
              <td colSpan={sleepEnd} className="heatmap__band heatmap__band--sleep">sleep hours</td>
              <td colSpan={sleepStart - sleepEnd} className="heatmap__band" />
              <td colSpan={24 - sleepStart} className="heatmap__band heatmap__band--sleep">sleep</td>
            </tr>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" className={isSleepHour(h) ? 'heatmap__hour heatmap__hour--sleep' : 'heatmap__hour'} title={`${hourLabel(h)}–${hourLabel((h + 1) % 24)}`}>
                  <span aria-hidden="true">{String(h).padStart(2, '0')}</span>
                  <span className="visually-hidden">{hourLabel(h)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.weekdays.map((day, d) => {
              const label = HEATMAP_WEEKDAYS[day] ?? day
              return (
                <tr key={day}>
                  <th scope="row" className="heatmap__day">{label}</th>
                  {HOURS.map((h) => {
                    const count = map.counts[d]?.[h] ?? 0
                    const text = `${label} ${hourLabel(h)}: ${pagesText(count)}`
                    const classes = ['heatmap__cell', `heatmap__cell--l${heatLevel(count, max)}`, isSleepHour(h) ? 'heatmap__cell--sleep' : ''].filter(Boolean).join(' ')
                    return (
                      <td key={h} className={classes} title={text} aria-label={text} data-cell={`${day}-${String(h).padStart(2, '0')}`}>
                        {count > 0 ? count : ''}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <ul className="health-legend">
        <li className="health-legend__item"><span className="health-swatch health-swatch--sleep" aria-hidden="true" /> Sleep hours 22:00–08:00 (Tend’s default; each person’s own hours decide what counts)</li>
        <li className="health-legend__item">
          Fewer
          {[1, 2, 3, 4].map((l) => <span key={l} className={`health-swatch heatmap__cell--l${l}`} aria-hidden="true" />)}
          more pages
        </li>
      </ul>
    </section>
  )
}
