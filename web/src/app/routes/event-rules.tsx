import { useCallback, useEffect, useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { AlarmQualityNav } from '../../features/alarms/components/alarm-quality-nav'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getEventRules } from '../../features/event-rules/api/get-event-rules'
import { getFlappingSources } from '../../features/event-rules/api/get-flapping-sources'
import { getServiceEvents } from '../../features/event-rules/api/get-service-events'
import { EventRuleCreateDialog } from '../../features/event-rules/components/event-rule-create-dialog'
import { EventRuleList } from '../../features/event-rules/components/event-rule-list'
import { FlappingSourceList } from '../../features/event-rules/components/flapping-source-list'
import { ServiceEventList } from '../../features/event-rules/components/service-event-list'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

const REFRESH_MS = 10_000

const OUTCOMES = [
  { value: '', label: 'All events' },
  { value: 'suppressed', label: 'Suppressed' },
  { value: 'held', label: 'Held' },
  { value: 'flapping', label: 'Flapping' },
  { value: 'paged', label: 'Paged by a rule' },
] as const

const EMPTY: Readonly<Record<string, string>> = {
  '': 'No events yet: send one to an integration of this service (PagerDuty Events v2, Alertmanager or the webhook).',
  suppressed: 'No event was suppressed.',
  held: 'No event is or was held.',
  flapping: 'No event was held for flapping.',
  paged: 'No event paged through a rule.',
}

/** A service's event rules in order (reorder, create, edit) and its inbound events with the rule that suppressed or held each. */
export function EventRulesRoute() {
  useDocumentTitle('Event rules')
  const { user } = useAuth()
  const { search } = useLocation()
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const [teams, services] = base.data ?? [[], []]
  const serviceId = search.get('service') ?? ''
  const outcome = search.get('events') ?? ''
  const service = services.find((s) => s.id === serviceId)

  // Without a service in the address, show the first one's rules.
  const firstServiceId = services[0]?.id
  useEffect(() => {
    if (serviceId === '' && firstServiceId !== undefined) navigate(`/alarms/event-rules?service=${encodeURIComponent(firstServiceId)}`, { replace: true })
  }, [serviceId, firstServiceId])

  const rules = useAsync(async (signal) => (serviceId === '' ? undefined : getEventRules(serviceId, signal)), [serviceId])
  const events = useAsync(async (signal) => (serviceId === '' ? undefined : getServiceEvents(serviceId, outcome === '' ? undefined : outcome, signal)), [serviceId, outcome])
  const flapping = useAsync(async (signal) => (serviceId === '' ? undefined : getFlappingSources(serviceId, signal)), [serviceId])
  const clock = useAsync(() => serverClockOffset(), [])
  const { reload: reloadEvents } = events
  const { reload: reloadFlapping } = flapping
  const refresh = useCallback(() => {
    reloadEvents()
    reloadFlapping()
  }, [reloadEvents, reloadFlapping])
  usePolling(refresh, REFRESH_MS)

  const query = (next: { service?: string; events?: string }) => {
    const params = new URLSearchParams()
    const s = next.service ?? serviceId
    const e = next.events ?? outcome
    if (s !== '') params.set('service', s)
    if (e !== '') params.set('events', e)
    const qs = params.toString()
    return qs === '' ? '' : `?${qs}`
  }
  const onChanged = (message: string) => {
    setNotice(message)
    setError(undefined)
    rules.reload()
  }
  const now = serverNow(clock.data)
  const routeTargets = services.filter((s) => s.id !== serviceId)
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id

  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>Event rules</h1>
          <p className="muted page__lead">
            Rules run on every inbound event of a service before it can page, in order; the first that matches decides. Every suppressed event remains visible on the service, with the rule that held it.
          </p>
        </div>
        {service !== undefined && <EventRuleCreateDialog service={service} routeTargets={routeTargets} onCreated={(r) => onChanged(`Added “${r.name}” at the end of the list.`)} />}
      </div>
      <AlarmQualityNav query={serviceId === '' ? '' : `?service=${encodeURIComponent(serviceId)}`} />
      <LoadState loading={base.loading && base.data === undefined} error={base.error} retry={base.reload} />
      {base.data !== undefined && (
        <div className="aq-filter">
          <label htmlFor="rules-service">Service</label>
          <select id="rules-service" value={serviceId} onChange={(e) => navigate(`/alarms/event-rules${query({ service: e.target.value, events: '' })}`, { replace: true })}>
            {teams.map((t) => (
              <optgroup key={t.id} label={t.name}>
                {services.filter((s) => s.teamId === t.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      {base.data !== undefined && services.length === 0 && <p className="empty card">No services yet: <Link to="/services">create one</Link> first.</p>}
      {error !== undefined && <Alert>{error}</Alert>}
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {service !== undefined && (
        <>
          <section className="section" aria-labelledby="rules-heading">
            <h2 id="rules-heading">Rules of {service.name}, in order</h2>
            <LoadState loading={rules.loading && rules.data === undefined} error={rules.error} retry={rules.reload} />
            {rules.data !== undefined && <EventRuleList rules={rules.data} services={services} routeTargets={routeTargets} onChanged={onChanged} onError={setError} />}
          </section>
          {flapping.data !== undefined && <FlappingSourceList sources={flapping.data} now={now} />}
          <section className="section" aria-labelledby="events-heading">
            <div className="section__header">
              <h2 id="events-heading">Events</h2>
              <span className="muted">Newest first; times in {zoneLabel(now, user.timeZone)}</span>
            </div>
            <nav className="tabs aq-scroll-tabs" aria-label="Event outcome">
              {OUTCOMES.map((o) => (
                <Link key={o.value} to={`/alarms/event-rules${query({ events: o.value })}`} className="tabs__tab" aria-current={outcome === o.value ? 'page' : undefined}>{o.label}</Link>
              ))}
            </nav>
            <LoadState loading={events.loading && events.data === undefined} error={events.error} retry={events.reload} />
            {events.data !== undefined && clock.data !== undefined && (
              <ServiceEventList events={events.data} serviceId={serviceId} zone={user.timeZone} now={now} serviceName={serviceName} emptyText={EMPTY[outcome] ?? 'No events match.'} />
            )}
          </section>
        </>
      )}
    </>
  )
}
