import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { TimeZoneInput } from '../../../components/time-zone-input'
import { useSubmit } from '../../../hooks/use-submit'
import type { TeamDeployPolicy } from '../../../types/api'
import { putDeployPolicy } from '../api/put-deploy-policy'
import { CHECKS, policyDraftOf, policyDraftToInput, type PolicyDraft } from '../utils/policy-draft'
import { HolidayEditor } from './holiday-editor'
import { WeeklyHoursFields } from './weekly-hours-fields'

interface DeployPolicyFormProps {
  readonly teamId: string
  readonly policy: TeamDeployPolicy
  readonly onSaved: (policy: TeamDeployPolicy, message: string) => void
  readonly onReset: () => void
}

/** A team's deploy policy: zone, windows, support tail, staffed hours, holidays and the gate's checks; the API's reasons beside each part. */
export function DeployPolicyForm({ teamId, policy, onSaved, onReset }: DeployPolicyFormProps) {
  const [draft, setDraft] = useState<PolicyDraft>(() => policyDraftOf(policy.policy))
  const { pending, fieldErrors, formError, submit } = useSubmit(['timeZone', 'supportTailMinutes', 'windows', 'staffedHours', ...draft.windows.flatMap((_, i) => ['days', 'start', 'end'].map((f) => `windows[${i}].${f}`)), 'staffedHours.days', 'staffedHours.start', 'staffedHours.end', ...draft.holidays.map((_, i) => `holidays[${i}]`)])
  const change = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(async () => onSaved(await putDeployPolicy(teamId, policyDraftToInput(draft)), 'Saved the deploy policy. The gate and the calendar use it from now on.'))
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Deploy policy">
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Time zone" error={fieldErrors['timeZone']} hint="Windows, staffed hours and holidays are read in this zone.">
          {(control) => <TimeZoneInput {...control} value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value })} />}
        </Field>
        <Field label="Support tail (minutes)" error={fieldErrors['supportTailMinutes']} hint="Staffed time a deploy must leave after it: 180 makes 14:00 the last deploy of a 09:00–17:00 day.">
          {(control) => <input {...control} type="number" min={0} step={15} className="input--narrow" value={draft.supportTailMinutes} onChange={(e) => change({ supportTailMinutes: e.target.value })} />}
        </Field>
      </div>
      <div className="policy-windows">
        <p className="field__label">Deploy windows</p>
        {fieldErrors['windows'] !== undefined && <p className="field__error">{fieldErrors['windows']}</p>}
        {draft.windows.length === 0 && <p className="muted">No windows: deploys are not limited to windows (the support tail and staffed hours still apply).</p>}
        {draft.windows.map((w, i) => (
          <WeeklyHoursFields
            key={i}
            label={`Window ${i + 1}`}
            value={w}
            onChange={(next) => change({ windows: draft.windows.map((x, j) => (j === i ? next : x)) })}
            onRemove={() => change({ windows: draft.windows.filter((_, j) => j !== i) })}
            errorOf={(suffix) => fieldErrors[`windows[${i}]${suffix}`]}
          />
        ))}
        <button type="button" className="button button--small" onClick={() => change({ windows: [...draft.windows, { days: ['mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' }] })}>+ Add a window</button>
      </div>
      <WeeklyHoursFields label="Staffed hours" value={draft.staffedHours} onChange={(staffedHours) => change({ staffedHours })} errorOf={(suffix) => fieldErrors[`staffedHours${suffix}`] ?? (suffix === '.days' ? fieldErrors['staffedHours'] : undefined)} />
      <HolidayEditor
        teamId={teamId}
        holidays={draft.holidays}
        onChange={(holidays) => change({ holidays })}
        errorOf={(f) => fieldErrors[f]}
        onImported={(p, message) => {
          setDraft(policyDraftOf(p.policy))
          onSaved(p, message)
        }}
      />
      <fieldset className="fieldset">
        <legend>The deploy gate also checks</legend>
        <div className="choice-list">
          {CHECKS.map((c) => (
            <label key={c.key} className="checkbox policy-check">
              <input type="checkbox" checked={draft.checks[c.key]} onChange={(e) => change({ checks: { ...draft.checks, [c.key]: e.target.checked } })} />
              <span><strong>{c.label}</strong> <span className="muted">{c.explain}</span></span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form__actions">
        {Object.keys(fieldErrors).length > 0 && <p className="field__error policy-form__unsaved" role="alert">Not saved: fix the fields marked above.</p>}
        {!policy.isDefault && <button type="button" className="button button--danger" onClick={onReset}>Reset to the default</button>}
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : 'Save policy'}</button>
      </div>
    </form>
  )
}
