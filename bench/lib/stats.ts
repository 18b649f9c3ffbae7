/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
}

/** Rounds milliseconds to microseconds, for printing. */
export const ms = (v: number): number => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v)

/** p50 / p95 / p99 / max of latencies in ms (sorts a copy). */
export function summarize(latencies: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b)
  return { n: sorted.length, p50: ms(percentile(sorted, 50)), p95: ms(percentile(sorted, 95)), p99: ms(percentile(sorted, 99)), max: ms(sorted.at(-1) ?? Number.NaN) }
}

/** a / b rounded to 3 places, or null when either side is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null
  return Math.round((a / b) * 1000) / 1000
}
