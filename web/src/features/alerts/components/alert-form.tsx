import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Service, Team, Urgency, User } from '../../../types/api'
import type { CreateAlertInput } from '../api/create-alert'

type Target = 'service' | 'team' | 'people'

interface AlertFormProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  readonly onSubmit: (input: CreateAlertInput) => Promise<unknown>
  readonly onCancel: () => void
}

const TARGETS: readonly { readonly value: Target; readonly label: string; readonly hint: string }[] = [
  { value: 'service', label: 'A service', hint: 'through its escalation policy' },
  { value: 'team', label: 'A team', hint: 'whoever is on call for it now' },
  { value: 'people', label: 'People', hint: 'page them directly' },
]

/** Raises an alert by hand (a customer report, say): who to page, what is wrong, how urgent. */
export function AlertForm({ services, teams, users, onSubmit, onCancel }: AlertFormProps) {
  const [target, setTarget] = useState<Target>('service')
  const [serviceId, setServiceId] = useState('')
  const [teamId, setTeamId] = useState(teams.length === 1 ? (teams[0]?.id ?? '') : '')
  const [userIds, setUserIds] = useState<readonly string[]>([])
  const [summary, setSummary] = useState('')
  const [details, setDetails] = useState('')
  const [urgency, setUrgency] = useState<Urgency>('high')
  const { pending, fieldErrors, formError, submit } = useSubmit(['serviceId', 'teamId', 'userIds', 'userIds[0]', 'summary', 'details', 'urgency'])

  const toggle = (id: string, on: boolean) => setUserIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))
  // The API names `serviceId` when the target is missing whatever kind was chosen; show it on the chosen one.
  const targetError = fieldErrors['serviceId'] ?? fieldErrors['teamId'] ?? fieldErrors['userIds'] ?? fieldErrors['userIds[0]']

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = {}
    if (target === 'service' && serviceId === '') local['serviceId'] = 'Choose a service'
    if (target === 'team' && teamId === '') local['teamId'] = 'Choose a team'
    if (target === 'people' && userIds.length === 0) local['userIds'] = 'Choose at least one person'
    if (summary.trim() === '') local['summary'] = 'Say what is wrong'
    const who = target === 'service' ? { serviceId } : target === 'team' ? { teamId } : { userIds }
    await submit(() => onSubmit({ ...who, summary: summary.trim(), urgency, ...(details.trim() === '' ? {} : { details: { description: details.trim() } }) }), local)
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <fieldset className="fieldset">
        <legend>Who to page</legend>
        <div className="choice-list">
          {TARGETS.map((t) => (
            <label key={t.value} className="checkbox">
              <input type="radio" name="target" value={t.value} checked={target === t.value} onChange={() => setTarget(t.value)} />
              <span>{t.label} <span className="muted">— {t.hint}</span></span>
            </label>
          ))}
        </div>
      </fieldset>
      {target === 'service' && (
        <Field label="Service" error={targetError}>
          {(control) => (
            <select {...control} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">Choose a service…</option>
              {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )}
        </Field>
      )}
      {target === 'team' && (
        <Field label="Team" error={targetError}>
          {(control) => (
            <select {...control} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">Choose a team…</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          )}
        </Field>
      )}
      {target === 'people' && (
        <fieldset className={targetError === undefined ? 'fieldset' : 'fieldset field--invalid'}>
          <legend>People</legend>
          <div className="checkbox-list">
            {users.map((u) => (
              <label key={u.id} className="checkbox">
                <input type="checkbox" checked={userIds.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
                {u.name}
              </label>
            ))}
          </div>
          {targetError !== undefined && <p className="field__error">{targetError}</p>}
        </fieldset>
      )}
      <Field label="Summary" error={fieldErrors['summary']} hint="One line the person reads on their phone, e.g. “Customers cannot pay by card”.">
        {(control) => <input {...control} type="text" maxLength={1024} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <Field label="Details (optional)" error={fieldErrors['details']} hint="What you saw, who reported it, links.">
        {(control) => <textarea {...control} rows={3} value={details} onChange={(e) => setDetails(e.target.value)} />}
      </Field>
      <fieldset className={fieldErrors['urgency'] === undefined ? 'fieldset' : 'fieldset field--invalid'}>
        <legend>Urgency</legend>
        <div className="choice-list">
          <label className="checkbox">
            <input type="radio" name="urgency" value="high" checked={urgency === 'high'} onChange={() => setUrgency('high')} />
            <span>High <span className="muted">— pages now, day or night</span></span>
          </label>
          <label className="checkbox">
            <input type="radio" name="urgency" value="low" checked={urgency === 'low'} onChange={() => setUrgency('low')} />
            <span>Low <span className="muted">— waits for their working hours</span></span>
          </label>
        </div>
        {fieldErrors['urgency'] !== undefined && <p className="field__error">{fieldErrors['urgency']}</p>}
      </fieldset>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Paging…' : 'Send page'}</button>
      </div>
    </form>
  )
}
