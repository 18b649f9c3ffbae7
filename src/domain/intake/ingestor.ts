import type { Logger } from 'pino'
import { newId } from '../../lib/ids.js'
import type { Insertable } from 'kysely'
import type { Clock, Instant } from '../../lib/time/index.js'
import type { Db, EventsTable, Storage, Tx } from '../../storage/index.js'
import { applyEvent, serviceDedupKey, type AlertEvent, type EventResult } from '../alerts/index.js'
import type { Actor } from '../audit/index.js'
import { withEventRules } from '../event-rules/index.js'
import { holdForMaintenance } from '../maintenance/index.js'
import type { Service } from '../services/index.js'
import type { Urgency } from '../users/index.js'
import { fireOnArrival, type ArrivalDeps } from '../paging/index.js'
import { HELD_IN_MAINTENANCE, PendingRows, readLaneFacts, type LaneFacts } from './lane.js'

/** One request's worth of events, all for one service. */
export interface IngestJob {
  readonly service: Service
  readonly integrationId: string | null
  readonly sourceType: 'events_v2' | 'alertmanager' | 'generic' | 'manual' | 'system'
  /** The body exactly as received, stored with each event. */
  readonly rawBody: string
  readonly events: readonly AlertEvent[]
  readonly actor: Actor
  readonly origin: string
  readonly urgencyOverride: Urgency | null
  readonly createdBy?: string | null
  readonly directTargets?: readonly string[] | null
}

/** Thrown past capacity (queue full, or events waiting too long): the caller answers 503 and the sender retries. */
export class IngestOverloadError extends Error {
  constructor(readonly queued: number, reason = `the event queue is full (${queued} waiting)`) {
    super(`${reason}; retry shortly`)
    this.name = 'IngestOverloadError'
  }
}

/**
 * Past this wait for the oldest queued event, new requests are refused (503) instead of queued:
 * the store is not keeping up, and a sender is better told to retry now than left waiting
 * towards its own timeout, where it cannot tell whether the event was stored.
 */
export const MAX_QUEUE_WAIT_MS = 2_000

const MAINTENANCE_ACTOR = Object.freeze({ userId: null, label: 'Tend maintenance' })

/** Transactions one flush runs at most at once on PostgreSQL (the pool holds 10 connections). */
const POSTGRES_LANES = 4
/**
 * A lane costs about ten round trips however many jobs it holds (lane.ts), so a batch is split
 * only once each lane gets this many: at a steady 1,000 events/s batches are small, and four
 * lanes would quadruple the statements for nothing.
 */
const JOBS_PER_LANE = 32

/** Flushes at once at most (PostgreSQL): with four lanes each, two fill most of the pool's ten connections. */
const MAX_FLUSHES = 2
/** Queued jobs that let a second flush start beside the first; at 1,000 events/s the queue stays below it. */
const OVERLAP_BACKLOG = 16

/** What orders a job's events against other jobs': its service and each event's dedup key. */
const jobKeys = (job: IngestJob): string[] => job.events.map((e) => serviceDedupKey(job.service.id, e.dedupKey))

/** A job's lane: by its service and first dedup key (FNV-1a), so one key always takes one lane. */
function laneOf(job: IngestJob, lanes: number): number {
  const key = serviceDedupKey(job.service.id, job.events[0]?.dedupKey ?? '')
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % lanes
}

export interface IngestorOptions {
  /** Past this wait for the oldest queued event, new requests are refused (default MAX_QUEUE_WAIT_MS). */
  readonly maxWaitMs?: number
  /** The monotonic clock queue waits are measured on (tests pass their own). */
  readonly monotonicNow?: () => number
  /** Set to fire new alerts' first step as they are stored, where it only joins open bundles (fire-on-arrival.ts). */
  readonly fireOnArrival?: ArrivalDeps
}

/** What firing on arrival did in a lane. */
interface Arrivals {
  /** Bundle follow-ups queued: known stored once the lane commits (StoredBundles). */
  readonly bundleKeys: string[]
  /**
   * Whether the lane left the engine anything to do: an alert still due or not yet decided by
   * mitigation, or an event off the plain path. A lane whose alerts all joined bundles on
   * arrival (or that only added to open alerts) does not wake it: in a storm the engine would
   * otherwise run a cycle per commit, finding nothing due.
   */
  engineWork: boolean
}

interface Pending {
  readonly job: IngestJob
  /** When it was queued, on the monotonic clock (an operational wait, not domain time). */
  readonly at: number
  resolve(results: EventResult[]): void
  reject(err: unknown): void
}

/**
 * Stores events with group commit: requests queue their events; once per event-loop turn one
 * transaction (one per lane on PostgreSQL) stores every queued event and applies it to the
 * alerts, plain triggers in bulk (lane.ts); then all of those requests are answered. Nothing is
 * acknowledged before its commit is on disk. If a batch fails, each job is retried alone, so one
 * bad event cannot fail its neighbours. On PostgreSQL, when a backlog builds behind a flush, a
 * second flush takes the queued jobs whose dedup keys the first does not hold (measured at
 * saturation: about 10% more events/s in 5 of 6 alternating pairs).
 */
export class Ingestor {
  #queue: Pending[] = []
  /** Flushes running; on PostgreSQL a second may start beside the first (see #schedule). */
  #flushing = 0
  /** The dedup keys of the jobs those flushes hold: a key's next job waits for them. */
  readonly #keysInFlight = new Map<string, number>()
  #scheduled = false
  /** Committed batches whose requests wait for the disk sync. */
  #syncing = 0

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Called after each commit (wakes the engine, here and on other instances). */
    private readonly onCommitted: () => void,
    private readonly maxQueued = 20_000,
    private readonly opts: IngestorOptions = {},
  ) {}

  /** Queues a job; resolves once its events are durably stored and applied; past capacity rejects with IngestOverloadError. */
  submit(job: IngestJob): Promise<EventResult[]> {
    if (this.#queue.length >= this.maxQueued) return Promise.reject(new IngestOverloadError(this.#queue.length))
    const now = (this.opts.monotonicNow ?? performance.now.bind(performance))()
    const oldest = this.#queue[0]
    const maxWait = this.opts.maxWaitMs ?? MAX_QUEUE_WAIT_MS
    if (oldest !== undefined && now - oldest.at > maxWait) {
      return Promise.reject(new IngestOverloadError(this.#queue.length, `events are waiting more than ${maxWait} ms to be stored (${this.#queue.length} queued)`))
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, at: now, resolve, reject })
      this.#schedule()
    })
  }

  /** Waits until everything queued so far is committed, on disk and answered (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#flushing > 0 || this.#syncing > 0) await new Promise((r) => setTimeout(r, 5))
  }

  /**
   * Asks for a flush on the next event-loop turn: when none runs, or (PostgreSQL) when one runs
   * and a backlog has built up behind it. A flush there waits on the network most of its time,
   * so under a closed loop of senders a second one keeps the database busy where the queue
   * would otherwise wait; at a steady rate the queue stays short and batches stay whole.
   */
  #schedule(): void {
    if (this.#scheduled) return
    if (this.#flushing > 0 && !this.#mayFlushBeside()) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      void this.#flush()
    })
  }

  /** Whether another flush may start beside the ones running: PostgreSQL, room for one, and a backlog. */
  #mayFlushBeside(): boolean {
    return this.#overlaps && this.#flushing < MAX_FLUSHES && this.#queue.length >= OVERLAP_BACKLOG
  }

  /** Flushes overlap only on PostgreSQL; SQLite's one connection runs one transaction at a time. */
  get #overlaps(): boolean {
    return this.storage.dialect === 'postgres'
  }

  async #flush(): Promise<void> {
    const batch = this.#takeBatch()
    if (batch.length === 0) return
    this.#flushing += 1
    // Only a flush that may run beside another needs its keys known (the hot path on SQLite skips it).
    const keys = this.#overlaps ? batch.flatMap((p) => jobKeys(p.job)) : []
    for (const k of keys) this.#keysInFlight.set(k, (this.#keysInFlight.get(k) ?? 0) + 1)
    try {
      const lanes = this.#lanesOf(batch)
      const failed = await Promise.all(lanes.map((lane) => this.#commitLane(lane)))
      // Retried once every lane has ended, so a retry never waits on (or races) another lane.
      for (const lane of failed) if (lane !== null) await this.#commitOneByOne(lane)
    } finally {
      for (const k of keys) {
        const n = (this.#keysInFlight.get(k) ?? 1) - 1
        if (n === 0) this.#keysInFlight.delete(k)
        else this.#keysInFlight.set(k, n)
      }
      this.#flushing -= 1
      if (this.#queue.length > 0) this.#schedule()
    }
  }

  /**
   * The queued jobs a flush may take now: all of them when no other flush runs; beside one,
   * those whose keys it does not hold, so each key's events are still stored in order.
   */
  #takeBatch(): Pending[] {
    if (this.#flushing === 0) {
      const all = this.#queue
      this.#queue = []
      return all
    }
    if (this.#flushing >= MAX_FLUSHES) return []
    const take: Pending[] = []
    const keep: Pending[] = []
    const held = new Set<string>()
    for (const p of this.#queue) {
      const keys = jobKeys(p.job)
      if (keys.some((k) => this.#keysInFlight.has(k) || held.has(k))) {
        for (const k of keys) held.add(k)
        keep.push(p)
      } else take.push(p)
    }
    this.#queue = keep
    return take
  }

  /**
   * Splits a batch into lanes committed side by side. PostgreSQL answers each statement over a
   * connection, so one transaction leaves it mostly waiting; a few transactions at once keep it
   * busy. Every event of one dedup key goes to one lane, so a key's events keep their order and
   * two lanes rarely race for one alert (if they do, the unique open-alert index stops the second,
   * whose jobs are then retried one by one and join the first's alert). SQLite has one connection.
   */
  #lanesOf(batch: Pending[]): Pending[][] {
    const count = this.storage.dialect === 'postgres' ? Math.min(POSTGRES_LANES, Math.ceil(batch.length / JOBS_PER_LANE)) : 1
    if (count <= 1) return [batch]
    const lanes: Pending[][] = Array.from({ length: count }, () => [])
    for (const p of batch) lanes[laneOf(p.job, count)]?.push(p)
    return lanes.filter((l) => l.length > 0)
  }

  /**
   * Commits a lane (lane.ts); returns the lane if it failed (its jobs are then retried alone).
   * Its requests are answered once the commit is on disk; on SQLite the next batch is stored
   * while that sync runs.
   */
  async #commitLane(batch: Pending[]): Promise<Pending[] | null> {
    try {
      const jobs = batch.map((p) => p.job)
      if (this.storage.dialect === 'postgres') {
        const { results, arrivals } = await this.#commitPostgresLane(jobs)
        this.#answer(batch, results, arrivals.engineWork)
        return null
      }
      const arrivals = this.#newArrivals()
      const { result, durable } = await this.storage.transactionSyncedLater((trx) => this.#applyLane(trx, jobs, undefined, arrivals))
      this.#bundlesStored(arrivals)
      this.#syncing += 1
      durable
        .then(
          () => this.#answer(batch, result, arrivals.engineWork),
          (err: unknown) => {
            // Committed, but not known to be on disk: the senders are told to retry (a repeat
            // joins its alert by dedup key).
            this.log.error({ err, batch: batch.length }, 'stored events could not be synced to disk')
            for (const p of batch) p.reject(err)
          },
        )
        .catch((err: unknown) => this.log.error({ err }, 'answering stored events failed'))
        .finally(() => (this.#syncing -= 1))
      return null
    } catch (err) {
      this.log.warn({ err, batch: batch.length }, 'event batch failed; retrying its jobs one by one')
      return batch
    }
  }

  /** Answers the lane's requests; `engineWork`: whether what it stored left work for the engine (then it is woken). */
  #answer(batch: readonly Pending[], results: readonly EventResult[][], engineWork: boolean): void {
    batch.forEach((p, i) => p.resolve(results[i] ?? []))
    if (engineWork) this.onCommitted()
  }

  /**
   * PostgreSQL: the lane's facts are read first, outside a transaction, as its first statement
   * would read them (READ COMMITTED gives a transaction no snapshot across statements). A lane
   * that only opens alerts (the usual burst of new keys) then writes everything in one statement,
   * atomic by itself: two round trips instead of four. If another lane opened one of its keys
   * meanwhile, the unique open-alert index fails the statement, and its jobs are retried one by
   * one. Any other lane runs in a transaction with those facts.
   */
  async #commitPostgresLane(jobs: readonly IngestJob[]): Promise<{ results: EventResult[][]; arrivals: Arrivals }> {
    const db = this.storage.db
    const now = this.clock.now()
    const facts = await readLaneFacts(db, now, jobs, { withConfig: this.#firesOnArrival })
    const arrivals = this.#newArrivals()
    if (!facts.opensOnly) {
      const results = await db.transaction().execute((trx) => this.#applyLane(trx, jobs, { now, facts }, arrivals))
      this.#bundlesStored(arrivals)
      return { results, arrivals }
    }
    const rows = new PendingRows()
    const results = await this.#applyEvents(db, jobs, now, facts, rows, async (_job, event) => {
      throw new Error(`lane facts said every event opens an alert, but ${event.dedupKey} does not`)
    })
    await this.#fireOnArrival(db, now, facts, rows, arrivals)
    await rows.writeAtomically(db)
    this.#bundlesStored(arrivals)
    return { results, arrivals }
  }

  /**
   * One transaction per job, so one bad event cannot fail its neighbours. Like a lane, a job is
   * answered once its commit is on disk, but the next job is stored meanwhile: on SQLite one
   * sync then covers many of them, where waiting for each in turn cost a sync per job.
   */
  async #commitOneByOne(batch: Pending[]): Promise<void> {
    const answered: Promise<void>[] = []
    for (const p of batch) {
      try {
        // Without firing on arrival: should that be what failed the lane, the engine fires the alerts instead.
        const { result, durable } = await this.storage.transactionSyncedLater((trx) => this.#applyLane(trx, [p.job]))
        answered.push(
          durable.then(
            () => {
              p.resolve(result[0] ?? [])
              this.onCommitted()
            },
            (err: unknown) => {
              this.log.error({ err }, 'a stored event could not be synced to disk')
              p.reject(err)
            },
          ),
        )
      } catch (jobErr) {
        p.reject(jobErr)
      }
    }
    await Promise.all(answered)
  }

  /**
   * Applies a lane's jobs in one transaction: plain triggers in bulk (lane.ts), the rest one by
   * one. `read`: facts read just before. `arrivals`: when given, the alerts it opens are fired on
   * arrival, and what that left is recorded there; without it, nothing is fired here.
   */
  async #applyLane(trx: Tx, jobs: readonly IngestJob[], read?: { readonly now: Instant; readonly facts: LaneFacts }, arrivals?: Arrivals): Promise<EventResult[][]> {
    const now = read?.now ?? this.clock.now()
    const facts = read?.facts ?? (await readLaneFacts(trx, now, jobs, { withConfig: arrivals !== undefined && this.#firesOnArrival }))
    const rows = new PendingRows()
    const out = await this.#applyEvents(trx, jobs, now, facts, rows, async (job, event) => {
      // An event off the plain path (acknowledge, resolve, a ruled trigger, maintenance) may leave work for the engine.
      if (arrivals !== undefined) arrivals.engineWork = true
      // Written first, so this event sees every earlier one of the lane.
      await rows.flush(trx)
      return this.#applyOne(trx, now, job, event)
    })
    if (arrivals !== undefined) await this.#fireOnArrival(trx, now, facts, rows, arrivals)
    await rows.flush(trx)
    return out
  }

  get #firesOnArrival(): boolean {
    return this.opts.fireOnArrival !== undefined
  }

  /** Without firing on arrival every lane may leave work for the engine, as it always did. */
  #newArrivals(): Arrivals {
    return { bundleKeys: [], engineWork: !this.#firesOnArrival }
  }

  /**
   * Fires the first step of the alerts about to be written, where it only joins open bundles
   * (fire-on-arrival.ts), and records what that left in `arrivals`: the bundle keys queued, and
   * whether an alert is still due or undecided (then the engine has work).
   */
  async #fireOnArrival(db: Db, now: Instant, facts: LaneFacts, rows: PendingRows, arrivals: Arrivals): Promise<void> {
    const deps = this.opts.fireOnArrival
    if (deps === undefined || rows.alerts.length === 0) return
    const fired = await fireOnArrival(deps, db, now, facts.configGeneration, rows.alerts)
    rows.log.push(...fired.timeline)
    rows.outbox.push(...fired.outbox)
    arrivals.bundleKeys.push(...fired.bundleKeys)
    if (fired.leftForEngine) arrivals.engineWork = true
  }

  /** After the commit that stored them: the bundle follow-ups later lanes need not queue again. */
  #bundlesStored(arrivals: Arrivals): void {
    if (arrivals.bundleKeys.length > 0) this.opts.fireOnArrival?.storedBundles.add(arrivals.bundleKeys)
  }

  /**
   * A lane's events in order: plain ones through the lane's facts (their rows gathered in
   * `rows`), any other through `oneByOne`; each event's row is gathered too.
   */
  async #applyEvents(db: Db, jobs: readonly IngestJob[], now: Instant, facts: LaneFacts, rows: PendingRows, oneByOne: (job: IngestJob, event: AlertEvent) => Promise<EventResult>): Promise<EventResult[][]> {
    const out: EventResult[][] = []
    for (const job of jobs) {
      const results: EventResult[] = []
      for (const event of job.events) {
        const result = (await facts.applyPlain(db, job, event, rows)) ?? (await oneByOne(job, event))
        rows.events.push(eventRow(job, event, result, now))
        results.push(result)
      }
      out.push(results)
    }
    return out
  }

  /** One event the whole way: event rules and flap detection, the alert, a maintenance hold. */
  async #applyOne(trx: Tx, now: Instant, job: IngestJob, event: AlertEvent): Promise<EventResult> {
    // The service's event rules and flap detection shape the event before it can page.
    const result = await withEventRules(trx, now, job, event, (service, shaped) =>
      applyEvent(trx, now, job.actor, service, shaped, {
        origin: job.origin,
        urgencyOverride: job.urgencyOverride,
        createdBy: job.createdBy ?? null,
        directTargets: job.directTargets ?? null,
      }),
    )
    // Inbound alerts (not a person's manual page) opened during maintenance page at its end.
    if (result.outcome === 'opened' && result.alertId !== null && HELD_IN_MAINTENANCE.has(job.sourceType)) await holdForMaintenance(trx, now, result.alertId, event, MAINTENANCE_ACTOR)
    return result
  }
}

/** The events row: the event as received, and what became of it. */
function eventRow(job: IngestJob, event: AlertEvent, result: EventResult, now: Instant): Insertable<EventsTable> {
  return {
    id: newId(),
    integration_id: job.integrationId,
    service_id: job.service.id,
    source_type: job.sourceType,
    action: event.action,
    dedup_key: event.dedupKey,
    received_at: now,
    body_json: job.rawBody,
    alert_id: result.alertId,
    outcome: result.reason === undefined ? result.outcome : `${result.outcome}: ${result.reason}`,
  }
}
