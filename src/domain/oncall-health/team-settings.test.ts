import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { at } from './test-fixtures.js'
import { lastReportSlot } from './weekly-report-delivery.js'
import { maskAddress } from './team-channels.js'
import { DEFAULT_TEAM_HEALTH_SETTINGS, normalizeTeamHealthSettings } from './team-settings.js'

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.fields.map((f) => f.field)
    throw err
  }
  return []
}

describe('normalizeTeamHealthSettings', () => {
  it('fills every default', () => {
    expect(normalizeTeamHealthSettings({})).toEqual(DEFAULT_TEAM_HEALTH_SETTINGS)
    expect(DEFAULT_TEAM_HEALTH_SETTINGS).toMatchObject({ autoRelief: true, budgetGatesDeploys: false, weeklyReport: { enabled: true, weekday: 'mon', time: '09:00' } })
  })

  it('reports the policy fields and its own fields together, by path', () => {
    const fields = fieldsOf(() =>
      normalizeTeamHealthSettings({ relief: { wakeUpsPerWeek: 0 }, autoRelief: 'yes' as unknown as boolean, weeklyReport: { weekday: 'funday', time: '9am', enabled: 1 as unknown as boolean } }),
    )
    expect(fields).toEqual(['relief.wakeUpsPerWeek', 'autoRelief', 'weeklyReport.enabled', 'weeklyReport.weekday', 'weeklyReport.time'])
  })

  it('keeps valid choices', () => {
    const s = normalizeTeamHealthSettings({ budgetGatesDeploys: true, weeklyReport: { weekday: 'fri', time: '16:30' }, nightPageBudget: 0 })
    expect(s).toMatchObject({ budgetGatesDeploys: true, nightPageBudget: 0, weeklyReport: { enabled: true, weekday: 'fri', time: '16:30' } })
  })
})

describe('lastReportSlot', () => {
  const settings = normalizeTeamHealthSettings({ weeklyReport: { weekday: 'mon', time: '09:00' } })
  it('is the latest chosen weekday and time at or before now, in the team zone', () => {
    expect(lastReportSlot(settings, 'Europe/Berlin', at('2026-11-30T09:00:00+01:00'))).toBe(at('2026-11-30T09:00:00+01:00'))
    expect(lastReportSlot(settings, 'Europe/Berlin', at('2026-11-30T08:59:00+01:00'))).toBe(at('2026-11-23T09:00:00+01:00'))
    expect(lastReportSlot(settings, 'America/New_York', at('2026-11-30T09:00:00+01:00'))).toBe(at('2026-11-23T09:00:00-05:00'))
  })
  it('follows the zone across DST: Monday 09:00 stays 09:00 local', () => {
    expect(lastReportSlot(settings, 'Europe/Berlin', at('2026-10-26T12:00:00+01:00'))).toBe(at('2026-10-26T09:00:00+01:00'))
    expect(lastReportSlot(settings, 'Europe/Berlin', at('2026-10-26T08:00:00+01:00'))).toBe(at('2026-10-19T09:00:00+02:00'))
  })
})

describe('maskAddress', () => {
  it('hides the secret part of URLs and email addresses', () => {
    expect(maskAddress('https://hooks.slack.com/services/T000/B000/abcdXy12')).toBe('https://hooks.slack.com/…Xy12')
    expect(maskAddress('oncall@example.com')).toBe('o…@example.com')
    expect(maskAddress('https://example.com/x')).toBe('https://example.com/…')
    expect(maskAddress('garbage')).toBe('…')
  })
})
