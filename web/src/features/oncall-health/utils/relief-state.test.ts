import { describe, expect, it } from 'vitest'
import type { Relief } from '../../../types/api'
import { isCurrentRelief, reliefActions, reliefStatusLabel } from './relief-state'

const relief = (over: Partial<Relief> = {}): Relief => ({
  id: 'r1', teamId: 't', scheduleId: 's', scheduleName: 'Primary',
  tired: { id: 'ben', name: 'Ben', timeZone: 'Europe/Berlin' },
  replacement: { id: 'dan', name: 'Dan', timeZone: 'Europe/Berlin' },
  overrideId: 'o', start: '2026-11-24T03:00:00.000Z', end: '2026-11-26T03:00:00.000Z', status: 'active',
  reason: '2 wake-ups', night: '2026-11-23', outcomeNote: null, createdAt: '2026-11-24T03:00:00.000Z', updatedAt: '2026-11-24T03:00:00.000Z',
  ...over,
})
const NOW = Date.parse('2026-11-24T10:00:00Z')

describe('relief state', () => {
  it('is current while in force and before its end', () => {
    expect(isCurrentRelief(relief(), NOW)).toBe(true)
    expect(isCurrentRelief(relief({ status: 'taken_over' }), NOW)).toBe(true)
    expect(isCurrentRelief(relief({ status: 'needed', replacement: null }), NOW)).toBe(true)
    expect(isCurrentRelief(relief({ status: 'declined' }), NOW)).toBe(false)
    expect(isCurrentRelief(relief({ status: 'ended' }), NOW)).toBe(false)
    expect(isCurrentRelief(relief(), Date.parse('2026-11-26T03:00:00Z'))).toBe(false)
  })

  it('offers decline only when someone holds the pager', () => {
    expect(reliefActions(relief())).toEqual({ decline: true, takeOver: true })
    expect(reliefActions(relief({ status: 'needed', replacement: null }))).toEqual({ decline: false, takeOver: true })
  })

  it('labels statuses', () => {
    expect(reliefStatusLabel('needed')).toBe('Relief needed')
    expect(reliefStatusLabel('taken_over')).toBe('Taken over')
    expect(reliefStatusLabel('odd')).toBe('odd')
  })
})
