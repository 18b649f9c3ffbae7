import type { Alarm, BurnWindow } from '../../../types/api'
import { formatValue } from '../utils/describe-alarm'

const rateText = (rate: number | null | undefined) => (rate === null || rate === undefined ? 'no traffic' : `${rate.toFixed(1)}×`)

const SHARES: Readonly<Record<string, string>> = { '1h': '2% of the budget in 1 h', '6h': '5% in 6 h', '3d': '10% in 3 d' }

/** An SLO alarm's remaining error budget and its burn rate per window against the page and ticket thresholds. */
export function SloBudgetPanel({ alarm }: { readonly alarm: Alarm }) {
  const slo = alarm.evaluation?.slo
  const budget = alarm.budgetRemaining
  const target = alarm.definition.slo?.slo.target ?? 0
  const rates: Partial<Record<BurnWindow, number | null>> = alarm.burnRates ?? slo?.burnRates ?? {}
  const width = budget === null ? 0 : Math.max(0, Math.min(1, budget)) * 100
  return (
    <section className="card aq-slo" aria-labelledby="budget-heading">
      <h2 id="budget-heading">Error budget</h2>
      {budget === null ? (
        <p className="muted">Not evaluated yet: the budget shows after the first minute with events.</p>
      ) : (
        <div className="aq-budget" data-testid="error-budget">
          <p className={budget <= 0 ? 'aq-budget__figure text-danger' : 'aq-budget__figure'}>
            <strong>{Math.round(budget * 100)}%</strong> of the {alarm.definition.slo?.slo.periodDays ?? 30}-day error budget left{budget <= 0 ? ': spent' : ''}
          </p>
          <div className="aq-budget__bar" role="meter" aria-label="Error budget left" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(width)}>
            <span className={budget <= 0.25 ? 'aq-budget__fill aq-budget__fill--low' : 'aq-budget__fill'} style={{ width: `${width}%` }} />
          </div>
          {slo !== undefined && (
            <p className="muted">
              {slo.goodEvents.toLocaleString('en-GB')} good of {slo.totalEvents.toLocaleString('en-GB')} events ({slo.totalEvents === 0 ? '—' : `${formatValue((slo.goodEvents / slo.totalEvents) * 100)}%`}; target {formatValue(target * 100)}%) over the data kept.
            </p>
          )}
        </div>
      )}
      <div className="table-wrap">
        <table className="table" aria-label="Burn rates">
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">Long window</th>
              <th scope="col">Short window</th>
              <th scope="col" className="table__num">Fires above</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {(slo?.thresholds ?? []).map((t) => {
              const long = rates[t.longWindow]
              const short = rates[t.shortWindow]
              const firing = long != null && short != null && long > t.burnRate && short > t.burnRate
              return (
                <tr key={`${t.severity}-${t.longWindow}`}>
                  <td>
                    <strong>{t.severity === 'page' ? 'Page' : 'Ticket'}</strong>
                    <p className="muted table__sub">{SHARES[t.longWindow] ?? ''}{t.severity === 'ticket' ? ', low urgency' : ''}</p>
                  </td>
                  <td className={long != null && long > t.burnRate ? 'text-danger' : undefined}>{t.longWindow}: {rateText(long)}</td>
                  <td className={short != null && short > t.burnRate ? 'text-danger' : undefined}>{t.shortWindow}: {rateText(short)}</td>
                  <td className="table__num">{formatValue(t.burnRate)}×</td>
                  <td>{firing ? <span className="badge badge--bad">firing</span> : <span className="badge badge--good">below</span>}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {slo === undefined && <p className="muted">Burn rates show after the first evaluation.</p>}
      <p className="muted aq-slo__note">It fires only when both the long and the short window burn faster than the rate: the long one proves it matters, the short one that it is still happening.</p>
    </section>
  )
}
