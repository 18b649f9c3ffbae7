import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { noiseReport } from '../noise/index.js'
import { listServices } from '../services/index.js'

/** A problem Tend kept from paging by mitigating it: engineering work to schedule, not to forget. */
export interface MitigatedProblem {
  readonly rule: string
  readonly service: string
  readonly runs: number
  readonly openFollowUps: number
}

/** The team's most frequently auto-mitigated problems in [from, to), most runs first. */
export async function topMitigatedProblems(db: Db, teamId: string, from: Instant, to: Instant, limit = 5): Promise<MitigatedProblem[]> {
  const rows = await db
    .selectFrom('mitigation_runs')
    .innerJoin('mitigation_rules', 'mitigation_rules.id', 'mitigation_runs.rule_id')
    .innerJoin('services', 'services.id', 'mitigation_rules.service_id')
    .select(['mitigation_runs.id as run_id', 'mitigation_rules.name as rule', 'services.name as service'])
    .where('services.team_id', '=', teamId)
    .where('mitigation_runs.status', '=', 'succeeded')
    .where('mitigation_runs.created_at', '>=', from)
    .where('mitigation_runs.created_at', '<', to)
    .execute()
  const open = new Set(
    rows.length === 0 ? [] : (await db.selectFrom('follow_ups').select('run_id').where('status', '=', 'open').where('run_id', 'in', rows.map((r) => r.run_id)).execute()).map((f) => f.run_id),
  )
  const byRule = new Map<string, MitigatedProblem>()
  for (const r of rows) {
    const key = `${r.service}\u0000${r.rule}`
    const p = byRule.get(key) ?? { rule: r.rule, service: r.service, runs: 0, openFollowUps: 0 }
    byRule.set(key, { ...p, runs: p.runs + 1, openFollowUps: p.openFollowUps + (open.has(r.run_id) ? 1 : 0) })
  }
  return [...byRule.values()].sort((a, b) => b.runs - a.runs || a.rule.localeCompare(b.rule)).slice(0, limit)
}

/** The report's lines about engineering work: auto-mitigated problems and the noisiest alarms. */
export async function engineeringWorkLines(db: Db, teamId: string, from: Instant, to: Instant, now: Instant): Promise<string[]> {
  const mitigated = await topMitigatedProblems(db, teamId, from, to)
  const services = (await listServices(db, { teamId })).map((s) => s.id)
  const noisy = services.length === 0 ? [] : (await noiseReport(db, now, { serviceIds: services, from, to })).slice(0, 3)
  return [
    mitigated.length === 0 ? 'Auto-mitigated problems: none.' : 'Auto-mitigated problems (engineering work to schedule — mitigation let people sleep, it did not fix the cause):',
    ...mitigated.map((m) => `- ${m.service}: "${m.rule}" ran ${m.runs} time${m.runs === 1 ? '' : 's'}${m.openFollowUps > 0 ? `; ${m.openFollowUps} follow-up${m.openFollowUps === 1 ? '' : 's'} still open` : ''}`),
    noisy.length === 0 ? 'Noisiest alarms: none.' : 'Noisiest alarms:',
    ...noisy.map((n) => `- ${n.label}: ${n.alerts} alerts, ${n.pages} pages — ${n.suggestion}`),
  ]
}
