/** Maps on-call health values to their JSON shapes (schema.ts): instants as RFC 3339 UTC, durations in hours or minutes. */
import type { BurdenFigures, Heatmap, Relief, SleepInNotice, TeamHealthReport, TeamHealthSettings, TeamNightBudget, WakeUp } from '../../../domain/oncall-health/index.js'
import { getSchedule } from '../../../domain/schedules/index.js'
import { usersById, type User } from '../../../domain/users/index.js'
import { HOUR_MS, MINUTE_MS, type Instant } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import { iso, isoOrNull } from '../common.js'

export const settingsJson = (teamId: string, s: TeamHealthSettings, updatedAt: Instant | null) => ({
  teamId,
  wakeUpSpanMinutes: s.wakeUpSpanMinutes,
  sleepIn: { ...s.sleepIn },
  relief: { wakeUpsPerNight: s.relief.wakeUpsPerNight, wakeUpsPerWeek: s.relief.wakeUpsPerWeek, recovery: { ...s.relief.recovery } },
  nightPageBudget: s.nightPageBudget,
  compensation: { ...s.compensation },
  autoRelief: s.autoRelief,
  weeklyReport: { ...s.weeklyReport },
  budgetGatesDeploys: s.budgetGatesDeploys,
  updatedAt: isoOrNull(updatedAt),
})

const personRef = (u: User | undefined, id: string) => ({ id, name: u?.name ?? id, timeZone: u?.timeZone ?? 'UTC' })

/** Reliefs with their people and schedule names. */
export async function reliefsJson(db: Db, reliefs: readonly Relief[]) {
  const users = await usersById(db, reliefs.flatMap((r) => [r.tiredUserId, ...(r.replacementUserId === null ? [] : [r.replacementUserId])]))
  const names = new Map<string, string>()
  for (const r of reliefs) if (!names.has(r.scheduleId)) names.set(r.scheduleId, (await getSchedule(db, r.scheduleId).catch(() => null))?.name ?? r.scheduleId)
  return reliefs.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    scheduleId: r.scheduleId,
    scheduleName: names.get(r.scheduleId) ?? r.scheduleId,
    tired: personRef(users.get(r.tiredUserId), r.tiredUserId),
    replacement: r.replacementUserId === null ? null : personRef(users.get(r.replacementUserId), r.replacementUserId),
    overrideId: r.overrideId,
    start: iso(r.start),
    end: iso(r.end),
    status: r.status,
    reason: r.reason,
    night: r.night,
    outcomeNote: r.outcomeNote,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }))
}

export async function sleepInsJson(db: Db, notices: readonly SleepInNotice[]) {
  const users = await usersById(db, notices.map((n) => n.userId))
  return notices.map((n) => ({
    id: n.id,
    user: personRef(users.get(n.userId), n.userId),
    teamId: n.teamId,
    night: n.night,
    wokenAt: iso(n.wokenAt),
    expectedStartAt: iso(n.expectedStartAt),
    message: n.message,
    createdAt: iso(n.createdAt),
  }))
}

export const budgetJson = (teamId: string, b: TeamNightBudget) => ({
  teamId,
  budget: b.budget,
  spent: b.spent,
  remaining: b.remaining,
  exhausted: b.exhausted,
  weekStart: iso(b.weekStart),
  gatesDeploys: b.gatesDeploys,
  causedBy: b.causedBy.map((c) => ({ ...c })),
  summary: b.summary,
})

const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places

const heatmapJson = (h: Heatmap) => ({ weekdays: [...h.weekdays], counts: h.counts.map((row) => [...row]), total: h.total })

function figuresJson(f: BurdenFigures & { readonly onCallMs: number; readonly heatmap: Heatmap }) {
  return {
    pages: f.pages,
    sleepHoursPages: f.sleepHoursPages,
    offHoursPages: f.offHoursPages,
    workingHoursPages: f.workingHoursPages,
    wakeUps: f.wakeUps,
    nightsDisturbed: f.nightsDisturbed,
    incidents: f.incidents,
    incidentsPer12hShift: f.incidentsPer12hShift === null ? null : round(f.incidentsPer12hShift),
    overIncidentBar: f.overIncidentBar,
    onCallShare: round(f.onCallShare, 4),
    overOnCallShareBar: f.overOnCallShareBar,
    onCallHours: round(f.onCallMs / HOUR_MS),
    engagedMinutes: round(f.engagedMs / MINUTE_MS),
    engagedOffHoursMinutes: round(f.engagedOffHoursMs / MINUTE_MS),
    acknowledged: f.acknowledged,
    meanTimeToAckSeconds: f.meanTimeToAckMs === null ? null : round(f.meanTimeToAckMs / 1000, 1),
    heatmap: heatmapJson(f.heatmap),
  }
}

const wakeUpJson = (w: WakeUp) => ({ userId: w.userId, timeZone: w.timeZone, night: w.night, start: iso(w.start), end: iso(w.end), alertIds: [...w.alertIds] })

/** The whole report. */
export async function reportJson(db: Db, r: TeamHealthReport, now: Instant) {
  return {
    team: { id: r.team.id, name: r.team.name, timeZone: r.team.timeZone },
    from: iso(r.range.start),
    to: iso(r.range.end),
    generatedAt: iso(now),
    people: r.people.map((p) => ({ userId: p.userId, name: p.name, timeZone: p.timeZone, longestOnCallHours: round(p.longestOnCallMs / HOUR_MS), ...figuresJson(p) })),
    totals: { people: r.totals.people, nightsDisturbedPerWeek: round(r.totals.nightsDisturbedPerWeek), coveredHours: round(r.totals.coveredMs / HOUR_MS), ...figuresJson(r.totals) },
    wakeUps: r.burden.wakeUps.map(wakeUpJson),
    reliefs: await reliefsJson(db, r.reliefs),
    sleepIns: await sleepInsJson(db, r.sleepIns),
    budget: budgetJson(r.team.id, r.budget),
    recommendations: r.recommendations.map((x) => ({ code: x.code, severity: x.severity, message: x.message, figures: { ...x.figures }, source: x.source })),
    rotation: {
      people: r.rotation.people,
      sites: r.rotation.sites.map((s) => ({ ...s })),
      tiers: r.rotation.tiers,
      coverage: r.rotation.shape.coverage,
      neededPerSite: r.rotation.neededPerSite,
      needed: r.rotation.needed,
      shortSites: r.rotation.shortSites.map((s) => ({ ...s })),
      basis: r.rotation.basis,
      text: r.rotation.text,
    },
    sources: [...r.sources],
  }
}
