import { useMemo, useState } from 'react'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getNightBudget } from '../../features/oncall-health/api/get-night-budget'
import { getReliefs } from '../../features/oncall-health/api/get-reliefs'
import { getSleepInNotices } from '../../features/oncall-health/api/get-sleep-in-notices'
import { getTeamHealth } from '../../features/oncall-health/api/get-team-health'
import { BurdenTable } from '../../features/oncall-health/components/burden-table'
import { HealthPageHeader } from '../../features/oncall-health/components/health-page-header'
import { HealthRangePicker } from '../../features/oncall-health/components/health-range-picker'
import { HealthSummaryFigures } from '../../features/oncall-health/components/health-summary-figures'
import { healthPath } from '../../features/oncall-health/components/health-tabs'
import { InterruptionHeatmap } from '../../features/oncall-health/components/interruption-heatmap'
import { NightBudgetGauge } from '../../features/oncall-health/components/night-budget-gauge'
import { RecommendationList } from '../../features/oncall-health/components/recommendation-list'
import { ReliefList } from '../../features/oncall-health/components/relief-list'
import { RotationSizingCard } from '../../features/oncall-health/components/rotation-sizing-card'
import { SleepInList } from '../../features/oncall-health/components/sleep-in-list'
import { healthRangeQuery, healthRangeSearch, readHealthRange, type HealthRange } from '../../features/oncall-health/utils/health-range'
import { findTeam, isTeamAdmin } from '../../features/oncall-health/utils/team-access'
import { getTeamMembers } from '../../features/teams/api/get-team-members'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { toLocalInput } from '../../lib/time'
import type { ReliefActionResult } from '../../types/api'

// The budget, reliefs and sleep-ins change when the engine acts at night: follow them closely.
const LIVE_REFRESH_MS = 15_000
const REPORT_REFRESH_MS = 60_000

/**
 * A team's on-call health: totals, the night-page budget of this on-call week, who starts late
 * today, reliefs in force (Decline / Take over), the interruption heatmap in people's own zones,
 * the burden per person against Google SRE's bars, and the recommendations with their sources.
 */
export function TeamHealthRoute({ id }: { readonly id: string }) {
  const { user } = useAuth()
  const { search } = useLocation()
  const range = readHealthRange(search)
  const rangeKey = healthRangeSearch(range)
  const [outcome, setOutcome] = useState<ReliefActionResult>()

  const base = useAsync(async (signal) => {
    const [teams, offset] = await Promise.all([getTeams(signal), serverClockOffset()])
    const team = findTeam(teams, id)
    const members = team === undefined ? [] : await getTeamMembers(team.id, signal)
    return { teams, team, members, offset }
  }, [id])
  const team = base.data?.team
  const teamId = team?.id
  const zone = team?.timeZone ?? 'UTC'
  // "Now" is the server's; fixed per range so the query (and the report) does not change on every render.
  const query = useMemo(() => (base.data === undefined ? undefined : healthRangeQuery(range, zone, serverNow(base.data.offset))), [rangeKey, zone, base.data])
  const rangeError = query !== undefined && 'error' in query ? query.error : undefined
  const today = base.data === undefined ? '' : toLocalInput(serverNow(base.data.offset), zone).slice(0, 10)
  const day = search.get('day') ?? today

  const report = useAsync((signal) => (teamId === undefined || query === undefined || 'error' in query ? Promise.resolve(undefined) : getTeamHealth(teamId, query, signal)), [teamId, JSON.stringify(query)])
  const budget = useAsync((signal) => (teamId === undefined ? Promise.resolve(undefined) : getNightBudget(teamId, signal)), [teamId])
  const reliefs = useAsync((signal) => (teamId === undefined ? Promise.resolve(undefined) : getReliefs(teamId, signal)), [teamId])
  const sleepIns = useAsync((signal) => (teamId === undefined || day === '' ? Promise.resolve(undefined) : getSleepInNotices(teamId, day, signal)), [teamId, day])
  usePolling(budget.reload, LIVE_REFRESH_MS)
  usePolling(reliefs.reload, LIVE_REFRESH_MS)
  usePolling(sleepIns.reload, LIVE_REFRESH_MS)
  usePolling(report.reload, REPORT_REFRESH_MS)
  useDocumentTitle(team === undefined ? 'On-call health' : `On-call health: ${team.name}`)

  if (base.data === undefined) return <LoadState loading={base.loading} error={base.error} retry={base.reload} />
  const { teams, members, offset } = base.data
  if (team === undefined || teamId === undefined) {
    return (
      <div className="page__header">
        <h1>No such team</h1>
        <p className="muted">There is no team “{id}”. <Link to="/teams">All teams</Link></p>
      </div>
    )
  }

  const here = healthPath(teamId)
  const setRange = (next: HealthRange) => navigate(`${here}${healthRangeSearch(next)}`, { replace: true })
  const setDay = (next: string) => {
    const q = new URLSearchParams(search)
    if (next === today) q.delete('day')
    else q.set('day', next)
    const qs = q.toString()
    navigate(`${here}${qs === '' ? '' : `?${qs}`}`, { replace: true })
  }
  const onReliefDone = (result: ReliefActionResult) => {
    setOutcome(result)
    reliefs.reload()
    budget.reload()
    report.reload()
  }
  const now = report.data === undefined ? serverNow(offset) : Math.max(Date.parse(report.data.generatedAt), serverNow(offset))
  const canAdmin = isTeamAdmin(user, members)

  return (
    <>
      <HealthPageHeader team={team} teams={teams} view="dashboard">
        <HealthRangePicker key={rangeKey} range={range} zone={zone} onChange={setRange} error={rangeError} />
      </HealthPageHeader>
      <LoadState loading={report.loading && report.data === undefined && rangeError === undefined} error={report.error} retry={report.reload} />
      {report.data !== undefined && <HealthSummaryFigures report={report.data} />}
      <div className="health-grid">
        <div className="health-grid__column">
          {budget.data !== undefined ? (
            <NightBudgetGauge budget={budget.data} zone={zone} settingsPath={healthPath(teamId, 'settings')} />
          ) : (
            <LoadState loading={budget.loading} error={budget.error} retry={budget.reload} />
          )}
          {sleepIns.data !== undefined ? (
            <SleepInList notices={sleepIns.data} wakeUps={report.data?.wakeUps ?? []} now={now} day={day} today={today} onDayChange={setDay} />
          ) : (
            <LoadState loading={sleepIns.loading} error={sleepIns.error} retry={sleepIns.reload} />
          )}
        </div>
        <div className="health-grid__column">
          {reliefs.data !== undefined ? (
            <ReliefList reliefs={reliefs.data} now={now} members={members} currentUserId={user.id} canAdmin={canAdmin} outcome={outcome} onDone={onReliefDone} />
          ) : (
            <LoadState loading={reliefs.loading} error={reliefs.error} retry={reliefs.reload} />
          )}
        </div>
      </div>
      {report.data !== undefined && (
        <>
          <InterruptionHeatmap team={report.data.totals.heatmap} people={report.data.people} />
          <BurdenTable people={report.data.people} totals={report.data.totals} />
          <div className="health-grid health-grid--wide-left">
            <RecommendationList recommendations={report.data.recommendations} sources={report.data.sources} />
            <RotationSizingCard rotation={report.data.rotation} />
          </div>
        </>
      )}
    </>
  )
}
