import { findIntegrationByKey, getService, type Integration, type Service } from '../../../domain/services/index.js'
import type { Clock } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'

/** Integration lookups are cached briefly: the intake path runs per event, settings change rarely. */
const TTL_MS = 5_000

/** Resolves integration keys to their integration and service, with a short cache. */
export class IntegrationCache {
  readonly #entries = new Map<string, { value: { integration: Integration; service: Service } | null; expires: number }>()
  readonly #loading = new Map<string, Promise<{ integration: Integration; service: Service } | null>>()

  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async resolve(key: string): Promise<{ integration: Integration; service: Service } | null> {
    const now = this.clock.now()
    const hit = this.#entries.get(key)
    if (hit !== undefined && hit.expires > now) return hit.value
    // Concurrent misses for one key share one lookup: at start-up and at each expiry a burst of
    // events would otherwise queue one lookup each for the database (SQLite's one connection).
    const inFlight = this.#loading.get(key)
    if (inFlight !== undefined) return inFlight
    const loading = this.#load(key, now).finally(() => this.#loading.delete(key))
    this.#loading.set(key, loading)
    return loading
  }

  async #load(key: string, now: number): Promise<{ integration: Integration; service: Service } | null> {
    const integration = await findIntegrationByKey(this.db, key)
    const value = integration === null ? null : { integration, service: await getService(this.db, integration.serviceId) }
    if (this.#entries.size > 10_000) this.#entries.clear()
    this.#entries.set(key, { value, expires: now + TTL_MS })
    return value
  }
}
