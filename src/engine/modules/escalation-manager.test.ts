import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestDatabase, DIALECTS } from '../../../test/harness/storage.js'
import { insertRows, type Db } from '../../storage/index.js'
import { dueAlerts } from './escalation-manager.js'

const NOW = 1_800_000_000_000

/** A team, a service, and `count` triggered alerts due in the future, plus `due` of them due now. */
async function seedAlerts(db: Db, count: number, due: number): Promise<string[]> {
  await db.insertInto('teams').values({ id: 't', name: 'Team', description: '', time_zone: 'UTC', is_demo: 0, created_at: 1, updated_at: 1 }).execute()
  await db.insertInto('services').values({ id: 's', name: 'svc', team_id: 't', description: '', is_demo: 0, created_at: 1, updated_at: 1, escalation_policy_id: null, urgency_rule_json: '{}', auto_resolve_minutes: null }).execute()
  const alert = (i: number, nextAt: number, status = 'triggered', mitigation: string | null = '{"checked":true}') => ({
    id: `a${String(i).padStart(6, '0')}`, service_id: 's', dedup_key: `k${i}`, status, urgency: 'high', summary: `Alert ${i} with a summary as long as real ones are`, source: 'bench',
    severity: 'critical', component: null, group_name: null, class_name: null, details_json: JSON.stringify({ detail: 'x'.repeat(200) }), links_json: '[]', origin: 'events_v2', created_by: null,
    created_at: i, updated_at: i, last_event_at: i, event_count: 1, acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null, outcome: null, outcome_note: null,
    policy_id: null, escalation_step: 0, escalation_loop: 0, next_escalation_at: nextAt, direct_targets_json: null, mitigation_json: mitigation,
  })
  const rows = Array.from({ length: count }, (_, i) => alert(i, NOW + 1_800_000 + i))
  // Due now: two fireable, and three the query must pass over (acknowledged, undecided, resolved).
  const dueRows = Array.from({ length: due }, (_, i) => alert(count + i, NOW - 1_000 + i))
  rows.push(...dueRows, alert(count + due, NOW - 5_000, 'acknowledged'), alert(count + due + 1, NOW - 5_000, 'triggered', null), alert(count + due + 2, NOW - 5_000, 'resolved'))
  await insertRows(db, 'alerts', rows)
  return dueRows.map((r) => r.id)
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: the escalation cycle's due alerts`, () => {
    it('are the triggered, decided alerts due now, oldest due first', async () => {
      const test = await createTestDatabase(dialect)
      try {
        const due = await seedAlerts(test.storage.db, 200, 3)
        const rows = await dueAlerts(test.storage.db, dialect, NOW, 500).execute()
        expect(rows.map((r) => r.id)).toEqual(due)
        expect((await dueAlerts(test.storage.db, dialect, NOW, 2).execute()).map((r) => r.id)).toEqual(due.slice(0, 2))
      } finally {
        await test.dispose()
      }
    })
  })
}

describe.skipIf(!DIALECTS.includes('postgres'))('postgres: the due alerts query plan', () => {
  it('walks the partial due index even before the table has statistics, never the whole table', async () => {
    const test = await createTestDatabase('postgres')
    try {
      // A fresh database in its first storm: thousands of alerts, none analyzed yet.
      await seedAlerts(test.storage.db, 6_000, 3)
      const compiled = dueAlerts(test.storage.db, 'postgres', NOW, 500).compile()
      const explained = await test.storage.db.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `explain ${compiled.sql}` })
      const plan = explained.rows.map((r) => r['QUERY PLAN']).join('\n')
      expect(plan).toContain('alerts_due_triggered')
      expect(plan).not.toContain('Seq Scan')
      const stats = await sql<{ n: number }>`select count(*)::int as n from pg_stats where tablename = 'alerts'`.execute(test.storage.db)
      expect(stats.rows[0]?.n).toBe(0)
    } finally {
      await test.dispose()
    }
  })
})
