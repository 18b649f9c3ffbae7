/**
 * What a change calendar shows for a range: per team, its deploy windows, staffed periods and the
 * times the time rules allow a deploy (window ∩ support tail − holidays − freezes covering the
 * whole team), expanded to concrete intervals in the policy's zone; services with their own policy
 * get their own intervals; freezes; planned and recent change requests; deployments.
 */
import { validationError } from '../../lib/errors.js'
import { addLocalDays, DAY_MS, MINUTE_MS, startOfLocalDay, type Instant, type LocalDate } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import {
  effectiveServicePolicy,
  freezeAppliesTo,
  holidayIntervals,
  intersectIntervals,
  listFreezes,
  listServiceOverrides,
  loadTeamPolicy,
  staffedPeriods,
  subtractIntervals,
  supportTailIntervals,
  windowIntervals,
  type DeployPolicy,
  type Interval,
  type StoredFreeze,
} from '../deploy-gate/index.js'
import { listServices } from '../services/index.js'
import { getTeam, listTeams, type Team } from '../teams/index.js'
import { listDeployments, type Deployment } from './deployments.js'
import { listChanges, type ChangeRequest } from './store.js'

/** The longest range one calendar request may cover. */
export const MAX_CALENDAR_DAYS = 92

export interface PolicyIntervals {
  readonly timeZone: string
  readonly supportTailMinutes: number
  readonly windows: readonly Interval[]
  readonly staffed: readonly Interval[]
  /** When the time rules allow a deploy to start, `end` included (freezes of only some services are not subtracted). */
  readonly deployable: readonly Interval[]
  readonly holidays: readonly { readonly date: LocalDate; readonly start: Instant; readonly end: Instant }[]
}

export interface CalendarTeam extends PolicyIntervals {
  readonly teamId: string
  readonly teamName: string
  readonly policySource: 'default' | 'team'
  /** Services with a policy of their own, and its intervals. */
  readonly serviceOverrides: readonly (PolicyIntervals & { readonly serviceId: string; readonly serviceName: string })[]
}

export interface ChangeCalendar {
  readonly from: Instant
  readonly to: Instant
  readonly teams: readonly CalendarTeam[]
  readonly freezes: readonly StoredFreeze[]
  readonly changeRequests: readonly ChangeRequest[]
  readonly deployments: readonly Deployment[]
}

function policyIntervals(policy: DeployPolicy, range: Interval, teamFreezes: readonly Interval[]): PolicyIntervals {
  const windows = intersectIntervals(windowIntervals(policy, range), [range])
  const staffed = intersectIntervals(staffedPeriods(policy, range), [range])
  const holidays = intersectIntervals(holidayIntervals(policy), [range])
  const tail = intersectIntervals(supportTailIntervals(policy, range), [range])
  const open = intersectIntervals(windows, tail)
  // The tail's intervals end 1 ms after the last allowed start (14:00 itself is allowed): show them to the minute.
  const deployable = intersectIntervals(open, subtractIntervals(range, [...holidays, ...teamFreezes]))
    .map((i) => ({ start: i.start, end: i.end % MINUTE_MS === 1 ? i.end - 1 : i.end }))
    .filter((i) => i.end > i.start)
  const holidayDays: PolicyIntervals['holidays'] = policy.holidays
    .map((date) => ({ date, start: startOfLocalDay(policy.timeZone, date), end: startOfLocalDay(policy.timeZone, addLocalDays(date, 1)) }))
    .filter((h) => h.end > range.start && h.start < range.end)
  return { timeZone: policy.timeZone, supportTailMinutes: policy.supportTailMinutes, windows, staffed, deployable, holidays: holidayDays }
}

/** Validates a calendar range: from < to, at most MAX_CALENDAR_DAYS. */
export function checkCalendarRange(from: Instant, to: Instant): void {
  if (to <= from) throw validationError([{ field: 'to', reason: 'must be after from' }])
  if (to - from > MAX_CALENDAR_DAYS * DAY_MS) throw validationError([{ field: 'to', reason: `the range may span at most ${MAX_CALENDAR_DAYS} days` }])
}

async function calendarTeam(db: Db, team: Team, range: Interval, freezes: readonly StoredFreeze[]): Promise<CalendarTeam> {
  const { policy, isDefault } = await loadTeamPolicy(db, team)
  const teamWide = freezes.filter((f) => f.scope.kind === 'all' || (f.scope.kind === 'teams' && f.scope.teamIds.includes(team.id))).map((f) => ({ start: f.start, end: f.end }))
  const overrides = await listServiceOverrides(db, team.id)
  const services = (await listServices(db, { teamId: team.id })).filter((s) => overrides.has(s.id))
  const serviceOverrides = []
  for (const s of services) {
    const own = await effectiveServicePolicy(db, s, team)
    const frozen = freezes.filter((f) => freezeAppliesTo(f, { serviceId: s.id, teamId: team.id })).map((f) => ({ start: f.start, end: f.end }))
    serviceOverrides.push({ serviceId: s.id, serviceName: s.name, ...policyIntervals(own.policy, range, frozen) })
  }
  return { teamId: team.id, teamName: team.name, policySource: isDefault ? 'default' : 'team', ...policyIntervals(policy, range, teamWide), serviceOverrides }
}

/** Builds the calendar for [from, to), for one team or every team. */
export async function changeCalendar(db: Db, input: { readonly from: Instant; readonly to: Instant; readonly teamId?: string | undefined }): Promise<ChangeCalendar> {
  checkCalendarRange(input.from, input.to)
  const range = { start: input.from, end: input.to }
  const teams = input.teamId === undefined ? await listTeams(db) : [await getTeam(db, input.teamId)]
  const teamIds = new Set(teams.map((t) => t.id))
  const services = (await listServices(db)).filter((s) => teamIds.has(s.teamId))
  const serviceIds = services.map((s) => s.id)
  const freezes = (await listFreezes(db, { from: input.from, to: input.to })).filter((f) => services.some((s) => freezeAppliesTo(f, { serviceId: s.id, teamId: s.teamId })) || (input.teamId === undefined && f.scope.kind === 'all'))
  const out: CalendarTeam[] = []
  for (const team of teams) out.push(await calendarTeam(db, team, range, freezes))
  const changeRequests = (await listChanges(db, { from: input.from, to: input.to, ...(input.teamId === undefined ? {} : { serviceIds }) })).filter((c) => c.state !== 'cancelled')
  const deployments = await listDeployments(db, { serviceIds, from: input.from, to: input.to })
  return { from: input.from, to: input.to, teams: out, freezes, changeRequests, deployments }
}

