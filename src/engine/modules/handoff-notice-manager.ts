import { newId } from '../../lib/ids.js'
import { MINUTE_MS } from '../../lib/time/index.js'
import { computeFinalShifts, listSchedules, loadOverrides } from '../../domain/schedules/index.js'
import { notifyHandoff } from '../../domain/handoffs/index.js'
import type { EngineModule } from '../module.js'

/** How long before a handoff the incoming and outgoing on-call are told. */
export const HANDOFF_NOTICE_LEAD_MS = 30 * MINUTE_MS

/**
 * Records a notice for every handoff starting within the lead time, once per schedule and
 * instant (a unique key makes a second engine's insert a no-op), and queues messages to the
 * incoming and outgoing on-call in the same transaction.
 */
export const handoffNoticeManager: EngineModule = {
  name: 'engine.handoff-notices',
  version: 1,
  minIntervalMs: MINUTE_MS,
  async run(ctx) {
    await ctx.storage.withModuleLock(this.name, this.version, async (trx) => {
      const now = ctx.clock.now()
      const until = now + HANDOFF_NOTICE_LEAD_MS
      for (const schedule of await listSchedules(trx)) {
        const shifts = computeFinalShifts(schedule, await loadOverrides(trx, schedule.id, now, until), now, until)
        for (let i = 1; i < shifts.length; i++) {
          const before = shifts[i - 1]
          const after = shifts[i]
          if (before === undefined || after === undefined || before.userId === after.userId) continue
          const noticeId = newId()
          const inserted = await trx
            .insertInto('handoff_notices')
            .values({ id: noticeId, schedule_id: schedule.id, handoff_at: after.start, incoming_user_id: after.userId, outgoing_user_id: before.userId, recorded_at: now })
            .onConflict((c) => c.columns(['schedule_id', 'handoff_at']).doNothing())
            .executeTakeFirst()
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
            const incomingUntil = after.end < until ? after.end : null
            const sent = await notifyHandoff(trx, now, { noticeId, scheduleName: schedule.name, at: after.start, incomingUserId: after.userId, outgoingUserId: before.userId, incomingUntil })
            ctx.log.info({ scheduleId: schedule.id, handoffAt: after.start, incoming: after.userId, outgoing: before.userId, messages: sent }, 'handoff notice recorded')
          }
        }
      }
    })
  },
}
