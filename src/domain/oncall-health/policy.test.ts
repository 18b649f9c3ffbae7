import { describe, expect, it } from 'vitest'
import { AppError } from '../../lib/errors.js'
import { DEFAULT_ON_CALL_HEALTH_POLICY, normalizeOnCallHealthPolicy } from './policy.js'

function fieldsOf(fn: () => unknown): readonly string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.fields.map((f) => `${f.field}: ${f.reason}`)
    throw err
  }
  throw new Error('expected a validation error')
}

describe('team on-call health policy', () => {
  it('fills every default', () => {
    expect(normalizeOnCallHealthPolicy({})).toEqual({
      wakeUpSpanMinutes: 30,
      sleepIn: { mode: 'next-working-day-later', hours: 3 },
      relief: { wakeUpsPerNight: 2, wakeUpsPerWeek: 4, recovery: { mode: 'recovery-period', hours: 48 } },
      nightPageBudget: 2,
      compensation: { factor: 1.5, countSleepHoursPagesAsMinutes: 60 },
    })
    expect(normalizeOnCallHealthPolicy({})).toEqual(DEFAULT_ON_CALL_HEALTH_POLICY)
  })

  it('keeps valid settings', () => {
    const p = normalizeOnCallHealthPolicy({
      sleepIn: { mode: 'after-wake-up', hours: 8 },
      relief: { wakeUpsPerNight: 3, recovery: { mode: 'end-of-shift' } },
      compensation: { factor: 2 },
    })
    expect(p.sleepIn).toEqual({ mode: 'after-wake-up', hours: 8 })
    expect(p.relief).toEqual({ wakeUpsPerNight: 3, wakeUpsPerWeek: 4, recovery: { mode: 'end-of-shift' } })
    expect(p.compensation).toEqual({ factor: 2, countSleepHoursPagesAsMinutes: 60 })
  })

  it('reports every bad field at once, by path', () => {
    expect(
      fieldsOf(() =>
        normalizeOnCallHealthPolicy({
          wakeUpSpanMinutes: 2.5,
          sleepIn: { mode: 'nap', hours: 30 },
          relief: { wakeUpsPerNight: 0, recovery: { mode: 'end-of-shift', hours: 5 } },
          nightPageBudget: Number.NaN,
        }),
      ),
    ).toEqual([
      'wakeUpSpanMinutes: must be a whole number',
      'sleepIn.hours: must be between 0 and 24',
      "sleepIn.mode: must be 'next-working-day-later' or 'after-wake-up'",
      'relief.wakeUpsPerNight: must be between 1 and 20',
      "relief.recovery.hours: only applies to mode 'recovery-period'",
      'nightPageBudget: must be a number',
    ])
  })
})
