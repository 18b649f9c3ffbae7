import { formatDuration } from '../../../lib/time'
import type { BurdenFigures, PersonBurden } from '../../../types/api'
import { barPercent, incidentScale, MAX_INCIDENTS_PER_SHIFT, MAX_ON_CALL_SHARE } from '../utils/burden-scale'
import { pagesText } from '../utils/heatmap-scale'

interface BurdenTableProps {
  readonly people: readonly PersonBurden[]
  readonly totals: BurdenFigures
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "2 wake-ups" with the figure stressed. */
function Count({ n, one, many }: { readonly n: number; readonly one: string; readonly many: string }) {
  return (
    <span className="burden-count">
      <strong>{n}</strong> {n === 1 ? one : many}
    </span>
  )
}

/** Pages split into sleep, off and working hours, as one bar scaled to the busiest person. */
function PagesBar({ f, max }: { readonly f: BurdenFigures; readonly max: number }) {
  const part = (n: number) => `${barPercent(n, max)}%`
  return (
    <div className="burden-cell">
      <div className="bar" aria-hidden="true">
        <span className="bar__part bar__part--sleep" style={{ width: part(f.sleepHoursPages) }} />
        <span className="bar__part bar__part--off" style={{ width: part(f.offHoursPages) }} />
        <span className="bar__part bar__part--working" style={{ width: part(f.workingHoursPages) }} />
      </div>
      <span className="burden-cell__text">
        <strong>{pagesText(f.pages)}</strong>: {f.sleepHoursPages} in sleep hours · {f.offHoursPages} off hours · {f.workingHoursPages} working
      </span>
    </div>
  )
}

/** A value against a bar: the fill, a line where the bar is, and the figure in words. */
function BarAgainstLimit({ value, scale, limit, over, text, limitText }: { readonly value: number; readonly scale: number; readonly limit: number; readonly over: boolean; readonly text: string; readonly limitText: string }) {
  return (
    <div className="burden-cell">
      <div className="bar bar--limit" aria-hidden="true">
        <span className={over ? 'bar__part bar__part--over' : 'bar__part bar__part--value'} style={{ width: `${barPercent(value, scale)}%` }} />
        <span className="bar__limit" style={{ left: `${barPercent(limit, scale)}%` }} title={limitText} />
      </div>
      <span className={over ? 'burden-cell__text burden-cell__text--over' : 'burden-cell__text'}>
        {text}
        {over && <> · over {limitText}</>}
      </span>
    </div>
  )
}

function Row({ name, zone, f, maxPages, scale, isTotal }: { readonly name: string; readonly zone: string | null; readonly f: BurdenFigures; readonly maxPages: number; readonly scale: number; readonly isTotal: boolean }) {
  const rate = f.incidentsPer12hShift
  return (
    <tr className={isTotal ? 'burden-table__total' : undefined}>
      <th scope="row">
        {name}
        {zone !== null && <span className="health-sub">{zone}</span>}
      </th>
      <td><PagesBar f={f} max={maxPages} /></td>
      <td className="burden-table__counts">
        <Count n={f.wakeUps} one="wake-up" many="wake-ups" />
        <Count n={f.nightsDisturbed} one="night disturbed" many="nights disturbed" />
      </td>
      <td>
        {isTotal ? (
          <span className="muted">{Math.round(f.onCallHours)} h covered</span>
        ) : (
          <BarAgainstLimit value={f.onCallShare} scale={1} limit={MAX_ON_CALL_SHARE} over={f.overOnCallShareBar} text={`${Math.round(f.onCallShare * 100)}% (${Math.round(f.onCallHours)} h)`} limitText="25%" />
        )}
      </td>
      <td>
        {rate === null ? (
          <span className="muted">not on call</span>
        ) : (
          <BarAgainstLimit value={rate} scale={scale} limit={MAX_INCIDENTS_PER_SHIFT} over={f.overIncidentBar} text={`${rate} (${plural(f.incidents, 'incident', 'incidents')})`} limitText="2 per shift" />
        )}
      </td>
      <td className="table__num nowrap">{formatDuration(f.engagedOffHoursMinutes * 60_000)}</td>
      <td className="table__num nowrap">{f.meanTimeToAckSeconds === null ? '—' : formatDuration(f.meanTimeToAckSeconds * 1000)}</td>
    </tr>
  )
}

/**
 * The burden per person over the range: pages by bucket (each in the person's own hours),
 * wake-ups, disturbed nights, the share of time on call against Google SRE's 25% and incidents
 * per 12-hour shift against its 2, engaged off-hours time and the mean time to acknowledge.
 */
export function BurdenTable({ people, totals }: BurdenTableProps) {
  const maxPages = Math.max(1, ...people.map((p) => p.pages))
  const scale = incidentScale([...people.map((p) => p.incidentsPer12hShift), totals.incidentsPer12hShift])
  return (
    <section className="card health-card" aria-labelledby="burden-title">
      <div className="section__header">
        <div>
          <h2 id="burden-title">Burden per person</h2>
          <p className="muted">Pages are classified in each person’s own zone and hours. The lines are Google SRE’s bars: on call at most 25% of the time, at most 2 incidents per 12-hour shift.</p>
        </div>
      </div>
      <ul className="health-legend" aria-label="Bar colours">
        <li className="health-legend__item"><span className="health-swatch bar__part--sleep" aria-hidden="true" /> sleep hours</li>
        <li className="health-legend__item"><span className="health-swatch bar__part--off" aria-hidden="true" /> off hours</li>
        <li className="health-legend__item"><span className="health-swatch bar__part--working" aria-hidden="true" /> working hours</li>
        <li className="health-legend__item"><span className="health-swatch health-swatch--limit" aria-hidden="true" /> the bar</li>
      </ul>
      {people.length === 0 ? (
        <p className="empty">Nobody on this team’s rotations in this range.</p>
      ) : (
        <div className="table-wrap">
          <table className="table burden-table" aria-label="Burden per person">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Pages</th>
                <th scope="col">Wake-ups, nights</th>
                <th scope="col">On call (bar 25%)</th>
                <th scope="col">Incidents / 12 h shift (bar 2)</th>
                <th scope="col" className="table__num">Off-hours work</th>
                <th scope="col" className="table__num">Time to ack</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => <Row key={p.userId} name={p.name} zone={p.timeZone} f={p} maxPages={maxPages} scale={scale} isTotal={false} />)}
              <Row name="Team" zone={null} f={totals} maxPages={Math.max(maxPages, totals.pages)} scale={scale} isTotal />
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
