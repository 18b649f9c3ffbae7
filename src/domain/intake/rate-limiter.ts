import type { Clock } from '../../lib/time/index.js'

/**
 * Token buckets per key (one per integration): `perMinute` tokens refill evenly over a minute,
 * and a burst may use a full minute's worth at once. Kept in memory, so each instance limits
 * on its own: with N instances behind a balancer, a key may get up to N × its limit.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly clock: Clock) {}

  /** Takes `n` tokens; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, perMinute: number, n = 1): number {
    const now = this.clock.now()
    const bucket = this.#buckets.get(key) ?? { tokens: perMinute, at: now }
    const refilled = Math.min(perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * perMinute)
    if (refilled >= n) {
      this.#buckets.set(key, { tokens: refilled - n, at: now })
      return 0
    }
    this.#buckets.set(key, { tokens: refilled, at: now })
    return Math.max(1, Math.ceil(((n - refilled) / perMinute) * 60))
  }
}
