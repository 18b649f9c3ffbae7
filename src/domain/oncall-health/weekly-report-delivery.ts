/**
 * Sending the weekly report: on each team's chosen weekday and time (team zone), the report of
 * the last complete ISO week goes to the team's channels, once per team and week (the message's
 * idempotency key is the week). A slot more than a day old (the engine was down) or from before
 * the team had a channel is not sent late; the report stays available through the API.
 */
import { addLocalDays, DAY_MS, localDateOf, localToInstant, weekdayOf, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { listTeams } from '../teams/index.js'
import { isoWeekOf, previousIsoWeek } from './iso-week.js'
import { enqueueTeamMessage } from './team-messages.js'
import { loadTeamHealthSettings, type TeamHealthSettings } from './team-settings.js'
import { weeklyReport } from './weekly-report.js'

/** When the weekly report of a team is due at or before `now`: the latest chosen weekday/time. */
export function lastReportSlot(settings: TeamHealthSettings, zone: string, now: Instant): Instant {
  const today = localDateOf(now, zone)
  for (let d = 0; d <= 7; d++) {
    const date = addLocalDays(today, -d)
    if (weekdayOf(date) !== settings.weeklyReport.weekday) continue
    const at = localToInstant(zone, date, settings.weeklyReport.time)
    if (at <= now) return at
  }
  throw new Error('unreachable: a weekday recurs within 8 days')
}

/** A report slot older than this is not sent late (the engine was down for days): the API has it. */
const LATE_REPORT_LIMIT_MS = DAY_MS

/** Queues the weekly report of every team whose slot has come, once per team and week. Returns how many. */
export async function sendDueWeeklyReports(db: Db, now: Instant): Promise<number> {
  let sent = 0
  // Only teams with a channel get the report sent; the rest read it in Tend.
  // A slot that passed before the team had a channel is not sent either.
  const channels = await db.selectFrom('team_channels').select(['team_id', (eb) => eb.fn.min('created_at').as('since')]).groupBy('team_id').execute()
  const since = new Map(channels.map((r) => [r.team_id, Number(r.since)]))
  if (since.size === 0) return 0
  for (const team of (await listTeams(db)).filter((t) => since.has(t.id))) {
    const settings = await loadTeamHealthSettings(db, team.id)
    if (!settings.weeklyReport.enabled) continue
    const slot = lastReportSlot(settings, team.timeZone, now)
    if (slot <= now - LATE_REPORT_LIMIT_MS || slot < (since.get(team.id) ?? now)) continue
    const monday = previousIsoWeek(slot, team.timeZone)
    const key = `weekly-report:${team.id}:${isoWeekOf(monday)}`
    const done = await db.selectFrom('team_messages').select('id').where('team_id', '=', team.id).where('idempotency_key', '=', key).executeTakeFirst()
    if (done !== undefined) continue
    const r = await weeklyReport(db, team.id, monday, now)
    sent += Math.min(1, await enqueueTeamMessage(db, now, { teamId: team.id, kind: 'weekly-report', idempotencyKey: key, subject: r.subject, text: r.text, payload: { type: 'weekly-report', week: r.week, teamId: team.id } }))
  }
  return sent
}
