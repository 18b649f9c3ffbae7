/**
 * Measures how late the event loop runs a 100 ms timer. When Tend is past capacity the loop
 * falls behind (better-sqlite3 and JSON work are synchronous), requests wait unread, and a
 * sender times out without knowing whether its event was stored. Intake consults this to
 * answer 503 at once instead — load is shed visibly, never silently.
 */
export class EventLoopLag {
  #lagMs = 0
  #expected = 0
  #timer: NodeJS.Timeout | null = null

  constructor(private readonly intervalMs = 100) {}

  start(): this {
    this.#expected = performance.now() + this.intervalMs
    this.#timer = setInterval(() => {
      const now = performance.now()
      const lag = Math.max(0, now - this.#expected)
      // Rise at once, decay over a few ticks: one slow tick is enough to start shedding.
      this.#lagMs = lag > this.#lagMs ? lag : this.#lagMs * 0.7 + lag * 0.3
      this.#expected = now + this.intervalMs
    }, this.intervalMs)
    this.#timer.unref()
    return this
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer)
    this.#timer = null
  }

  /** Recent lag in milliseconds (the larger of the last tick and a decaying average). */
  get lagMs(): number {
    return this.#lagMs
  }
}
