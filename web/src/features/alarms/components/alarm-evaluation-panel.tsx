import { Link } from '../../../components/link'
import { formatAge, formatDateTime, formatRelative, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { Alarm } from '../../../types/api'
import { breaches } from '../utils/breaches'
import { formatValue } from '../utils/describe-alarm'
import { AlarmStateChip } from './alarm-state-chip'
import { FlappingBadge } from './flapping-badge'

interface AlarmEvaluationPanelProps {
  readonly alarm: Alarm
  readonly zone: string
  readonly now: Instant
}

/** Why the alarm is in its state now: the engine's reason, the values it judged, the alert, and its flap figure. */
export function AlarmEvaluationPanel({ alarm, zone, now }: AlarmEvaluationPanelProps) {
  const e = alarm.evaluation
  const t = alarm.definition.threshold
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  return (
    <section className="card aq-evaluation" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">Now</h2>
      <p className="aq-evaluation__reason" data-testid="alarm-reason">
        <AlarmStateChip state={alarm.state} /> <span>{alarm.stateReason}</span>
      </p>
      {t !== null && e?.values !== undefined && e.values.length > 0 && (
        <div>
          <p className="muted">Values of the last periods, oldest first ({e.breaching ?? 0} of {e.evaluated ?? 0} evaluated breaching; it alarms at {t.datapointsToAlarm}):</p>
          <ol className="aq-values" aria-label="Last periods">
            {e.values.map((v, i) => (
              <li key={i} className={v === null ? 'aq-values__item aq-values__item--missing' : breaches(v, t.comparison, t.threshold) ? 'aq-values__item aq-values__item--breaching' : 'aq-values__item'}>
                {v === null ? 'no data' : formatValue(v)}
              </li>
            ))}
          </ol>
        </div>
      )}
      <dl className="facts">
        <dt>In this state</dt>
        <dd>since {when(alarm.stateChangedAt)} ({formatAge(parseInstant(alarm.stateChangedAt), now)})</dd>
        {e?.evaluatedAt != null && (
          <>
            <dt>Last evaluated</dt>
            <dd>{when(e.evaluatedAt)}; next {parseInstant(alarm.nextCheckAt) <= now ? 'due now' : formatRelative(parseInstant(alarm.nextCheckAt), now)}</dd>
          </>
        )}
        <dt>Alert</dt>
        <dd>
          {alarm.alert !== null ? (
            <Link to={`/alerts/${alarm.alert.id}`}>{alarm.alert.status} ({alarm.alert.urgency} urgency), opened {formatAge(parseInstant(alarm.alert.createdAt), now)}</Link>
          ) : (
            <span className="muted">none open</span>
          )}
          {alarm.ticket !== null && (
            <> · <Link to={`/alerts/${alarm.ticket.id}`}>slow-burn ticket (low urgency)</Link></>
          )}
        </dd>
        <dt>State change</dt>
        <dd>
          {Math.round(alarm.percentStateChange)}% weighted over the last 21 evaluations (flapping from {alarm.definition.flap.high}%, settled at {alarm.definition.flap.low}%)
          {alarm.flapping && <> <FlappingBadge percent={alarm.percentStateChange} long /></>}
        </dd>
      </dl>
    </section>
  )
}
