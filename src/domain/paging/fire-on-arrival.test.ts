import { describe, expect, it } from 'vitest'
import type { Insertable } from 'kysely'
import { createTestDatabase } from '../../../test/harness/storage.js'
import { SecretBox } from '../../lib/secrets.js'
import { LinkSigner } from '../notify/index.js'
import { CHECKED_NO_RULE } from '../mitigation/index.js'
import type { AlertsTable } from '../../storage/index.js'
import { ConfigCache } from './config-cache.js'
import { FirstPages } from './first-pages.js'
import { fireOnArrival, StoredBundles } from './fire-on-arrival.js'

const NOW = 1_800_000_000_000

function newAlertRow(over: Partial<Insertable<AlertsTable>> = {}): Insertable<AlertsTable> {
  return {
    id: 'a1', service_id: 'gone', dedup_key: 'k1', status: 'triggered', urgency: 'high', summary: 'Disk full', source: 'db-1', severity: 'critical', component: null, group_name: null, class_name: null,
    details_json: '{}', links_json: '[]', origin: 'events_v2', created_by: null, created_at: NOW, updated_at: NOW, last_event_at: NOW, event_count: 1, acknowledged_at: null, acknowledged_by: null,
    resolved_at: null, resolved_by: null, outcome: null, outcome_note: null, policy_id: 'p1', escalation_step: 0, escalation_loop: 0, next_escalation_at: NOW, direct_targets_json: null,
    mitigation_json: CHECKED_NO_RULE, ...over,
  }
}

describe('fireOnArrival', () => {
  it('reports a firing that fails and leaves the alert due for the engine, writing nothing for it', async () => {
    const test = await createTestDatabase('sqlite')
    try {
      const secrets = new SecretBox(Buffer.alloc(32, 7))
      const errors: { err: unknown; alertId: string }[] = []
      const deps = { secrets, links: new LinkSigner(secrets.deriveKey('links'), 'http://127.0.0.1'), publicUrl: 'http://127.0.0.1', configCache: new ConfigCache(), storedBundles: new StoredBundles(), firstPages: new FirstPages(), onError: (err: unknown, alertId: string) => errors.push({ err, alertId }) }
      // Its service does not exist: the firing's first lookup fails.
      const row = newAlertRow()
      const fired = await fireOnArrival(deps, test.storage.db, NOW, null, [row])
      expect(errors).toHaveLength(1)
      expect(errors[0]?.alertId).toBe('a1')
      expect(String(errors[0]?.err)).toContain('gone')
      expect(fired).toEqual({ timeline: [], outbox: [], bundleKeys: [], leftForEngine: true })
      expect(row).toMatchObject({ escalation_step: 0, next_escalation_at: NOW })
    } finally {
      await test.dispose()
    }
  })

  it('does not try alerts that are not its to fire: undecided by mitigation, direct pages, without a policy, or not due yet', async () => {
    const test = await createTestDatabase('sqlite')
    try {
      const secrets = new SecretBox(Buffer.alloc(32, 7))
      const errors: unknown[] = []
      const deps = { secrets, links: new LinkSigner(secrets.deriveKey('links'), 'http://127.0.0.1'), publicUrl: 'http://127.0.0.1', configCache: new ConfigCache(), storedBundles: new StoredBundles(), firstPages: new FirstPages(), onError: (err: unknown) => errors.push(err) }
      const rows = [newAlertRow({ mitigation_json: null }), newAlertRow({ direct_targets_json: '["u1"]' }), newAlertRow({ policy_id: null }), newAlertRow({ next_escalation_at: NOW + 1 })]
      // Each would fail on its missing service if it were tried.
      expect(await fireOnArrival(deps, test.storage.db, NOW, null, rows)).toEqual({ timeline: [], outbox: [], bundleKeys: [], leftForEngine: true })
      expect(errors).toEqual([])
      // Nothing due now and everything decided: nothing is left for the engine.
      expect((await fireOnArrival(deps, test.storage.db, NOW, null, [newAlertRow({ next_escalation_at: NOW + 1 })])).leftForEngine).toBe(false)
    } finally {
      await test.dispose()
    }
  })
})

describe('the caches firing on arrival keeps', () => {
  it('StoredBundles knows the keys added, and starts over rather than grow without bound', () => {
    const stored = new StoredBundles()
    expect(stored.has('bundle:u:1')).toBe(false)
    stored.add(['bundle:u:1'])
    expect(stored.has('bundle:u:1')).toBe(true)
    stored.add(Array.from({ length: 10_000 }, (_, i) => `bundle:many:${i}`))
    expect(stored.has('bundle:u:1')).toBe(false)
    expect(stored.has('bundle:many:9999')).toBe(true)
  })

  it('FirstPages trusts a first page read for one second of domain time, not before it was read nor after', () => {
    const pages = new FirstPages()
    pages.remember('u1', 's1', NOW - 60_000, NOW)
    expect(pages.get('u1', 's1', NOW + 1_000)).toBe(NOW - 60_000)
    expect(pages.get('u1', 's1', NOW + 1_001)).toBeUndefined()
    expect(pages.get('u1', 's1', NOW - 1)).toBeUndefined()
    expect(pages.get('u1', 's2', NOW)).toBeUndefined()
  })
})
