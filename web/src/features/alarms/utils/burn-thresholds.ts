/**
 * The burn rates the three multiwindow alerts fire above for an SLO period of `periodDays`
 * (the SRE Workbook's budget shares: 2% in 1 h, 5% in 6 h, 10% in 3 d), as the server derives
 * them: 14.4×, 6× and 1× for 30 days.
 * @example burnThresholds(30) // { fast: 14.4, medium: 6, slow: 1 }
 */
export function burnThresholds(periodDays: number): { readonly fast: number; readonly medium: number; readonly slow: number } {
  const hours = periodDays * 24
  const rate = (share: number, windowHours: number) => Math.round(((share * hours) / windowHours) * 1000) / 1000
  return { fast: rate(0.02, 1), medium: rate(0.05, 6), slow: rate(0.1, 72) }
}
