import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Service } from '../../../types/api'
import type { EventRuleInput } from '../api/create-event-rule'
import { eventRuleDraftErrors, eventRuleDraftToInput, type EventRuleDraft } from '../utils/rule-draft'
import { ConditionBuilder } from './condition-builder'
import { EventRuleActionFields } from './event-rule-action-fields'

interface EventRuleFormProps {
  readonly initial: EventRuleDraft
  readonly routeTargets: readonly Service[]
  readonly submitLabel: string
  readonly onSubmit: (input: EventRuleInput) => Promise<unknown>
  readonly onCancel: () => void
}

const ACTION_FIELDS = [
  'actions', 'actions.suppress', 'actions.setUrgency', 'actions.routeTo', 'actions.pageIfFires', 'actions.pageIfFires.times',
  'actions.pageIfFires.withinMinutes', 'actions.pageIfFires.per', 'actions.pageIfStillOpenAfter', 'actions.pageIfStillOpenAfter.minutes',
]

/** The fields the form shows reasons beside, by the API's paths (`conditions[1].pattern`). */
function shownFields(d: EventRuleDraft): string[] {
  const conditions = d.conditions.flatMap((c, i) => {
    const at = `conditions[${i}]`
    const values = c.values.split(',').map((_, j) => `${at}.values[${j}]`)
    return [at, `${at}.field`, `${at}.op`, `${at}.value`, `${at}.pattern`, `${at}.values`, ...values]
  })
  return ['name', 'disabled', 'conditions', ...conditions, ...ACTION_FIELDS]
}

/** An event rule: its conditions and its actions, with the API's reason beside each part (an unsafe regex, say). */
export function EventRuleForm({ initial, routeTargets, submitLabel, onSubmit, onCancel }: EventRuleFormProps) {
  const [draft, setDraft] = useState(initial)
  const { pending, fieldErrors, formError, submit } = useSubmit(shownFields(draft))
  const change = (patch: Partial<EventRuleDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(() => onSubmit(eventRuleDraftToInput(draft)), eventRuleDraftErrors(draft))
  }
  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Name" error={fieldErrors['name']} hint="Shown beside every event it suppresses or holds.">
          {(control) => <input {...control} type="text" maxLength={100} placeholder="Ignore canary probes" value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
        </Field>
        <div className="aq-enabled">
          <label className="checkbox">
            <input type="checkbox" checked={!draft.disabled} onChange={(e) => change({ disabled: !e.target.checked })} />
            <span>Enabled</span>
          </label>
          <p className="field__hint">A disabled rule keeps its place and is skipped.</p>
        </div>
      </div>
      <ConditionBuilder conditions={draft.conditions} fieldErrors={fieldErrors} onChange={(conditions) => change({ conditions })} />
      <EventRuleActionFields draft={draft} routeTargets={routeTargets} fieldErrors={fieldErrors} onChange={change} />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  )
}
