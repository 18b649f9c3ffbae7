import { pruneRuleFires, settleDueHolds } from '../../domain/event-rules/index.js'
import { HOUR_MS } from '../../lib/time/index.js'
import { SECONDLY_MS, type EngineModule } from '../module.js'

/** Holds settled per cycle; more are due at once in the next cycle. */
const BATCH = 500

/**
 * Settles what event rules and flap detection held back once its time has come: pages an alert
 * still open after "page only if still open after D minutes" (and drops the hold if it was
 * resolved or acknowledged in time), and resolves a flapping source's alert once the source has
 * stayed resolved. Runs before escalation, so a released alert pages in the same cycle. Once an
 * hour it deletes rule fire counts older than any window (a day).
 */
export function heldEventManager(): EngineModule {
  let lastPruneAt = Number.NEGATIVE_INFINITY
  return {
    name: 'engine.held-events',
    version: 1,
    minIntervalMs: SECONDLY_MS,
    async run(ctx) {
      const now = ctx.clock.now()
      // Most cycles have nothing due: look first, and take the module lock only for work.
      const due = await ctx.storage.db.selectFrom('held_events').select('id').where('status', '=', 'held').where('release_at', '<=', now).limit(1).executeTakeFirst()
      if (due === undefined && now - lastPruneAt < HOUR_MS) return
      await ctx.storage.withModuleLock(this.name, this.version, async (trx) => {
        await settleDueHolds(trx, now, BATCH)
        if (now - lastPruneAt >= HOUR_MS) {
          await pruneRuleFires(trx, now)
          lastPruneAt = now
        }
      })
    },
  }
}
