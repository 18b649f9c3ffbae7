import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { TimeZoneInput } from '../../../components/time-zone-input'
import { useSubmit } from '../../../hooks/use-submit'
import { browserTimeZone } from '../../../lib/time'
import type { CreateTeamInput } from '../api/create-team'

interface TeamFormProps {
  readonly onSubmit: (input: CreateTeamInput) => Promise<unknown>
  readonly onCancel: () => void
}

/** Name, zone and description of a new team. */
export function TeamForm({ onSubmit, onCancel }: TeamFormProps) {
  const [name, setName] = useState('')
  const [timeZone, setTimeZone] = useState(browserTimeZone)
  const [description, setDescription] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['name', 'timeZone', 'description'])

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(
      () => onSubmit({ name: name.trim(), timeZone: timeZone.trim(), ...(description.trim() === '' ? {} : { description: description.trim() }) }),
      name.trim() === '' ? { name: 'Enter a name' } : {},
    )
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <Field label="Name" error={fieldErrors['name']}>
        {(control) => <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Time zone" error={fieldErrors['timeZone']} hint="IANA zone, e.g. Europe/Berlin.">
        {(control) => <TimeZoneInput {...control} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />}
      </Field>
      <Field label="Description (optional)" error={fieldErrors['description']}>
        {(control) => <textarea {...control} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Creating…' : 'Create team'}</button>
      </div>
    </form>
  )
}
