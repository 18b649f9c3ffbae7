/**
 * The blast radius from the live dependency graph: every touched service and every service that
 * depends on one, directly or transitively, with its owning team and who is on call for that team
 * right now (the people a bad change would page).
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { onCallAcross } from '../schedules/index.js'
import { listDependencyEdges, listServices } from '../services/index.js'
import { listTeams } from '../teams/index.js'
import { usersById } from '../users/index.js'
import { blastRadius } from './blast-radius.js'

export interface OnCallPerson {
  readonly scheduleId: string
  readonly scheduleName: string
  readonly userId: string
  readonly userName: string
}

export interface LiveBlastRadiusEntry {
  readonly serviceId: string
  readonly serviceName: string
  /** 0 = touched, 1 = depends on a touched service directly, and so on. */
  readonly distance: number
  readonly teamId: string
  readonly teamName: string
  /** Who is on call for the owning team now (one entry per schedule with someone on call). */
  readonly onCall: readonly OnCallPerson[]
}

/**
 * Computes the blast radius of touching `serviceIds` (unknown ids are ignored), nearest first.
 * @example liveBlastRadius(db, [dbServiceId], now) // [{ db, 0 }, { api, 1 }, { web, 2 }]
 */
export async function liveBlastRadius(db: Db, serviceIds: readonly string[], now: Instant): Promise<LiveBlastRadiusEntry[]> {
  if (serviceIds.length === 0) return []
  const [edges, services, teams] = await Promise.all([listDependencyEdges(db), listServices(db), listTeams(db)])
  const byId = new Map(services.map((s) => [s.id, s]))
  const entries = blastRadius(edges, serviceIds.filter((id) => byId.has(id)))
  const teamIds = [...new Set(entries.map((e) => byId.get(e.serviceId)?.teamId ?? ''))]
  const onCallByTeam = new Map<string, { scheduleId: string; scheduleName: string; userId: string }[]>()
  for (const teamId of teamIds) {
    const current = await onCallAcross(db, now, { teamId })
    onCallByTeam.set(
      teamId,
      current.flatMap((o) => (o.shift.userId === null ? [] : [{ scheduleId: o.schedule.id, scheduleName: o.schedule.name, userId: o.shift.userId }])),
    )
  }
  const users = await usersById(db, [...onCallByTeam.values()].flat().map((o) => o.userId))
  const teamName = new Map(teams.map((t) => [t.id, t.name]))
  return entries.map((e) => {
    const service = byId.get(e.serviceId)
    const teamId = service?.teamId ?? ''
    return {
      serviceId: e.serviceId,
      serviceName: service?.name ?? e.serviceId,
      distance: e.distance,
      teamId,
      teamName: teamName.get(teamId) ?? teamId,
      onCall: (onCallByTeam.get(teamId) ?? []).map((o) => ({ ...o, userName: users.get(o.userId)?.name ?? o.userId })),
    }
  })
}
