import type { Instant } from '../../lib/time/index.js'

/** How long a first page read from the database is trusted without reading it again. */
const TRUST_MS = 1_000
/** Past this many entries the cache starts over (one per person and service paged lately). */
const MAX_ENTRIES = 10_000

/**
 * When each person was first paged for each service in the bundle window, as lately read from
 * the database, for firings on arrival (fire-on-arrival.ts). A storm's intake lanes are small
 * and many, and each would read the same row; one read a second serves them all. Only pages
 * found are kept: a page that exists opens the window for every alert after it (planNotifications
 * still checks that the window has not closed), while "none yet" changes with the next commit.
 * A page that failed within the second is still counted for that second.
 */
export class FirstPages {
  readonly #seen = new Map<string, { readonly at: Instant; readonly readAt: Instant }>()

  get(userId: string, serviceId: string, now: Instant): Instant | undefined {
    const entry = this.#seen.get(`${userId}:${serviceId}`)
    return entry === undefined || now < entry.readAt || now - entry.readAt > TRUST_MS ? undefined : entry.at
  }

  remember(userId: string, serviceId: string, at: Instant, readAt: Instant): void {
    if (this.#seen.size >= MAX_ENTRIES) this.#seen.clear()
    this.#seen.set(`${userId}:${serviceId}`, { at, readAt })
  }
}
