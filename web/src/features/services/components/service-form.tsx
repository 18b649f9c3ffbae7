import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Service, Team } from '../../../types/api'
import type { CreateServiceInput } from '../api/create-service'

interface ServiceFormProps {
  readonly teams: readonly Team[]
  /** Services the new one may depend on. */
  readonly services: readonly Service[]
  readonly onSubmit: (input: CreateServiceInput) => Promise<unknown>
  readonly onCancel: () => void
}

/** Name, owning team, dependencies and description of a new service. */
export function ServiceForm({ teams, services, onSubmit, onCancel }: ServiceFormProps) {
  const [name, setName] = useState('')
  const [teamId, setTeamId] = useState(teams.length === 1 ? (teams[0]?.id ?? '') : '')
  const [dependsOn, setDependsOn] = useState<readonly string[]>([])
  const [description, setDescription] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['name', 'teamId', 'dependsOn', 'description'])

  const toggle = (id: string, on: boolean) => setDependsOn((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = {}
    if (name.trim() === '') local['name'] = 'Enter a name'
    if (teamId === '') local['teamId'] = 'Choose the team that owns it'
    await submit(
      () => onSubmit({ name: name.trim(), teamId, dependsOn, ...(description.trim() === '' ? {} : { description: description.trim() }) }),
      local,
    )
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <Field label="Name" error={fieldErrors['name']}>
        {(control) => <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Owner team" error={fieldErrors['teamId']}>
        {(control) => (
          <select {...control} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">Choose a team…</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        )}
      </Field>
      <fieldset className={fieldErrors['dependsOn'] === undefined ? 'fieldset' : 'fieldset field--invalid'}>
        <legend>Depends on (optional)</legend>
        {services.length === 0 && <p className="muted">No other services yet.</p>}
        <div className="checkbox-list">
          {services.map((s) => (
            <label key={s.id} className="checkbox">
              <input type="checkbox" checked={dependsOn.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
              {s.name}
            </label>
          ))}
        </div>
        {fieldErrors['dependsOn'] !== undefined && <p className="field__error">{fieldErrors['dependsOn']}</p>}
      </fieldset>
      <Field label="Description (optional)" error={fieldErrors['description']}>
        {(control) => <textarea {...control} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Creating…' : 'Create service'}</button>
      </div>
    </form>
  )
}
