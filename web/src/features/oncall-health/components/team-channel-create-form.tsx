import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { TeamChannel } from '../../../types/api'
import { createTeamChannel } from '../api/create-team-channel'

const TYPES = [
  { value: 'email', label: 'Email', placeholder: 'platform@example.com', hint: 'An address; the team’s notices and weekly report arrive as mail.' },
  { value: 'slack', label: 'Slack', placeholder: 'https://hooks.slack.com/services/T000/B000/XXXX', hint: 'A Slack incoming-webhook URL.' },
  { value: 'webhook', label: 'Webhook', placeholder: 'https://chat.example.com/hooks/platform', hint: 'Any http(s) URL; Tend signs each call (x-tend-signature) with a secret shown once.' },
] as const

/** Adds an email, Slack or webhook channel; the API's reasons beside each field. */
export function TeamChannelCreateForm({ teamId, onCreated }: { readonly teamId: string; readonly onCreated: (channel: TeamChannel) => void }) {
  const [type, setType] = useState<string>('email')
  const [address, setAddress] = useState('')
  const [label, setLabel] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['type', 'address', 'label'])
  const kind = TYPES.find((t) => t.value === type) ?? TYPES[0]
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await submit(async () => onCreated(await createTeamChannel(teamId, { type, address: address.trim(), ...(label.trim() === '' ? {} : { label: label.trim() }) })))
    if (ok) {
      setAddress('')
      setLabel('')
    }
  }
  return (
    <form className="form channel-form" onSubmit={onSubmit} noValidate aria-label="Add a channel">
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row channel-form__row">
        <Field label="Type" error={fieldErrors['type']}>
          {(control) => (
            <select {...control} value={type} onChange={(e) => setType(e.target.value)}>
              {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </select>
          )}
        </Field>
        <Field label="Address" error={fieldErrors['address']} hint={kind.hint}>
          {(control) => <input {...control} type={type === 'email' ? 'email' : 'url'} className="input--mono" spellCheck={false} placeholder={kind.placeholder} value={address} onChange={(e) => setAddress(e.target.value)} />}
        </Field>
        <Field label="Label (optional)" error={fieldErrors['label']}>
          {(control) => <input {...control} type="text" maxLength={100} placeholder="#platform" value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
      </div>
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Adding…' : 'Add channel'}</button>
      </div>
    </form>
  )
}
