import { sql, type RawBuilder } from 'kysely'
import { NO_RANK, NO_TEXT, type FactLookup, type FactRow } from '../../storage/index.js'
import type { PagingCtx } from './context.js'
import { memoized } from './memo.js'

/** Past this many entries the cache starts over (it holds a few per service and person). */
const MAX_ENTRIES = 20_000

/**
 * Paging configuration the engine read (services, teams, policies, schedules, people, their
 * rules and contact methods), kept between runs for as long as none of it changed. On
 * PostgreSQL every lookup is a round trip, and the first alert of each service in a run needed
 * about ten of them; now it needs none while the configuration stands still.
 *
 * Validity comes from `config_generation`, a counter triggers move on at every write to a
 * configuration table (migration 20261127180000), whoever writes. A caller passes the counter
 * as read in its own transaction before its lookups: what it then loads is at least that
 * fresh, so an entry is only handed to callers that read the same counter. A caller that read
 * a newer one empties the cache; one that read an older one (it began before a change) loads
 * for itself without keeping anything.
 */
export class ConfigCache {
  #generation = -1
  readonly #entries = new Map<string, unknown>()

  get<T>(generation: number, key: string, load: () => Promise<T>): Promise<T> {
    if (generation < this.#generation) return load()
    if (generation > this.#generation || this.#entries.size >= MAX_ENTRIES) {
      this.#entries.clear()
      this.#generation = generation
    }
    if (this.#entries.has(key)) return Promise.resolve(this.#entries.get(key) as T)
    // Only settled values are shared. A load runs on its caller's transaction: another
    // transaction waiting on it could wait on a connection or lock its own holder needs (the
    // caller's memo shares a load within one transaction). A failed load is not kept.
    return load().then((value) => {
      if (generation === this.#generation) this.#entries.set(key, value)
      return value
    })
  }
}

/** The cache and the counter a caller read in its transaction (PagingCtx.config). */
export interface ConfigView {
  readonly cache: ConfigCache
  readonly generation: number
}

/**
 * The configuration counter as a column, to read it with a statement the caller makes anyway
 * (the escalation claim, the outbox claim) instead of a round trip of its own.
 */
export const configGenerationColumn = (): RawBuilder<number> => sql<number>`(select n from config_generation where id = 1)`

/** The counter as a lookup for unionFacts: one row of kind `config`, the counter in `note`. */
export const configGenerationLookup = (): FactLookup => sql<FactRow>`select 'config' as kind, '' as service_id, ${NO_TEXT} as dedup_key, cast(n as text) as note, ${NO_RANK} as rank from config_generation where id = 1`

/**
 * The cache as valid for a counter read by the caller, or undefined without one (the counter's
 * row missing: then nothing is kept, rather than trusting a counter that cannot move).
 */
export function configView(cache: ConfigCache | undefined, generation: number | string | null | undefined): ConfigView | undefined {
  return cache === undefined || generation === null || generation === undefined ? undefined : { cache, generation: Number(generation) }
}

/** A configuration lookup: once per transaction (memo), and across runs through ctx.config while nothing changed. */
export function configured<T>(ctx: Pick<PagingCtx, 'memo' | 'config'>, key: string, load: () => Promise<T>): Promise<T> {
  const config = ctx.config
  return memoized(ctx, key, config === undefined ? load : () => config.cache.get(config.generation, key, load))
}

