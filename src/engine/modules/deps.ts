import type { ChannelRegistry, LinkSigner } from '../../domain/notify/index.js'
import type { SecretBox } from '../../lib/secrets.js'

/** What the paging modules need besides storage, clock and log. */
export interface PagingDeps {
  readonly secrets: SecretBox
  readonly links: LinkSigner
  readonly channels: ChannelRegistry
  readonly publicUrl: string
  readonly sendTimeoutMs: number
  /** Asks the outbox's track for a cycle soon (new messages were queued). */
  readonly wakeOutbox: () => void
}
