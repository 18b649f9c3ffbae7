/**
 * Which inbound triggers of a batch the intake hook (apply.ts) would leave exactly as they are,
 * found with one lookup for the whole batch (sharing the batch's one statement, unionFacts)
 * instead of several per event. Intake applies
 * those triggers in bulk; every other event goes through withEventRules one by one.
 *
 * A trigger is plain when its service has no enabled event rule, no resolve of its key is held
 * (a trigger would drop it), and, when it opens a new alert, its key is not flapping (it would
 * open quietly). Then withEventRules would only call apply: no rule decision, no record, no
 * changed urgency, no reason.
 */
import { sql } from 'kysely'
import type { Instant } from '../../lib/time/index.js'
import { NO_RANK, NO_TEXT, type FactLookup, type FactRow } from '../../storage/index.js'
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

/**
 * A lookup for unionFacts of what decides plainness for the (service, dedup key) pairs of a batch
 * of triggers: the services' enabled rules (`rule`), the keys' held resolves (`held`), and the
 * keys' latest trigger/resolve states (`state`, newest first by `rank`; the same ones
 * inboundFlapState reads). Read its rows with foldPlainTriggers.
 */
export function plainTriggerLookup(now: Instant, pairs: readonly ServiceKey[]): FactLookup {
  const services = sql.join([...new Set(pairs.map((p) => p.serviceId))])
  const keys = sql.join([...new Set(pairs.map((p) => p.dedupKey))])
  return sql<FactRow>`
      select 'rule' as kind, service_id, ${NO_TEXT} as dedup_key, ${NO_TEXT} as note, ${NO_RANK} as rank
        from event_rules where service_id in (${services}) and enabled = 1
      union all
      select 'held', service_id, dedup_key, ${NO_TEXT}, ${NO_RANK}
        from held_events where status = 'held' and kind = 'resolve' and service_id in (${services}) and dedup_key in (${keys})
      union all
      select 'state', service_id, dedup_key, action, rn from (
        select service_id, dedup_key, action, row_number() over (partition by service_id, dedup_key order by received_at desc, id desc) as rn
          from events
          where service_id in (${services}) and dedup_key in (${keys}) and received_at >= ${now - INBOUND_FLAP_WINDOW_MS} and action in ('trigger', 'resolve')
      ) recent where rn <= ${FLAP_HISTORY_STATES}`
}

/** Which of `pairs` are plain, from the rows plainTriggerLookup read (rows of other kinds are ignored). */
export function foldPlainTriggers(rows: readonly FactRow[], pairs: readonly ServiceKey[]): PlainTriggers {
  const ruled = new Set<string>()
  const held = new Set<string>()
  const states = new Map<string, { rank: number; trigger: boolean }[]>()
  // The lookup matches services and keys separately: keep only the pairs asked about.
  const asked = new Set(pairs.map((p) => serviceDedupKey(p.serviceId, p.dedupKey)))
  for (const r of rows) {
    if (r.kind === 'rule') {
      ruled.add(r.service_id)
      continue
    }
    if (r.kind !== 'held' && r.kind !== 'state') continue
    const key = serviceDedupKey(r.service_id, r.dedup_key ?? '')
    if (!asked.has(key)) continue
    if (r.kind === 'held') held.add(key)
    else {
      const list = states.get(key) ?? []
      list.push({ rank: Number(r.rank), trigger: r.note === 'trigger' })
      states.set(key, list)
    }
  }
  return {
    isPlain(serviceId, dedupKey, opens) {
      const key = serviceDedupKey(serviceId, dedupKey)
      if (ruled.has(serviceId) || held.has(key)) return false
      if (!opens) return true
      // Oldest first, then the trigger arriving now, as inboundFlapState folds them.
      const history = [...(states.get(key) ?? [])].sort((a, b) => b.rank - a.rank).map((s) => s.trigger)
      return !foldFlapping([...history, true]).flapping
    },
  }
}
