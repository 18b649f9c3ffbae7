import type { CompiledQuery, Insertable } from 'kysely'
import { alertFromRow } from '../alerts/index.js'
import { notificationsQueries, type LinkSigner } from '../notify/index.js'
import { CHECKED_NO_RULE } from '../mitigation/index.js'
import type { SecretBox } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { AlertLogTable, AlertsTable, Db } from '../../storage/index.js'
import { newPagingWrites, NotQuietError, type FiringCtx } from './context.js'
import { configView, type ConfigCache } from './config-cache.js'
import { fireEscalation } from './fire-escalation.js'
import type { FirstPages } from './first-pages.js'

/** What firing alerts as they are stored needs from the process (as the engine's paging modules have). */
export interface ArrivalDeps {
  readonly secrets: SecretBox
  readonly links: LinkSigner
  readonly publicUrl: string
  readonly configCache: ConfigCache
  /** Told of a firing that failed (the engine then fires that alert, and meets the same error). */
  readonly onError: (err: unknown, alertId: string) => void
  /** The bundle follow-ups this process has seen stored (StoredBundles). */
  readonly storedBundles: StoredBundles
  /** First pages read lately (first-pages.ts). */
  readonly firstPages: FirstPages
}

/** Past this many keys the set starts over: a key is only needed for its five-minute window. */
const MAX_STORED_BUNDLES = 10_000

/**
 * Bundle follow-ups known to be committed, by idempotency key. Each alert joining a bundle
 * queues its follow-up again (stored once by its key), and on PostgreSQL a second insert of a key
 * another transaction holds uncommitted waits for that commit: the intake lanes of a storm on one
 * service would take turns on it. A lane leaves out follow-ups already stored. Callers add keys
 * only after the commit that stored them: a key added before could be rolled back, and the
 * follow-up lost.
 */
export class StoredBundles {
  readonly #keys = new Set<string>()

  has(key: string): boolean {
    return this.#keys.has(key)
  }

  add(keys: readonly string[]): void {
    if (this.#keys.size + keys.length > MAX_STORED_BUNDLES) this.#keys.clear()
    for (const k of keys) this.#keys.add(k)
  }
}

/** What firing on arrival adds to the rows being stored: timeline rows, and the outbox messages' inserts. */
export interface ArrivalWrites {
  readonly timeline: Insertable<AlertLogTable>[]
  readonly outbox: CompiledQuery[]
  /** The bundle follow-ups among them: add them to StoredBundles once the write has committed. */
  readonly bundleKeys: string[]
  /** Whether an alert is left for the engine: still due now, or not yet decided by mitigation. */
  leftForEngine: boolean
}

/** Whether the engine's next cycle has this new alert to decide (mitigation) or to fire. */
const engineWorkIn = (a: Insertable<AlertsTable>, now: Instant): boolean => a.mitigation_json === null || (typeof a.next_escalation_at === 'number' && a.next_escalation_at <= now)

/**
 * Fires the first escalation step of alerts being opened, in the transaction that stores them,
 * where that step only adds them to bundles already open: in an alert storm on a service,
 * every alert after the first page. The engine would otherwise claim each stored alert again,
 * fire it and rewrite its row with the next step: about a quarter of a storm's database work,
 * for a step that tells nobody anything yet. Here the next step goes straight into the row
 * (`alerts` is changed in place), the step's timeline rows and bundled messages are returned
 * for the same write, and nothing else changes.
 *
 * Only a firing that joins bundles is done here (FiringCtx.bundleOnly): a page, an update, a
 * held message or a person out of reach is left to the engine, which fires one service's alerts
 * in order. Intake lanes run side by side, and two of them paging for one service at once would
 * each page the person: the bundle window is opened by a page committed before, so joining it is
 * safe from any lane. An alert whose firing is refused, or fails, stays due and the engine fires
 * it as before.
 *
 * `generation`: the configuration counter as read by the caller's statement (config-cache.ts).
 */
export async function fireOnArrival(deps: ArrivalDeps, db: Db, now: Instant, generation: number | null, alerts: Insertable<AlertsTable>[]): Promise<ArrivalWrites> {
  const out: ArrivalWrites = { timeline: [], outbox: [], bundleKeys: [], leftForEngine: false }
  const candidates = alerts.filter((a) => a.status === 'triggered' && a.mitigation_json === CHECKED_NO_RULE && a.direct_targets_json === null && a.policy_id !== null && engineWorkIn(a, now))
  if (candidates.length > 0) await fireCandidates(deps, db, now, generation, candidates, out)
  out.leftForEngine = alerts.some((a) => engineWorkIn(a, now))
  return out
}

/** Fires each candidate in bundle-only mode; a refused or failed one is left as it was (due). */
async function fireCandidates(deps: ArrivalDeps, db: Db, now: Instant, generation: number | null, candidates: readonly Insertable<AlertsTable>[], out: ArrivalWrites): Promise<void> {
  const config = configView(deps.configCache, generation)
  const shared: Omit<FiringCtx, 'writes'> = { db, now, secrets: deps.secrets, links: deps.links, publicUrl: deps.publicUrl, memo: new Map(), bundleOnly: true, firstPages: deps.firstPages, ...(config === undefined ? {} : { config }) }
  const outbox: FiringCtx['writes']['outbox'] = []
  for (const row of candidates) {
    const writes = newPagingWrites()
    try {
      await fireEscalation({ ...shared, writes }, alertFromRow(row as AlertsTable))
    } catch (err) {
      if (!(err instanceof NotQuietError)) deps.onError(err, row.id as string)
      continue
    }
    const next = writes.moves.get(row.id as string)
    row.escalation_step = next?.step ?? row.escalation_step
    row.escalation_loop = next?.loop ?? row.escalation_loop
    row.next_escalation_at = next === undefined || next === null ? null : next.at
    out.timeline.push(...writes.timeline)
    for (const m of writes.outbox) {
      if (m.kind !== 'bundle') outbox.push(m)
      else if (!deps.storedBundles.has(m.idempotencyKey)) {
        outbox.push(m)
        out.bundleKeys.push(m.idempotencyKey)
      }
    }
  }
  out.outbox.push(...notificationsQueries(db, now, outbox))
}
