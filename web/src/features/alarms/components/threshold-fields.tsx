import { Field } from '../../../components/field'
import type { AlarmComparison, AlarmStatistic, MissingDataPolicy } from '../../../types/api'
import { COMPARISONS, STATISTICS, type AlarmDraft } from '../utils/alarm-draft'
import { explainMofN } from '../utils/describe-alarm'
import { MISSING_DATA } from '../utils/missing-data'

interface ThresholdFieldsProps {
  readonly draft: AlarmDraft
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<AlarmDraft>) => void
}

const STATISTIC_HINT: Readonly<Record<AlarmStatistic, string>> = {
  avg: 'mean of the period’s datapoints', min: 'lowest datapoint', max: 'highest datapoint', sum: 'total of the datapoints', count: 'number of datapoints',
  p50: 'median (nearest rank)', p90: '90th percentile (nearest rank)', p99: '99th percentile (nearest rank)',
}

/** What a threshold alarm watches, when a period breaches, M of N, and what missing data means. */
export function ThresholdFields({ draft, fieldErrors, onChange }: ThresholdFieldsProps) {
  const m = Number(draft.datapointsToAlarm)
  const n = Number(draft.evaluationPeriods)
  const period = Number(draft.periodMinutes) * 60
  const selectorErrors = Object.entries(fieldErrors).filter(([k]) => k.startsWith('selector')).map(([, v]) => v)
  return (
    <>
      <fieldset className="fieldset">
        <legend>Metric</legend>
        <div className="form">
          <div className="form__row">
            <Field label="Metric name" error={fieldErrors['metric']} hint="As pushed to POST /api/v1/metrics.">
              {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} placeholder="http_p99_ms" value={draft.metric} onChange={(e) => onChange({ metric: e.target.value })} />}
            </Field>
            <Field label="Label selector" error={selectorErrors.length === 0 ? undefined : selectorErrors.join('; ')} hint="Exact matches, comma separated, e.g. route=/pay, region=eu. Empty: every series of the metric, pooled.">
              {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} placeholder="route=/pay" value={draft.selector} onChange={(e) => onChange({ selector: e.target.value })} />}
            </Field>
          </div>
          <div className="form__row">
            <Field label="Statistic" error={fieldErrors['statistic']} hint={`Each period is reduced to one value: the ${STATISTIC_HINT[draft.statistic]}.`}>
              {(control) => (
                <select {...control} value={draft.statistic} onChange={(e) => onChange({ statistic: e.target.value as AlarmStatistic })}>
                  {STATISTICS.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              )}
            </Field>
            <Field label="Period (minutes)" error={fieldErrors['periodSeconds']} hint="Whole minutes, up to a day. The alarm is evaluated once per period.">
              {(control) => <input {...control} type="number" min={1} max={1440} value={draft.periodMinutes} onChange={(e) => onChange({ periodMinutes: e.target.value })} />}
            </Field>
          </div>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>A period breaches when its value is</legend>
        <div className="aq-row-3">
          <Field label="Comparison" error={fieldErrors['comparison']}>
            {(control) => (
              <select {...control} value={draft.comparison} onChange={(e) => onChange({ comparison: e.target.value as AlarmComparison })}>
                {COMPARISONS.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            )}
          </Field>
          <Field label="Threshold" error={fieldErrors['threshold']}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={draft.threshold} onChange={(e) => onChange({ threshold: e.target.value })} />}
          </Field>
          <Field label="Recovery threshold (optional)" error={fieldErrors['recoveryThreshold']} hint="Once in ALARM, periods are judged against this instead, so a value hovering at the threshold does not flip the alarm.">
            {(control) => <input {...control} type="text" inputMode="decimal" value={draft.recoveryThreshold} onChange={(e) => onChange({ recoveryThreshold: e.target.value })} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>M of N datapoints</legend>
        <div className="form">
          <div className="form__row">
            <Field label="Datapoints to alarm (M)" error={fieldErrors['datapointsToAlarm']}>
              {(control) => <input {...control} type="number" min={1} value={draft.datapointsToAlarm} onChange={(e) => onChange({ datapointsToAlarm: e.target.value })} />}
            </Field>
            <Field label="Evaluation periods (N)" error={fieldErrors['evaluationPeriods']} hint="N × period may not exceed one day.">
              {(control) => <input {...control} type="number" min={1} max={100} value={draft.evaluationPeriods} onChange={(e) => onChange({ evaluationPeriods: e.target.value })} />}
            </Field>
          </div>
          <p className="aq-explain" data-testid="m-of-n-explanation">{explainMofN(m, n, period > 0 ? period : 60)}</p>
        </div>
      </fieldset>
      <fieldset className={fieldErrors['treatMissingData'] === undefined ? 'fieldset' : 'fieldset fieldset--invalid'}>
        <legend>Missing data</legend>
        {fieldErrors['treatMissingData'] !== undefined && <p className="field__error fieldset__error">{fieldErrors['treatMissingData']}</p>}
        <div className="aq-choices" role="radiogroup" aria-label="Missing data">
          {MISSING_DATA.map((p) => (
            <label key={p.value} className="aq-choice">
              <input type="radio" name="treat-missing-data" value={p.value} checked={draft.treatMissingData === p.value} onChange={() => onChange({ treatMissingData: p.value as MissingDataPolicy })} />
              <span>
                <strong>{p.label}</strong>
                <span className="aq-choice__meaning">{p.meaning}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  )
}
