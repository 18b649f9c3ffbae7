/** Google SRE's bar: at most 25% of one's time on call (SRE book, ch. 11). */
export const MAX_ON_CALL_SHARE = 0.25

/** Google SRE's bar: at most 2 incidents per 12-hour shift (SRE book, ch. 11). */
export const MAX_INCIDENTS_PER_SHIFT = 2

/** `value` as a percentage of `max`, clamped to 0–100 (for bar widths and marker positions). */
export function barPercent(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0
  return Math.min(100, Math.round((value / max) * 1000) / 10)
}

/** The top of the incidents-per-shift scale: twice the bar, or the worst rate with some room, so the bar line sits where the eye expects. */
export function incidentScale(rates: readonly (number | null)[]): number {
  const worst = Math.max(0, ...rates.filter((r): r is number => r !== null))
  return Math.max(MAX_INCIDENTS_PER_SHIFT * 2, Math.ceil(worst * 1.25))
}
