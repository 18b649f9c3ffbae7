import { FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { hashSecret } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
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
  readonly createdAt: Instant
}

const fromRow = (r: { id: string; service_id: string; name: string; type: string; key_prefix: string; created_at: number }): Integration => ({
  id: r.id,
  serviceId: r.service_id,
  name: r.name,
  type: r.type as IntegrationType,
  keyPrefix: r.key_prefix,
  createdAt: r.created_at,
})

/**
 * Creates an integration key for a service. Keys are 32 lowercase hex characters, the shape of a
 * PagerDuty routing key, so existing Events API clients accept them unchanged.
 */
export async function createIntegration(ctx: CommandCtx, serviceId: string, input: { name?: string | undefined; type?: string | undefined }): Promise<{ integration: Integration; key: string }> {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim() || 'Events API v2'
  if (name.length > 100) errors.add('name', 'must be at most 100 characters')
  const type = (input.type ?? 'events_v2') as IntegrationType
  if (!INTEGRATION_TYPES.includes(type)) errors.add('type', `must be one of ${INTEGRATION_TYPES.join(', ')}, got ${JSON.stringify(input.type)}`)
  errors.throwIfAny()
  const key = randomBytes(16).toString('hex')
  const id = newId()
  await ctx.db.insertInto('integrations').values({ id, service_id: serviceId, name, type, key_hash: hashSecret(key), key_prefix: key.slice(0, 6), created_at: ctx.now }).execute()
  const integration = fromRow({ id, service_id: serviceId, name, type, key_prefix: key.slice(0, 6), created_at: ctx.now })
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
