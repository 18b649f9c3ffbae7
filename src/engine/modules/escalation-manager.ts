import { sql } from 'kysely'
import { alertFromRow } from '../../domain/alerts/index.js'
import { configGenerationColumn, configView, fireEscalation, flushPaging, newPagingWrites, type FiringCtx } from '../../domain/paging/index.js'
import type { Db, DialectName, Tx } from '../../storage/index.js'
import type { Instant } from '../../lib/time/index.js'
import type { EngineModule } from '../module.js'
import type { PagingDeps } from './deps.js'

/** How many due alerts one cycle handles; the rest wait for the next cycle (woken at once). */
const BATCH = 500
/**
 * Due alerts fired per transaction. One commit per alert made an alert storm cost one fsync
 * per alert (on SQLite it also blocks the event loop, so intake waited behind it); a chunk
 * shares one commit, and its lookups (service, policy, people) and writes. On SQLite intake
 * waits for the chunk on the one connection, so a chunk stays around 10 ms of work (100
 * alerts: at 25 the commits' fsyncs took most of a storm's engine time); on PostgreSQL intake
 * has its own connections and a chunk costs about twenty round trips however many alerts it holds.
 */
const CHUNK = { sqlite: 100, postgres: 250 } as const
/**
 * Lanes of chunks fired side by side. On PostgreSQL each statement waits on the network, and
 * one transaction at a time leaves the database mostly idle. On SQLite's one connection the
 * lanes' transactions take turns, so a storm on one service does not hold up another
 * service's page behind it.
 */
const LANES = 4

/**
 * Splits due alerts (kept in due order) into lanes by service: one service's alerts stay in one
 * lane, in order, so the bundling of a person's pages per service sees the earlier alert first.
 */
function lanesByService<T extends { service_id: string }>(due: readonly T[], lanes: number): T[][] {
  if (lanes <= 1) return [[...due]]
  const out: T[][] = Array.from({ length: lanes }, () => [])
  const laneOf = new Map<string, number>()
  for (const d of due) {
    let lane = laneOf.get(d.service_id)
    if (lane === undefined) {
      lane = laneOf.size % lanes
      laneOf.set(d.service_id, lane)
    }
    out[lane]?.push(d)
  }
  return out.filter((l) => l.length > 0)
}

/**
 * The alerts whose escalation step is due, oldest due first: triggered, and decided by
 * mitigation (it decides first, and may hold the page: an alert it has not looked at yet waits).
 * Walks an index in due order, so the LIMIT stops the walk. PostgreSQL: the partial index
 * alerts_due_triggered, which holds exactly the alerts these conditions accept (its migration
 * says why). SQLite: alerts_due, the status compared through an expression, since without
 * statistics SQLite would pick the status index, scanning and sorting every triggered alert on
 * each cycle (in an alert storm, tens of thousands). The claim re-checks every condition.
 */
export function dueAlerts(db: Db, dialect: DialectName, now: Instant, limit: number) {
  const status = dialect === 'postgres' ? sql.ref('status') : sql<string>`${sql.ref('status')} || ''`
  return db
    .selectFrom('alerts')
    .select(['id', 'service_id'])
    .where('next_escalation_at', '<=', now)
    .where(status, '=', sql.lit('triggered'))
    .where('mitigation_json', 'is not', null)
    .orderBy('next_escalation_at')
    .orderBy('id')
    .limit(limit)
}

/**
 * Fires due escalation steps. A chunk of due alerts is claimed by one locking read (the rows
 * that are still triggered and due; `FOR NO KEY UPDATE` on PostgreSQL) and fired in the same
 * transaction, which ends by writing each alert's next step, so a crash rolls both back and
 * nothing is lost. With several `tend serve` instances a step fires exactly once: a second
 * instance's claim waits for the first one's commit and then sees the rows as they are now (due
 * later, or done). Claiming without an UPDATE spares each alert one full-row write. If a chunk
 * fails, its alerts are fired one per transaction, so one failing alert never blocks the others.
 */
export function escalationManager(deps: PagingDeps): EngineModule {
  return {
    name: 'engine.escalation',
    version: 1,
    minIntervalMs: 0,
    async run(ctx) {
      const now = ctx.clock.now()
      const due = await dueAlerts(ctx.storage.db, ctx.storage.dialect, now, BATCH).execute()
      const fire = async (trx: Tx, ids: readonly string[]): Promise<boolean> => {
        let claim = trx
          .selectFrom('alerts')
          .selectAll()
          // Read in the claim itself: the configuration counter the chunk's lookups may trust (config-cache.ts).
          .select(configGenerationColumn().as('config_generation'))
          .where('id', 'in', [...ids])
          // Through the expression, as above: by primary key, never by walking the status index.
          .where(sql<string>`${sql.ref('status')} || ''`, '=', 'triggered')
          .where('next_escalation_at', '<=', now)
          .where('mitigation_json', 'is not', null)
        // The rows stay locked until the chunk commits with each alert's next step. Another
        // instance's claim waits for that commit, then re-checks its conditions against the rows
        // as they are now (due later, or done) and skips them. SQLite has one writer already.
        // FOR NO KEY UPDATE, as an UPDATE would take: FOR UPDATE would also block the foreign-key
        // checks of transactions adding rows that name these alerts (a mitigation run).
        if (ctx.storage.dialect === 'postgres') claim = claim.orderBy('id').forNoKeyUpdate()
        const claimed = await claim.execute()
        // In due order, so that of two alerts for one person the earlier one pages and the later one bundles.
        const byId = new Map(claimed.map((row) => [row.id, row]))
        // One memo and one write buffer per transaction: the alerts of a chunk share their
        // service, policy and people, and their timeline rows, pages and next steps are written
        // together. Configuration lookups also go through the process's cache, valid for the
        // counter the claim read.
        const config = configView(deps.configCache, claimed[0]?.config_generation)
        const pagingCtx: FiringCtx = { db: trx, now, secrets: deps.secrets, links: deps.links, publicUrl: deps.publicUrl, memo: new Map(), writes: newPagingWrites(), ...(config === undefined ? {} : { config }) }
        for (const id of ids) {
          const row = byId.get(id)
          if (row !== undefined) await fireEscalation(pagingCtx, alertFromRow(row))
        }
        // Only pages due now need the outbox at once; bundles and held pages wait for their time (the tick).
        const sendable = pagingCtx.writes.outbox.some((m) => m.status === 'pending' && m.notBefore <= now)
        await flushPaging(pagingCtx)
        return sendable
      }
      const fireChunk = async (ids: string[]): Promise<void> => {
        try {
          // The outbox runs in its own track: its pages go out while the next chunk fires. They
          // need not wait for the chunk to reach the disk (SQLite): pages are at least once, with
          // idempotency keys, and after a power loss the steps lost are fired again from what
          // reached it. Only a failed sync is worth hearing of.
          const { result: sendable, durable } = await ctx.storage.transactionSyncedLater((trx) => fire(trx, ids))
          durable.catch((err: unknown) => ctx.log.error({ err, alerts: ids.length }, 'fired escalations could not be synced to disk'))
          if (sendable) deps.wakeOutbox()
        } catch (err) {
          ctx.log.warn({ err, alerts: ids.length }, 'escalation chunk failed; firing its alerts one by one')
          for (const id of ids) {
            try {
              if (await ctx.storage.db.transaction().execute((trx) => fire(trx, [id]))) deps.wakeOutbox()
            } catch (alertErr) {
              ctx.log.error({ err: alertErr, alertId: id }, 'escalation step failed; it stays due and is retried next cycle')
            }
          }
        }
      }
      const runLane = async (lane: readonly { id: string }[]): Promise<void> => {
        const chunk = CHUNK[ctx.storage.dialect]
        for (let i = 0; i < lane.length; i += chunk) {
          // better-sqlite3 answers synchronously, so a run of awaited statements never returns to
          // the event loop: without this, intake requests would not even be read until the whole
          // batch was fired. Yielding between chunks lets them in (and their events be stored).
          if (i > 0) await new Promise((resolve) => setImmediate(resolve))
          await fireChunk(lane.slice(i, i + chunk).map((d) => d.id))
        }
      }
      await Promise.all(lanesByService(due, LANES).map(runLane))
      // Another cycle at once: the rest of a full batch, and alerts this run raised (people unreachable).
      if (due.length > 0) deps.wakeEscalation()
    },
  }
}
