/**
 * Flap detection for inbound alert sources, per (service, dedup key), with the same Nagios
 * measure alarms use (flapState over the last 21 states, 50% to start, 25% to stop). The states
 * are the key's trigger (problem) and resolve (OK) events of the last 6 hours, read from the
 * events table; acknowledgements are not states. A key quiet for 6 hours has no history and so
 * is not flapping.
 *
 * What a flapping key does differently (see apply.ts):
 * - a resolve does not resolve its alert at once: it is held until the source stays quiet for
 *   FLAP_SETTLE_MS; a trigger meanwhile drops the held resolve and joins the still-open alert,
 *   so one alert stays open across the flips, marked flapping, and nobody is paged again;
 * - a trigger that finds no open alert (the hold was released, or someone resolved it) opens
 *   one quietly: stored and visible, not paged.
 * Before the flapping is recognised (about nine changes in a row) each new alert pages as
 * usual; the 5-minute page bundling still folds rapid ones into one message per person.
 */
import { DEFAULT_FLAP_THRESHOLDS, FLAP_HISTORY_LENGTH, flapState } from '../alarms/index.js'
import { HOUR_MS, MINUTE_MS, type Instant } from '../../lib/time/index.js'
import { preparedQuery, type Db } from '../../storage/index.js'

/** How far back a key's trigger/resolve events count. */
export const INBOUND_FLAP_WINDOW_MS = 6 * HOUR_MS
/** A flapping key's resolve waits until the source has been quiet this long. */
export const FLAP_SETTLE_MS = 15 * MINUTE_MS

/** How many of a key's latest trigger/resolve events are read (plain-triggers.ts reads the same). */
export const FLAP_HISTORY_STATES = 2 * FLAP_HISTORY_LENGTH

/** A key's flap state including the event being applied. */
export interface InboundFlap {
  readonly flapping: boolean
  readonly percentChange: number
  /** States counted (events in the window, plus the current one). */
  readonly states: number
}

/** Folds flapState over a state sequence, as if each state had been judged when it came. */
export function foldFlapping(states: readonly boolean[]): InboundFlap {
  let flapping = false
  let percentChange = 0
  for (let i = 1; i <= states.length; i++) {
    const r = flapState(states.slice(Math.max(0, i - FLAP_HISTORY_LENGTH), i), flapping, DEFAULT_FLAP_THRESHOLDS)
    flapping = r.flapping
    percentChange = r.percentChange
  }
  return { flapping, percentChange, states: states.length }
}

/** The recent trigger (true) / resolve (false) states of a key, oldest first. */
async function recentStates(db: Db, serviceId: string, dedupKey: string, now: Instant): Promise<boolean[]> {
  const rows = await selectRecentStates(db, serviceId, dedupKey, now - INBOUND_FLAP_WINDOW_MS)
  return rows.reverse().map((r) => r.action === 'trigger')
}

const selectRecentStates = preparedQuery('recent trigger/resolve events of a key', (db, serviceId: string, dedupKey: string, since: number) =>
  db
    .selectFrom('events')
    .select('action')
    .where('service_id', '=', serviceId)
    .where('dedup_key', '=', dedupKey)
    .where('received_at', '>=', since)
    .where('action', 'in', ['trigger', 'resolve'])
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(FLAP_HISTORY_STATES),
)

/** Returns whether the key flaps once the event now arriving (`trigger` or not) is counted. */
export async function inboundFlapState(db: Db, serviceId: string, dedupKey: string, isTrigger: boolean, now: Instant): Promise<InboundFlap> {
  return foldFlapping([...(await recentStates(db, serviceId, dedupKey, now)), isTrigger])
}

/** A key of a service that is flapping now. */
export interface FlappingSource {
  readonly dedupKey: string
  readonly percentChange: number
  readonly events: number
  readonly lastEventAt: Instant
}

/** The service's dedup keys that flap now (from the last 6 hours of events). */
export async function listFlappingSources(db: Db, serviceId: string, now: Instant): Promise<FlappingSource[]> {
  const rows = await db
    .selectFrom('events')
    .select(['dedup_key', 'action', 'received_at'])
    .where('service_id', '=', serviceId)
    .where('received_at', '>=', now - INBOUND_FLAP_WINDOW_MS)
    .where('action', 'in', ['trigger', 'resolve'])
    .orderBy('received_at')
    .orderBy('id')
    .limit(50_000)
    .execute()
  const byKey = new Map<string, { states: boolean[]; last: Instant }>()
  for (const r of rows) {
    const entry = byKey.get(r.dedup_key) ?? { states: [], last: r.received_at }
    entry.states.push(r.action === 'trigger')
    entry.last = r.received_at
    byKey.set(r.dedup_key, entry)
  }
  const out: FlappingSource[] = []
  for (const [dedupKey, e] of byKey) {
    const flap = foldFlapping(e.states.slice(-2 * FLAP_HISTORY_LENGTH))
    if (flap.flapping) out.push({ dedupKey, percentChange: flap.percentChange, events: e.states.length, lastEventAt: e.last })
  }
  return out.sort((a, b) => b.percentChange - a.percentChange)
}
