/**
 * The pager budget, applied: when a team's night-page budget (team-budget.ts) is spent, file a
 * low-urgency follow-up for the team, due its next working morning, naming the noisiest
 * sources, and tell the team. Once per team and on-call week: a 'pager-budget' follow-up filed
 * since the week began means it was done.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { fileFollowUp } from '../mitigation/index.js'
import { getTeam } from '../teams/index.js'
import { teamNightBudgetStatus } from './team-budget.js'
import { tellTeam } from './team-notify.js'

/** Files the "pager budget spent" follow-up when the budget is exhausted and none was filed this week; returns whether it did. */
export async function checkPagerBudget(db: Db, now: Instant, teamId: string): Promise<boolean> {
  const b = await teamNightBudgetStatus(db, teamId, now)
  if (!b.exhausted || b.spent === 0) return false
  const filed = await db.selectFrom('follow_ups').select('id').where('team_id', '=', teamId).where('kind', '=', 'pager-budget').where('created_at', '>=', b.weekStart).executeTakeFirst()
  if (filed !== undefined) return false
  const team = await getTeam(db, teamId)
  const noisiest = b.causedBy.slice(0, 3).map((s) => `${s.serviceName} (${s.wakeUps} wake-up${s.wakeUps === 1 ? '' : 's'}, ${s.alerts} alert${s.alerts === 1 ? '' : 's'})`)
  const title = `Pager budget spent: the noisiest sources were ${noisiest.join(', ') || 'unknown'}`
  const gate = b.gatesDeploys ? ' Until the budget recovers, non-urgent deploys of these services are denied by the deploy gate (the team opted in).' : ''
  const body = `${b.summary} Fix these alarms, or move the ones that can wait to low urgency, so nights are for disasters only.${gate}`
  const followUp = await fileFollowUp(db, now, { teamId, serviceId: b.causedBy[0]?.serviceId ?? null, alertId: null, runId: null, kind: 'pager-budget', title, body, forwardUrlSealed: null })
  await tellTeam(db, now, team, { kind: 'pager-budget', idempotencyKey: `pager-budget:${followUp.id}`, subject: title, text: body, payload: { type: 'pager-budget', followUpId: followUp.id, budget: b.budget, spent: b.spent, weekStart: new Date(b.weekStart).toISOString(), causedBy: b.causedBy } })
  return true
}
