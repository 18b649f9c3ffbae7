import type { Logger } from 'pino'
import type { Clock } from '../lib/time/index.js'
import type { Storage } from '../storage/index.js'

/** What a module gets for one cycle. */
export interface CycleCtx {
  readonly storage: Storage
  readonly clock: Clock
  readonly log: Logger
  /** The cycle number since start, for logs. */
  readonly cycle: number
}

/**
 * The least interval of modules whose work is due in minutes (heartbeats, alarms, held events,
 * on-call health). Under load the engine cycles many times a second, woken by every commit;
 * running these each time made every cycle, and so every page, wait on their statements.
 */
export const SECONDLY_MS = 1_000

/** The track of modules that name none: raising, mitigating and escalating. */
export const MAIN_TRACK = 'main'

/**
 * One kind of timed work ("escalations whose next step is due", "handoffs coming up"). A module
 * finds due work in the database, does it in a transaction under its module lock, and records
 * what it did, so a crash at any point loses nothing and a restart resumes.
 */
export interface EngineModule {
  readonly name: `engine.${string}`
  /** Bump when the module's semantics change: older instances then stop running it. */
  readonly version: number
  /** The least time between two runs; 0 runs it every cycle (every tick or wake-up). */
  readonly minIntervalMs: number
  /**
   * The loop it runs in (default MAIN_TRACK). Each track cycles on its own, side by side with the
   * others, so sending a page never waits for the next escalations to be fired, and firing them
   * never waits for a slow send. runOnce runs the tracks one after another, in module order.
   */
  readonly track?: string
  run(ctx: CycleCtx): Promise<void>
}
