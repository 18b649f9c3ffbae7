/**
 * Clocks. Domain code takes `now` as a parameter or a Clock, never the ambient time, so tests
 * and the simulator can move time; systemClock is the one place that reads the real clock.
 */
import type { Instant } from './instant.js'

/** A source of the current instant. */
export interface Clock {
  now(): Instant
}

/** The real clock: the only code in Tend allowed to read Date.now(). */
export const systemClock: Clock = Object.freeze({ now: (): Instant => Date.now() })

/** A clock that moves only when told to, for tests and the simulator. */
export class ManualClock implements Clock {
  #now: Instant

  constructor(start: Instant) {
    this.#now = checkedInstant(start)
  }

  now(): Instant {
    return this.#now
  }

  /** Jumps to an instant (backwards too: tests of clock skew need it). */
  set(i: Instant): void {
    this.#now = checkedInstant(i)
  }

  /** Moves forward by `ms`; use set() to go back. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance needs a finite, non-negative ms, got ${ms}`)
    this.#now = checkedInstant(this.#now + ms)
  }
}

function checkedInstant(i: Instant): Instant {
  if (!Number.isFinite(i)) throw new RangeError(`not an instant: ${i}`)
  return i
}
