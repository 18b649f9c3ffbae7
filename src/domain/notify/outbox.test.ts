import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../../test/harness/storage.js'
import { executeTogether, insertRow, type Db } from '../../storage/index.js'
import { claimDueNotifications, deliveryWrites, recordedStatuses, type DeliveryResult } from './index.js'

const T0 = Date.parse('2026-11-24T09:00:00Z')
const SECOND = 1_000

async function seedMessage(db: Db, id: string): Promise<void> {
  await insertRow(db, 'users', { id: 'u1', name: 'Ana', email: 'ana@example.test', time_zone: 'Europe/Berlin', sleep_start: '22:00', sleep_end: '08:00', working_days: '1,2,3,4,5', working_start: '09:00', working_end: '17:00', is_admin: 0, is_demo: 0, ical_token_hash: null, created_at: T0, updated_at: T0 })
  await insertRow(db, 'notifications', {
    id,
    alert_id: null,
    service_id: null,
    user_id: 'u1',
    contact_method_id: null,
    channel: 'webhook',
    kind: 'test',
    urgency: 'high',
    interrupting: 1,
    status: 'pending',
    not_before: T0,
    next_attempt_at: T0,
    attempts: 0,
    sending_until: null,
    last_error: null,
    provider_id: null,
    idempotency_key: `key-${id}`,
    subject: 'Test',
    body_text: 'Test',
    payload_json: '{}',
    created_at: T0,
    sent_at: null,
  })
}

const failed: DeliveryResult = { ok: false, permanent: false, error: 'HTTP 503', durationMs: 40_000, timedOut: false }
const sent: DeliveryResult = { ok: true, providerId: null, durationMs: 12 }

for (const dialect of DIALECTS) {
  describe(`${dialect}: recording deliveries`, () => {
    it('leaves a message another sender claimed after a stall as that sender will record it, and still keeps the attempt', async () => {
      const { storage, dispose } = await createTestDatabase(dialect)
      try {
        const db = storage.db
        await seedMessage(db, 'n1')
        // Sender A claims it and stalls past its deadline; sender B claims it again and sends it.
        const firstDeadline = T0 + 25 * SECOND
        const [claimedByA] = await claimDueNotifications(db, T0, firstDeadline, 10)
        expect(claimedByA?.attempts).toBe(1)
        const [claimedByB] = await claimDueNotifications(db, firstDeadline + SECOND, firstDeadline + 26 * SECOND, 10)
        expect(claimedByB?.attempts).toBe(2)
        await executeTogether(db, deliveryWrites(db, firstDeadline + 2 * SECOND, [{ n: claimedByB!, result: sent, random: 0.5 }], firstDeadline + 26 * SECOND).queries)
        // A's failure arrives last: without the claim check it would put the sent message back to pending (a third send).
        const lateAttempts = [{ n: claimedByA!, result: failed, random: 0.5 }]
        const late = deliveryWrites(db, firstDeadline + 3 * SECOND, lateAttempts, firstDeadline)
        expect(late.statuses).toEqual(['pending'])
        await executeTogether(db, late.queries)
        // What A's timeline may say: not "will retry", since B's outcome is the one that counts.
        expect(await recordedStatuses(db, lateAttempts, late.statuses)).toEqual([null])
        const row = await db.selectFrom('notifications').selectAll().where('id', '=', 'n1').executeTakeFirstOrThrow()
        expect(row).toMatchObject({ status: 'sent', sent_at: firstDeadline + 2 * SECOND, attempts: 2, last_error: null })
        const attempts = await db.selectFrom('notification_attempts').select(['outcome', 'error']).where('notification_id', '=', 'n1').orderBy('at').execute()
        expect(attempts).toEqual([
          { outcome: 'sent', error: null },
          { outcome: 'failed', error: 'HTTP 503' },
        ])
      } finally {
        await dispose()
      }
    })

    it('tells a stalled sender its failure did not count while another sender still holds the message', async () => {
      const { storage, dispose } = await createTestDatabase(dialect)
      try {
        const db = storage.db
        await seedMessage(db, 'n3')
        const firstDeadline = T0 + 25 * SECOND
        const [claimedByA] = await claimDueNotifications(db, T0, firstDeadline, 10)
        // A's last allowed attempt: on its own it would dead-letter the message.
        const lastTry = { ...claimedByA!, attempts: 6 }
        await db.updateTable('notifications').set({ attempts: 6 }).where('id', '=', 'n3').execute()
        // B claims it again (the 7th claim) and is still sending when A's permanent failure arrives.
        await claimDueNotifications(db, firstDeadline + SECOND, firstDeadline + 26 * SECOND, 10)
        const attempts = [{ n: lastTry, result: { ...failed, permanent: true }, random: 0.5 }]
        const writes = deliveryWrites(db, firstDeadline + 2 * SECOND, attempts, firstDeadline)
        expect(writes.statuses).toEqual(['dead'])
        await executeTogether(db, writes.queries)
        expect(await recordedStatuses(db, attempts, writes.statuses)).toEqual([null])
        const row = await db.selectFrom('notifications').selectAll().where('id', '=', 'n3').executeTakeFirstOrThrow()
        expect(row).toMatchObject({ status: 'sending', sending_until: firstDeadline + 26 * SECOND, attempts: 7 })
      } finally {
        await dispose()
      }
    })

    it('records the outcome of a message still held by the claim', async () => {
      const { storage, dispose } = await createTestDatabase(dialect)
      try {
        const db = storage.db
        await seedMessage(db, 'n2')
        const deadline = T0 + 25 * SECOND
        const [claimed] = await claimDueNotifications(db, T0, deadline, 10)
        const attempts = [{ n: claimed!, result: failed, random: 0.5 }]
        const writes = deliveryWrites(db, T0 + SECOND, attempts, deadline)
        await executeTogether(db, writes.queries)
        expect(await recordedStatuses(db, attempts, writes.statuses)).toEqual(['pending'])
        const row = await db.selectFrom('notifications').selectAll().where('id', '=', 'n2').executeTakeFirstOrThrow()
        expect(row).toMatchObject({ status: 'pending', sending_until: null, last_error: 'HTTP 503', attempts: 1 })
        expect(row.next_attempt_at).toBeGreaterThan(T0 + SECOND)
      } finally {
        await dispose()
      }
    })
  })
}
