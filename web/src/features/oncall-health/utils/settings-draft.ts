import type { TeamHealthSettings } from '../../../types/api'
import type { HealthSettingsInput } from '../api/save-health-settings'

/** The settings form's state: numbers as typed, so a half-typed value is not lost or coerced. */
export interface SettingsDraft {
  readonly wakeUpsPerNight: string
  readonly wakeUpsPerWeek: string
  readonly recoveryMode: string
  readonly recoveryHours: string
  readonly autoRelief: boolean
  readonly wakeUpSpanMinutes: string
  readonly nightPageBudget: string
  readonly budgetGatesDeploys: boolean
  readonly sleepInMode: string
  readonly sleepInHours: string
  readonly compensationFactor: string
  readonly minutesPerWakeUp: string
  readonly reportEnabled: boolean
  readonly reportWeekday: string
  readonly reportTime: string
}

/** The API field path each number of the draft is sent as; errors come back keyed by these paths. */
export const NUMBER_FIELDS = {
  wakeUpsPerNight: 'relief.wakeUpsPerNight',
  wakeUpsPerWeek: 'relief.wakeUpsPerWeek',
  recoveryHours: 'relief.recovery.hours',
  wakeUpSpanMinutes: 'wakeUpSpanMinutes',
  nightPageBudget: 'nightPageBudget',
  sleepInHours: 'sleepIn.hours',
  compensationFactor: 'compensation.factor',
  minutesPerWakeUp: 'compensation.countSleepHoursPagesAsMinutes',
} as const satisfies Partial<Record<keyof SettingsDraft, string>>

/** Every field path the form shows errors beside. */
export const SETTINGS_FIELDS: readonly string[] = [
  ...Object.values(NUMBER_FIELDS),
  'relief.recovery.mode', 'relief.recovery', 'autoRelief', 'budgetGatesDeploys', 'sleepIn.mode',
  'weeklyReport.enabled', 'weeklyReport.weekday', 'weeklyReport.time',
]

/** The form's starting point from the saved (or default) settings. */
export function settingsToDraft(s: TeamHealthSettings): SettingsDraft {
  return {
    wakeUpsPerNight: String(s.relief.wakeUpsPerNight),
    wakeUpsPerWeek: String(s.relief.wakeUpsPerWeek),
    recoveryMode: s.relief.recovery.mode,
    recoveryHours: String(s.relief.recovery.hours ?? 48),
    autoRelief: s.autoRelief,
    wakeUpSpanMinutes: String(s.wakeUpSpanMinutes),
    nightPageBudget: String(s.nightPageBudget),
    budgetGatesDeploys: s.budgetGatesDeploys,
    sleepInMode: s.sleepIn.mode,
    sleepInHours: String(s.sleepIn.hours),
    compensationFactor: String(s.compensation.factor),
    minutesPerWakeUp: String(s.compensation.countSleepHoursPagesAsMinutes),
    reportEnabled: s.weeklyReport.enabled,
    reportWeekday: s.weeklyReport.weekday,
    reportTime: s.weeklyReport.time,
  }
}

/** Reasons keyed by API path for numbers that are not numbers at all; the API judges the ranges. */
export function settingsDraftErrors(d: SettingsDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [key, path] of Object.entries(NUMBER_FIELDS)) {
    if (key === 'recoveryHours' && d.recoveryMode !== 'recovery-period') continue
    const value = d[key as keyof typeof NUMBER_FIELDS].trim()
    if (value === '' || !Number.isFinite(Number(value))) errors[path] = 'must be a number'
  }
  return errors
}

/** The PUT body: every setting, so nothing silently returns to its default. */
export function settingsDraftToInput(d: SettingsDraft): HealthSettingsInput {
  return {
    wakeUpSpanMinutes: Number(d.wakeUpSpanMinutes),
    sleepIn: { mode: d.sleepInMode, hours: Number(d.sleepInHours) },
    relief: {
      wakeUpsPerNight: Number(d.wakeUpsPerNight),
      wakeUpsPerWeek: Number(d.wakeUpsPerWeek),
      // The API refuses hours with 'end-of-shift': the shift's end says how long.
      recovery: d.recoveryMode === 'recovery-period' ? { mode: d.recoveryMode, hours: Number(d.recoveryHours) } : { mode: d.recoveryMode },
    },
    nightPageBudget: Number(d.nightPageBudget),
    compensation: { factor: Number(d.compensationFactor), countSleepHoursPagesAsMinutes: Number(d.minutesPerWakeUp) },
    autoRelief: d.autoRelief,
    weeklyReport: { enabled: d.reportEnabled, weekday: d.reportWeekday, time: d.reportTime },
    budgetGatesDeploys: d.budgetGatesDeploys,
  }
}
