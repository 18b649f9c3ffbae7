import { api } from './api-client'
import type { Instant } from './time'

// Re-measure now and then, so a long-open tab follows the server if either clock is adjusted.
const MAX_AGE_MS = 10 * 60_000

let measured: { readonly at: number; readonly offset: Promise<number> } | undefined

/**
 * Measures how far the server's clock is ahead of the browser's, in milliseconds. The on-call
 * answer carries the server's "now" (`at`); it is the one place the API states it today. With no
 * schedule to answer for, the browser's clock is trusted (offset 0).
 */
async function measure(): Promise<number> {
  const sent = Date.now()
  const res = await api.get<{ items: readonly { at: string }[] }>('/oncall')
  const received = Date.now()
  const at = res.items[0]?.at
  if (at === undefined) return 0
  return Date.parse(at) - (sent + received) / 2
}

/**
 * Resolves to the server clock's offset from the browser's (cached for a few minutes), so pages
 * can show ages such as "5 min ago" against the server's now, as the README's convention asks.
 * @example const now = Date.now() + (await serverClockOffset())
 */
export function serverClockOffset(): Promise<number> {
  const now = Date.now()
  if (measured === undefined || now - measured.at > MAX_AGE_MS) {
    const offset = measure().catch(() => 0)
    measured = { at: now, offset }
  }
  return measured.offset
}

/** The server's "now" given a measured `offset`. */
export function serverNow(offset: number | undefined): Instant {
  return Date.now() + (offset ?? 0)
}
