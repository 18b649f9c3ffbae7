import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { TeamHealthSettings } from '../../../types/api'
import { saveHealthSettings } from '../api/save-health-settings'
import { NUMBER_FIELDS, SETTINGS_FIELDS, settingsDraftErrors, settingsDraftToInput, settingsToDraft, type SettingsDraft } from '../utils/settings-draft'

interface HealthSettingsFormProps {
  readonly teamId: string
  readonly zone: string
  readonly settings: TeamHealthSettings
  /** Team admins change settings; others see them. */
  readonly canEdit: boolean
  readonly onSaved: (settings: TeamHealthSettings) => void
}

const WEEKDAYS = [
  ['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday'],
] as const

/** A team's on-call health settings: relief rule, night budget, sleep-in, compensation and weekly report; the API's reasons beside each field. */
export function HealthSettingsForm({ teamId, zone, settings, canEdit, onSaved }: HealthSettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsToDraft(settings))
  const [saved, setSaved] = useState(false)
  const { pending, fieldErrors, formError, submit } = useSubmit(SETTINGS_FIELDS)
  const change = (patch: Partial<SettingsDraft>) => {
    setSaved(false)
    setDraft((d) => ({ ...d, ...patch }))
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await submit(async () => {
      const next = await saveHealthSettings(teamId, settingsDraftToInput(draft))
      setDraft(settingsToDraft(next))
      onSaved(next)
    }, settingsDraftErrors(draft))
    setSaved(ok)
  }
  const num = (key: keyof typeof NUMBER_FIELDS, label: string, hint: string, opts: { readonly step?: string } = {}) => (
    <Field label={label} hint={hint} error={fieldErrors[NUMBER_FIELDS[key]]}>
      {(control) => (
        <input {...control} type="number" inputMode="decimal" className="input--narrow" step={opts.step ?? '1'} value={draft[key]} onChange={(e) => change({ [key]: e.target.value } as Partial<SettingsDraft>)} />
      )}
    </Field>
  )

  return (
    <form className="form health-settings" onSubmit={onSubmit} noValidate aria-label="On-call health settings">
      {!canEdit && <Alert tone="info"><p>Only the team’s admins can change these settings.</p></Alert>}
      {formError !== undefined && <Alert>{formError}</Alert>}
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Relief</legend>
        <p className="muted">When someone on call reaches either limit, Tend hands their pager to a rested teammate from the same rotation.</p>
        <div className="form__row">
          {num('wakeUpsPerNight', 'Wake-ups in one night', '1–20; default 2 (the classic 2am and 4am).')}
          {num('wakeUpsPerWeek', 'Wake-ups in 7 days', '1–100; default 4.')}
        </div>
        <div className="form__row">
          <Field label="Recovery lasts" error={fieldErrors['relief.recovery.mode'] ?? fieldErrors['relief.recovery']}>
            {(control) => (
              <select {...control} value={draft.recoveryMode} onChange={(e) => change({ recoveryMode: e.target.value })}>
                <option value="recovery-period">A recovery period</option>
                <option value="end-of-shift">Until the end of the shift</option>
              </select>
            )}
          </Field>
          {draft.recoveryMode === 'recovery-period' && num('recoveryHours', 'Recovery period (hours)', '1–336; default 48.')}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={draft.autoRelief} onChange={(e) => change({ autoRelief: e.target.checked })} /> Relieve tired people automatically
        </label>
        {num('wakeUpSpanMinutes', 'One wake-up spans (minutes)', 'Sleep-hours pages within this many minutes of the first count as one wake-up; 0–180, default 30.')}
      </fieldset>

      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Night-page budget</legend>
        {num('nightPageBudget', 'Night-page budget', 'Sleep-hours wake-ups the team accepts per on-call week, from its own services; 0–50, default 2.')}
        <label className="checkbox">
          <input type="checkbox" checked={draft.budgetGatesDeploys} onChange={(e) => change({ budgetGatesDeploys: e.target.checked })} /> While the budget is spent, deny non-urgent deploys of the services that caused the pages
        </label>
      </fieldset>

      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Sleep-in</legend>
        <div className="form__row">
          <Field label="After a night page, start" error={fieldErrors['sleepIn.mode']}>
            {(control) => (
              <select {...control} value={draft.sleepInMode} onChange={(e) => change({ sleepInMode: e.target.value })}>
                <option value="next-working-day-later">Later than the usual start, by</option>
                <option value="after-wake-up">After the last wake-up, by</option>
              </select>
            )}
          </Field>
          {num('sleepInHours', 'Hours', '0–24; default 3 (09:00 → 12:00). A start past the end of the working day makes it a day off.', { step: '0.5' })}
        </div>
      </fieldset>

      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Compensation (time in lieu)</legend>
        <div className="form__row">
          {num('compensationFactor', 'Factor on engaged off-hours time', '0–10; default 1.5.', { step: '0.1' })}
          {num('minutesPerWakeUp', 'Minutes credited per wake-up', '0–1440; default 60.')}
        </div>
      </fieldset>

      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>Weekly report</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.reportEnabled} onChange={(e) => change({ reportEnabled: e.target.checked })} /> Send the weekly report to the team channels
        </label>
        <div className="form__row">
          <Field label="Day" error={fieldErrors['weeklyReport.weekday']}>
            {(control) => (
              <select {...control} value={draft.reportWeekday} onChange={(e) => change({ reportWeekday: e.target.value })}>
                {WEEKDAYS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </select>
            )}
          </Field>
          <Field label={`Time (${zone})`} error={fieldErrors['weeklyReport.time']}>
            {(control) => <input {...control} type="time" value={draft.reportTime} onChange={(e) => change({ reportTime: e.target.value })} />}
          </Field>
        </div>
      </fieldset>

      {canEdit && (
        <div className="form__actions form__actions--start">
          <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : 'Save settings'}</button>
          {saved && <span className="health-saved" role="status">Saved.</span>}
        </div>
      )}
    </form>
  )
}
