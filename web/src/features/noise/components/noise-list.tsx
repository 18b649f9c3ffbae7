import { Link } from '../../../components/link'
import type { NoisyAlarm } from '../../../types/api'
import { formatShare, noiseKind, noiseTarget } from '../utils/noise-format'

const perWeek = (n: number) => `${Math.round(n * 10) / 10}/week`

/** The noisiest alarms first: alerts and pages, the share marked noise, how many cleared by themselves, the score and what to do. */
export function NoiseList({ items, emptyText }: { readonly items: readonly NoisyAlarm[]; readonly emptyText: string }) {
  if (items.length === 0) return <p className="empty card">{emptyText}</p>
  return (
    <div className="table-wrap">
      <table className="table aq-noise" aria-label="Noisy alarms">
        <thead>
          <tr>
            <th scope="col" className="table__num">#</th>
            <th scope="col">Alarm</th>
            <th scope="col" className="table__num">Alerts</th>
            <th scope="col" className="table__num">Pages</th>
            <th scope="col" className="table__num">Noise</th>
            <th scope="col" className="table__num" title="Resolved by its source within 5 minutes, nobody having acknowledged it">Self-resolved</th>
            <th scope="col" className="table__num">Score</th>
            <th scope="col">What to do</th>
          </tr>
        </thead>
        <tbody>
          {items.map((l, i) => {
            const t = l.thresholdSuggestion
            return (
              <tr key={l.key} className={l.score >= 1 ? 'aq-noise__row aq-noise__row--noisy' : 'aq-noise__row'}>
                <td className="table__num">{i + 1}</td>
                <td className="table__text">
                  <Link to={noiseTarget(l)} className="aq-noise__label">{l.label}</Link>
                  <p className="muted table__sub">{l.serviceName} · {noiseKind(l.key)}</p>
                </td>
                <td className="table__num" data-label="Alerts">{l.alerts}</td>
                <td className="table__num" data-label="Pages">{l.pages}</td>
                <td className="table__num" data-label="Noise">
                  {formatShare(l.noiseShare)}
                  {l.unmarked > 0 && <p className="muted table__sub">{l.unmarked} unmarked</p>}
                </td>
                <td className="table__num" data-label="Self-resolved">{l.selfResolvedWithinMinutes}</td>
                <td className="table__num aq-noise__score" data-label="Score" title="Estimated wasted interruptions: a noise page or one that cleared by itself within 5 min counts 1, unmarked 0.5, actionable 0; an alert that paged nobody a fifth">{l.score}</td>
                <td className="table__text">
                  {l.suggestion}
                  {t !== null && l.alarmId !== null && t.suggested !== t.currentThreshold && (
                    <p className="aq-noise__suggestion">
                      Threshold {t.comparison} {t.currentThreshold} fires {perWeek(t.firesPerWeekAtCurrent)}; {t.suggested} would fire {perWeek(t.firesPerWeekAtSuggested)}.{' '}
                      <Link to={`/alarms/${l.alarmId}#suggestion`}>See the suggestion<span className="visually-hidden"> for {l.label}</span> →</Link>
                    </p>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
