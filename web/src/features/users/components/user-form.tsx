import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { TimeZoneInput } from '../../../components/time-zone-input'
import { useSubmit } from '../../../hooks/use-submit'
import { browserTimeZone } from '../../../lib/time'
import type { CreateUserInput } from '../api/create-user'

interface UserFormProps {
  readonly onSubmit: (input: CreateUserInput) => Promise<unknown>
  readonly onCancel: () => void
}

/** Name, email and zone of a new person; sleep and working hours start at Tend's defaults. */
export function UserForm({ onSubmit, onCancel }: UserFormProps) {
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [timeZone, setTimeZone] = useState(browserTimeZone)
  const { pending, fieldErrors, formError, submit } = useSubmit(['name', 'email', 'timeZone'])

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = {}
    if (name.trim() === '') local['name'] = 'Enter a name'
    if (email.trim() === '') local['email'] = 'Enter an email address'
    await submit(() => onSubmit({ name: name.trim(), email: email.trim(), timeZone: timeZone.trim() }), local)
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <Field label="Name" error={fieldErrors['name']}>
        {(control) => <input {...control} type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Email" error={fieldErrors['email']}>
        {(control) => <input {...control} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Time zone" error={fieldErrors['timeZone']} hint="Where they live: pages are judged against their sleep and working hours there.">
        {(control) => <TimeZoneInput {...control} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Creating…' : 'Create person'}</button>
      </div>
    </form>
  )
}
