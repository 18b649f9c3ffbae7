import { Field } from '../../../components/field'
import type { AlarmDraft } from '../utils/alarm-draft'
import { formatValue } from '../utils/describe-alarm'
import { burnThresholds } from '../utils/burn-thresholds'

interface SloFieldsProps {
  readonly draft: AlarmDraft
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<AlarmDraft>) => void
}

/** An SLO burn-rate alarm: the good and total counters, the target and its period, and when it pages. */
export function SloFields({ draft, fieldErrors, onChange }: SloFieldsProps) {
  const days = Number(draft.periodDays)
  const rates = Number.isInteger(days) && days > 0 ? burnThresholds(days) : null
  const errorOf = (prefix: string) => {
    const found = Object.entries(fieldErrors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.selector`)).map(([, v]) => v)
    return found.length === 0 ? undefined : found.join('; ')
  }
  return (
    <>
      <fieldset className="fieldset">
        <legend>Events</legend>
        <p className="field__hint aq-fieldset-hint">Push both as per-interval counts (events since the sender’s previous datapoint, as a StatsD flush or Prometheus <code>increase()</code> gives), not cumulative counters.</p>
        <div className="form">
          <div className="form__row">
            <Field label="Good events metric" error={fieldErrors['good.metric'] ?? fieldErrors['good']}>
              {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} placeholder="http_requests_good" value={draft.goodMetric} onChange={(e) => onChange({ goodMetric: e.target.value })} />}
            </Field>
            <Field label="Good events labels" error={errorOf('good.selector')} hint="e.g. svc=checkout">
              {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} value={draft.goodSelector} onChange={(e) => onChange({ goodSelector: e.target.value })} />}
            </Field>
          </div>
          <div className="form__row">
            <Field label="All events metric" error={fieldErrors['total.metric'] ?? fieldErrors['total']}>
              {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} placeholder="http_requests_total" value={draft.totalMetric} onChange={(e) => onChange({ totalMetric: e.target.value })} />}
            </Field>
            <Field label="All events labels" error={errorOf('total.selector')}>
              {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} value={draft.totalSelector} onChange={(e) => onChange({ totalSelector: e.target.value })} />}
            </Field>
          </div>
        </div>
      </fieldset>
      <div className="form__row">
        <Field label="Target (% good)" error={fieldErrors['target']} hint="e.g. 99.9: the error budget is the other 0.1%.">
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.targetPercent} onChange={(e) => onChange({ targetPercent: e.target.value })} />}
        </Field>
        <Field label="Period (days)" error={fieldErrors['periodDays']} hint="The objective’s window, 1 to 90 days (default 30).">
          {(control) => <input {...control} type="number" min={1} max={90} value={draft.periodDays} onChange={(e) => onChange({ periodDays: e.target.value })} />}
        </Field>
      </div>
      {rates !== null && (
        <p className="aq-explain" data-testid="slo-explanation">
          Pages when both the 1 h and 5 min windows burn the budget faster than {formatValue(rates.fast)}×, or both 6 h and 30 min faster than {formatValue(rates.medium)}×.
          Files a low-urgency ticket (working hours only) when 3 d and 6 h burn faster than {formatValue(rates.slow)}×. (The SRE Workbook’s multiwindow alerts; 14.4× / 6× / 1× for 30 days.)
        </p>
      )}
    </>
  )
}
