import { useId, useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { useSubmit } from '../../../hooks/use-submit'
import { channelLabel } from '../../../lib/channels'
import type { ContactMethod, Urgency } from '../../../types/api'
import type { CreateNotificationRuleInput } from '../api/create-notification-rule'

interface NotificationRuleFormProps {
  readonly urgency: Urgency
  readonly methods: readonly ContactMethod[]
  /** The method picker's label ("Notify me by"). */
  readonly label: string
  readonly onSubmit: (input: CreateNotificationRuleInput) => Promise<unknown>
}

/** One line that adds a rule to an urgency: which method, after how many minutes. */
export function NotificationRuleForm({ urgency, methods, label, onSubmit }: NotificationRuleFormProps) {
  const id = useId()
  const [contactMethodId, setContactMethodId] = useState('')
  const [delay, setDelay] = useState('0')
  const { pending, fieldErrors, formError, submit } = useSubmit(['contactMethodId', 'delayMinutes'])
  const methodError = fieldErrors['contactMethodId']
  const delayError = fieldErrors['delayMinutes']

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = {}
    if (contactMethodId === '') local['contactMethodId'] = 'Choose a contact method'
    if (!/^\d+$/.test(delay.trim())) local['delayMinutes'] = 'Enter a whole number of minutes'
    const ok = await submit(() => onSubmit({ contactMethodId, urgency, delayMinutes: Number(delay) }), local)
    if (ok) {
      setContactMethodId('')
      setDelay('0')
    }
  }

  if (methods.length === 0) return null
  const word = urgency === 'high' ? 'high-urgency' : 'low-urgency'
  return (
    <form className="rule-form" onSubmit={onFormSubmit} noValidate aria-label={`Add a ${word} rule`}>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="rule-form__row">
        <div className={methodError === undefined ? 'field' : 'field field--invalid'}>
          <label htmlFor={`${id}-method`}>{label}</label>
          <select id={`${id}-method`} value={contactMethodId} aria-invalid={methodError !== undefined} onChange={(e) => setContactMethodId(e.target.value)}>
            <option value="">Choose…</option>
            {methods.map((m) => <option key={m.id} value={m.id}>{m.label} ({channelLabel(m.type)}){m.verified ? '' : ' — not verified'}</option>)}
          </select>
        </div>
        <div className={delayError === undefined ? 'field' : 'field field--invalid'}>
          <label htmlFor={`${id}-delay`}>After (minutes)</label>
          <input id={`${id}-delay`} type="number" min={0} step={1} className="input--narrow" value={delay} aria-invalid={delayError !== undefined} onChange={(e) => setDelay(e.target.value)} />
        </div>
        <button type="submit" className="button button--small" disabled={pending}>{pending ? 'Adding…' : 'Add rule'}</button>
      </div>
      {methodError !== undefined && <p className="field__error">{methodError}</p>}
      {delayError !== undefined && <p className="field__error">{delayError}</p>}
    </form>
  )
}
