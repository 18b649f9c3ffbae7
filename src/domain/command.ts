import type { SecretBox } from '../lib/secrets.js'
import type { Instant } from '../lib/time/index.js'
import type { Db } from '../storage/index.js'
import type { Actor } from './audit/index.js'

/**
 * What a domain command needs: a database handle (the caller's transaction, so the change and
 * its audit record commit together), the instant it happens at, who does it, and the secret box.
 */
export interface CommandCtx {
  readonly db: Db
  readonly now: Instant
  readonly actor: Actor
  readonly secrets: SecretBox
}
