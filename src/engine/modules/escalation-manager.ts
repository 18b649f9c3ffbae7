import { alertFromRow } from '../../domain/alerts/index.js'
import { fireEscalation, type PagingCtx } from '../../domain/paging/index.js'
import type { EngineModule } from '../module.js'
import type { PagingDeps } from './deps.js'

/** How many due alerts one cycle handles; the rest wait for the next cycle (woken at once). */
const BATCH = 200

/**
 * Fires due escalation steps. Each alert is claimed with a compare-and-set on its due time in
 * its own transaction, so with several `tend serve` instances a step fires exactly once (the
 * loser of the race finds the due time changed and skips), and one failing alert never blocks
 * the others.
 */
export function escalationManager(deps: PagingDeps): EngineModule {
  return {
    name: 'engine.escalation',
    version: 1,
    minIntervalMs: 0,
    async run(ctx) {
      const now = ctx.clock.now()
      const due = await ctx.storage.db
        .selectFrom('alerts')
        .select(['id', 'next_escalation_at'])
        .where('status', '=', 'triggered')
        .where('next_escalation_at', '<=', now)
        .orderBy('next_escalation_at')
        .limit(BATCH)
        .execute()
      for (const { id, next_escalation_at: dueAt } of due) {
        try {
          await ctx.storage.db.transaction().execute(async (trx) => {
            const claimed = await trx
              .updateTable('alerts')
              .set({ next_escalation_at: null })
              .where('id', '=', id)
              .where('status', '=', 'triggered')
              .where('next_escalation_at', '=', dueAt)
              .returningAll()
              .executeTakeFirst()
            if (claimed === undefined) return
            const pagingCtx: PagingCtx = { db: trx, now, secrets: deps.secrets, links: deps.links, publicUrl: deps.publicUrl }
            await fireEscalation(pagingCtx, alertFromRow(claimed))
          })
        } catch (err) {
          ctx.log.error({ err, alertId: id }, 'escalation step failed; it stays due and is retried next cycle')
        }
      }
      if (due.length > 0) deps.wakeOutbox()
    },
  }
}
