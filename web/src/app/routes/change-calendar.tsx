import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { CalendarAgenda } from '../../features/changes/components/calendar-agenda'
import { CalendarLegend } from '../../features/changes/components/calendar-legend'
import { ChangeCalendarWeek } from '../../features/changes/components/change-calendar-week'
import { ChangesTabs } from '../../features/changes/components/changes-tabs'
import { getChangeCalendar } from '../../features/changes/api/get-change-calendar'
import { localDate, weekDays, weekFromParam } from '../../features/changes/utils/week'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { addLocalDays, formatDay, parseInstant, toRfc3339, wallClock, zoneLabel } from '../../lib/time'
import type { Freeze } from '../../types/api'

const REFRESH_MS = 60_000

/**
 * The change calendar of one team for one week (`?teamId=&week=YYYY-MM-DD`), in the zone of the
 * team's deploy policy: windows with the deployable part and the support tail, staffed hours,
 * holidays, freezes, planned changes, deployments and the server's "now".
 */
export function ChangeCalendarRoute() {
  useDocumentTitle('Change calendar')
  const { search } = useLocation()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const clock = useAsync(() => serverClockOffset(), [])
  const teams = base.data?.[0] ?? []
  const team = teams.find((t) => t.id === search.get('teamId')) ?? teams[0]
  const weekParam = search.get('week')
  const now = serverNow(clock.data)
  // The week is fetched with a day to spare either side: it is laid out in the policy's zone, which
  // the answer names and which may differ from the team's.
  const cal = useAsync(
    async (signal) => {
      if (team === undefined || clock.data === undefined) return undefined
      const start = weekFromParam(weekParam, team.timeZone, now)
      return getChangeCalendar({ from: toRfc3339(addLocalDays(start, team.timeZone, -1), team.timeZone), to: toRfc3339(addLocalDays(start, team.timeZone, 8), team.timeZone), teamId: team.id }, signal)
    },
    [team?.id, weekParam, clock.data === undefined],
  )
  usePolling(cal.reload, REFRESH_MS)

  if (base.data === undefined || clock.data === undefined) return <LoadState loading={base.loading || clock.loading} error={base.error} retry={base.reload} />
  const services = base.data[1]
  const calendar = cal.data
  const entry = calendar?.teams[0]
  const zone = entry?.timeZone ?? team?.timeZone ?? 'UTC'
  const weekStart = weekFromParam(weekParam, zone, now)
  const days = weekDays(weekStart, zone)
  const go = (next: { readonly teamId?: string; readonly week?: string | null }) => {
    const q = new URLSearchParams()
    const t = next.teamId ?? team?.id
    if (t !== undefined) q.set('teamId', t)
    const w = next.week === undefined ? weekParam : next.week
    if (w !== null) q.set('week', w)
    navigate(`/changes/calendar?${q.toString()}`, { replace: true })
  }
  const shift = (weeks: number) => go({ week: localDate(addLocalDays(weekStart, zone, 7 * weeks), zone) })
  const scopeOf = (f: Freeze) =>
    f.scope.kind === 'all' ? 'everything' : f.scope.kind === 'teams' ? `teams: ${(f.scope.teamIds ?? []).map((id) => teams.find((t) => t.id === id)?.name ?? id).join(', ')}` : `only ${(f.scope.serviceIds ?? []).map((id) => services.find((s) => s.id === id)?.name ?? id).join(', ')}`
  const lastDay = days[days.length - 1]
  const inWeek = (iso: string | null) => iso !== null && parseInstant(iso) >= weekStart && parseInstant(iso) < (lastDay?.end ?? weekStart)
  const overlapsWeek = (f: Freeze) => parseInstant(f.end) > weekStart && parseInstant(f.start) < (lastDay?.end ?? weekStart)

  return (
    <>
      <div className="page__header">
        <h1>Change calendar</h1>
        <p className="muted page__lead">When each team may deploy, with a support tail of staffed time after every deploy; freezes, holidays, planned changes and deployments.</p>
      </div>
      <ChangesTabs current="/changes/calendar" />
      <section className="card cal-card" aria-labelledby="calendar-heading" aria-busy={cal.loading}>
        <div className="timeline__toolbar">
          <div>
            <h2 id="calendar-heading">
              {formatDay(weekStart, zone)} – {lastDay === undefined ? '' : formatDay(lastDay.start, zone)} {wallClock(weekStart, zone).year}
            </h2>
            <p className="muted" data-testid="calendar-zone">
              Times in {zoneLabel(weekStart, zone)}, the zone of {team?.name ?? 'the team'}’s deploy policy
              {entry !== undefined && <> ({entry.policySource === 'default' ? 'the default policy' : 'its own policy'}: support tail {entry.supportTailMinutes} min · <Link to={`/changes/policy?teamId=${entry.teamId}`}>change it</Link>)</>}.
            </p>
          </div>
          <div className="cal-toolbar">
            {teams.length > 1 && (
              <label className="cal-toolbar__team">
                Team{' '}
                <select value={team?.id ?? ''} onChange={(e) => go({ teamId: e.target.value })}>
                  {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                </select>
              </label>
            )}
            <div className="button-group" role="group" aria-label="Move the calendar">
              <button type="button" className="button" onClick={() => shift(-1)}>← Previous week</button>
              <button type="button" className="button" onClick={() => go({ week: null })}>This week</button>
              <button type="button" className="button" onClick={() => shift(1)}>Next week →</button>
            </div>
          </div>
        </div>
        <LoadState loading={cal.loading && calendar === undefined} error={cal.error} retry={cal.reload} />
        {team === undefined && <p className="empty">No teams yet: create one, and its deploy windows show here.</p>}
        {calendar !== undefined && entry !== undefined && (
          <>
            <ChangeCalendarWeek calendar={calendar} team={entry} days={days} now={now} />
            <CalendarLegend tailMinutes={entry.supportTailMinutes} />
            {entry.serviceOverrides.length > 0 && (
              <p className="muted">
                With a policy of their own (their windows differ from the team’s shown here):{' '}
                {entry.serviceOverrides.map((s) => `${s.serviceName} (support tail ${s.supportTailMinutes} min)`).join(', ')}.
              </p>
            )}
          </>
        )}
      </section>
      {calendar !== undefined && entry !== undefined && (
        <section className="card" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading" className="section__title">This week</h2>
          <CalendarAgenda
            freezes={calendar.freezes.filter(overlapsWeek)}
            holidays={entry.holidays.filter((h) => days.some((d) => d.date === h.date)).map((h) => h.date)}
            changes={calendar.changeRequests.filter((c) => inWeek(c.plannedAt ?? c.startedAt ?? c.finishedAt))}
            deployments={calendar.deployments.filter((d) => inWeek(d.startedAt))}
            zone={zone}
            scopeOf={scopeOf}
          />
        </section>
      )}
    </>
  )
}
