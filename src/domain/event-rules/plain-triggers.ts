/**
 * Which inbound triggers of a batch the intake hook (apply.ts) would leave exactly as they are,
 * found with one lookup for the whole batch instead of several per event. Intake applies
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
import { serviceDedupKey } from '../alerts/index.js'
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

interface FactRow {
  readonly kind: 'rule' | 'held' | 'state'
  readonly service_id: string
  readonly dedup_key: string | null
  readonly action: string | null
  readonly rn: number | string | null
}

/**
 * Reads what decides plainness for every (service, dedup key) of a batch of triggers, in one
 * statement per PAIRS_PER_LOOKUP pairs: the services' enabled rules, the keys' held resolves,
 * and the keys' latest trigger/resolve states (the same ones inboundFlapState reads).
 */
export async function plainTriggers(db: Db, now: Instant, pairs: readonly ServiceKey[]): Promise<PlainTriggers> {
  const ruled = new Set<string>()
  const held = new Set<string>()
  const states = new Map<string, { rn: number; trigger: boolean }[]>()
  const unique = [...new Map(pairs.map((p) => [serviceDedupKey(p.serviceId, p.dedupKey), p])).values()]
  for (let i = 0; i < unique.length; i += PAIRS_PER_LOOKUP) {
    const chunk = unique.slice(i, i + PAIRS_PER_LOOKUP)
    const services = sql.join([...new Set(chunk.map((p) => p.serviceId))])
    const keys = sql.join([...new Set(chunk.map((p) => p.dedupKey))])
    const { rows } = await sql<FactRow>`
      select 'rule' as kind, service_id, null as dedup_key, null as action, cast(null as bigint) as rn
        from event_rules where service_id in (${services}) and enabled = 1
      union all
      select 'held', service_id, dedup_key, null, cast(null as bigint)
        from held_events where status = 'held' and kind = 'resolve' and service_id in (${services}) and dedup_key in (${keys})
      union all
      select 'state', service_id, dedup_key, action, rn from (
        select service_id, dedup_key, action, row_number() over (partition by service_id, dedup_key order by received_at desc, id desc) as rn
          from events
          where service_id in (${services}) and dedup_key in (${keys}) and received_at >= ${now - INBOUND_FLAP_WINDOW_MS} and action in ('trigger', 'resolve')
      ) recent where rn <= ${FLAP_HISTORY_STATES}`.execute(db)
    // The lookup matches services and keys separately: keep only the pairs asked about.
    const asked = new Set(chunk.map((p) => serviceDedupKey(p.serviceId, p.dedupKey)))
    for (const r of rows) {
      if (r.kind === 'rule') {
        ruled.add(r.service_id)
        continue
      }
      const key = serviceDedupKey(r.service_id, r.dedup_key ?? '')
      if (!asked.has(key)) continue
      if (r.kind === 'held') held.add(key)
      else {
        const list = states.get(key) ?? []
        list.push({ rn: Number(r.rn), trigger: r.action === 'trigger' })
        states.set(key, list)
      }
    }
  }
  return {
    isPlain(serviceId, dedupKey, opens) {
      const key = serviceDedupKey(serviceId, dedupKey)
      if (ruled.has(serviceId) || held.has(key)) return false
      if (!opens) return true
      // Oldest first, then the trigger arriving now, as inboundFlapState folds them.
      const history = [...(states.get(key) ?? [])].sort((a, b) => b.rn - a.rn).map((s) => s.trigger)
      return !foldFlapping([...history, true]).flapping
    },
  }
}
