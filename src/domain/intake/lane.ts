/**
 * Set-based intake for one transaction's worth of ingest jobs (a lane). Most events in a burst
 * are plain triggers: a new key that opens an alert, or a repeat that joins one, on a service
 * with no event rule and no maintenance window. Their lookups are made once for the whole lane
 * (open alerts, rules, held resolves, flap history, maintenance, mitigation rules: one statement,
 * unionFacts), and the rows they write (alerts, timeline, events) go out in multi-row inserts.
 * On PostgreSQL that turns about eight round trips per event into a handful per lane.
 *
 * Any other event (acknowledge, resolve, a ruled or flapping trigger, a key seen twice in the
 * lane, a service in maintenance) takes the one-event path, after the rows gathered so far are
 * written, so it sees everything before it exactly as if the lane had run event by event.
 */
import type { CompiledQuery, Insertable } from 'kysely'
import type { Instant } from '../../lib/time/index.js'
import { executeAtomically, executeTogether, insertRowsQueries, unionFacts, type AlertLogTable, type AlertsTable, type Db, type EventsTable, type FactRow, type Tx } from '../../storage/index.js'
import { joinAlert, newAlertRows, openAlertLookup, serviceDedupKey, type AlertEvent, type EventResult } from '../alerts/index.js'
import { foldPlainTriggers, plainTriggerLookup, RULED_SOURCES } from '../event-rules/index.js'
import { maintenanceLookup } from '../maintenance/index.js'
import { CHECKED_NO_RULE, mitigationLookup } from '../mitigation/index.js'
import { configGenerationLookup } from '../paging/index.js'
import type { IngestJob } from './ingestor.js'

/**
 * Sources whose new alerts a maintenance window holds: the inbound monitoring sources, the same
 * ones event rules shape. Manual and system pages always go out.
 */
export const HELD_IN_MAINTENANCE: ReadonlySet<string> = RULED_SOURCES

/** Rows gathered for the lane's multi-row inserts, written in foreign-key order (one statement on PostgreSQL). */
export class PendingRows {
  alerts: Insertable<AlertsTable>[] = []
  log: Insertable<AlertLogTable>[] = []
  events: Insertable<EventsTable>[] = []
  /** Outbox inserts of alerts fired as they are stored (fireOnArrival); they follow the alerts and timeline rows. */
  outbox: CompiledQuery[] = []

  /** Writes the rows gathered so far in the caller's transaction. */
  async flush(trx: Tx): Promise<void> {
    await executeTogether(trx, this.#take(trx))
  }

  /** Writes the rows gathered, all or none, outside a transaction (one statement on PostgreSQL). */
  async writeAtomically(db: Db): Promise<void> {
    await executeAtomically(db, this.#take(db))
  }

  #take(db: Db): CompiledQuery[] {
    const queries = [...insertRowsQueries(db, 'alerts', this.alerts), ...insertRowsQueries(db, 'alert_log', this.log), ...this.outbox, ...insertRowsQueries(db, 'events', this.events)]
    this.alerts = []
    this.log = []
    this.events = []
    this.outbox = []
    return queries
  }
}

/** What one bulk read tells about a lane's triggers, at its instant. */
export interface LaneFacts {
  /**
   * The plain path for this event, or null when it must take the one-event path. `db`: the
   * lane's transaction (a repeat joins its alert there); a lane that only opens alerts writes
   * nothing here and may pass the database.
   */
  applyPlain(db: Db, job: IngestJob, event: AlertEvent, rows: PendingRows): Promise<EventResult | null>
  /** Whether every event of the lane opens a new alert on the plain path (then applyPlain reads and writes nothing). */
  readonly opensOnly: boolean
  /** The configuration counter, when asked for (readLaneFacts' `withConfig`) and on record. */
  readonly configGeneration: number | null
}

/** (service, dedup key) pairs per lookup statement: inside both engines' bound-parameter limits. */
const PAIRS_PER_LOOKUP = 500

/**
 * Reads what the lane's plain triggers need with one statement per PAIRS_PER_LOOKUP triggers
 * (unionFacts): their open alerts, their services' event rules, held resolves and flap history
 * (ruled sources), maintenance windows and mitigation rules.
 */
export async function readLaneFacts(db: Db, now: Instant, jobs: readonly IngestJob[], opts: { readonly withConfig?: boolean } = {}): Promise<LaneFacts> {
  // A dedup key seen twice in the lane (on any service: a rule may route one service's key to
  // another) is applied event by event, so its events see each other's effects in order.
  const seen = new Map<string, number>()
  for (const job of jobs) for (const e of job.events) seen.set(e.dedupKey, (seen.get(e.dedupKey) ?? 0) + 1)
  const candidates = jobs.flatMap((job) =>
    job.events
      .filter((e) => e.action === 'trigger' && seen.get(e.dedupKey) === 1)
      .map((e) => ({ serviceId: job.service.id, dedupKey: e.dedupKey, ruled: RULED_SOURCES.has(job.sourceType), heldInMaintenance: HELD_IN_MAINTENANCE.has(job.sourceType) })),
  )
  if (candidates.length === 0) return { applyPlain: async () => null, opensOnly: false, configGeneration: null }
  const facts: FactRow[] = []
  for (let i = 0; i < candidates.length; i += PAIRS_PER_LOOKUP) {
    const chunk = candidates.slice(i, i + PAIRS_PER_LOOKUP)
    const ruled = chunk.filter((c) => c.ruled)
    const holdable = chunk.filter((c) => c.heldInMaintenance).map((c) => c.serviceId)
    const lookups = [openAlertLookup(chunk), mitigationLookup(chunk.map((c) => c.serviceId))]
    if (ruled.length > 0) lookups.push(plainTriggerLookup(now, ruled))
    if (holdable.length > 0) lookups.push(maintenanceLookup(now, holdable))
    if (opts.withConfig === true && i === 0) lookups.push(configGenerationLookup())
    facts.push(...(await unionFacts(db, lookups)))
  }
  // Open alerts by (service, key): the lookup matches services and keys separately, so a row
  // for a pair nobody asked about is never used (applyPlain asks only for its own pairs).
  const open = new Map(facts.filter((r) => r.kind === 'open').map((r) => [serviceDedupKey(r.service_id, r.dedup_key ?? ''), r.note ?? '']))
  const plain = foldPlainTriggers(facts, candidates.filter((c) => c.ruled))
  const maintained = new Set(facts.filter((r) => r.kind === 'maintenance').map((r) => r.service_id))
  const mitigated = new Set(facts.filter((r) => r.kind === 'mitigation').map((r) => r.service_id))
  const opens = (job: IngestJob, event: AlertEvent): boolean | null => {
    if (event.action !== 'trigger' || seen.get(event.dedupKey) !== 1) return null
    const found = open.has(serviceDedupKey(job.service.id, event.dedupKey))
    if (RULED_SOURCES.has(job.sourceType) && !plain.isPlain(job.service.id, event.dedupKey, !found)) return null
    if (found) return false
    if (HELD_IN_MAINTENANCE.has(job.sourceType) && maintained.has(job.service.id)) return null
    return true
  }
  const config = facts.find((r) => r.kind === 'config')
  return {
    configGeneration: config?.note === null || config?.note === undefined ? null : Number(config.note),
    opensOnly: jobs.every((job) => job.events.every((e) => opens(job, e) === true)),
    async applyPlain(db, job, event, rows) {
      const path = opens(job, event)
      if (path === null) return null
      const service = job.service
      if (!path) {
        const found = open.get(serviceDedupKey(service.id, event.dedupKey)) ?? ''
        // Resolved since the lane read it: the one-event path opens a new alert.
        const joined = await joinAlert(db, now, job.actor, { id: found }, event)
        if (joined === null) return null
        rows.log.push(joined)
        return { alertId: found, outcome: 'deduplicated' }
      }
      const opened = newAlertRows(now, job.actor, service, event, {
        origin: job.origin,
        urgencyOverride: job.urgencyOverride,
        createdBy: job.createdBy ?? null,
        directTargets: job.directTargets ?? null,
      })
      // No mitigation rule on the service: checked now, so escalation need not wait for the module.
      rows.alerts.push({ ...opened.alert, mitigation_json: mitigated.has(service.id) ? null : CHECKED_NO_RULE })
      rows.log.push(opened.log)
      return { alertId: opened.alert.id, outcome: 'opened' }
    },
  }
}
