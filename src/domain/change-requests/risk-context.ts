/**
 * Loads what riskHint needs about a change from the database: the blast-radius size from the
 * live graph and whether the planned time falls outside any touched service's time rules.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { effectiveServicePolicy, listFreezes, nextAllowedTime } from '../deploy-gate/index.js'
import { getTeam } from '../teams/index.js'
import { listDependencyEdges, listServices } from '../services/index.js'
import { blastRadius } from './blast-radius.js'
import type { ChangeRequestFields } from './model.js'
import { mentionsDatabase, riskHint, type RiskHint } from './risk.js'

/** Whether the deploy gate's time rules (windows, holidays, tail, freezes) deny any touched service at `at`. */
export async function plannedOutsideWindow(db: Db, serviceIds: readonly string[], at: Instant): Promise<boolean> {
  const services = (await listServices(db)).filter((s) => serviceIds.includes(s.id))
  const freezes = await listFreezes(db, { from: at, to: at + 1 })
  for (const s of services) {
    const team = await getTeam(db, s.teamId)
    const { policy } = await effectiveServicePolicy(db, s, team)
    if (nextAllowedTime({ at, serviceId: s.id, teamId: s.teamId, policy, freezes, change: null }, 1) !== at) return true
  }
  return false
}

/** Computes the risk hint of a change's fields against the live graph and policies. */
export async function computeRiskHint(db: Db, v: ChangeRequestFields): Promise<RiskHint> {
  const edges = await listDependencyEdges(db)
  const text = [v.title, v.description, v.worstCase, ...v.rollbackPlan.steps].join('\n')
  return riskHint({
    type: v.type,
    blastRadiusSize: blastRadius(edges, v.serviceIds).length,
    rollbackTested: v.rollbackPlan.tested,
    estimatedRollbackMinutes: v.rollbackPlan.estimatedMinutes,
    touchesDatabase: mentionsDatabase(text),
    plannedOutsideWindow: v.plannedAt === null ? false : await plannedOutsideWindow(db, v.serviceIds, v.plannedAt),
  })
}
