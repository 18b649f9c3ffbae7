/**
 * What chooseReplacement needs to know about each possible replacement, from the database:
 * - no availability known: the person cannot be paged at all (no verified interrupting
 *   method), so handing them the pager would leave a silent gap;
 * - already relieved: a relief of their own is in force now;
 * - in recovery: they were woken in their sleep hours in the last 24 hours, or relief was due
 *   for them in the last 48 hours and nobody could take it;
 * - asleep now: inside their sleep hours, in their zone;
 * - recent burden: pages they received in the last 7 days.
 */
import { DAY_MS, HOUR_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { usersById, type User } from '../users/index.js'
import { classifyPages } from './classify.js'
import { loadPages } from './facts.js'
import { sleepPeriodAt } from './hours-windows.js'
import type { ReplacementCandidate } from './replacement.js'

/** How long after a sleep-hours wake-up a person counts as recovering. */
export const RECOVERING_AFTER_WAKE_UP_MS = DAY_MS

/** Loads the facts for the given people (unknown or unpageable people are left out). */
export async function replacementCandidates(db: Db, now: Instant, userIds: readonly string[]): Promise<{ candidates: ReplacementCandidate[]; users: Map<string, User> }> {
  const ids = [...new Set(userIds)]
  const users = await usersById(db, ids)
  if (ids.length === 0) return { candidates: [], users }
  const pageable = new Set(
    (await db.selectFrom('contact_methods').select('user_id').where('user_id', 'in', ids).where('interrupting', '=', 1).where('verified_at', 'is not', null).execute()).map((r) => r.user_id),
  )
  const { pages } = await loadPages(db, ids, now - 7 * DAY_MS, now + 1)
  const known = [...users.values()]
  const classified = classifyPages(pages.filter((p) => users.has(p.userId)), known)
  const reliefs = await db
    .selectFrom('reliefs')
    .select(['tired_user_id', 'status', 'start_at', 'end_at'])
    .where('tired_user_id', 'in', ids)
    .where('end_at', '>', now - 2 * DAY_MS)
    .execute()
  const candidates = known
    .filter((u) => pageable.has(u.id))
    .map((u) => {
      const mine = reliefs.filter((r) => r.tired_user_id === u.id)
      const woken = classified.some((p) => p.userId === u.id && p.bucket === 'sleep' && p.at > now - RECOVERING_AFTER_WAKE_UP_MS)
      const neededRecently = mine.some((r) => r.status === 'needed' && r.start_at > now - 48 * HOUR_MS)
      return {
        userId: u.id,
        inRecovery: woken || neededRecently,
        alreadyRelieved: mine.some((r) => (r.status === 'active' || r.status === 'taken_over') && r.start_at <= now && now < r.end_at),
        asleepNow: sleepPeriodAt(u, now) !== null,
        recentBurden: classified.filter((p) => p.userId === u.id).length,
      }
    })
  return { candidates, users }
}

/** Replaces user ids in a text with names ("0193…: awake now" → "Dan: awake now"). */
export function withNames(text: string, users: ReadonlyMap<string, Pick<User, 'name'>>): string {
  let out = text
  for (const [id, u] of users) out = out.replaceAll(id, u.name)
  return out
}
