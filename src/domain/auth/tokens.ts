import { AppError, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { hashSecret, randomToken } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { recordAudit, type Actor } from '../audit/index.js'
import type { Principal, TeamRole } from './principal.js'

/** Personal API tokens look like `tend_pat_<32 base62>`; the prefix makes leaked ones greppable. */
export const TOKEN_PREFIX = 'tend_pat_'

export interface ApiTokenInfo {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly prefix: string
  readonly createdAt: Instant
  readonly lastUsedAt: Instant | null
  readonly expiresAt: Instant | null
}

/** Creates a token for a user and returns the secret once; only its hash is stored. */
export async function createApiToken(
  db: Db,
  now: Instant,
  actor: Actor,
  input: { userId: string; name: string; expiresAt?: Instant | null; secret?: string },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = input.secret ?? `${TOKEN_PREFIX}${randomToken(32)}`
  const id = newId()
  const prefix = token.slice(0, TOKEN_PREFIX.length + 4)
  await db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: input.userId,
      name: input.name,
      token_hash: hashSecret(token),
      token_prefix: prefix,
      created_at: now,
      last_used_at: null,
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
    })
    .execute()
  const info: ApiTokenInfo = { id, userId: input.userId, name: input.name, prefix, createdAt: now, lastUsedAt: null, expiresAt: input.expiresAt ?? null }
  await recordAudit(db, now, { actor, action: 'api_token.create', entityType: 'api_token', entityId: id, after: info })
  return { token, info }
}

/** Lists a user's live tokens (never the secrets). */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at').execute()
  return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, prefix: r.token_prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at }))
}

/** Revokes a token; a revoked token fails authentication at once. */
export async function revokeApiToken(db: Db, now: Instant, actor: Actor, userId: string, tokenId: string): Promise<void> {
  const res = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  if (Number(res.numUpdatedRows) === 0) throw notFound('API token', tokenId)
  await recordAudit(db, now, { actor, action: 'api_token.revoke', entityType: 'api_token', entityId: tokenId })
}

/** Resolves a bearer token to its principal, or null when unknown, revoked or expired. */
export async function authenticateToken(db: Db, token: string, now: Instant): Promise<Principal | null> {
  if (token.length < 20 || token.length > 200) return null
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as token_id', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at', 'users.id as user_id', 'users.name', 'users.email', 'users.is_admin'])
    .where('api_tokens.token_hash', '=', hashSecret(token))
    .executeTakeFirst()
  if (row === undefined || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return null
  // Write last-use at most once a minute: a write per request would serialize reads on SQLite.
  if (row.last_used_at === null || now - row.last_used_at > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute()
  }
  return loadPrincipal(db, row.user_id)
}

/** Loads a user's principal (roles included), or null when the user does not exist. */
export async function loadPrincipal(db: Db, userId: string): Promise<Principal | null> {
  const user = await db.selectFrom('users').select(['id', 'name', 'email', 'is_admin']).where('id', '=', userId).executeTakeFirst()
  if (user === undefined) return null
  const roles = await db.selectFrom('team_members').select(['team_id', 'role']).where('user_id', '=', userId).execute()
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.is_admin === 1,
    teamRoles: new Map(roles.map((r) => [r.team_id, r.role as TeamRole])),
  }
}

/** Thrown by the HTTP layer when no valid credentials were presented. */
export const unauthenticated = (why: string): AppError => new AppError('E_UNAUTHENTICATED', why)
