import { applyEvent, findOpenAlert, type AlertEvent } from '../../domain/alerts/index.js'
import { holdForMaintenance } from '../../domain/maintenance/index.js'
import { evaluateHeartbeat, heartbeatDedupKey, heartbeatFromRow, resolvesAlert, type Heartbeat } from '../../domain/heartbeats/index.js'
import { getService } from '../../domain/services/index.js'
import type { Instant } from '../../lib/time/index.js'
import type { Tx } from '../../storage/index.js'
import { SECONDLY_MS, type EngineModule } from '../module.js'

const BATCH = 500
const HEARTBEAT_ACTOR = Object.freeze({ userId: null, label: 'Tend heartbeats' })

/**
 * Evaluates heartbeats whose next check is due — on time, even when nothing pings, which is the
 * point of a dead man's switch. N consecutive misses (or a failure) open one alert on the
 * heartbeat's service; the next successful ping resolves it.
 *
 * The restart rule: this module remembers when it first ran in this process (`observingSince`)
 * and only counts expected pings due after it, so the time Tend was down never counts as missed
 * pings — each heartbeat gets a fresh grace period after a restart. (With several instances the
 * evaluating instance's start is used: at worst an alarm comes one grace period later.)
 */
export function heartbeatManager(): EngineModule {
  let observingSince: Instant | null = null
  return {
    name: 'engine.heartbeats',
    version: 1,
    minIntervalMs: SECONDLY_MS,
    async run(ctx) {
      observingSince ??= ctx.clock.now()
      const since = observingSince
      await ctx.storage.withModuleLock(this.name, this.version, async (trx) => {
        const now = ctx.clock.now()
        const due = await trx.selectFrom('heartbeats').selectAll().where('next_check_at', '<=', now).orderBy('next_check_at').limit(BATCH).execute()
        for (const row of due) await evaluate(trx, heartbeatFromRow(row), now, since)
      })
    },
  }
}

async function evaluate(trx: Tx, hb: Heartbeat, now: Instant, observingSince: Instant): Promise<void> {
  const verdict = evaluateHeartbeat(hb.spec, hb.state, now, observingSince)
  const service = await getService(trx, hb.serviceId)
  const dedupKey = heartbeatDedupKey(hb.id)
  const open = await findOpenAlert(trx, service.id, dedupKey)
  let alertOpen = open !== null
  if (verdict.alarm && open === null) {
    const heartbeatEvent: AlertEvent = {
      action: 'trigger',
      dedupKey,
      summary: `Heartbeat "${hb.name}" ${verdict.status === 'failing' ? 'reported failure' : `missed ${verdict.missed} pings in a row`}`,
      source: 'tend-heartbeat',
      severity: 'critical',
      class: 'heartbeat',
      details: { heartbeat: hb.name, reason: verdict.reason, missed: verdict.missed },
      links: [],
    }
    const opened = await applyEvent(trx, now, HEARTBEAT_ACTOR, service, heartbeatEvent, { origin: `heartbeat:${hb.id}`, urgencyOverride: null })
    // A job stopped for maintenance misses its pings: the page waits for the window's end.
    if (opened.alertId !== null) await holdForMaintenance(trx, now, opened.alertId, heartbeatEvent, HEARTBEAT_ACTOR)
    alertOpen = true
  } else if (!verdict.alarm && open !== null && resolvesAlert(hb.state, open.createdAt)) {
    await applyEvent(trx, now, HEARTBEAT_ACTOR, service, { action: 'resolve', dedupKey, summary: `Heartbeat "${hb.name}" is back`, source: 'tend-heartbeat', severity: 'info', details: {}, links: [] }, { origin: `heartbeat:${hb.id}`, urgencyOverride: null })
    alertOpen = false
  }
  await trx
    .updateTable('heartbeats')
    .set({ status: verdict.status, alert_open: alertOpen ? 1 : 0, next_check_at: Math.max(verdict.nextCheckAt, now + 1_000), updated_at: now })
    .where('id', '=', hb.id)
    .execute()
}
