import { useState } from 'react'
import { DemoBadge } from '../../components/demo-badge'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { getReadiness } from '../../features/readiness/api/get-readiness'
import { ReadinessList } from '../../features/readiness/components/readiness-list'
import { deleteOverride } from '../../features/schedules/api/delete-override'
import { getOverrides } from '../../features/schedules/api/get-overrides'
import { getSchedule } from '../../features/schedules/api/get-schedule'
import { getScheduleOnCall } from '../../features/schedules/api/get-schedule-oncall'
import { getScheduleShifts } from '../../features/schedules/api/get-schedule-shifts'
import { OverrideCreateDialog } from '../../features/schedules/components/override-create-dialog'
import { OverrideList } from '../../features/schedules/components/override-list'
import { PeopleLegend } from '../../features/schedules/components/people-legend'
import { ScheduleOnCallSummary } from '../../features/schedules/components/schedule-oncall-summary'
import { ScheduleTimeline } from '../../features/schedules/components/schedule-timeline'
import type { Person } from '../../features/schedules/types'
import { assignUserColors } from '../../features/schedules/utils/user-colors'
import { fortnightFrom } from '../../features/schedules/utils/timeline'
import { getTeamMembers } from '../../features/teams/api/get-team-members'
import { getTeams } from '../../features/teams/api/get-teams'
import { getUsers } from '../../features/users/api/get-users'
import { useAsync } from '../../hooks/use-async'
import { useAtParam } from '../../hooks/use-at-param'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { parseInstant } from '../../lib/time'

const DAY = 86_400_000
// How far ahead "upcoming overrides" looks.
const OVERRIDES_AHEAD_MS = 90 * DAY
const iso = (instant: number) => new Date(instant).toISOString()
const byName = (a: Person, b: Person) => a.name.localeCompare(b.name)

/** A schedule's page: who is on call, a two-week timeline of the final schedule and its layers, people and overrides. */
export function ScheduleRoute({ id }: { readonly id: string }) {
  const at = useAtParam()
  const [weekOffset, setWeekOffset] = useState(0)
  const base = useAsync(async (signal) => {
    const [schedule, oncall, users, teams] = await Promise.all([getSchedule(id, signal), getScheduleOnCall(id, at, signal), getUsers(signal), getTeams(signal)])
    const members = await getTeamMembers(schedule.teamId, signal)
    return { schedule, oncall, users, teams, members }
  }, [id, at])
  useDocumentTitle(base.data?.schedule.name ?? 'Schedule')

  // "Now" is the server's: the `at` of its on-call answer.
  const now = base.data === undefined ? undefined : parseInstant(base.data.oncall.at)
  const range = base.data === undefined || now === undefined ? undefined : fortnightFrom(now, base.data.schedule.timeZone, weekOffset)
  const shifts = useAsync(
    (signal) => (range === undefined ? Promise.resolve(undefined) : getScheduleShifts(id, { from: iso(range.from), to: iso(range.to) }, signal)),
    [id, range?.from, range?.to],
  )
  const overrides = useAsync(
    (signal) => (now === undefined ? Promise.resolve(undefined) : getOverrides(id, { from: iso(now), to: iso(now + OVERRIDES_AHEAD_MS) }, signal)),
    [id, now],
  )
  const teamId = base.data?.schedule.teamId
  const readiness = useAsync((signal) => (teamId === undefined ? Promise.resolve(undefined) : getReadiness(teamId, signal)), [teamId])

  if (base.data === undefined || now === undefined || range === undefined) {
    return <LoadState loading={base.loading} error={base.error} retry={base.reload} />
  }
  const { schedule, oncall, users, teams, members } = base.data
  const refresh = () => {
    base.reload()
    shifts.reload()
    overrides.reload()
  }

  // Layer members claim their colours first, so everyone else coming and going cannot move them.
  const colors = assignUserColors([...schedule.layers.flatMap((l) => l.members), ...users.map((u) => u.id).sort()])
  const memberIds = new Set(members.map((m) => m.userId))
  const teamPeople = members.map((m) => ({ id: m.userId, name: m.name, timeZone: m.timeZone })).sort(byName)
  const otherPeople = users.filter((u) => !memberIds.has(u.id)).sort(byName)
  const shown = shifts.data
  const onTimeline = new Set([
    ...schedule.layers.flatMap((l) => l.members),
    ...(shown?.final ?? []).flatMap((s) => (s.user === null ? [] : [s.user.id])),
    ...(shown?.overrides ?? []).map((o) => o.userId),
  ])
  const legend = users.filter((u) => onTimeline.has(u.id)).sort(byName)
  // Keep showing the last loaded fortnight, on its own range, while the next one loads.
  const shownRange = shown === undefined ? range : { from: parseInstant(shown.from), to: parseInstant(shown.to) }

  return (
    <>
      <div className="page__header">
        <p className="breadcrumb"><Link to="/schedules">Schedules</Link> /</p>
        <h1>
          {schedule.name} <DemoBadge show={schedule.isDemo} />
        </h1>
        <p className="muted">
          {teams.find((t) => t.id === schedule.teamId)?.name ?? 'Unknown team'} · {schedule.timeZone}
          {schedule.description !== '' && <> · {schedule.description}</>}
        </p>
      </div>
      <ScheduleOnCallSummary oncall={oncall} schedule={schedule} />
      {readiness.data !== undefined && <ReadinessList items={readiness.data} scope={teams.find((t) => t.id === schedule.teamId)?.name ?? 'this team'} />}
      <LoadState loading={false} error={shifts.error} retry={shifts.reload} />
      <ScheduleTimeline
        schedule={schedule}
        shifts={shown}
        range={shownRange}
        now={now}
        colors={colors}
        loading={shifts.loading}
        onMove={(weeks) => setWeekOffset((w) => w + weeks)}
        onToday={() => setWeekOffset(0)}
      />
      <div className="columns">
        <PeopleLegend people={legend} colors={colors} now={now} />
        <section className="card" aria-labelledby="overrides-heading">
          <div className="section__header">
            <h2 id="overrides-heading">Upcoming overrides</h2>
            <OverrideCreateDialog scheduleId={schedule.id} zone={schedule.timeZone} members={teamPeople} others={otherPeople} now={now} onCreated={refresh} />
          </div>
          <LoadState loading={overrides.loading && overrides.data === undefined} error={overrides.error} retry={overrides.reload} />
          {overrides.data !== undefined && (
            <OverrideList
              overrides={overrides.data}
              names={new Map(users.map((u) => [u.id, u.name]))}
              zone={schedule.timeZone}
              now={now}
              onRemove={async (o) => {
                await deleteOverride(schedule.id, o.id)
                refresh()
              }}
            />
          )}
        </section>
      </div>
    </>
  )
}
