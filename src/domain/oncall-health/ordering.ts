/**
 * Deterministic orderings, so every report, CSV and notice lists things the same way on every
 * machine (plain code-unit comparison: no locale, no host settings).
 */
import type { Page } from './model.js'

/** Compares strings by code units (locale-independent). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Orders pages by time, then user id, then alert id. */
export function byTimeThenIds(a: Page, b: Page): number {
  return a.at - b.at || compareText(a.userId, b.userId) || compareText(a.alertId, b.alertId)
}
