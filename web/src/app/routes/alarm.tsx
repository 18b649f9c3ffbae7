import { useCallback, useEffect, useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { getAlarm } from '../../features/alarms/api/get-alarm'
import { getAlarmHistory } from '../../features/alarms/api/get-alarm-history'
import { getAlarmSeries } from '../../features/alarms/api/get-alarm-series'
import { getThresholdSuggestion } from '../../features/alarms/api/get-threshold-suggestion'
import { updateAlarm } from '../../features/alarms/api/update-alarm'
import { AlarmActions } from '../../features/alarms/components/alarm-actions'
import { AlarmChart } from '../../features/alarms/components/alarm-chart'
import { AlarmEvaluationPanel } from '../../features/alarms/components/alarm-evaluation-panel'
import { AlarmFacts } from '../../features/alarms/components/alarm-facts'
import { AlarmHistoryList } from '../../features/alarms/components/alarm-history-list'
import { AlarmQualityNav } from '../../features/alarms/components/alarm-quality-nav'
import { AlarmStateChip } from '../../features/alarms/components/alarm-state-chip'
import { FlappingBadge } from '../../features/alarms/components/flapping-badge'
import { SloBudgetPanel } from '../../features/alarms/components/slo-budget-panel'
import { ThresholdSuggestionCard } from '../../features/alarms/components/threshold-suggestion-card'
import { selectorText } from '../../features/alarms/utils/describe-alarm'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { ApiError } from '../../lib/api-error'
import { navigate } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

const REFRESH_MS = 15_000
const HOUR = 3_600_000
const RANGES = [
  { label: '1 h', ms: HOUR },
  { label: '6 h', ms: 6 * HOUR },
  { label: '24 h', ms: 24 * HOUR },
  { label: '7 d', ms: 7 * 24 * HOUR },
] as const

/** The ranges a period allows (2 to 2000 periods, the API's bounds), and the default: the first with 30 periods or more. */
function rangesFor(periodSeconds: number): { readonly options: readonly (typeof RANGES)[number][]; readonly initial: number } {
  const periodMs = periodSeconds * 1000
  const options = RANGES.filter((r) => r.ms / periodMs >= 2 && r.ms / periodMs <= 2000)
  const initial = options.find((r) => r.ms / periodMs >= 30) ?? options[options.length - 1]
  return { options, initial: initial?.ms ?? HOUR }
}

/** One alarm: why it is in its state, its chart or error budget, its threshold suggestion, history and definition. */
export function AlarmRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const [rangeMs, setRangeMs] = useState<number>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const alarm = useAsync((signal) => getAlarm(id, signal), [id])
  const history = useAsync((signal) => getAlarmHistory(id, signal), [id])
  const clock = useAsync(() => serverClockOffset(), [])
  const spec = alarm.data?.definition.threshold ?? null
  const ranges = spec === null ? null : rangesFor(spec.periodSeconds)
  const range = rangeMs ?? ranges?.initial ?? HOUR
  const series = useAsync(
    async (signal) => (spec === null || clock.data === undefined ? undefined : getAlarmSeries(id, new Date(serverNow(clock.data) - range).toISOString(), signal)),
    [id, spec === null, range, clock.data, alarm.data?.updatedAt],
  )
  const suggestion = useAsync(async (signal) => (spec === null ? undefined : getThresholdSuggestion(id, {}, signal)), [id, spec === null, alarm.data?.updatedAt])
  useDocumentTitle(alarm.data?.name ?? 'Alarm')

  const { reload: reloadAlarm } = alarm
  const { reload: reloadHistory } = history
  const { reload: reloadSeries } = series
  const refresh = useCallback(() => {
    reloadAlarm()
    reloadHistory()
    reloadSeries()
  }, [reloadAlarm, reloadHistory, reloadSeries])
  usePolling(refresh, REFRESH_MS)

  // A link from the noise report points at the suggestion: show it once it is there.
  const suggestionShown = suggestion.data !== undefined
  useEffect(() => {
    if (suggestionShown && window.location.hash === '#suggestion') document.getElementById('suggestion')?.scrollIntoView()
  }, [suggestionShown])

  const crumb = <p className="breadcrumb"><Link to="/alarms">Alarms</Link> /</p>
  if (alarm.data === undefined || base.data === undefined || clock.data === undefined) {
    if (alarm.error instanceof ApiError && alarm.error.status === 404) {
      return (
        <>
          {crumb}
          <h1>Alarm not found</h1>
          <p className="muted">It may have been deleted; alerts it opened stay on the Alerts page.</p>
        </>
      )
    }
    return (
      <>
        {crumb}
        <LoadState loading={alarm.loading || base.loading} error={alarm.error ?? base.error} retry={alarm.reload} />
      </>
    )
  }
  const a = alarm.data
  const [teams, services] = base.data
  const service = services.find((s) => s.id === a.serviceId)
  const now = serverNow(clock.data)
  const zone = user.timeZone
  const onChanged = (message: string) => {
    setNotice(message)
    setError(undefined)
    refresh()
  }

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          {crumb}
          <h1 className="rule-title"><AlarmStateChip state={a.state} /> {a.name} {a.flapping && <FlappingBadge percent={a.percentStateChange} />}</h1>
          <p className="muted">
            {service?.name ?? 'Unknown service'} · {a.kind === 'slo' ? 'SLO burn-rate alarm' : 'threshold alarm'} · times in {zoneLabel(now, zone)}
          </p>
        </div>
        <AlarmActions alarm={a} services={services} teams={teams} onChanged={onChanged} onDeleted={() => navigate('/alarms')} onError={setError} />
      </div>
      <AlarmQualityNav />
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {a.flapping && (
        <Alert tone="warning">
          <p>
            <strong>Flapping: pages once, not on every flip.</strong> Its state changed {Math.round(a.percentStateChange)}% (weighted) over the last 21 evaluations. Its one alert stays open and
            pages nobody again; it resolves once the alarm settles (≤ {a.definition.flap.low}%) and is OK. Consider a recovery threshold or a larger M of N.
          </p>
        </Alert>
      )}
      <div className="aq-detail">
        <AlarmEvaluationPanel alarm={a} zone={zone} now={now} />
        {spec !== null && ranges !== null && (
          <section className="card aq-chart-card" aria-labelledby="chart-heading">
            <div className="section__header">
              <h2 id="chart-heading">Series</h2>
              <div className="aq-range" role="group" aria-label="Range">
                {ranges.options.map((r) => (
                  <button key={r.label} type="button" className="button button--small" aria-pressed={r.ms === range} onClick={() => setRangeMs(r.ms)}>{r.label}</button>
                ))}
              </div>
            </div>
            <LoadState loading={series.loading && series.data === undefined} error={series.error} retry={series.reload} />
            {series.data !== undefined && <AlarmChart series={series.data} comparison={spec.comparison} metricLabel={selectorText(spec)} zone={zone} />}
          </section>
        )}
        {a.kind === 'slo' && <SloBudgetPanel alarm={a} />}
      </div>
      {spec !== null && (
        <>
          <LoadState loading={false} error={suggestion.error} retry={suggestion.reload} />
          {suggestion.data !== undefined && (
            <ThresholdSuggestionCard
              suggestion={suggestion.data}
              spec={spec}
              zone={zone}
              onApply={async (patch) => {
                await updateAlarm(a.id, patch)
                onChanged(`The threshold is now ${patch.threshold}${patch.recoveryThreshold === undefined ? '' : ` (recovery ${patch.recoveryThreshold})`}; the alarm is evaluated again now.`)
              }}
            />
          )}
        </>
      )}
      <div className="columns aq-columns">
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <LoadState loading={history.loading && history.data === undefined} error={history.error} retry={history.reload} />
          {history.data !== undefined && <AlarmHistoryList history={history.data} zone={zone} />}
        </section>
        <AlarmFacts alarm={a} serviceName={service?.name ?? 'Unknown service'} />
      </div>
    </>
  )
}
