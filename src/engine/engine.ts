import type { Logger } from 'pino'
import { Counter, Histogram, type Registry } from 'prom-client'
import type { Clock } from '../lib/time/index.js'
import { NoLockError, type Storage } from '../storage/index.js'
import type { CycleCtx, EngineModule } from './module.js'

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

/**
 * Runs the modules in order, one cycle at a time, on a tick or when woken. Each module is
 * isolated: its error is logged and counted, and the next module still runs.
 */
export class Engine {
  readonly #modules: readonly EngineModule[]
  readonly #opts: EngineOptions
  readonly #lastRun = new Map<string, number>()
  readonly #duration: Histogram<'module'>
  readonly #failures: Counter<'module'>
  #cycle = 0
  #running: Promise<void> | null = null
  #wakeRequested = false
  #timer: NodeJS.Timeout | null = null
  #stopped = true

  constructor(modules: readonly EngineModule[], opts: EngineOptions) {
    this.#modules = modules
    this.#opts = opts
    this.#duration = new Histogram({ name: 'tend_engine_module_duration_seconds', help: 'Duration of one engine module run', labelNames: ['module'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [opts.metrics] })
    this.#failures = new Counter({ name: 'tend_engine_module_failures_total', help: 'Engine module runs that failed', labelNames: ['module'], registers: [opts.metrics] })
  }

  /** Starts cycling: one cycle now, then on every tick or wake(). */
  start(): void {
    if (!this.#stopped) return
    this.#stopped = false
    this.wake()
  }

  /** Asks for a cycle as soon as the current one ends (coalesces many calls into one cycle). */
  wake(): void {
    if (this.#stopped) return
    this.#wakeRequested = true
    if (this.#running === null) this.#schedule(0)
  }

  /** Runs every module once, now; for tests and the simulator (which move the clock themselves). */
  async runOnce(): Promise<void> {
    while (this.#running !== null) await this.#running
    this.#running = this.#cycleOnce(true)
    try {
      await this.#running
    } finally {
      this.#running = null
    }
  }

  /** Stops after the cycle in progress finishes: engine work is never cut off mid-way. */
  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    while (this.#running !== null) await this.#running
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.#loop()
    }, delayMs)
    this.#timer.unref()
  }

  async #loop(): Promise<void> {
    if (this.#stopped || this.#running !== null) return
    this.#wakeRequested = false
    this.#running = this.#cycleOnce(false)
    try {
      await this.#running
    } finally {
      this.#running = null
    }
    if (!this.#stopped) this.#schedule(this.#wakeRequested ? 0 : this.#opts.tickMs)
  }

  async #cycleOnce(force: boolean): Promise<void> {
    this.#cycle += 1
    for (const module of this.#modules) {
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
