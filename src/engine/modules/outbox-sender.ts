import { deliverDue } from '../../domain/paging/index.js'
import type { EngineModule } from '../module.js'
import type { PagingDeps } from './deps.js'

/** The engine track the outbox runs in (PagingDeps.wakeOutbox wakes it). */
export const SEND_TRACK = 'send'

const BATCH = 200
/** Batches per cycle, so a flood of messages cannot starve the other modules. */
const MAX_BATCHES = 5

/** Sends due messages from the outbox: at least once, with retries, backoff and a dead letter. */
export function outboxSender(deps: PagingDeps): EngineModule {
  return {
    name: 'engine.outbox',
    version: 1,
    minIntervalMs: 0,
    // Its own loop: a page goes out as soon as its escalation commits, while the next ones fire.
    track: SEND_TRACK,
    async run(ctx) {
      for (let i = 0; i < MAX_BATCHES; i++) {
        // Lets intake requests in between batches (see the escalation manager).
        if (i > 0) await new Promise((resolve) => setImmediate(resolve))
        const sent = await deliverDue({ ...deps, storage: ctx.storage, clock: ctx.clock, log: ctx.log, random: Math.random }, BATCH)
        if (sent < BATCH) return
      }
      deps.wakeOutbox()
    },
  }
}
