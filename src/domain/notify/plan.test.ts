import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localTime, parseInstant, type Instant } from '../../lib/time/index.js'
import type { ContactMethod, NotificationRule } from '../users/index.js'
import { BUNDLE_WINDOW_MS, engagementMatters, planNotifications, type PlanInput } from './plan.js'

const at = (s: string): Instant => parseInstant(s) ?? NaN
const method = (id: string, type: ContactMethod['type'], interrupting: boolean, verified = true): ContactMethod => ({
  id,
  userId: 'u1',
  type,
  label: id,
  address: `${id}@example.test`,
  interrupting,
  verified,
  verifiedAt: verified ? 0 : null,
  createdAt: 0,
})
const rule = (id: string, contactMethodId: string, urgency: 'high' | 'low', delayMinutes: number): NotificationRule => ({ id, userId: 'u1', contactMethodId, urgency, delayMinutes })

const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  alertId: 'A',
  serviceId: 'S',
  urgency: 'high',
  user: { id: 'u1', timeZone: 'Europe/Berlin', workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: localTime('09:00'), end: localTime('17:00') } },
  rules: [rule('r1', 'sms', 'high', 0), rule('r2', 'email', 'high', 1), rule('r3', 'email', 'low', 0)],
  methods: [method('sms', 'sms', true), method('email', 'email', false)],
  now: at('2026-11-24T02:00:00+01:00'),
  firing: 'l0s0',
  lastPageOnService: null,
  engaged: false,
  ...over,
})

describe('planNotifications', () => {
  it('pages a high-urgency alert at once on each rule, in delay order, with stable keys', () => {
    const plan = planNotifications(base())
    expect(plan.messages.map((m) => [m.channel, m.notBefore - base().now, m.interrupting, m.status, m.idempotencyKey])).toEqual([
      ['sms', 0, true, 'pending', 'a:A:u:u1:l0s0:r:r1'],
      ['email', 60_000, false, 'pending', 'a:A:u:u1:l0s0:r:r2'],
    ])
    expect(plan.heldUntil).toBeNull()
  })

  it('holds a low-urgency alert at 02:00 until 09:00 in the person’s zone', () => {
    const plan = planNotifications(base({ urgency: 'low' }))
    expect(plan.messages).toHaveLength(1)
    expect(plan.messages[0]?.notBefore).toBe(at('2026-11-24T09:00:00+01:00'))
    expect(plan.heldUntil).toBe(at('2026-11-24T09:00:00+01:00'))
  })

  it('skips unverified methods and says so', () => {
    const plan = planNotifications(base({ methods: [method('sms', 'sms', true, false), method('email', 'email', false)] }))
    expect(plan.messages.map((m) => m.channel)).toEqual(['email'])
    expect(plan.skipped).toEqual(['sms "sms" is not verified'])
  })

  it('reports a person with no rules for the urgency', () => {
    const plan = planNotifications(base({ rules: [rule('r3', 'email', 'low', 0)] }))
    expect(plan.messages).toEqual([])
    expect(plan.skipped).toEqual(['no notification rules for high urgency'])
  })

  it('sends an engaged responder one non-interrupting update instead of pages', () => {
    const plan = planNotifications(base({ engaged: true }))
    expect(plan.messages).toEqual([expect.objectContaining({ channel: 'email', kind: 'update', interrupting: false, idempotencyKey: 'a:A:u:u1:l0s0:update' })])
  })

  it('bundles alerts on a service paged within the window into one follow-up', () => {
    const last = base().now - 2 * 60_000
    const plan = planNotifications(base({ lastPageOnService: last }))
    expect(plan.messages.every((m) => m.status === 'bundled')).toBe(true)
    expect(plan.bundle).toMatchObject({ windowStart: last, dueAt: last + BUNDLE_WINDOW_MS, idempotencyKey: `bundle:u:u1:s:S:${last}` })
    expect(planNotifications(base({ lastPageOnService: base().now - BUNDLE_WINDOW_MS })).bundle).toBeNull()
  })

  it('engagement matters exactly when it changes the plan (callers skip looking it up otherwise)', () => {
    const methods = fc.array(
      fc.record({ type: fc.constantFrom('sms', 'email', 'webhook' as const), interrupting: fc.boolean(), verified: fc.boolean() }),
      { maxLength: 3 },
    )
    fc.assert(
      fc.property(methods, fc.array(fc.record({ m: fc.nat(3), urgency: fc.constantFrom('high', 'low' as const) }), { maxLength: 4 }), fc.constantFrom('high', 'low' as const), (ms, rs, urgency) => {
        const input = base({
          urgency,
          methods: ms.map((m, i) => method(`m${i}`, m.type, m.interrupting, m.verified)),
          rules: rs.map((r, i) => rule(`r${i}`, `m${r.m}`, r.urgency, i)),
        })
        const changes = JSON.stringify(planNotifications({ ...input, engaged: true })) !== JSON.stringify(planNotifications({ ...input, engaged: false }))
        expect(engagementMatters(input)).toBe(changes)
      }),
      { numRuns: 300 },
    )
    expect(engagementMatters(base())).toBe(true)
    expect(engagementMatters(base({ methods: [method('sms', 'sms', true)] }))).toBe(false)
  })
})
