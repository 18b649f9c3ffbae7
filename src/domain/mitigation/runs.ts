import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import { sql } from 'kysely'
import { NO_RANK, NO_TEXT, unionFacts, type Db, type FactLookup, type FactRow, type MitigationRunsTable } from '../../storage/index.js'
import { logAlert, type Alert } from '../alerts/index.js'
import { loopGuardAllows, matchesAlert } from './match.js'
import type { MitigationRule, MitigationRun, RunStatus } from './model.js'
import { listRules } from './rules.js'

export const MITIGATION_ACTOR = Object.freeze({ userId: null, label: 'Tend mitigation' })

/** What an alert's `mitigation_json` records; null means the mitigation check has not run yet. */
export interface AlertMitigation {
  readonly checked: true
  readonly runId?: string
  readonly rule?: string
  readonly state?: 'mitigating' | 'dry_run' | 'failed' | 'auto_mitigated' | 'looping'
  readonly note?: string
}

/** `mitigation_json` of an alert checked with no rule to apply: nothing holds its page. */
export const CHECKED_NO_RULE = JSON.stringify({ checked: true } satisfies AlertMitigation)

/**
 * Of these services, those with an active (unpaused) mitigation rule. Intake marks the new
 * alerts of the other services checked at once, so their first page does not wait for the
 * mitigation module's next run, and they are never updated for it.
 */
export async function servicesWithMitigation(db: Db, serviceIds: readonly string[]): Promise<Set<string>> {
  if (serviceIds.length === 0) return new Set()
  return new Set((await unionFacts(db, [mitigationLookup(serviceIds)])).map((r) => r.service_id))
}

/** servicesWithMitigation as a lookup for unionFacts: rows of kind `mitigation`, one per service with an active rule. */
export function mitigationLookup(serviceIds: readonly string[]): FactLookup {
  return sql<FactRow>`select distinct 'mitigation' as kind, service_id, ${NO_TEXT} as dedup_key, ${NO_TEXT} as note, ${NO_RANK} as rank
    from mitigation_rules where paused = 0 and service_id in (${sql.join([...new Set(serviceIds)])})`
}

export function runFromRow(r: MitigationRunsTable): MitigationRun {
  return {
    id: r.id,
    ruleId: r.rule_id,
    alertId: r.alert_id,
    targetKey: r.target_key,
    status: r.status as RunStatus,
    dryRun: r.dry_run === 1,
    actionSummary: r.action_summary,
    resultText: r.result_text,
    exitCode: r.exit_code,
    nextCheckAt: r.next_check_at,
    verifyUntil: r.verify_until,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    createdAt: r.created_at,
  }
}

/** Describes an action in words, for the timeline, the page and the follow-up. */
export function describeAction(rule: MitigationRule): string {
  return rule.action.type === 'http' ? `${rule.action.method} ${rule.action.url}` : `agent command "${rule.action.command}"`
}

export async function setAlertMitigation(db: Db, alertId: string, m: AlertMitigation): Promise<void> {
  await db.updateTable('alerts').set({ mitigation_json: JSON.stringify(m) }).where('id', '=', alertId).execute()
}

/**
 * Decides, before the first page, whether a rule mitigates a newly triggered alert (in the
 * caller's transaction): the first enabled matching rule of the service runs, unless its loop
 * guard is exceeded — then a human is paged with "mitigation is looping". A `before` rule holds
 * the page while it works; a dry-run rule only records what it would have done.
 */
export async function decideMitigation(db: Db, now: Instant, alert: Alert): Promise<MitigationRun | null> {
  const rule = (await listRules(db, alert.serviceId)).find((r) => !r.paused && matchesAlert(r.match, alert))
  if (rule === undefined) {
    await setAlertMitigation(db, alert.id, { checked: true })
    return null
  }
  const recent = await db
    .selectFrom('mitigation_runs')
    .select('created_at')
    .where('rule_id', '=', rule.id)
    .where('target_key', '=', alert.dedupKey)
    .where('dry_run', '=', 0)
    .where('status', '<>', 'looping')
    .where('created_at', '>', now - rule.loopGuard.perMinutes * 60_000)
    .execute()
  const looping = !rule.dryRun && !loopGuardAllows(recent.map((r) => r.created_at), now, rule.loopGuard)
  const status: RunStatus = rule.dryRun ? 'dry_run' : looping ? 'looping' : 'pending'
  const id = newId()
  const summary = describeAction(rule)
  await db
    .insertInto('mitigation_runs')
    .values({
      id,
      rule_id: rule.id,
      alert_id: alert.id,
      target_key: alert.dedupKey,
      status,
      dry_run: rule.dryRun ? 1 : 0,
      action_summary: summary,
      result_text: looping ? `ran ${recent.length} times in the last ${rule.loopGuard.perMinutes} min (limit ${rule.loopGuard.maxRuns})` : rule.dryRun ? 'dry run: nothing was done' : null,
      exit_code: null,
      next_check_at: status === 'pending' ? now : null,
      verify_until: null,
      started_at: null,
      finished_at: status === 'pending' ? null : now,
      created_at: now,
    })
    .execute()
  if (looping) {
    const note = `Mitigation is looping: "${rule.name}" already ran ${recent.length} times for this in the last ${rule.loopGuard.perMinutes} minutes, so Tend stopped mitigating and is paging a human`
    await setAlertMitigation(db, alert.id, { checked: true, runId: id, rule: rule.name, state: 'looping', note })
    await logAlert(db, alert.id, now, 'note', MITIGATION_ACTOR, note, { runId: id })
    await noteOnPage(db, alert.id, note)
  } else if (rule.dryRun) {
    await setAlertMitigation(db, alert.id, { checked: true, runId: id, rule: rule.name, state: 'dry_run', note: `Dry run: "${rule.name}" would have run ${summary}` })
    await logAlert(db, alert.id, now, 'note', MITIGATION_ACTOR, `Dry run: mitigation "${rule.name}" would have run ${summary}; nothing was done`, { runId: id })
  } else {
    await setAlertMitigation(db, alert.id, { checked: true, runId: id, rule: rule.name, state: 'mitigating' })
    await logAlert(db, alert.id, now, 'note', MITIGATION_ACTOR, `Mitigating with "${rule.name}": ${summary}${rule.mode === 'before' ? ' (the page waits for the result)' : ' (paging in parallel)'}`, { runId: id })
    if (rule.mode === 'before') await db.updateTable('alerts').set({ next_escalation_at: null }).where('id', '=', alert.id).execute()
  }
  return runFromRow(await db.selectFrom('mitigation_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
}

/**
 * The mitigation did not work (failed, refused, timed out, did not clear the alert): the alert
 * escalates now, and the page says what was tried and what it returned.
 */
export async function escalateAfterMitigation(db: Db, now: Instant, alertId: string, runId: string, status: RunStatus, note: string): Promise<void> {
  const alert = await db.selectFrom('alerts').select(['status', 'details_json', 'mitigation_json']).where('id', '=', alertId).executeTakeFirst()
  await db.updateTable('mitigation_runs').set({ status, finished_at: now, next_check_at: null }).where('id', '=', runId).execute()
  if (alert === undefined) return
  const previous: AlertMitigation = alert.mitigation_json === null ? { checked: true } : (JSON.parse(alert.mitigation_json) as AlertMitigation)
  await setAlertMitigation(db, alertId, { ...previous, state: 'failed', note })
  await logAlert(db, alertId, now, 'note', MITIGATION_ACTOR, `${note}; paging a human`, { runId, status })
  if (alert.status !== 'triggered') return
  await noteOnPage(db, alertId, note)
  await db.updateTable('alerts').set({ next_escalation_at: now, updated_at: now }).where('id', '=', alertId).execute()
}

/** The page text shows the alert's details first: put what was tried at the top. */
async function noteOnPage(db: Db, alertId: string, note: string): Promise<void> {
  const row = await db.selectFrom('alerts').select('details_json').where('id', '=', alertId).executeTakeFirst()
  if (row === undefined) return
  const details = { 'Mitigation tried': note, ...(JSON.parse(row.details_json) as Record<string, unknown>) }
  await db.updateTable('alerts').set({ details_json: JSON.stringify(details) }).where('id', '=', alertId).execute()
}

export async function listRuns(db: Db, filter: { ruleId?: string | undefined; alertId?: string | undefined; limit: number }): Promise<MitigationRun[]> {
  let q = db.selectFrom('mitigation_runs').selectAll().orderBy('created_at', 'desc').limit(filter.limit)
  if (filter.ruleId !== undefined) q = q.where('rule_id', '=', filter.ruleId)
  if (filter.alertId !== undefined) q = q.where('alert_id', '=', filter.alertId)
  return (await q.execute()).map(runFromRow)
}
