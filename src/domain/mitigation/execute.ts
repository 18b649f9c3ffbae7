import { createHmac } from 'node:crypto'
import { newId } from '../../lib/ids.js'
import type { SecretBox } from '../../lib/secrets.js'
import { formatLocal, type Instant } from '../../lib/time/index.js'
import { getTeam } from '../teams/index.js'
import type { Db } from '../../storage/index.js'
import { getAlert, logAlert } from '../alerts/index.js'
import { getService } from '../services/index.js'
import { fileFollowUp } from './follow-ups.js'
import type { MitigationRule, MitigationRun } from './model.js'
import { escalateAfterMitigation, MITIGATION_ACTOR, setAlertMitigation } from './runs.js'
import { getRule, ruleSecrets } from './rules.js'
import { fill, fillJson, templateValues } from './template.js'

/** How long an agent has to claim a job, on top of the command's own timeout. */
export const AGENT_CLAIM_GRACE_MS = 60_000
/** How often a run waiting for its alert to clear is looked at (resolution also wakes it). */
const VERIFY_POLL_MS = 15_000

export interface ExecuteCtx {
  readonly db: Db
  readonly now: Instant
  readonly secrets: SecretBox
  readonly publicUrl: string
}

/** An HTTP action's outcome, decided outside any transaction by the engine module. */
export interface HttpOutcome {
  readonly ok: boolean
  readonly text: string
}

/**
 * Prepares a pending run's HTTP call (URL and body filled from the alert, HMAC-signed with the
 * rule's secret), so the engine can make the call outside the transaction.
 */
export async function prepareHttpCall(ctx: ExecuteCtx, run: MitigationRun): Promise<{ url: string; init: RequestInit; timeoutMs: number } | null> {
  const rule = await getRule(ctx.db, run.ruleId)
  if (rule.action.type !== 'http') return null
  const alert = await getAlert(ctx.db, run.alertId)
  const values = templateValues(alert, (await getService(ctx.db, alert.serviceId)).name)
  const body = rule.action.body === undefined || rule.action.method === 'GET' ? undefined : JSON.stringify(fillJson(rule.action.body, values))
  const { signingSecret } = await ruleSecrets(ctx, rule.id)
  const t = Math.floor(ctx.now / 1000)
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tend-Mitigation/1', 'idempotency-key': `mitigation:${run.id}` }
  if (signingSecret !== '') headers['x-tend-signature'] = `t=${t},v1=${createHmac('sha256', signingSecret).update(`${t}.${body ?? ''}`).digest('hex')}`
  return { url: fill(rule.action.url, values, encodeURIComponent), init: { method: rule.action.method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual' }, timeoutMs: rule.action.timeoutSeconds * 1000 }
}

/** Starts a pending agent run: queues the job for the agent (the command name only). */
export async function startAgentRun(ctx: ExecuteCtx, run: MitigationRun, rule: MitigationRule): Promise<void> {
  if (rule.action.type !== 'agent') return
  const deadline = ctx.now + rule.action.timeoutSeconds * 1000 + AGENT_CLAIM_GRACE_MS
  await ctx.db
    .insertInto('agent_jobs')
    .values({ id: newId(), agent_id: rule.action.agentId, run_id: run.id, command: rule.action.command, status: 'queued', timeout_seconds: rule.action.timeoutSeconds, deadline_at: deadline, claimed_at: null, exit_code: null, output: null, created_at: ctx.now, finished_at: null })
    .execute()
  await ctx.db.updateTable('mitigation_runs').set({ status: 'running', started_at: ctx.now, next_check_at: deadline }).where('id', '=', run.id).execute()
}

/** The action succeeded: wait (up to verifyMinutes) for the alert to clear. */
export async function startVerifying(ctx: ExecuteCtx, run: MitigationRun, rule: MitigationRule, result: string, exitCode: number | null): Promise<void> {
  const until = ctx.now + rule.verifyMinutes * 60_000
  await ctx.db
    .updateTable('mitigation_runs')
    .set({ status: 'verifying', result_text: result.slice(-8192), exit_code: exitCode, started_at: run.startedAt ?? ctx.now, verify_until: until, next_check_at: Math.min(until, ctx.now + VERIFY_POLL_MS) })
    .where('id', '=', run.id)
    .execute()
  await logAlert(ctx.db, run.alertId, ctx.now, 'note', MITIGATION_ACTOR, `Mitigation "${rule.name}" ran (${run.actionSummary}${exitCode === null ? '' : `, exit ${exitCode}`}); waiting up to ${rule.verifyMinutes} min for the alert to clear`, { runId: run.id })
}

/** Records an HTTP action's outcome on a pending run. */
export async function finishHttpRun(ctx: ExecuteCtx, run: MitigationRun, outcome: HttpOutcome, calledUrl?: string): Promise<void> {
  const rule = await getRule(ctx.db, run.ruleId)
  if (calledUrl !== undefined && rule.action.type === 'http') {
    // Record what was really called (placeholders filled), not the template.
    const summary = `${rule.action.method} ${calledUrl}`
    await ctx.db.updateTable('mitigation_runs').set({ action_summary: summary }).where('id', '=', run.id).execute()
    run = { ...run, actionSummary: summary }
  }
  if (outcome.ok) return startVerifying(ctx, run, rule, outcome.text, null)
  await ctx.db.updateTable('mitigation_runs').set({ result_text: outcome.text.slice(-8192), started_at: ctx.now }).where('id', '=', run.id).execute()
  await escalateAfterMitigation(ctx.db, ctx.now, run.alertId, run.id, 'failed', `Mitigation "${rule.name}" failed: ${run.actionSummary} returned ${outcome.text.slice(0, 300)}`)
}

/** Looks at a running agent job: done, refused, failed, or past its deadline. */
export async function checkAgentRun(ctx: ExecuteCtx, run: MitigationRun): Promise<void> {
  const rule = await getRule(ctx.db, run.ruleId)
  const job = await ctx.db.selectFrom('agent_jobs').selectAll().where('run_id', '=', run.id).executeTakeFirst()
  if (job === undefined) return escalateAfterMitigation(ctx.db, ctx.now, run.alertId, run.id, 'failed', `Mitigation "${rule.name}" lost its agent job`)
  const output = job.output === null || job.output === '' ? '' : `: ${job.output.trim().slice(-300)}`
  const command = `agent command "${job.command}"`
  switch (job.status) {
    case 'succeeded':
      return startVerifying(ctx, run, rule, job.output ?? '', job.exit_code)
    case 'failed':
      await ctx.db.updateTable('mitigation_runs').set({ result_text: job.output, exit_code: job.exit_code }).where('id', '=', run.id).execute()
      return escalateAfterMitigation(ctx.db, ctx.now, run.alertId, run.id, 'failed', `Mitigation "${rule.name}" failed: ${command} exited with ${job.exit_code ?? 'no code'}${output}`)
    case 'refused':
      await ctx.db.updateTable('mitigation_runs').set({ result_text: job.output }).where('id', '=', run.id).execute()
      return escalateAfterMitigation(ctx.db, ctx.now, run.alertId, run.id, 'refused', `Mitigation "${rule.name}" was refused: the agent does not allow ${command}${output}`)
    default:
      if (job.deadline_at > ctx.now) return
      await ctx.db.updateTable('agent_jobs').set({ status: 'timed_out', finished_at: ctx.now }).where('id', '=', job.id).execute()
      return escalateAfterMitigation(
        ctx.db,
        ctx.now,
        run.alertId,
        run.id,
        'timed_out',
        `Mitigation "${rule.name}" timed out: ${job.status === 'queued' ? 'no agent picked up' : 'the agent did not report back on'} ${command} within ${rule.action.timeoutSeconds + AGENT_CLAIM_GRACE_MS / 1000} s`,
      )
  }
}

/**
 * Looks at a run waiting for its alert to clear. Cleared: the alert is auto-mitigated (nobody
 * paged) and a follow-up is filed for the next working morning. Not cleared in time: a human is
 * paged with what was tried.
 */
export async function checkVerifying(ctx: ExecuteCtx, run: MitigationRun): Promise<void> {
  const rule = await getRule(ctx.db, run.ruleId)
  const alert = await getAlert(ctx.db, run.alertId)
  if (alert.status === 'resolved') {
    await ctx.db.updateTable('mitigation_runs').set({ status: 'succeeded', finished_at: ctx.now, next_check_at: null }).where('id', '=', run.id).execute()
    const service = await getService(ctx.db, alert.serviceId)
    const { followUpWebhookUrl } = await ruleSecrets(ctx, rule.id)
    const followUp = await fileFollowUp(ctx.db, ctx.now, {
      teamId: service.teamId,
      serviceId: service.id,
      alertId: alert.id,
      runId: run.id,
      kind: 'mitigation',
      title: `Investigate: ${alert.summary} (auto-mitigated by "${rule.name}")`,
      body: [
        `Tend mitigated an alert on ${service.name} without paging anyone. Find out why it happened.`,
        `Alert: ${alert.summary}`,
        `Action: ${run.actionSummary}${run.exitCode === null ? '' : ` (exit ${run.exitCode})`}`,
        ...(run.resultText === null || run.resultText === '' ? [] : [`Output:\n${run.resultText.slice(-2000)}`]),
        `Timeline: ${ctx.publicUrl}/alerts/${alert.id}`,
      ].join('\n'),
      forwardUrlSealed: followUpWebhookUrl === null ? null : ctx.secrets.encrypt(followUpWebhookUrl),
    })
    await setAlertMitigation(ctx.db, alert.id, { checked: true, runId: run.id, rule: rule.name, state: 'auto_mitigated', note: `Auto-mitigated by "${rule.name}"` })
    const team = await getTeam(ctx.db, service.teamId)
    await logAlert(ctx.db, alert.id, ctx.now, 'note', MITIGATION_ACTOR, `Auto-mitigated by "${rule.name}": nobody was paged; follow-up "${followUp.title}" is due ${formatLocal(followUp.dueAt, team.timeZone, 'full')}`, { runId: run.id, followUpId: followUp.id })
    return
  }
  if (run.verifyUntil !== null && run.verifyUntil <= ctx.now) {
    return escalateAfterMitigation(ctx.db, ctx.now, run.alertId, run.id, 'not_cleared', `Mitigation "${rule.name}" ran (${run.actionSummary}) but the alert did not clear within ${rule.verifyMinutes} min`)
  }
  await ctx.db.updateTable('mitigation_runs').set({ next_check_at: Math.min(run.verifyUntil ?? ctx.now, ctx.now + VERIFY_POLL_MS) }).where('id', '=', run.id).execute()
}
