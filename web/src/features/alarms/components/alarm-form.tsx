import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Service, Team } from '../../../types/api'
import type { AlarmInput } from '../api/create-alarm'
import { alarmDraftErrors, alarmDraftToInput, parseSelector, SEVERITIES, type AlarmDraft } from '../utils/alarm-draft'
import { SloFields } from './slo-fields'
import { ThresholdFields } from './threshold-fields'

interface AlarmFormProps {
  readonly initial: AlarmDraft
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** An alarm stays on its service and keeps its kind. */
  readonly editing: boolean
  readonly submitLabel: string
  readonly onSubmit: (serviceId: string, input: AlarmInput) => Promise<unknown>
  readonly onCancel: () => void
}

// Every field the form shows a reason beside; reasons about anything else go to the summary.
const SHOWN = [
  'serviceId', 'name', 'kind', 'metric', 'selector', 'statistic', 'periodSeconds', 'comparison', 'threshold', 'recoveryThreshold',
  'evaluationPeriods', 'datapointsToAlarm', 'treatMissingData', 'good', 'good.metric', 'good.selector', 'total', 'total.metric', 'total.selector',
  'target', 'periodDays', 'severity', 'okPeriodsToResolve',
]

/** A threshold or SLO alarm; the API's reasons show beside each field. */
export function AlarmForm({ initial, services, teams, editing, submitLabel, onSubmit, onCancel }: AlarmFormProps) {
  const [draft, setDraft] = useState(initial)
  // The API reports a bad label per name (`selector.route`); those show beside their selector.
  const labelFields = (prefix: string, text: string) => {
    const parsed = parseSelector(text)
    return 'selector' in parsed ? Object.keys(parsed.selector).map((k) => `${prefix}.${k}`) : []
  }
  const { pending, fieldErrors, formError, submit } = useSubmit([
    ...SHOWN, ...labelFields('selector', draft.selector), ...labelFields('good.selector', draft.goodSelector), ...labelFields('total.selector', draft.totalSelector),
  ])
  const change = (patch: Partial<AlarmDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(() => onSubmit(draft.serviceId, alarmDraftToInput(draft)), alarmDraftErrors(draft))
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Service" error={fieldErrors['serviceId']} hint={editing ? 'An alarm stays on its service.' : 'Its alert opens on this service and pages by its policy.'}>
          {(control) => (
            <select {...control} value={draft.serviceId} disabled={editing} onChange={(e) => change({ serviceId: e.target.value })}>
              <option value="">Choose a service…</option>
              {teams.map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {services.filter((s) => s.teamId === t.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={fieldErrors['name']}>
          {(control) => <input {...control} type="text" maxLength={100} placeholder="checkout latency" value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
        </Field>
      </div>
      <div className="segmented" role="radiogroup" aria-label="Alarm kind">
        <label className="checkbox">
          <input type="radio" name="alarm-kind" checked={draft.kind === 'threshold'} disabled={editing} onChange={() => change({ kind: 'threshold' })} />
          <span>Threshold on a metric</span>
        </label>
        <label className="checkbox">
          <input type="radio" name="alarm-kind" checked={draft.kind === 'slo'} disabled={editing} onChange={() => change({ kind: 'slo' })} />
          <span>SLO burn rate</span>
        </label>
      </div>
      {fieldErrors['kind'] !== undefined && <p className="field__error">{fieldErrors['kind']}</p>}
      {draft.kind === 'threshold' ? <ThresholdFields draft={draft} fieldErrors={fieldErrors} onChange={change} /> : <SloFields draft={draft} fieldErrors={fieldErrors} onChange={change} />}
      <div className="form__row">
        <Field label="Alert severity" error={fieldErrors['severity']} hint="The service maps it to urgency (by default critical and error page; warning and info wait for working hours).">
          {(control) => (
            <select {...control} value={draft.severity} onChange={(e) => change({ severity: e.target.value })}>
              {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          )}
        </Field>
        <Field label="OK evaluations that resolve the alert" error={fieldErrors['okPeriodsToResolve']} hint="The state goes OK at once; the alert resolves after this many OK evaluations in a row, so a one-period dip does not resolve and re-page.">
          {(control) => <input {...control} type="number" min={1} max={60} value={draft.okPeriodsToResolve} onChange={(e) => change({ okPeriodsToResolve: e.target.value })} />}
        </Field>
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  )
}
