import { FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { randomToken } from '../../lib/secrets.js'
import type { Db, MitigationRulesTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { SEVERITIES, type Severity } from '../services/index.js'
import { DEFAULT_LOOP_GUARD, DEFAULT_VERIFY_MINUTES, type MitigationAction, type MitigationMatch, type MitigationRule } from './model.js'

export interface RuleInput {
  readonly name?: string | undefined
  readonly match?: Partial<Record<keyof MitigationMatch, unknown>> | undefined
  readonly action?: Record<string, unknown> | undefined
  readonly mode?: string | undefined
  readonly verifyMinutes?: number | undefined
  readonly loopGuard?: { maxRuns?: number; perMinutes?: number } | undefined
  readonly paused?: boolean | undefined
  readonly dryRun?: boolean | undefined
  /** Optional ticket-tracker webhook that receives each follow-up. */
  readonly followUpWebhookUrl?: string | null | undefined
}

interface Secrets {
  signingSecret: string
  followUpWebhookUrl: string | null
}

export function ruleFromRow(r: MitigationRulesTable): MitigationRule {
  const j = JSON.parse(r.rule_json) as Pick<MitigationRule, 'match' | 'action' | 'mode' | 'verifyMinutes' | 'loopGuard'>
  return { id: r.id, serviceId: r.service_id, name: r.name, ...j, paused: r.paused === 1, dryRun: r.dry_run === 1, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at }
}

export async function listRules(db: Db, serviceId?: string): Promise<MitigationRule[]> {
  let q = db.selectFrom('mitigation_rules').selectAll().orderBy('created_at')
  if (serviceId !== undefined) q = q.where('service_id', '=', serviceId)
  return (await q.execute()).map(ruleFromRow)
}

export async function getRule(db: Db, id: string): Promise<MitigationRule> {
  const row = await db.selectFrom('mitigation_rules').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('mitigation rule', id)
  return ruleFromRow(row)
}

/** The rule's sealed secrets: the HMAC key of its HTTP calls and the follow-up webhook URL. */
export async function ruleSecrets(ctx: Pick<CommandCtx, 'db' | 'secrets'>, id: string): Promise<Secrets> {
  const row = await ctx.db.selectFrom('mitigation_rules').select('secrets_sealed').where('id', '=', id).executeTakeFirst()
  if (row?.secrets_sealed === null || row?.secrets_sealed === undefined) return { signingSecret: '', followUpWebhookUrl: null }
  return JSON.parse(ctx.secrets.decrypt(row.secrets_sealed)) as Secrets
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)

function checkRegex(pattern: string | undefined, field: string, errors: FieldErrors): void {
  if (pattern === undefined) return
  if (pattern.length > 500) return errors.add(field, 'must be at most 500 characters')
  try {
    new RegExp(pattern)
  } catch (err) {
    errors.add(field, `is not a valid regular expression: ${(err as Error).message}`)
  }
}

async function normalizeRule(db: Db, serviceId: string, input: RuleInput): Promise<{ name: string; body: Omit<MitigationRule, 'id' | 'serviceId' | 'name' | 'paused' | 'dryRun' | 'createdBy' | 'createdAt' | 'updatedAt'>; followUpWebhookUrl: string | null }> {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim()
  if (name === '' || name.length > 100) errors.add('name', 'must be 1 to 100 characters')
  const m = input.match ?? {}
  const match: MitigationMatch = {
    dedupKeyPattern: str(m.dedupKeyPattern),
    summaryPattern: str(m.summaryPattern),
    source: str(m.source),
    labels: typeof m.labels === 'object' && m.labels !== null ? Object.fromEntries(Object.entries(m.labels as Record<string, unknown>).map(([k, v]) => [k, String(v)])) : undefined,
    severities: Array.isArray(m.severities) ? (m.severities as Severity[]) : undefined,
  }
  checkRegex(match.dedupKeyPattern, 'match.dedupKeyPattern', errors)
  checkRegex(match.summaryPattern, 'match.summaryPattern', errors)
  match.severities?.forEach((s, i) => {
    if (!SEVERITIES.includes(s)) errors.add(`match.severities[${i}]`, `must be one of ${SEVERITIES.join(', ')}`)
  })
  if (Object.values(match).every((v) => v === undefined)) errors.add('match', 'must have at least one condition: a rule that matches every alert would mute the service')
  const action = await normalizeAction(db, serviceId, input.action ?? {}, errors)
  const mode = input.mode ?? 'before'
  if (mode !== 'before' && mode !== 'parallel') errors.add('mode', 'must be before (hold the page while mitigating) or parallel')
  const verifyMinutes = input.verifyMinutes ?? DEFAULT_VERIFY_MINUTES
  if (!Number.isInteger(verifyMinutes) || verifyMinutes < 1 || verifyMinutes > 120) errors.add('verifyMinutes', 'must be a whole number of minutes from 1 to 120')
  const loopGuard = { maxRuns: input.loopGuard?.maxRuns ?? DEFAULT_LOOP_GUARD.maxRuns, perMinutes: input.loopGuard?.perMinutes ?? DEFAULT_LOOP_GUARD.perMinutes }
  if (!Number.isInteger(loopGuard.maxRuns) || loopGuard.maxRuns < 1 || loopGuard.maxRuns > 50) errors.add('loopGuard.maxRuns', 'must be from 1 to 50')
  if (!Number.isInteger(loopGuard.perMinutes) || loopGuard.perMinutes < 1 || loopGuard.perMinutes > 10_080) errors.add('loopGuard.perMinutes', 'must be from 1 to 10080 (a week)')
  const followUpWebhookUrl = input.followUpWebhookUrl ?? null
  if (followUpWebhookUrl !== null && !/^https?:\/\//.test(followUpWebhookUrl)) errors.add('followUpWebhookUrl', 'must be an http(s) URL')
  errors.throwIfAny()
  return { name, body: { match, action: action as MitigationAction, mode: mode as 'before' | 'parallel', verifyMinutes, loopGuard }, followUpWebhookUrl }
}

async function normalizeAction(db: Db, serviceId: string, a: Record<string, unknown>, errors: FieldErrors): Promise<MitigationAction | null> {
  const timeoutSeconds = a['timeoutSeconds'] === undefined ? 60 : a['timeoutSeconds']
  if (typeof timeoutSeconds !== 'number' || !Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 900) errors.add('action.timeoutSeconds', 'must be a whole number of seconds from 1 to 900')
  if (a['type'] === 'http') {
    const url = str(a['url'])
    if (url === undefined || !/^https?:\/\//.test(url)) errors.add('action.url', 'must be an http(s) URL (placeholders like {{alert.labels.instance}} allowed)')
    const method = (a['method'] ?? 'POST') as string
    if (!['POST', 'PUT', 'GET', 'DELETE'].includes(method)) errors.add('action.method', 'must be POST, PUT, GET or DELETE')
    return { type: 'http', method: method as 'POST', url: url ?? '', body: a['body'], timeoutSeconds: timeoutSeconds as number }
  }
  if (a['type'] === 'agent') {
    const agentId = str(a['agentId'])
    const command = str(a['command'])
    const service = await db.selectFrom('services').select('team_id').where('id', '=', serviceId).executeTakeFirst()
    const agent = agentId === undefined ? undefined : await db.selectFrom('agents').select('team_id').where('id', '=', agentId).executeTakeFirst()
    if (agent === undefined) errors.add('action.agentId', `no agent ${agentId ?? '(missing)'}; register one with POST /api/v1/teams/<team>/agents`)
    else if (agent.team_id !== service?.team_id) errors.add('action.agentId', "must be an agent of the service's own team")
    if (command === undefined || !/^[A-Za-z0-9_.-]{1,64}$/.test(command)) errors.add('action.command', "must be the name of a command in the agent's allow-list (letters, digits, . _ -), never a shell string")
    return { type: 'agent', agentId: agentId ?? '', command: command ?? '', timeoutSeconds: timeoutSeconds as number }
  }
  errors.add('action.type', 'must be http or agent')
  return null
}

export async function createRule(ctx: CommandCtx, serviceId: string, input: RuleInput): Promise<{ rule: MitigationRule; signingSecret: string }> {
  const r = await normalizeRule(ctx.db, serviceId, input)
  const id = newId()
  const signingSecret = `whsec_${randomToken(32)}`
  await ctx.db
    .insertInto('mitigation_rules')
    .values({
      id,
      service_id: serviceId,
      name: r.name,
      rule_json: JSON.stringify(r.body),
      secrets_sealed: ctx.secrets.encrypt(JSON.stringify({ signingSecret, followUpWebhookUrl: r.followUpWebhookUrl } satisfies Secrets)),
      paused: input.paused === true ? 1 : 0,
      // A new rule starts in dry-run unless asked otherwise: it shows what it would do first.
      dry_run: input.dryRun === false ? 0 : 1,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute()
  const rule = await getRule(ctx.db, id)
  const teamId = (await ctx.db.selectFrom('services').select('team_id').where('id', '=', serviceId).executeTakeFirst())?.team_id ?? null
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'mitigation_rule.create', entityType: 'mitigation_rule', entityId: id, teamId, after: rule })
  return { rule, signingSecret }
}

export async function updateRule(ctx: CommandCtx, id: string, patch: RuleInput): Promise<MitigationRule> {
  const before = await getRule(ctx.db, id)
  const secrets = await ruleSecrets(ctx, id)
  const r = await normalizeRule(ctx.db, before.serviceId, {
    name: patch.name ?? before.name,
    match: patch.match ?? (before.match as RuleInput['match']),
    action: patch.action ?? (before.action as unknown as Record<string, unknown>),
    mode: patch.mode ?? before.mode,
    verifyMinutes: patch.verifyMinutes ?? before.verifyMinutes,
    loopGuard: patch.loopGuard ?? before.loopGuard,
    followUpWebhookUrl: patch.followUpWebhookUrl === undefined ? secrets.followUpWebhookUrl : patch.followUpWebhookUrl,
  })
  await ctx.db
    .updateTable('mitigation_rules')
    .set({
      name: r.name,
      rule_json: JSON.stringify(r.body),
      secrets_sealed: ctx.secrets.encrypt(JSON.stringify({ signingSecret: secrets.signingSecret, followUpWebhookUrl: r.followUpWebhookUrl })),
      paused: (patch.paused ?? before.paused) ? 1 : 0,
      dry_run: (patch.dryRun ?? before.dryRun) ? 1 : 0,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute()
  const after = await getRule(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'mitigation_rule.update', entityType: 'mitigation_rule', entityId: id, before, after })
  return after
}

export async function deleteRule(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getRule(ctx.db, id)
  await ctx.db.deleteFrom('mitigation_rules').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'mitigation_rule.delete', entityType: 'mitigation_rule', entityId: id, before })
}
