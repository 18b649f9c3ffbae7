import type { Logger } from 'pino'
import { Counter, Histogram, type Registry } from 'prom-client'
import type { Clock } from '../lib/time/index.js'
import { NoLockError, type Storage } from '../storage/index.js'
import { MAIN_TRACK, type CycleCtx, type EngineModule } from './module.js'

export interface EngineOptions {
  readonly storage: Storage
  readonly clock: Clock
  readonly log: Logger
  readonly metrics: Registry
  /** Safety-net poll interval; committed work wakes the engine earlier through wake(). */
  readonly tickMs: number
  /** A module that runs longer than this is reported (it cannot be cancelled safely mid-transaction). */
  readonly moduleBudgetMs?: number
}

/** One loop of modules: its own cycle in progress, wake-up flag and timer. */
interface Track {
  readonly name: string
  readonly modules: readonly EngineModule[]
  running: Promise<void> | null
  wakeRequested: boolean
  timer: NodeJS.Timeout | null
}

/**
 * Runs the modules in order, one cycle at a time per track, on a tick or when woken. Modules
 * of different tracks (EngineModule.track) cycle side by side. Each module is isolated: its
 * error is logged and counted, and the next module still runs.
 */
export class Engine {
  readonly #tracks: readonly Track[]
  readonly #opts: EngineOptions
  readonly #lastRun = new Map<string, number>()
  readonly #duration: Histogram<'module'>
  readonly #failures: Counter<'module'>
  #cycle = 0
  #stopped = true

  constructor(modules: readonly EngineModule[], opts: EngineOptions) {
    const byName = new Map<string, EngineModule[]>()
    for (const m of modules) {
      const name = m.track ?? MAIN_TRACK
      byName.set(name, [...(byName.get(name) ?? []), m])
    }
    this.#tracks = [...byName].map(([name, mods]) => ({ name, modules: mods, running: null, wakeRequested: false, timer: null }))
    this.#opts = opts
    this.#duration = new Histogram({ name: 'tend_engine_module_duration_seconds', help: 'Duration of one engine module run', labelNames: ['module'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [opts.metrics] })
    this.#failures = new Counter({ name: 'tend_engine_module_failures_total', help: 'Engine module runs that failed', labelNames: ['module'], registers: [opts.metrics] })
  }

  /** Starts cycling: one cycle of every track now, then on every tick or wake(). */
  start(): void {
    if (!this.#stopped) return
    this.#stopped = false
    this.wake()
  }

  /**
   * Asks for a cycle of one track, or of every track, as soon as its current one ends
   * (coalesces many calls into one cycle).
   */
  wake(track?: string): void {
    if (this.#stopped) return
    for (const t of this.#tracks) {
      if (track !== undefined && t.name !== track) continue
      t.wakeRequested = true
      if (t.running === null) this.#schedule(t, 0)
    }
  }

  /** Runs every module once, now, track after track; for tests and the simulator (which move the clock themselves). */
  async runOnce(): Promise<void> {
    for (const t of this.#tracks) {
      while (t.running !== null) await t.running
      t.running = this.#cycleOnce(t, true)
      try {
        await t.running
      } finally {
        t.running = null
      }
    }
  }

  /** Stops after the cycles in progress finish: engine work is never cut off mid-way. */
  async stop(): Promise<void> {
    this.#stopped = true
    for (const t of this.#tracks) {
      if (t.timer !== null) clearTimeout(t.timer)
      t.timer = null
    }
    for (const t of this.#tracks) while (t.running !== null) await t.running
  }

  #schedule(t: Track, delayMs: number): void {
    if (t.timer !== null) clearTimeout(t.timer)
    t.timer = setTimeout(() => {
      t.timer = null
      void this.#loop(t)
    }, delayMs)
    t.timer.unref()
  }

  async #loop(t: Track): Promise<void> {
    if (this.#stopped || t.running !== null) return
    t.wakeRequested = false
    t.running = this.#cycleOnce(t, false)
    try {
      await t.running
    } finally {
      t.running = null
    }
    if (!this.#stopped) this.#schedule(t, t.wakeRequested ? 0 : this.#opts.tickMs)
  }

  async #cycleOnce(t: Track, force: boolean): Promise<void> {
    this.#cycle += 1
    for (const module of t.modules) {
      if (this.#stopped && !force) return
      const now = this.#opts.clock.now()
      const last = this.#lastRun.get(module.name)
      if (!force && last !== undefined && now - last < module.minIntervalMs && now >= last) continue
      this.#lastRun.set(module.name, now)
      await this.#runModule(module)
      // better-sqlite3 answers synchronously: without a turn of the event loop between modules,
      // a busy cycle would keep incoming requests (new events) unread.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  async #runModule(module: EngineModule): Promise<void> {
    const log = this.#opts.log.child({ module: module.name, cycle: this.#cycle })
    const ctx: CycleCtx = { storage: this.#opts.storage, clock: this.#opts.clock, log, cycle: this.#cycle }
    const end = this.#duration.startTimer({ module: module.name })
    const budget = this.#opts.moduleBudgetMs ?? 30_000
    const watchdog = setTimeout(() => log.warn({ budgetMs: budget }, 'engine module is running longer than its budget'), budget)
    watchdog.unref()
    try {
      await module.run(ctx)
    } catch (err) {
      if (err instanceof NoLockError) return
      this.#failures.inc({ module: module.name })
      log.error({ err }, 'engine module failed; the next cycle retries')
    } finally {
      clearTimeout(watchdog)
      end()
    }
  }
}
