/**
 * The weekly on-call report of a team: one ISO week (Monday 00:00 to Monday 00:00 in the team's
 * zone), as figures and as text for the team channels. The engine sends it on the team's chosen
 * weekday and time, covering the last complete week; the API builds it for any week.
 */
import { formatLocal, HOUR_MS, type Instant, type LocalDate } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { getTeam } from '../teams/index.js'
import { compensationRows, type CompensationRow } from './compensation.js'
import { isoWeekOf, isoWeekRange } from './iso-week.js'
import { teamHealthReport, type TeamHealthReport } from './team-report.js'
import { engineeringWorkLines } from './engineering-work.js'

/** A weekly report: the health report of the week, the ledger rows and the text. */
export interface WeeklyReport {
  readonly week: string
  readonly report: TeamHealthReport
  readonly compensation: readonly CompensationRow[]
  readonly subject: string
  readonly text: string
}

/** Builds the report of the ISO week starting on `monday` (team zone), as known at `now`. */
export async function weeklyReport(db: Db, teamRef: string, monday: LocalDate, now: Instant): Promise<WeeklyReport> {
  const team = await getTeam(db, teamRef)
  const report = await teamHealthReport(db, team.id, isoWeekRange(monday, team.timeZone), now)
  const week = isoWeekOf(monday)
  const compensation = compensationRows(report.burden, report.settings.compensation, report.names)
  const subject = `On-call report ${week} for ${report.team.name}: ${report.totals.pages} pages, ${report.totals.wakeUps} night wake-ups`
  const work = await engineeringWorkLines(db, team.id, report.range.start, report.range.end, now)
  return { week, report, compensation, subject, text: renderText(week, report, compensation, work) }
}

function renderText(week: string, r: TeamHealthReport, ledger: readonly CompensationRow[], work: readonly string[]): string {
  const zone = r.team.timeZone
  const t = r.totals
  const lines = [
    `On-call report for ${r.team.name}, week ${week} (${formatLocal(r.range.start, zone, 'date-time')} to ${formatLocal(r.range.end, zone, 'date-time')})`,
    '',
    `Pages: ${t.pages} (${t.sleepHoursPages} in sleep hours, ${t.offHoursPages} off hours, ${t.workingHoursPages} in working hours); wake-ups: ${t.wakeUps}; disturbed nights: ${t.nightsDisturbed}; incidents: ${t.incidents}.`,
    `Buckets are each person's own hours in their own zone (PagerDuty's interruption buckets).`,
    '',
    'Per person:',
    ...r.people.map((p) => {
      const minutes = ledger.find((l) => l.userId === p.userId)?.minutesInLieu ?? 0
      return `- ${p.name} (${p.timeZone}): ${p.pages} pages, ${p.sleepHoursPages} in sleep hours, ${p.wakeUps} wake-ups on ${p.nightsDisturbed} nights; on call ${round(p.onCallMs / HOUR_MS)} h; time in lieu ${minutes} min`
    }),
    '',
    r.reliefs.length === 0 ? 'Reliefs: none.' : `Reliefs: ${r.reliefs.length}.`,
    ...r.reliefs.map((x) => `- ${r.names.get(x.tiredUserId) ?? x.tiredUserId} → ${x.replacementUserId === null ? 'nobody eligible' : (r.names.get(x.replacementUserId) ?? x.replacementUserId)} (${x.status}): ${x.reason}`),
    r.sleepIns.length === 0 ? 'Sleep-ins: none.' : `Sleep-ins: ${r.sleepIns.length}.`,
    ...r.sleepIns.map((s) => `- ${s.message}`),
    '',
    r.budget.summary,
    '',
    ...work,
    '',
    r.recommendations.length === 0 ? 'Recommendations: none; on-call looks sustainable this week.' : 'Recommendations:',
    ...r.recommendations.map((x) => `- [${x.severity}] ${x.message} (source: ${x.source})`),
    '',
    `Rotation: ${r.rotation.text}`,
    `Time in lieu: ${ledger.reduce((s, l) => s + l.minutesInLieu, 0)} min in total (off-hours work × ${r.settings.compensation.factor} + ${r.settings.compensation.countSleepHoursPagesAsMinutes} min per wake-up).`,
    '',
    `Sources: ${r.sources.join('; ')}.`,
  ]
  return lines.join('\n')
}

const round = (x: number): number => Math.round(x * 10) / 10


