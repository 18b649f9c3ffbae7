import { alarmFromRow, checkAlarm, deleteExpiredDatapoints } from '../../domain/alarms/index.js'
import { HOUR_MS } from '../../lib/time/index.js'
import { NoLockError, type Tx } from '../../storage/index.js'
import { SECONDLY_MS, type EngineModule } from '../module.js'

/** Due alarms handled per cycle; the rest are due at once in the next cycle. */
const BATCH = 500
/** Alarms evaluated per transaction: one commit for many, but one failing alarm cannot block all. */
const CHUNK = 50
/** How often expired datapoints are deleted. */
const RETENTION_EVERY_MS = HOUR_MS

/**
 * Evaluates alarms whose next check is due — once per period, on time even when no datapoint
 * arrives, which is what lets missing data count (or alarm) as its policy says. Each evaluation
 * records the state, flap detection and history, and opens or resolves the alarm's alert in the
 * same transaction. Once an hour it also deletes datapoints past the retention (35 days).
 *
 * Multi-instance: the module lock serializes instances; each alarm is re-read as due inside the
 * transaction, so an alarm is never evaluated twice for one period.
 */
export function alarmManager(): EngineModule {
  let lastRetentionAt = Number.NEGATIVE_INFINITY
  return {
    name: 'engine.alarms',
    version: 1,
    minIntervalMs: SECONDLY_MS,
    async run(ctx) {
      const now = ctx.clock.now()
      const due = await ctx.storage.db.selectFrom('alarms').select('id').where('next_check_at', '<=', now).orderBy('next_check_at').orderBy('id').limit(BATCH).execute()
      const evaluate = async (trx: Tx, ids: readonly string[]) => {
        const rows = await trx.selectFrom('alarms').selectAll().where('id', 'in', [...ids]).where('next_check_at', '<=', now).orderBy('next_check_at').orderBy('id').execute()
        for (const row of rows) await checkAlarm(trx, alarmFromRow(row), now)
      }
      for (let i = 0; i < due.length; i += CHUNK) {
        const ids = due.slice(i, i + CHUNK).map((d) => d.id)
        try {
          await ctx.storage.withModuleLock(this.name, this.version, (trx) => evaluate(trx, ids))
        } catch (err) {
          if (err instanceof NoLockError) throw err
          ctx.log.warn({ err, alarms: ids.length }, 'alarm chunk failed; evaluating its alarms one by one')
          for (const id of ids) {
            try {
              await ctx.storage.withModuleLock(this.name, this.version, (trx) => evaluate(trx, [id]))
            } catch (alarmErr) {
              if (alarmErr instanceof NoLockError) throw alarmErr
              ctx.log.error({ err: alarmErr, alarmId: id }, 'alarm evaluation failed; it stays due and is retried next cycle')
            }
          }
        }
      }
      if (now - lastRetentionAt >= RETENTION_EVERY_MS) {
        const deleted = await ctx.storage.withModuleLock(this.name, this.version, (trx) => deleteExpiredDatapoints(trx, now))
        lastRetentionAt = now
        if (deleted > 0) ctx.log.info({ deleted }, 'deleted datapoints past the retention')
      }
    },
  }
}
