/**
 * The deploy check: loads the service's effective policy, the freezes around `at`, the change
 * request (if named) and the live facts, asks the pure gate, and records the decision in
 * deploy_checks, every time, so "who deployed against the gate" can always be answered.
 * It lives here rather than in deploy-gate because it reads change requests, and change
 * requests depend on the gate, never the reverse.
 */
import { validationError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import type { CommandCtx } from '../command.js'
import {
  DEFAULT_HORIZON_DAYS,
  effectiveServicePolicy,
  evaluateDeploy,
  gatherGateFacts,
  listFreezes,
  type DeployPolicy,
  type GateDecision,
  type OnCallFact,
} from '../deploy-gate/index.js'
import { getService, type Service } from '../services/index.js'
import { getTeam } from '../teams/index.js'
import { gateChangeOf } from './gate-change.js'
import { liveBlastRadius, type LiveBlastRadiusEntry } from './live-blast-radius.js'
import { getChange, type ChangeRequest } from './store.js'

export interface DeployCheckInput {
  /** Service id or name. */
  readonly service: string
  /** Change id, "CR-42" or number. */
  readonly change?: string | undefined
  /** When the deploy would run; default now. */
  readonly at?: Instant | undefined
  readonly kind?: 'deploy' | 'rollback' | undefined
}

/** A recorded gate decision with what it was decided on. */
export interface DeployCheck extends GateDecision {
  readonly checkId: string
  readonly kind: 'deploy' | 'rollback'
  readonly service: Pick<Service, 'id' | 'name' | 'teamId'>
  readonly change: Pick<ChangeRequest, 'id' | 'key' | 'title' | 'state'> | null
  readonly policy: DeployPolicy
  readonly policySource: 'default' | 'team' | 'service'
  readonly facts: {
    readonly onCall: readonly OnCallFact[]
    readonly openHighUrgencyAlerts: number
    readonly nightBudgetSpent: boolean
    /** Whether the team's night-page budget could be read. */
    readonly nightBudgetKnown: boolean
    /** On-call health's sentence about the budget, for people reading the check. */
    readonly nightBudgetSummary: string | null
  }
  readonly blastRadius: readonly LiveBlastRadiusEntry[]
}

/** Evaluates a deploy (or rollback) of a service at `at` and records the decision. */
export async function runDeployCheck(ctx: CommandCtx, input: DeployCheckInput): Promise<DeployCheck> {
  const service = await getService(ctx.db, input.service)
  const team = await getTeam(ctx.db, service.teamId)
  const change = input.change === undefined ? null : await getChange(ctx.db, input.change)
  if (change !== null && !change.serviceIds.includes(service.id)) {
    throw validationError([{ field: 'change', reason: `${change.key} does not touch ${service.name}: add the service to the change, or name the right change` }])
  }
  const at = input.at ?? ctx.now
  const kind = input.kind ?? 'deploy'
  const { policy, source } = await effectiveServicePolicy(ctx.db, service, team)
  const freezes = await listFreezes(ctx.db, { from: at, to: at + DEFAULT_HORIZON_DAYS * DAY_MS })
  const facts = await gatherGateFacts(ctx.db, { teamId: team.id, serviceId: service.id, at, now: ctx.now, tailMinutes: policy.supportTailMinutes, urgent: change?.type === 'emergency' })
  // The gate names the change in its messages: give it the key people know ("CR-42").
  const gateChange = change === null ? null : gateChangeOf({ ...change, id: change.key })
  const decision = evaluateDeploy({ at, serviceId: service.id, teamId: team.id, kind, policy, freezes, change: gateChange, facts })
  const checkId = newId()
  await ctx.db
    .insertInto('deploy_checks')
    .values({
      id: checkId,
      service_id: service.id,
      change_request_id: change?.id ?? null,
      kind,
      at,
      allowed: decision.allowed ? 1 : 0,
      reasons_json: JSON.stringify(decision.reasons),
      next_allowed_at: decision.nextAllowedAt,
      actor_label: ctx.actor.label,
      created_at: ctx.now,
    })
    .execute()
  return {
    ...decision,
    checkId,
    kind,
    service: { id: service.id, name: service.name, teamId: service.teamId },
    change: change === null ? null : { id: change.id, key: change.key, title: change.title, state: change.state },
    policy,
    policySource: source,
    facts,
    blastRadius: await liveBlastRadius(ctx.db, [service.id], ctx.now),
  }
}

/** A recorded check, as listed. */
export interface DeployCheckRecord {
  readonly id: string
  readonly serviceId: string
  readonly changeRequestId: string | null
  readonly kind: string
  readonly at: Instant
  readonly allowed: boolean
  readonly reasons: unknown
  readonly nextAllowedAt: Instant | null
  readonly actor: string
  readonly createdAt: Instant
}

/** Recorded checks of a service, newest first. */
export async function listDeployChecks(db: Db, filter: { serviceId?: string | undefined; limit: number }): Promise<DeployCheckRecord[]> {
  let q = db.selectFrom('deploy_checks').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit)
  if (filter.serviceId !== undefined) q = q.where('service_id', '=', filter.serviceId)
  return (await q.execute()).map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    changeRequestId: r.change_request_id,
    kind: r.kind,
    at: r.at,
    allowed: r.allowed === 1,
    reasons: JSON.parse(r.reasons_json) as unknown,
    nextAllowedAt: r.next_allowed_at,
    actor: r.actor_label,
    createdAt: r.created_at,
  }))
}
