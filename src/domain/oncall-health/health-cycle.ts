/**
 * Newly sent pages → what on-call health does about them, inside the engine module's lock:
 * sleep-in notices and automatic relief for the people they woke, and the pager-budget check
 * (pager-budget.ts) for the teams whose services caused them. Pages are found by a cursor (sent
 * time plus the ids seen near it); every step also compares with rows it wrote before (unique
 * keys), so a lost cursor, a second run or a second engine does each thing once.
 */
import { DAY_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import { getTeam } from '../teams/index.js'
import { findUser } from '../users/index.js'
import { classifyInstant, classifyPages } from './classify.js'
import { loadPages } from './facts.js'
import { considerRelief, type HealthCtx, type ReliefOutcome } from './relief-auto.js'
import { recordSleepIn } from './sleep-in-store.js'
import { checkPagerBudget } from './pager-budget.js'
import { loadTeamHealthSettings } from './team-settings.js'
import { groupWakeUps } from './wake-ups.js'

/** Where the module got to: pages sent up to `at`, and the ids already seen near it. */
export interface PageCursor {
  readonly at: Instant
  readonly seen: readonly string[]
}

/**
 * Pages are looked for this far behind the cursor: another instance may record a page whose
 * sent time is a little earlier than ours, after we moved on. Seen ids keep it from repeating.
 */
export const PAGE_LOOKBACK_MS = 10 * MINUTE_MS

/** At most this many page rows per cycle, so a backlog cannot stall the engine. */
const MAX_PAGES_PER_CYCLE = 500

/** A newly sent page row. */
interface NewPage {
  readonly id: string
  readonly userId: string
  readonly sentAt: Instant
  readonly teamId: string
}

/** What one run did, for logs and tests. */
export interface HealthRun {
  readonly pages: number
  readonly sleepIns: number
  readonly reliefs: readonly ReliefOutcome[]
  readonly budgetFollowUps: number
  readonly cursor: PageCursor
}

/** Processes pages sent since the cursor; returns the new cursor. */
export async function processNewPages(ctx: HealthCtx, cursor: PageCursor | null): Promise<HealthRun> {
  // A clock moved back (tests, a corrected host clock) must not hide pages behind the cursor.
  const base = Math.min(cursor?.at ?? ctx.now, ctx.now)
  const from = base - PAGE_LOOKBACK_MS
  const seen = new Set(cursor?.seen ?? [])
  const rows = await ctx.db
    .selectFrom('notifications')
    .innerJoin('alerts', 'alerts.id', 'notifications.alert_id')
    .innerJoin('services', 'services.id', 'alerts.service_id')
    .select(['notifications.id', 'notifications.user_id', 'notifications.sent_at', 'services.team_id'])
    .where('notifications.status', '=', 'sent')
    .where('notifications.interrupting', '=', 1)
    .where('notifications.sent_at', '>', from)
    .where('notifications.sent_at', '<=', ctx.now)
    .orderBy('notifications.sent_at')
    .orderBy('notifications.id')
    .limit(MAX_PAGES_PER_CYCLE + seen.size)
    .execute()
  const fresh: NewPage[] = rows.filter((r) => !seen.has(r.id) && r.sent_at !== null).slice(0, MAX_PAGES_PER_CYCLE).map((r) => ({ id: r.id, userId: r.user_id, sentAt: r.sent_at ?? 0, teamId: r.team_id }))
  const at = Math.max(base, ...fresh.map((p) => p.sentAt))
  const keep = [...rows.filter((r) => seen.has(r.id) || fresh.some((p) => p.id === r.id)).filter((r) => (r.sent_at ?? 0) > at - PAGE_LOOKBACK_MS).map((r) => r.id)]
  const next: PageCursor = { at, seen: keep }
  let sleepIns = 0
  const reliefs: ReliefOutcome[] = []
  const budgetTeams = new Set<string>()
  for (const userId of [...new Set(fresh.map((p) => p.userId))]) {
    const user = await findUser(ctx.db, userId)
    if (user === null) continue
    const mine = fresh.filter((p) => p.userId === userId && classifyInstant(user, p.sentAt) === 'sleep')
    if (mine.length === 0) continue
    const { pages } = await loadPages(ctx.db, [user.id], ctx.now - 8 * DAY_MS, ctx.now + 1)
    const classified = classifyPages(pages, [user])
    const teams = [...new Set(mine.map((p) => p.teamId))]
    for (const teamId of teams) {
      budgetTeams.add(teamId)
      const team = await getTeam(ctx.db, teamId)
      const settings = await loadTeamHealthSettings(ctx.db, teamId)
      const outcome = await recordSleepIn(ctx.db, ctx.now, user, team, groupWakeUps(classified, settings.wakeUpSpanMinutes), settings.sleepIn)
      if (outcome === 'new' || outcome === 'later') sleepIns++
    }
    reliefs.push(...(await considerRelief(ctx, user, (span) => groupWakeUps(classified, span))))
  }
  let budgetFollowUps = 0
  for (const teamId of budgetTeams) if (await checkPagerBudget(ctx.db, ctx.now, teamId)) budgetFollowUps++
  return { pages: fresh.length, sleepIns, reliefs, budgetFollowUps, cursor: next }
}
