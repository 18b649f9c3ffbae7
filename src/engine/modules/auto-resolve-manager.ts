import { alertFromRow, resolveAlert } from '../../domain/alerts/index.js'
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
      const rows = await trx
        .selectFrom('alerts')
        .innerJoin('services', 'services.id', 'alerts.service_id')
        .selectAll('alerts')
        .select('services.auto_resolve_minutes')
        .where('alerts.status', '<>', 'resolved')
        .where('services.auto_resolve_minutes', 'is not', null)
        .limit(500)
        .execute()
      for (const row of rows) {
        const minutes = row.auto_resolve_minutes ?? 0
        if (row.last_event_at + minutes * 60_000 > now) continue
        await resolveAlert(trx, now, { userId: null, label: `Tend (no events for ${minutes} min)` }, alertFromRow(row), {})
      }
    })
  },
}
