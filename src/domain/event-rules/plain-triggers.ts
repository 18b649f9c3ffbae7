/**
 * Which inbound triggers of a batch the intake hook (apply.ts) would leave exactly as they are,
 * found with three lookups for the whole batch instead of several per event. Intake applies
 * those triggers in bulk; every other event goes through withEventRules one by one.
 *
 * A trigger is plain when its service has no enabled event rule, no resolve of its key is held
 * (a trigger would drop it), and, when it opens a new alert, its key is not flapping (it would
 * open quietly). Then withEventRules would only call apply: no rule decision, no record, no
 * changed urgency, no reason.
 */
import { sql } from 'kysely'
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { FLAP_HISTORY_STATES, foldFlapping, INBOUND_FLAP_WINDOW_MS } from './inbound-flapping.js'

export interface ServiceKey {
  readonly serviceId: string
  readonly dedupKey: string
}

export interface PlainTriggers {
  /** Whether withEventRules would leave this trigger alone; `opens`: it finds no open alert. */
  isPlain(serviceId: string, dedupKey: string, opens: boolean): boolean
}

/** Pairs per lookup: inside both engines' bound-parameter limits. */
const PAIRS_PER_LOOKUP = 500

const pairKey = (serviceId: string, dedupKey: string): string => `${serviceId} ${dedupKey}`

/** Reads what decides plainness for every (service, dedup key) of a batch of triggers. */
export async function plainTriggers(db: Db, now: Instant, pairs: readonly ServiceKey[]): Promise<PlainTriggers> {
  const serviceIds = [...new Set(pairs.map((p) => p.serviceId))]
  const ruled = new Set<string>()
  const held = new Set<string>()
  const states = new Map<string, { rn: number; trigger: boolean }[]>()
  if (serviceIds.length > 0) {
    for (let i = 0; i < serviceIds.length; i += PAIRS_PER_LOOKUP) {
      const rows = await db.selectFrom('event_rules').select('service_id').distinct().where('service_id', 'in', serviceIds.slice(i, i + PAIRS_PER_LOOKUP)).where('enabled', '=', 1).execute()
      for (const r of rows) ruled.add(r.service_id)
    }
  }
  const unique = [...new Map(pairs.map((p) => [pairKey(p.serviceId, p.dedupKey), p])).values()].filter((p) => !ruled.has(p.serviceId))
  for (let i = 0; i < unique.length; i += PAIRS_PER_LOOKUP) {
    const chunk = unique.slice(i, i + PAIRS_PER_LOOKUP)
    const services = [...new Set(chunk.map((p) => p.serviceId))]
    const keys = [...new Set(chunk.map((p) => p.dedupKey))]
    const heldRows = await db.selectFrom('held_events').select(['service_id', 'dedup_key']).where('status', '=', 'held').where('kind', '=', 'resolve').where('service_id', 'in', services).where('dedup_key', 'in', keys).execute()
    for (const r of heldRows) held.add(pairKey(r.service_id, r.dedup_key))
    // The same recent trigger/resolve states inboundFlapState reads, for every key at once.
    const recent = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('events')
          .select(['service_id', 'dedup_key', 'action', sql<number>`row_number() over (partition by service_id, dedup_key order by received_at desc, id desc)`.as('rn')])
          .where('service_id', 'in', services)
          .where('dedup_key', 'in', keys)
          .where('received_at', '>=', now - INBOUND_FLAP_WINDOW_MS)
          .where('action', 'in', ['trigger', 'resolve'])
          .as('recent'),
      )
      .select(['service_id', 'dedup_key', 'action', 'rn'])
      .where('rn', '<=', FLAP_HISTORY_STATES)
      .execute()
    for (const r of recent) {
      const key = pairKey(r.service_id, r.dedup_key)
      const list = states.get(key) ?? []
      list.push({ rn: Number(r.rn), trigger: r.action === 'trigger' })
      states.set(key, list)
    }
  }
  return {
    isPlain(serviceId, dedupKey, opens) {
      const key = pairKey(serviceId, dedupKey)
      if (ruled.has(serviceId) || held.has(key)) return false
      if (!opens) return true
      // Oldest first, then the trigger arriving now, as inboundFlapState folds them.
      const history = (states.get(key) ?? []).sort((a, b) => b.rn - a.rn).map((s) => s.trigger)
      return !foldFlapping([...history, true]).flapping
    },
  }
}
