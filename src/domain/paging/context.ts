import type { SecretBox } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import type { LinkSigner } from '../notify/index.js'
import type { PagingMemo } from './memo.js'

/** What paging work needs: the transaction, the instant, secrets (addresses) and the link signer. */
export interface PagingCtx {
  readonly db: Db
  readonly now: Instant
  readonly secrets: SecretBox
  readonly links: LinkSigner
  readonly publicUrl: string
  /** Set by callers that fire many alerts in one transaction: shares lookups between them. */
  readonly memo?: PagingMemo
}

/** The engine acts as this actor in alert timelines. */
export const ENGINE_ACTOR = Object.freeze({ userId: null, label: 'Tend' })
