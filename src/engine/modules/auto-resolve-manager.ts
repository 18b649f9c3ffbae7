import { alertFromRow, OPEN_STATUS_EXCLUDED, resolveAlert } from '../../domain/alerts/index.js'
import type { EngineModule } from '../module.js'

/**
 * Resolves alerts on services that opted in (`autoResolveMinutes`) once they have been silent
 * that long. Off by default: silence is not proof of recovery.
 */
export const autoResolveManager: EngineModule = {
  name: 'engine.auto-resolve',
  version: 1,
  minIntervalMs: 30_000,
  async run(ctx) {
    await ctx.storage.withModuleLock(this.name, this.version, async (trx) => {
      const now = ctx.clock.now()
      // The few services that opted in first, then their open alerts silent long enough (through
      // the open-alerts index): never a walk over every open alert of every service.
      const services = await trx.selectFrom('services').select(['id', 'auto_resolve_minutes']).where('auto_resolve_minutes', 'is not', null).execute()
      let budget = 500
      for (const service of services) {
        const minutes = service.auto_resolve_minutes ?? 0
        if (budget <= 0) break
        const rows = await trx
          .selectFrom('alerts')
          .selectAll()
          .where('service_id', '=', service.id)
          .where('status', '<>', OPEN_STATUS_EXCLUDED)
          .where('last_event_at', '<=', now - minutes * 60_000)
          .limit(budget)
          .execute()
        budget -= rows.length
        for (const row of rows) await resolveAlert(trx, now, { userId: null, label: `Tend (no events for ${minutes} min)` }, alertFromRow(row), {})
      }
    })
  },
}
