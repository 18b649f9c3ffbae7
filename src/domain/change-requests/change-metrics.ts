/**
 * A team's change metrics over a range, from Tend's own records:
 * - how soon after a deploy its first high-urgency alert came (on the service or a service that
 *   depends on it), against the configured support tail, with the tail that would have covered
 *   90% of them (Tend measures its own "problems show up within 3 hours" assumption);
 * - DORA's delivery metrics per team and per service, banded by the 2024 report.
 * A deploy failed when it was rolled back or its status is failed; it was restored when the
 * rollback (or the failed deploy) finished, and detected at its first high-urgency alert, if any.
 */
import { DAY_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { effectiveServicePolicy, listFreezes, loadTeamPolicy, nextAllowedTime, type DeployPolicy, type Freeze } from '../deploy-gate/index.js'
import { dependentsOf, listDependencyEdges, listServices, type Service } from '../services/index.js'
import type { Team } from '../teams/index.js'
import { DEFAULT_ATTRIBUTION_WINDOW_MS, deployImpactDistribution, TAIL_COVERAGE, type AlertRecord, type DeployImpactDistribution } from './deploy-impact.js'
import { listDeployments, type Deployment } from './deployments.js'
import { DORA_2024, doraMetrics, type DoraInput, type DoraMetrics } from './dora.js'

export interface DeployImpactReport extends DeployImpactDistribution {
  readonly deploys: number
  readonly configuredTailMinutes: number
  readonly suggestedTailMinutes: number | null
  /** Share of deploy-related first alerts that came within the configured tail; null with none. */
  readonly shareWithinConfiguredTail: number | null
  readonly coverageTarget: number
  /** A sentence comparing the configured tail with what the data suggests. */
  readonly note: string
}

export interface DoraReport extends DoraMetrics {
  readonly deployments: number
  /** The figures in one sentence, with their bands. */
  readonly summary: string
}

export interface ChangeMetrics {
  readonly teamId: string
  readonly from: Instant
  readonly to: Instant
  readonly deployImpact: DeployImpactReport
  readonly dora: {
    readonly team: DoraReport
    readonly services: readonly (DoraReport & { readonly serviceId: string; readonly serviceName: string })[]
    /** The published 2024 DORA bands these are compared with. */
    readonly published: string
  }
}

/** The published comparison, from the constants the bands are computed with. */
export const DORA_PUBLISHED_TEXT =
  `DORA 2024 (Accelerate State of DevOps): elite teams deploy on demand (read here as ≥ ${DORA_2024.elite.deploysPerWeek} deploys a week), ` +
  `with a change failure rate of ${DORA_2024.elite.changeFailureRate * 100}% and recovery from a failed deploy in under an hour; ` +
  `high performers deploy between daily and weekly (≥ ${DORA_2024.high.deploysPerWeek} a week), fail ${DORA_2024.high.changeFailureRate * 100}% of changes ` +
  'and recover in under a day. Anything else is shown as below-high: the medium and low clusters are not monotone per metric.'

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`)

function summarize(d: DoraMetrics, deployments: number): string {
  const restore = d.medianTimeToRestoreMinutes === null ? 'no failed deploy to recover from' : `median recovery ${Math.round(d.medianTimeToRestoreMinutes)} min (${d.bands.timeToRestore})`
  return `${deployments} deploys, ${Math.round(d.deploymentsPerWeek * 10) / 10} a week (${d.bands.deploymentFrequency}); change failure rate ${pct(d.changeFailureRate)}${d.bands.changeFailureRate === null ? '' : ` (${d.bands.changeFailureRate})`}; ${restore}; ${pct(d.shareInsideWindows)} inside deploy windows`
}

interface DeployFacts {
  readonly deploy: Deployment
  readonly rolledBack: boolean
  readonly failed: boolean
  readonly restoredAt: Instant | null
  readonly detectedAt: Instant | undefined
  readonly insideWindow: boolean
}

function insideWindow(d: Deployment, service: Service, policy: DeployPolicy, freezes: readonly Freeze[]): boolean {
  return nextAllowedTime({ at: d.startedAt, serviceId: service.id, teamId: service.teamId, policy, freezes, change: null }, 1) === d.startedAt
}

function dora(facts: readonly DeployFacts[], rangeDays: number): DoraReport {
  const input: DoraInput = {
    deploys: facts.map((f) => ({ at: f.deploy.startedAt, rolledBack: f.rolledBack, insideWindow: f.insideWindow })),
    failures: facts.flatMap((f) =>
      (f.rolledBack || f.failed) && f.restoredAt !== null ? [{ deployAt: f.deploy.startedAt, restoredAt: f.restoredAt, ...(f.detectedAt === undefined ? {} : { detectedAt: f.detectedAt }) }] : [],
    ),
    rangeDays,
  }
  const metrics = doraMetrics(input)
  return { ...metrics, deployments: facts.length, summary: summarize(metrics, facts.length) }
}

function impactNote(configured: number, suggested: number | null, within: number | null, total: number): string {
  if (suggested === null) return `Only ${total} deploy-related alert${total === 1 ? '' : 's'} in this range: too few to suggest a support tail (10 needed); keep the configured ${configured} min.`
  const share = within === null ? '' : ` ${pct(within)} of deploy-related alerts came within the configured ${configured} min.`
  if (suggested > configured) return `A ${suggested} min tail would have covered ${TAIL_COVERAGE * 100}% of deploy-related alerts; the configured ${configured} min is shorter.${share}`
  if (suggested < configured) return `A ${suggested} min tail would already have covered ${TAIL_COVERAGE * 100}% of deploy-related alerts; the configured ${configured} min could be shortened.${share}`
  return `The configured ${configured} min tail matches the data.${share}`
}

/** Computes a team's change metrics over [from, to). */
export async function teamChangeMetrics(db: Db, team: Team, from: Instant, to: Instant): Promise<ChangeMetrics> {
  const [services, edges, teamPolicy] = await Promise.all([listServices(db, { teamId: team.id }), listDependencyEdges(db), loadTeamPolicy(db, team)])
  const byId = new Map(services.map((s) => [s.id, s]))
  const dependents = new Map(services.map((s) => [s.id, [...dependentsOf(edges, [s.id]).keys()]]))
  const all = await listDeployments(db, { serviceIds: [...byId.keys()], from, to: to + DEFAULT_ATTRIBUTION_WINDOW_MS })
  const deploys = all.filter((d) => d.kind === 'deploy' && d.startedAt < to).reverse()
  const affected = [...new Set([...byId.keys(), ...[...dependents.values()].flat()])]
  const alertRows =
    affected.length === 0
      ? []
      : await db.selectFrom('alerts').select(['service_id', 'created_at', 'urgency']).where('service_id', 'in', affected).where('created_at', '>=', from).where('created_at', '<', to + DEFAULT_ATTRIBUTION_WINDOW_MS).execute()
  const alerts: AlertRecord[] = alertRows.map((a) => ({ serviceId: a.service_id, at: a.created_at, urgency: a.urgency === 'high' ? 'high' : 'low' }))
  const impact = deployImpactDistribution(
    deploys.map((d) => ({ id: d.id, serviceId: d.serviceId, at: d.startedAt })),
    alerts,
    (id) => dependents.get(id) ?? [],
  )
  const configured = teamPolicy.policy.supportTailMinutes
  const delays = impact.perDeploy.map((p) => p.firstAlertAfterMs).filter((ms): ms is number => ms !== null)
  const within = delays.length === 0 ? null : delays.filter((ms) => ms <= configured * MINUTE_MS).length / delays.length

  const freezes = await listFreezes(db, { from, to })
  const policies = new Map<string, DeployPolicy>()
  for (const s of services) policies.set(s.id, (await effectiveServicePolicy(db, s, team)).policy)
  const facts: DeployFacts[] = deploys.map((d) => {
    const rollback = all.find((r) => r.kind === 'rollback' && r.rollsBackId === d.id)
    const restoredAt = rollback !== undefined ? (rollback.finishedAt ?? rollback.startedAt) : d.status === 'failed' ? (d.finishedAt ?? d.startedAt) : null
    const affectedIds = new Set([d.serviceId, ...(dependents.get(d.serviceId) ?? [])])
    const firstAlert = alerts.filter((a) => a.urgency === 'high' && affectedIds.has(a.serviceId) && a.at >= d.startedAt && (restoredAt === null || a.at <= restoredAt)).sort((a, b) => a.at - b.at)[0]
    const service = byId.get(d.serviceId) as Service
    return {
      deploy: d,
      rolledBack: rollback !== undefined || d.status === 'rolled_back',
      failed: d.status === 'failed',
      restoredAt,
      detectedAt: firstAlert?.at,
      insideWindow: insideWindow(d, service, policies.get(d.serviceId) ?? teamPolicy.policy, freezes),
    }
  })
  const rangeDays = (to - from) / DAY_MS
  return {
    teamId: team.id,
    from,
    to,
    deployImpact: {
      ...impact,
      deploys: deploys.length,
      configuredTailMinutes: configured,
      suggestedTailMinutes: impact.suggestedTailMinutes,
      shareWithinConfiguredTail: within,
      coverageTarget: TAIL_COVERAGE,
      note: impactNote(configured, impact.suggestedTailMinutes, within, impact.buckets.total),
    },
    dora: {
      team: dora(facts, rangeDays),
      services: services.map((s) => ({ serviceId: s.id, serviceName: s.name, ...dora(facts.filter((f) => f.deploy.serviceId === s.id), rangeDays) })),
      published: DORA_PUBLISHED_TEXT,
    },
  }
}
