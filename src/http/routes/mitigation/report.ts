import type { Instant } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import { getRule, listFollowUps, listRuns } from '../../../domain/mitigation/index.js'

/** A rule whose follow-ups stay open this long is "mitigating without investigation". */
const NEGLECTED_AFTER_HOURS = 7 * 24

/**
 * How a rule is doing: runs, success rate, alerts it kept from paging, and its follow-ups.
 * Restarting a server is a fine way to sleep and a bad way to fix code: a rule whose follow-ups
 * are never closed is flagged.
 */
export async function ruleReport(db: Db, ruleId: string, now: Instant) {
  const rule = await getRule(db, ruleId)
  const runs = await listRuns(db, { ruleId, limit: 10_000 })
  const real = runs.filter((r) => !r.dryRun)
  const succeeded = real.filter((r) => r.status === 'succeeded').length
  const finished = real.filter((r) => !['pending', 'running', 'verifying'].includes(r.status)).length
  const followUps = await listFollowUps(db, { runIds: runs.map((r) => r.id) })
  const open = followUps.filter((f) => f.status === 'open')
  const oldestOpenHours = open.length === 0 ? null : Math.round((now - Math.min(...open.map((f) => f.createdAt))) / 3_600_000)
  return {
    ruleId: rule.id,
    name: rule.name,
    runs: real.length,
    dryRuns: runs.length - real.length,
    succeeded,
    successRate: finished === 0 ? null : succeeded / finished,
    keptFromPaging: succeeded,
    byStatus: Object.fromEntries([...new Set(real.map((r) => r.status))].map((s) => [s, real.filter((r) => r.status === s).length])),
    followUps: { total: followUps.length, open: open.length, closed: followUps.length - open.length, oldestOpenHours },
    // Any follow-up left open a week means the rule is treating symptoms nobody looks into.
    mitigatingWithoutInvestigation: (oldestOpenHours ?? 0) >= NEGLECTED_AFTER_HOURS,
  }
}
