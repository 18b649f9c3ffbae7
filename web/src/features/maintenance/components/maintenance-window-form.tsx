import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Service, Team } from '../../../types/api'
import type { MaintenanceWindowInput } from '../api/create-maintenance-window'
import { windowDraftErrors, windowDraftToInput, type MaintenanceWindowDraft } from '../utils/window-draft'

interface MaintenanceWindowFormProps {
  readonly initial: MaintenanceWindowDraft
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** The zone the start and end are read in (the viewer's). */
  readonly zone: string
  readonly onSubmit: (serviceId: string, input: MaintenanceWindowInput) => Promise<unknown>
}

const SHOWN = ['serviceId', 'reason', 'durationMinutes', 'start', 'end']

/** Opens a window on one service: ad hoc from now for N minutes, or scheduled from a start to an end. */
export function MaintenanceWindowForm({ initial, services, teams, zone, onSubmit }: MaintenanceWindowFormProps) {
  const [draft, setDraft] = useState(initial)
  const { pending, fieldErrors, formError, submit } = useSubmit(SHOWN)
  const change = (patch: Partial<MaintenanceWindowDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    // Keeps the service and times, so the next window on the same service is one reason away.
    if (await submit(() => onSubmit(draft.serviceId, windowDraftToInput(draft, zone)), windowDraftErrors(draft, zone))) change({ reason: '' })
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Service" error={fieldErrors['serviceId']}>
          {(control) => (
            <select {...control} value={draft.serviceId} onChange={(e) => change({ serviceId: e.target.value })}>
              <option value="">Choose a service…</option>
              {teams.map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {services.filter((s) => s.teamId === t.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Reason" error={fieldErrors['reason']} hint="Shown on every alert the window holds.">
          {(control) => <input {...control} type="text" maxLength={500} placeholder="Database upgrade" value={draft.reason} onChange={(e) => change({ reason: e.target.value })} />}
        </Field>
      </div>
      <div className="segmented" role="radiogroup" aria-label="When">
        <label className="checkbox">
          <input type="radio" name="mw-kind" checked={draft.kind === 'adhoc'} onChange={() => change({ kind: 'adhoc' })} />
          <span>From now</span>
        </label>
        <label className="checkbox">
          <input type="radio" name="mw-kind" checked={draft.kind === 'scheduled'} onChange={() => change({ kind: 'scheduled' })} />
          <span>Scheduled</span>
        </label>
      </div>
      {draft.kind === 'adhoc' ? (
        <div className="form__row">
          <Field label="For (minutes)" error={fieldErrors['durationMinutes'] ?? fieldErrors['end']} hint="Up to 7 days.">
            {(control) => <input {...control} type="number" min={1} className="input--narrow" value={draft.minutes} onChange={(e) => change({ minutes: e.target.value })} />}
          </Field>
        </div>
      ) : (
        <div className="form__row">
          <Field label="Start" error={fieldErrors['start']} hint={`Your time zone, ${zone}.`}>
            {(control) => <input {...control} type="datetime-local" value={draft.start} onChange={(e) => change({ start: e.target.value })} />}
          </Field>
          <Field label="End" error={fieldErrors['end'] ?? fieldErrors['durationMinutes']} hint="At most 7 days after the start.">
            {(control) => <input {...control} type="datetime-local" value={draft.end} onChange={(e) => change({ end: e.target.value })} />}
          </Field>
        </div>
      )}
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Opening…' : 'Open window'}</button>
      </div>
    </form>
  )
}
