import { describe, expect, it } from 'vitest'
import { localTime } from '../../lib/time/index.js'
import { validateFreeze } from './freezes.js'
import { DEFAULT_DEPLOY_POLICY, DEFAULT_GATE_CHECKS, validateDeployPolicy } from './policy.js'

describe('DEFAULT_DEPLOY_POLICY', () => {
  it('opens Mon–Fri 09:00–17:00 with a 3 h tail, so 14:00 is the last deploy', () => {
    expect(DEFAULT_DEPLOY_POLICY('Europe/Berlin')).toEqual({
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: localTime('09:00'), end: localTime('17:00') }],
      supportTailMinutes: 180,
      staffedHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: localTime('09:00'), end: localTime('17:00') },
      holidays: [],
      checks: DEFAULT_GATE_CHECKS,
    })
    expect(DEFAULT_GATE_CHECKS.requireApprovedChange).toBe(false)
  })
})

describe('validateDeployPolicy', () => {
  it('fills defaults, sorts weekdays and holidays and drops duplicate dates', () => {
    const result = validateDeployPolicy({
      timeZone: 'Asia/Kolkata',
      windows: [{ days: ['thu', 'tue'], start: '10:00', end: '16:00' }],
      holidays: ['2026-08-15', '2026-01-26', '2026-08-15'],
      checks: { requireApprovedChange: true },
    })
    expect(result).toEqual({
      ok: true,
      value: {
        ...DEFAULT_DEPLOY_POLICY('Asia/Kolkata'),
        windows: [{ days: ['tue', 'thu'], start: '10:00', end: '16:00' }],
        holidays: ['2026-01-26', '2026-08-15'],
        checks: { ...DEFAULT_GATE_CHECKS, requireApprovedChange: true },
      },
    })
  })

  it('reports every invalid field with its path', () => {
    const result = validateDeployPolicy({
      timeZone: 'Europe/Berlin',
      windows: [{ days: ['mon'], start: '9:00', end: '17:00' }, { days: ['funday'], start: '09:00', end: '24:00' }],
      staffedHours: { days: [], start: '09:00', end: '17:00' },
      supportTailMinutes: -5,
      holidays: ['2026-02-30'],
    })
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'windows[0].start', reason: 'must be a local time "HH:MM" (00:00–23:59)' },
        { field: 'windows[1].end', reason: 'must be a local time "HH:MM" (00:00–23:59)' },
        { field: 'windows[1].days[0]', reason: 'must be one of mon, tue, wed, thu, fri, sat, sun' },
        { field: 'staffedHours.days', reason: 'must name at least one weekday' },
        { field: 'supportTailMinutes', reason: 'must be a whole number of minutes from 0 to 10080' },
        { field: 'holidays[0]', reason: 'must be a calendar date "YYYY-MM-DD"' },
      ],
    })
  })

  it('rejects an unknown zone', () => {
    expect(validateDeployPolicy({ timeZone: 'Europe/Atlantis' })).toEqual({
      ok: false,
      errors: [{ field: 'timeZone', reason: '"Europe/Atlantis" is not an IANA time zone such as Europe/Berlin' }],
    })
  })

  it('rejects a policy that could never deploy: windows end less than the tail before staffed hours end', () => {
    const result = validateDeployPolicy({ timeZone: 'Europe/Berlin', windows: [{ days: ['fri'], start: '15:00', end: '17:00' }] })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors[0]?.field).toBe('supportTailMinutes')
  })
})

describe('validateFreeze', () => {
  it('trims and sorts, and rejects an empty period and an empty scope', () => {
    expect(validateFreeze({ name: ' Peak ', start: 10, end: 20, scope: { kind: 'teams', teamIds: ['b', 'a', 'a'] }, reason: ' sales ' })).toEqual({
      ok: true,
      value: { name: 'Peak', start: 10, end: 20, scope: { kind: 'teams', teamIds: ['a', 'b'] }, reason: 'sales' },
    })
    expect(validateFreeze({ name: '', start: 20, end: 20, scope: { kind: 'services', serviceIds: [' '] }, reason: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'name', reason: 'must not be empty' },
        { field: 'end', reason: 'must be after start' },
        { field: 'scope.serviceIds', reason: 'must name at least one id (use kind "all" to freeze everything)' },
      ],
    })
  })
})
