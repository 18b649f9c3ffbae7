/** The most attempts a message gets before it is dead-lettered. */
export const MAX_ATTEMPTS = 6

const BASE_MS = 5_000
const CAP_MS = 10 * 60_000

/**
 * The wait before attempt `attempt + 1` after `attempt` failed: 5 s × 3^(attempt−1), capped at
 * 10 min, with ±20 % jitter so many failed messages do not retry in lockstep.
 * `random` is in [0, 1) (injected, so tests are exact).
 */
export function retryDelayMs(attempt: number, random: number): number {
  const raw = Math.min(CAP_MS, BASE_MS * 3 ** Math.max(0, attempt - 1))
  return Math.round(raw * (0.8 + 0.4 * random))
}
