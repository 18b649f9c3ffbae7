import { formatDuration } from '../../../lib/time'
import type { Alarm } from '../../../types/api'
import { describeSlo, describeWindow, explainMofN, formatValue, selectorText } from '../utils/describe-alarm'
import { MISSING_DATA, missingDataMeaning } from '../utils/missing-data'

/** The alarm's definition in words: what it watches, when a period breaches, M of N, missing data, and its alert. */
export function AlarmFacts({ alarm, serviceName }: { readonly alarm: Alarm; readonly serviceName: string }) {
  const d = alarm.definition
  const t = d.threshold
  return (
    <section className="card" aria-labelledby="definition-heading">
      <h2 id="definition-heading">Definition</h2>
      <dl className="facts aq-facts">
        <dt>Service</dt>
        <dd>{serviceName}</dd>
        {t !== null && (
          <>
            <dt>Watches</dt>
            <dd><code>{t.statistic}</code> of <code>{selectorText(t)}</code> per {formatDuration(t.periodSeconds * 1000)}</dd>
            <dt>Breaching</dt>
            <dd>
              value {t.comparison} {formatValue(t.threshold)}
              {t.recoveryThreshold !== null && <>; once in ALARM, judged against the recovery threshold {formatValue(t.recoveryThreshold)}</>}
            </dd>
            <dt>M of N</dt>
            <dd>{describeWindow(t)}. <span className="muted">{explainMofN(t.datapointsToAlarm, t.evaluationPeriods, t.periodSeconds)}</span></dd>
            <dt>Missing data</dt>
            <dd>{MISSING_DATA.find((m) => m.value === t.treatMissingData)?.label ?? t.treatMissingData}: <span className="muted">{missingDataMeaning(t.treatMissingData)}</span></dd>
          </>
        )}
        {d.slo !== null && (
          <>
            <dt>Objective</dt>
            <dd>{describeSlo(d)}</dd>
          </>
        )}
        <dt>Alert</dt>
        <dd>severity {d.severity}; resolves after {d.okPeriodsToResolve} OK evaluation{d.okPeriodsToResolve === 1 ? '' : 's'} in a row</dd>
      </dl>
    </section>
  )
}
