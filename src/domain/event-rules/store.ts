import { AppError, FieldErrors, notFound, validationError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import type { Instant } from '../../lib/time/index.js'
import { preparedQuery, type Db, type EventRulesTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { findService } from '../services/index.js'
import type { EventRule } from './model.js'
import { normalizeEventRule, type EventRuleInput } from './normalize.js'

/** A stored event rule: its place in the service's list, a name, and the validated rule. */
export interface StoredEventRule {
  readonly id: string
  readonly serviceId: string
  /** 0-based place in the service's list; the first matching rule decides. */
  readonly position: number
  readonly name: string
  readonly rule: EventRule
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

/** An event rule as received by the API. */
export interface EventRuleBody extends Omit<EventRuleInput, 'id'> {
  readonly name?: string | undefined
  /** Where to insert it (0 = first); the end by default. */
  readonly position?: number | undefined
}

interface RuleJson {
  readonly name: string
  readonly conditions: EventRule['conditions']
  readonly actions: EventRule['actions']
}

export function eventRuleFromRow(r: EventRulesTable): StoredEventRule {
  const json = JSON.parse(r.rule_json) as RuleJson
  return {
    id: r.id,
    serviceId: r.service_id,
    position: r.position,
    name: json.name,
    rule: { id: r.id, disabled: r.enabled !== 1, conditions: json.conditions, actions: json.actions },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** A service's event rules in evaluation order. */
export async function listEventRules(db: Db, serviceId: string): Promise<StoredEventRule[]> {
  const rows = await selectServiceRules(db, serviceId)
  return rows.map(eventRuleFromRow)
}

/** Read for every inbound event, so prepared once. */
const selectServiceRules = preparedQuery('event rules of a service', (db, serviceId: string) =>
  db.selectFrom('event_rules').selectAll().where('service_id', '=', serviceId).orderBy('position').orderBy('created_at'),
)

export async function getEventRule(db: Db, id: string): Promise<StoredEventRule> {
  const row = await db.selectFrom('event_rules').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('event rule', id)
  return eventRuleFromRow(row)
}

/** Validates a rule body (name, conditions, actions, a route target that exists). */
async function validate(db: Db, id: string, serviceId: string, body: EventRuleBody): Promise<{ name: string; rule: EventRule }> {
  const errors = new FieldErrors()
  const name = (body.name ?? '').trim()
  if (name.length > 100) errors.add('name', 'at most 100 characters')
  let rule: EventRule | null = null
  try {
    rule = normalizeEventRule({ id, disabled: body.disabled, conditions: body.conditions, actions: body.actions })
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'E_VALIDATION') throw err
    for (const f of err.fields) errors.add(f.field, f.reason)
  }
  const routeTo = rule?.actions.routeTo ?? null
  let routed: string | null = null
  if (routeTo !== null) {
    const target = await findService(db, routeTo)
    if (target === null) errors.add('actions.routeTo', `service ${routeTo} does not exist`)
    else if (target.id === serviceId) errors.add('actions.routeTo', 'routes to the service the rule belongs to; name another service')
    else routed = target.id
  }
  errors.throwIfAny()
  const valid = rule as EventRule
  return { name: name === '' ? describeRule(valid) : name, rule: routed === null ? valid : { ...valid, actions: { ...valid.actions, routeTo: routed } } }
}

/** A default name from what the rule does. */
function describeRule(rule: EventRule): string {
  const a = rule.actions
  const parts: string[] = []
  if (a.suppress) parts.push('suppress')
  if (a.setUrgency !== null) parts.push(`${a.setUrgency} urgency`)
  if (a.routeTo !== null) parts.push('route')
  if (a.pageIfFires !== null) parts.push(`page after ${a.pageIfFires.times} in ${a.pageIfFires.withinMinutes} min`)
  if (a.pageIfStillOpenAfter !== null) parts.push(`page if open after ${a.pageIfStillOpenAfter.minutes} min`)
  return parts.join(', ')
}

const toJson = (name: string, rule: EventRule): string => JSON.stringify({ name, conditions: rule.conditions, actions: rule.actions } satisfies RuleJson)

async function renumber(db: Db, serviceId: string, orderedIds: readonly string[], now: Instant): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db.updateTable('event_rules').set({ position, updated_at: now }).where('id', '=', id).where('service_id', '=', serviceId).execute()
  }
}

/** Adds a rule to a service's list (at `position`, else last). */
export async function createEventRule(ctx: CommandCtx, serviceId: string, body: EventRuleBody): Promise<StoredEventRule> {
  const id = newId()
  const { name, rule } = await validate(ctx.db, id, serviceId, body)
  const existing = await listEventRules(ctx.db, serviceId)
  const at = body.position === undefined ? existing.length : body.position
  if (!Number.isInteger(at) || at < 0 || at > existing.length) throw validationError([{ field: 'position', reason: `must be a whole number from 0 to ${existing.length}` }])
  await ctx.db
    .insertInto('event_rules')
    .values({ id, service_id: serviceId, position: at, rule_json: toJson(name, rule), enabled: rule.disabled ? 0 : 1, created_at: ctx.now, updated_at: ctx.now })
    .execute()
  const order = existing.map((r) => r.id)
  order.splice(at, 0, id)
  await renumber(ctx.db, serviceId, order, ctx.now)
  const created = await getEventRule(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'event_rule.create', entityType: 'event_rule', entityId: id, after: created })
  return created
}

/** Replaces a rule's name, conditions, actions or enabled flag (fields not given are kept). */
export async function updateEventRule(ctx: CommandCtx, id: string, patch: EventRuleBody): Promise<StoredEventRule> {
  const before = await getEventRule(ctx.db, id)
  const { name, rule } = await validate(ctx.db, id, before.serviceId, {
    name: patch.name ?? before.name,
    disabled: patch.disabled ?? before.rule.disabled,
    conditions: patch.conditions ?? (before.rule.conditions as EventRuleInput['conditions']),
    actions: patch.actions ?? before.rule.actions,
  })
  await ctx.db.updateTable('event_rules').set({ rule_json: toJson(name, rule), enabled: rule.disabled ? 0 : 1, updated_at: ctx.now }).where('id', '=', id).execute()
  if (patch.position !== undefined && patch.position !== before.position) {
    const order = (await listEventRules(ctx.db, before.serviceId)).map((r) => r.id).filter((r) => r !== id)
    if (!Number.isInteger(patch.position) || patch.position < 0 || patch.position > order.length) {
      throw validationError([{ field: 'position', reason: `must be a whole number from 0 to ${order.length}` }])
    }
    order.splice(patch.position, 0, id)
    await renumber(ctx.db, before.serviceId, order, ctx.now)
  }
  const after = await getEventRule(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'event_rule.update', entityType: 'event_rule', entityId: id, before, after })
  return after
}

export async function deleteEventRule(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getEventRule(ctx.db, id)
  await ctx.db.deleteFrom('event_rules').where('id', '=', id).execute()
  await renumber(ctx.db, before.serviceId, (await listEventRules(ctx.db, before.serviceId)).map((r) => r.id), ctx.now)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'event_rule.delete', entityType: 'event_rule', entityId: id, before })
}

/** Puts a service's rules in the given order; `ids` must list each of its rules exactly once. */
export async function reorderEventRules(ctx: CommandCtx, serviceId: string, ids: readonly string[]): Promise<StoredEventRule[]> {
  const before = await listEventRules(ctx.db, serviceId)
  const known = new Set(before.map((r) => r.id))
  const errors = new FieldErrors()
  ids.forEach((id, i) => {
    if (!known.has(id)) errors.add(`ids[${i}]`, `rule ${id} is not one of this service's event rules`)
  })
  if (new Set(ids).size !== ids.length) errors.add('ids', 'lists a rule more than once')
  const missing = before.filter((r) => !ids.includes(r.id))
  if (missing.length > 0) errors.add('ids', `must list every rule of the service; missing ${missing.map((r) => r.id).join(', ')}`)
  errors.throwIfAny()
  await renumber(ctx.db, serviceId, ids, ctx.now)
  const after = await listEventRules(ctx.db, serviceId)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'event_rule.reorder', entityType: 'service', entityId: serviceId, before: before.map((r) => r.id), after: after.map((r) => r.id) })
  return after
}
