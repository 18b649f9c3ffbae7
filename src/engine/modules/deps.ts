import type { ChannelRegistry, LinkSigner } from '../../domain/notify/index.js'
import type { SecretBox } from '../../lib/secrets.js'
import type { ConfigCache } from '../../domain/paging/index.js'

/** What the paging modules need besides storage, clock and log. */
export interface PagingDeps {
  readonly secrets: SecretBox
  readonly links: LinkSigner
  readonly channels: ChannelRegistry
  readonly publicUrl: string
  readonly sendTimeoutMs: number
  /** Paging configuration kept across engine runs while it stands still (one per process). */
  readonly configCache: ConfigCache
  /** Asks the outbox's track for a cycle soon (new messages were queued). */
  readonly wakeOutbox: () => void
  /** Asks the main track (raise, mitigate, escalate) for another cycle soon: more was due than one run fires, or a run raised alerts. */
  readonly wakeEscalation: () => void
}
