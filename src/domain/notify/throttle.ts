import type { Instant } from '../../lib/time/index.js'
import type { ContactMethodType } from '../users/index.js'

/**
 * The least time between two messages to one destination, per channel. SMS and voice gateways
 * bill per message and carriers filter bursts; a phone that rings every few seconds is not more
 * useful than one that rings every two minutes. Email, webhooks and Slack are not throttled here
 * (bundling already keeps one outage to one message per person).
 */
export const CHANNEL_MIN_GAP_MS: Readonly<Partial<Record<ContactMethodType, number>>> = Object.freeze({
  sms: 20_000,
  voice: 120_000,
  push: 5_000,
})

/**
 * When a message to a destination may go out, given when the last one did: `now` when the
 * channel is not throttled or the gap has passed, else the first instant it has. Pure.
 */
export function throttledUntil(channel: ContactMethodType, lastSentAt: Instant | null, now: Instant): Instant {
  const gap = CHANNEL_MIN_GAP_MS[channel]
  if (gap === undefined || lastSentAt === null) return now
  return Math.max(now, lastSentAt + gap)
}
