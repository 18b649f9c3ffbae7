import { FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { hashSecret } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, IntegrationsTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { randomBytes } from 'node:crypto'

/** How an integration's events are read: PagerDuty Events v2, Alertmanager webhooks, or generic JSON. */
export type IntegrationType = 'events_v2' | 'alertmanager' | 'generic'

export const INTEGRATION_TYPES: readonly IntegrationType[] = ['events_v2', 'alertmanager', 'generic']

export interface Integration {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  readonly type: IntegrationType
  /** The first characters of the key, to recognise it; the key itself is shown only once. */
  readonly keyPrefix: string
  /** Forces every alert from this integration to one urgency; null = the service's severity rule. */
  readonly urgencyOverride: 'high' | 'low' | null
  /** Sustained events per minute accepted from this key (bursts up to the same number). */
  readonly rateLimitPerMinute: number
  readonly createdAt: Instant
}

/** PagerDuty accepts 120 events a minute per key; Tend allows more by default, per key. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200

const fromRow = (r: IntegrationsTable): Integration => ({
  id: r.id,
  serviceId: r.service_id,
  name: r.name,
  type: r.type as IntegrationType,
  keyPrefix: r.key_prefix,
  urgencyOverride: r.urgency_override === 'high' || r.urgency_override === 'low' ? r.urgency_override : null,
  rateLimitPerMinute: r.rate_limit_per_minute,
  createdAt: r.created_at,
})

/**
 * Creates an integration key for a service. Keys are 32 lowercase hex characters, the shape of a
 * PagerDuty routing key, so existing Events API clients accept them unchanged.
 */
export interface IntegrationInput {
  readonly name?: string | undefined
  readonly type?: string | undefined
  readonly urgencyOverride?: string | null | undefined
  readonly rateLimitPerMinute?: number | undefined
}

export async function createIntegration(ctx: CommandCtx, serviceId: string, input: IntegrationInput): Promise<{ integration: Integration; key: string }> {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim() || 'Events API v2'
  if (name.length > 100) errors.add('name', 'must be at most 100 characters')
  const type = (input.type ?? 'events_v2') as IntegrationType
  if (!INTEGRATION_TYPES.includes(type)) errors.add('type', `must be one of ${INTEGRATION_TYPES.join(', ')}, got ${JSON.stringify(input.type)}`)
  const urgencyOverride = input.urgencyOverride ?? null
  if (urgencyOverride !== null && urgencyOverride !== 'high' && urgencyOverride !== 'low') errors.add('urgencyOverride', 'must be high, low or null')
  const rateLimit = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > 1_000_000) errors.add('rateLimitPerMinute', 'must be a whole number from 1 to 1000000')
  errors.throwIfAny()
  const key = randomBytes(16).toString('hex')
  const id = newId()
  const row: IntegrationsTable = {
    id,
    service_id: serviceId,
    name,
    type,
    key_hash: hashSecret(key),
    key_prefix: key.slice(0, 6),
    created_at: ctx.now,
    urgency_override: urgencyOverride,
    rate_limit_per_minute: rateLimit,
  }
  await ctx.db.insertInto('integrations').values(row).execute()
  const integration = fromRow(row)
  const teamId = (await ctx.db.selectFrom('services').select('team_id').where('id', '=', serviceId).executeTakeFirst())?.team_id ?? null
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'integration.create', entityType: 'integration', entityId: id, teamId, after: integration })
  return { integration, key }
}

export async function listIntegrations(db: Db, serviceId: string): Promise<Integration[]> {
  return (await db.selectFrom('integrations').selectAll().where('service_id', '=', serviceId).orderBy('created_at').execute()).map(fromRow)
}

export async function deleteIntegration(ctx: CommandCtx, serviceId: string, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('integrations').selectAll().where('id', '=', id).where('service_id', '=', serviceId).executeTakeFirst()
  if (row === undefined) throw notFound('integration', id)
  await ctx.db.deleteFrom('integrations').where('id', '=', id).execute()
  const teamId = (await ctx.db.selectFrom('services').select('team_id').where('id', '=', serviceId).executeTakeFirst())?.team_id ?? null
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'integration.delete', entityType: 'integration', entityId: id, teamId, before: fromRow(row) })
}

/** Resolves an integration key (as sent in `routing_key`) to its integration, or null. */
export async function findIntegrationByKey(db: Db, key: string): Promise<Integration | null> {
  if (key.length < 8 || key.length > 128) return null
  const row = await db.selectFrom('integrations').selectAll().where('key_hash', '=', hashSecret(key)).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}
