import { recordAudit, SYSTEM_ACTOR } from '../domain/audit/index.js'
import { createApiToken } from '../domain/auth/index.js'
import { createUser } from '../domain/users/index.js'
import { hashSecret, type SecretBox } from '../lib/secrets.js'
import type { Instant } from '../lib/time/index.js'
import type { Storage } from '../storage/index.js'

export interface BootstrapResult {
  /** The admin token to print, when one was created now (null when the database already had it). */
  readonly newToken: string | null
  readonly adminEmail: string | null
}

/**
 * Makes sure a fresh installation can be used: on an empty database it creates the first
 * administrator and an API token (TEND_BOOTSTRAP_TOKEN when given, else generated). A given
 * bootstrap token that is not yet known is attached to the oldest administrator, so
 * automation can rely on it across restarts; it is stored hashed like every token.
 */
export async function bootstrapAdmin(storage: Storage, secrets: SecretBox, now: Instant, bootstrapToken: string | null): Promise<BootstrapResult> {
  return storage.db.transaction().execute(async (trx) => {
    const ctx = { db: trx, now, actor: { userId: null, label: 'system:bootstrap' }, secrets }
    if (bootstrapToken !== null) {
      const known = await trx.selectFrom('api_tokens').select('id').where('token_hash', '=', hashSecret(bootstrapToken)).executeTakeFirst()
      if (known !== undefined) return { newToken: null, adminEmail: null }
    }
    let admin = await trx.selectFrom('users').select(['id', 'email']).where('is_admin', '=', 1).orderBy('created_at').executeTakeFirst()
    const anyUser = await trx.selectFrom('users').select('id').executeTakeFirst()
    if (admin === undefined && anyUser !== undefined && bootstrapToken === null) return { newToken: null, adminEmail: null }
    if (admin === undefined) {
      const user = await createUser(ctx, { name: 'Administrator', email: 'admin@tend.localhost', timeZone: 'UTC', isAdmin: true })
      admin = { id: user.id, email: user.email }
    } else if (bootstrapToken === null) {
      return { newToken: null, adminEmail: null }
    }
    const created = await createApiToken(trx, now, ctx.actor, { userId: admin.id, name: 'bootstrap', ...(bootstrapToken === null ? {} : { secret: bootstrapToken }) })
    await recordAudit(trx, now, { actor: SYSTEM_ACTOR, action: 'bootstrap.admin_token', entityType: 'user', entityId: admin.id })
    return { newToken: created.token, adminEmail: admin.email }
  })
}
