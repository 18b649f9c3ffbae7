import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { useSubmit } from '../../../hooks/use-submit'
import type { User } from '../../../types/api'

interface ReassignFormProps {
  readonly users: readonly User[]
  readonly onSubmit: (userIds: readonly string[]) => Promise<unknown>
  readonly onCancel: () => void
}

/** Picks the people an alert is handed to; they are paged directly. */
export function ReassignForm({ users, onSubmit, onCancel }: ReassignFormProps) {
  const [userIds, setUserIds] = useState<readonly string[]>([])
  const { pending, fieldErrors, formError, submit } = useSubmit(['userIds'])
  const toggle = (id: string, on: boolean) => setUserIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))
  const error = fieldErrors['userIds'] ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('userIds'))?.[1]

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(() => onSubmit(userIds), userIds.length === 0 ? { userIds: 'Choose at least one person' } : {})
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && error === undefined && <Alert>{formError}</Alert>}
      <fieldset className={error === undefined ? 'fieldset' : 'fieldset field--invalid'}>
        <legend>Hand the alert to</legend>
        <div className="checkbox-list">
          {users.map((u) => (
            <label key={u.id} className="checkbox">
              <input type="checkbox" checked={userIds.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
              {u.name}
            </label>
          ))}
        </div>
        {error !== undefined && <p className="field__error">{error}</p>}
      </fieldset>
      <p className="muted">The alert goes back to triggered and pages them directly, instead of the escalation policy.</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Reassigning…' : 'Reassign'}</button>
      </div>
    </form>
  )
}
