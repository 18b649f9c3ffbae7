import { alertFromRow } from '../../domain/alerts/index.js'
import {
  checkAgentRun,
  checkVerifying,
  CHECKED_NO_RULE,
  decideMitigation,
  finishHttpRun,
  getRule,
  prepareHttpCall,
  runFromRow,
  servicesWithMitigation,
  startAgentRun,
  type ExecuteCtx,
  type HttpOutcome,
  type MitigationRun,
} from '../../domain/mitigation/index.js'
import type { Db } from '../../storage/index.js'
import type { CycleCtx, EngineModule } from '../module.js'
import type { PagingDeps } from './deps.js'

/**
 * New alerts looked at per cycle. Most belong to services without rules and are settled by one
 * statement, so the batch is large: a small one capped intake at BATCH per cycle, and in an
 * alert storm the backlog (and every page's delay) grew. Alerts a rule applies to are decided
 * one by one, at most RULED_BATCH per cycle (as are runs advanced); the rest wait for the next cycle.
 */
const BATCH = 1000
const RULED_BATCH = 100

/**
 * Automatic mitigation, run before escalation in each cycle: decides for each new alert whether
 * a rule mitigates it (holding the page). Escalation waits for this decision, so it runs every
 * cycle; mitigationRunsManager then starts actions and follows them.
 */
export function mitigationManager(): EngineModule {
  return {
    name: 'engine.mitigation',
    version: 1,
    minIntervalMs: 0,
    run: decideNewAlerts,
  }
}

/**
 * The least time between two looks at mitigation runs. Actions are started and followed in
 * seconds (checks, verification, agent jobs); looking at every cycle cost each page, which
 * waits behind the cycle, a statement.
 */
const RUNS_INTERVAL_MS = 250

/**
 * Starts mitigation actions, checks agent jobs and verification, and hands failures back to
 * escalation with what was tried. HTTP actions run outside any transaction; every state change
 * is a compare-and-set, so two instances never act twice.
 */
export function mitigationRunsManager(deps: PagingDeps): EngineModule {
  return {
    name: 'engine.mitigation-runs',
    version: 1,
    minIntervalMs: RUNS_INTERVAL_MS,
    async run(ctx) {
      const now = ctx.clock.now()
      const due = await ctx.storage.db
        .selectFrom('mitigation_runs')
        .leftJoin('alerts', 'alerts.id', 'mitigation_runs.alert_id')
        .leftJoin('agent_jobs', 'agent_jobs.run_id', 'mitigation_runs.id')
        .selectAll('mitigation_runs')
        .where((eb) =>
          eb.or([
            eb.and([eb('mitigation_runs.status', 'in', ['pending', 'running', 'verifying']), eb('mitigation_runs.next_check_at', '<=', now)]),
            eb.and([eb('mitigation_runs.status', '=', 'verifying'), eb('alerts.status', '=', 'resolved')]),
            eb.and([eb('mitigation_runs.status', '=', 'running'), eb('agent_jobs.status', 'in', ['succeeded', 'failed', 'refused'])]),
          ]),
        )
        .limit(RULED_BATCH)
        .execute()
      for (const row of due) {
        try {
          await advance(ctx, deps, runFromRow(row))
        } catch (err) {
          ctx.log.error({ err, runId: row.id }, 'mitigation step failed; retried next cycle')
        }
      }
    },
  }
}

/**
 * Every new alert passes the mitigation check once (recorded in mitigation_json).
 * Services without rules — most of them — are settled in one statement; the rest are decided
 * in one transaction per batch (an alert storm must not cost a commit per alert).
 */
async function decideNewAlerts(ctx: CycleCtx): Promise<void> {
  const db = ctx.storage.db
  // Walks the partial index alerts_undecided, oldest first: only the undecided backlog.
  const fresh = await db.selectFrom('alerts').select(['id', 'service_id', 'status']).where('mitigation_json', 'is', null).orderBy('created_at').limit(BATCH).execute()
  if (fresh.length === 0) return
  const triggered = fresh.filter((f) => f.status === 'triggered')
  const withRules = await servicesWithMitigation(db, triggered.map((f) => f.service_id))
  // Acknowledged or resolved before the check ran: a person (or the source) got there first,
  // so there is nothing to mitigate; they are settled with the alerts of services without rules.
  const ruled = triggered.filter((f) => withRules.has(f.service_id)).map((f) => f.id).slice(0, RULED_BATCH)
  const plain = fresh.filter((f) => f.status !== 'triggered' || !withRules.has(f.service_id)).map((f) => f.id)
  await db.transaction().execute(async (trx) => {
    if (plain.length > 0) await trx.updateTable('alerts').set({ mitigation_json: CHECKED_NO_RULE }).where('id', 'in', plain).where('mitigation_json', 'is', null).execute()
    for (const id of ruled) {
      const row = await trx.selectFrom('alerts').selectAll().where('id', '=', id).where('mitigation_json', 'is', null).executeTakeFirst()
      if (row !== undefined) await decideMitigation(trx, ctx.clock.now(), alertFromRow(row))
    }
  })
}

async function advance(ctx: CycleCtx, deps: PagingDeps, run: MitigationRun): Promise<void> {
  const exec = (db: Db): ExecuteCtx => ({ db, now: ctx.clock.now(), secrets: deps.secrets, publicUrl: deps.publicUrl })
  const db = ctx.storage.db
  if (run.status === 'pending') {
    const rule = await getRule(db, run.ruleId)
    if (rule.action.type === 'agent') {
      await db.transaction().execute(async (trx) => (await claim(trx, run, ctx.clock.now() + 1)) && startAgentRun(exec(trx), run, rule))
      return
    }
    const call = await prepareHttpCall(exec(db), run)
    if (call === null) return
    // Claimed as running until the call's deadline: if this process dies mid-call, the run times out and pages.
    if (!(await claim(db, run, ctx.clock.now() + call.timeoutMs + 30_000))) return
    const outcome = await httpCall(call.url, call.init, call.timeoutMs)
    await db.transaction().execute((trx) => finishHttpRun(exec(trx), { ...run, status: 'running' }, outcome, call.url))
    return
  }
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('mitigation_runs').selectAll().where('id', '=', run.id).executeTakeFirst()
    if (current === undefined || current.status !== run.status) return
    if (run.status === 'verifying') return checkVerifying(exec(trx), runFromRow(current))
    const job = await trx.selectFrom('agent_jobs').select('id').where('run_id', '=', run.id).executeTakeFirst()
    if (job !== undefined) return checkAgentRun(exec(trx), runFromRow(current))
    // A running HTTP call whose process died: past its deadline it counts as timed out.
    return finishHttpRun(exec(trx), runFromRow(current), { ok: false, text: 'no answer: the call was cut off (Tend restarted or the call hung past its timeout)' })
  })
}

/** Moves a pending run to running, once: false when another instance got there first. */
async function claim(db: Db, run: MitigationRun, nextCheckAt: number): Promise<boolean> {
  const res = await db.updateTable('mitigation_runs').set({ status: 'running', next_check_at: nextCheckAt }).where('id', '=', run.id).where('status', '=', 'pending').executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

async function httpCall(url: string, init: RequestInit, timeoutMs: number): Promise<HttpOutcome> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    const text = (await res.text().catch(() => '')).slice(0, 2000)
    return { ok: res.status >= 200 && res.status < 300, text: `HTTP ${res.status}${text === '' ? '' : `: ${text}`}` }
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } }
    return { ok: false, text: e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `request failed: ${e.cause?.code ?? e.message}` }
  }
}
