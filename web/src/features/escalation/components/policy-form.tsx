import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Schedule, Team, User } from '../../../types/api'
import type { PolicyInput } from '../api/create-policy'
import { draftErrors, draftToInput, moveStep, newStep, type PolicyDraft, type StepDraft } from '../utils/policy-draft'
import { PolicyStepEditor } from './policy-step-editor'

interface PolicyFormProps {
  readonly initial: PolicyDraft
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  readonly schedules: readonly Schedule[]
  readonly submitLabel: string
  readonly onSubmit: (input: PolicyInput) => Promise<unknown>
  readonly onCancel: () => void
}

/** Team, name, repeat count and the ordered steps of an escalation policy; API reasons show beside each part. */
export function PolicyForm({ initial, teams, users, schedules, submitLabel, onSubmit, onCancel }: PolicyFormProps) {
  const [draft, setDraft] = useState(initial)
  // Every field a step shows reasons for, so only reasons about anything else go to the summary.
  const stepFields = draft.steps.flatMap((s, i) => [
    `steps[${i}].targets`,
    `steps[${i}].delayMinutes`,
    ...s.targets.flatMap((_, j) => [`steps[${i}].targets[${j}].id`, `steps[${i}].targets[${j}].type`]),
  ])
  const { pending, fieldErrors, formError, submit } = useSubmit(['teamId', 'name', 'description', 'repeatCount', 'steps', ...stepFields])

  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setStep = (index: number, step: StepDraft) => setDraft((d) => ({ ...d, steps: d.steps.map((s, i) => (i === index ? step : s)) }))

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(() => onSubmit(draftToInput(draft)), draftErrors(draft))
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Owner team" error={fieldErrors['teamId']}>
          {(control) => (
            <select {...control} value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
              <option value="">Choose a team…</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          )}
        </Field>
        <Field label="Name" error={fieldErrors['name']}>
          {(control) => <input {...control} type="text" maxLength={100} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
      </div>
      <Field label="Description (optional)" error={fieldErrors['description']}>
        {(control) => <input {...control} type="text" maxLength={2000} value={draft.description} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <fieldset className={fieldErrors['steps'] === undefined ? 'fieldset' : 'fieldset field--invalid'}>
        <legend>Steps, in order</legend>
        <p className="field__hint">Tend pages step 1, waits, then moves on to the next step until someone acknowledges.</p>
        <ol className="policy-steps">
          {draft.steps.map((step, i) => (
            <PolicyStepEditor
              key={step.key}
              index={i}
              count={draft.steps.length}
              step={step}
              users={users}
              schedules={schedules}
              fieldErrors={fieldErrors}
              onChange={(s) => setStep(i, s)}
              onMove={(by) => set('steps', moveStep(draft.steps, i, by))}
              onRemove={() => set('steps', draft.steps.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
        {fieldErrors['steps'] !== undefined && <p className="field__error">{fieldErrors['steps']}</p>}
        <button type="button" className="button button--small" onClick={() => set('steps', [...draft.steps, newStep()])}>+ Add step</button>
      </fieldset>
      <Field label="Repeat" error={fieldErrors['repeatCount']} hint="How many more times to run through all steps when nobody acknowledges (0–20).">
        {(control) => <input {...control} type="number" min={0} max={20} step={1} className="input--narrow" value={draft.repeatCount} onChange={(e) => set('repeatCount', e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  )
}
