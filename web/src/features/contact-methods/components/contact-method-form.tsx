import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { ContactMethodType } from '../../../types/api'
import type { CreateContactMethodInput } from '../api/create-contact-method'
import { CONTACT_TYPES, contactTypeInfo } from '../utils/contact-types'

interface ContactMethodFormProps {
  readonly onSubmit: (input: CreateContactMethodInput) => Promise<unknown>
  readonly onCancel: () => void
}

/** Type, address, label and whether it wakes the person; the API judges the address. */
export function ContactMethodForm({ onSubmit, onCancel }: ContactMethodFormProps) {
  const [type, setType] = useState<ContactMethodType>('sms')
  const [address, setAddress] = useState('')
  const [label, setLabel] = useState('')
  // Follows the type's default until the person ticks or unticks it.
  const [interrupting, setInterrupting] = useState<boolean>()
  const { pending, fieldErrors, formError, submit } = useSubmit(['type', 'address', 'label', 'interrupting'])
  const info = contactTypeInfo(type)
  const wakes = interrupting ?? info.interruptingByDefault

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = address.trim() === '' ? { address: `Enter the ${info.addressLabel.toLowerCase()}` } : {}
    await submit(() => onSubmit({ type, address: address.trim(), interrupting: wakes, ...(label.trim() === '' ? {} : { label: label.trim() }) }), local)
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <Field label="Type" error={fieldErrors['type']}>
        {(control) => (
          <select {...control} value={type} onChange={(e) => setType(e.target.value as ContactMethodType)}>
            {CONTACT_TYPES.map((t) => <option key={t.type} value={t.type}>{t.label}</option>)}
          </select>
        )}
      </Field>
      <Field label={info.addressLabel} error={fieldErrors['address']} hint={info.inputType === 'tel' ? 'In international form: + and the country code, no spaces.' : undefined}>
        {(control) => <input {...control} type={info.inputType} placeholder={info.placeholder} autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} />}
      </Field>
      <Field label="Label (optional)" error={fieldErrors['label']} hint="How it shows in lists, e.g. “Work phone”.">
        {(control) => <input {...control} type="text" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={wakes} onChange={(e) => setInterrupting(e.target.checked)} />
        <span>Interrupting: it wakes me <span className="muted">(pages during sleep hours go only to these)</span></span>
      </label>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Adding…' : 'Add contact method'}</button>
      </div>
    </form>
  )
}
