import { describe, expect, it } from 'vitest'
import type { TeamHealthSettings } from '../../../types/api'
import { settingsDraftErrors, settingsDraftToInput, settingsToDraft } from './settings-draft'

const DEFAULTS: TeamHealthSettings = {
  teamId: 't',
  wakeUpSpanMinutes: 30,
  sleepIn: { mode: 'next-working-day-later', hours: 3 },
  relief: { wakeUpsPerNight: 2, wakeUpsPerWeek: 4, recovery: { mode: 'recovery-period', hours: 48 } },
  nightPageBudget: 2,
  compensation: { factor: 1.5, countSleepHoursPagesAsMinutes: 60 },
  autoRelief: true,
  weeklyReport: { enabled: true, weekday: 'mon', time: '09:00' },
  budgetGatesDeploys: false,
  updatedAt: null,
}

describe('settings draft', () => {
  it('round-trips the settings into the PUT body', () => {
    const { teamId: _t, updatedAt: _u, ...body } = DEFAULTS
    expect(settingsDraftToInput(settingsToDraft(DEFAULTS))).toEqual(body)
  })

  it('leaves out the hours of an end-of-shift recovery, which the API refuses', () => {
    const draft = { ...settingsToDraft(DEFAULTS), recoveryMode: 'end-of-shift', recoveryHours: '' }
    expect(settingsDraftToInput(draft).relief.recovery).toEqual({ mode: 'end-of-shift' })
    expect(settingsDraftErrors(draft)).toEqual({})
  })

  it('names what is not a number by its API path, and leaves ranges to the API', () => {
    const draft = { ...settingsToDraft(DEFAULTS), nightPageBudget: '', compensationFactor: 'x', wakeUpsPerNight: '99' }
    expect(settingsDraftErrors(draft)).toEqual({ nightPageBudget: 'must be a number', 'compensation.factor': 'must be a number' })
  })
})
