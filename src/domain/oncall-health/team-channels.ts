/**
 * Team channels: where a team's notices go (sleep-in notices, reliefs, the pager budget, the
 * weekly report). Email, Slack or a signed webhook; the address is sealed with the instance's
 * secret box, as contact methods are, and a webhook gets its own signing secret, shown once.
 */
import { conflict, FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { randomToken, type SecretBox } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db, TeamChannelsTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { normalizeContactMethod } from '../users/index.js'

/** The kinds of team channel. */
export type TeamChannelType = 'email' | 'slack' | 'webhook'

/** Every team channel type, for validation. */
export const TEAM_CHANNEL_TYPES: readonly TeamChannelType[] = Object.freeze(['email', 'slack', 'webhook'])

/** The most channels one team may have: enough for every real need, bounded for the sender. */
export const MAX_TEAM_CHANNELS = 10

/** A team channel with its address opened (callers decide who may see it). */
export interface TeamChannel {
  readonly id: string
  readonly teamId: string
  readonly type: TeamChannelType
  readonly label: string
  readonly address: string
  readonly createdAt: Instant
}

/** A channel as received. */
export interface TeamChannelInput {
  readonly type?: string | undefined
  readonly address?: string | undefined
  readonly label?: string | undefined
}

function fromRow(r: TeamChannelsTable, secrets: SecretBox): TeamChannel {
  return { id: r.id, teamId: r.team_id, type: r.type as TeamChannelType, label: r.label, address: secrets.decrypt(r.address_sealed), createdAt: r.created_at }
}

/**
 * Returns the address with its secret part hidden, for people who may not see it whole: a URL
 * keeps its origin (the secret of a Slack or webhook URL is in its path), an email address its
 * first letter and domain. "https://hooks.slack.com/…Xy12", "o…@example.com".
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@')
  if (!address.includes('://') && at > 0) return `${address[0] ?? ''}…${address.slice(at)}`
  try {
    const u = new URL(address)
    return `${u.origin}/…${address.length > u.origin.length + 8 ? address.slice(-4) : ''}`
  } catch {
    return '…'
  }
}

/** Lists a team's channels, oldest first. */
export async function listTeamChannels(db: Db, secrets: SecretBox, teamId: string): Promise<TeamChannel[]> {
  const rows = await db.selectFrom('team_channels').selectAll().where('team_id', '=', teamId).orderBy('created_at').orderBy('id').execute()
  return rows.map((r) => fromRow(r, secrets))
}

/** Loads one channel of a team, or throws E_NOT_FOUND. */
export async function getTeamChannel(db: Db, secrets: SecretBox, teamId: string, id: string): Promise<TeamChannel> {
  const row = await db.selectFrom('team_channels').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('team channel', id)
  return fromRow(row, secrets)
}

/** Validates a channel: type, address (as contact methods validate theirs) and label. */
function normalizeChannel(input: TeamChannelInput): { type: TeamChannelType; address: string; label: string } {
  const errors = new FieldErrors()
  const type = input.type as TeamChannelType
  if (!TEAM_CHANNEL_TYPES.includes(type)) errors.add('type', `must be one of ${TEAM_CHANNEL_TYPES.join(', ')}, got ${JSON.stringify(input.type ?? null)}`)
  if (input.address === undefined || input.address.trim() === '') errors.add('address', 'is required')
  errors.throwIfAny()
  const cm = normalizeContactMethod({ type, address: input.address ?? '', label: input.label })
  return { type, address: cm.address, label: cm.label }
}

/** Adds a channel; a webhook's signing secret is returned once. */
export async function createTeamChannel(ctx: CommandCtx, teamId: string, input: TeamChannelInput): Promise<TeamChannel & { signingSecret?: string }> {
  const ch = normalizeChannel(input)
  const count = await ctx.db.selectFrom('team_channels').select((eb) => eb.fn.countAll<number>().as('n')).where('team_id', '=', teamId).executeTakeFirstOrThrow()
  if (Number(count.n) >= MAX_TEAM_CHANNELS) throw conflict(`a team has at most ${MAX_TEAM_CHANNELS} channels; remove one first`)
  const id = newId()
  const signingSecret = ch.type === 'webhook' ? `whsec_${randomToken(32)}` : undefined
  await ctx.db
    .insertInto('team_channels')
    .values({
      id,
      team_id: teamId,
      type: ch.type,
      label: ch.label,
      address_sealed: ctx.secrets.encrypt(ch.address),
      signing_secret_sealed: signingSecret === undefined ? null : ctx.secrets.encrypt(signingSecret),
      created_at: ctx.now,
    })
    .execute()
  const channel = await getTeamChannel(ctx.db, ctx.secrets, teamId, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.channel.create', entityType: 'team_channel', entityId: id, teamId, after: redact(channel) })
  return signingSecret === undefined ? channel : { ...channel, signingSecret }
}

/** Changes a channel's label or address (the type is fixed: add a new channel to change it). */
export async function updateTeamChannel(ctx: CommandCtx, teamId: string, id: string, input: { label?: string | undefined; address?: string | undefined }): Promise<TeamChannel> {
  const before = await getTeamChannel(ctx.db, ctx.secrets, teamId, id)
  const ch = normalizeChannel({ type: before.type, address: input.address ?? before.address, label: input.label ?? before.label })
  await ctx.db.updateTable('team_channels').set({ label: ch.label, address_sealed: ctx.secrets.encrypt(ch.address) }).where('id', '=', id).execute()
  const after = await getTeamChannel(ctx.db, ctx.secrets, teamId, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.channel.update', entityType: 'team_channel', entityId: id, teamId, before: redact(before), after: redact(after) })
  return after
}

/** Removes a channel; messages still queued for it are dropped with it. */
export async function deleteTeamChannel(ctx: CommandCtx, teamId: string, id: string): Promise<void> {
  const before = await getTeamChannel(ctx.db, ctx.secrets, teamId, id)
  await ctx.db.deleteFrom('team_channels').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.channel.delete', entityType: 'team_channel', entityId: id, teamId, before: redact(before) })
}

/** The audit log never holds a channel's address whole. */
function redact(c: TeamChannel): Omit<TeamChannel, 'address'> & { address: string } {
  return { ...c, address: maskAddress(c.address) }
}
