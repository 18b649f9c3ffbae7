import { useId, useState, type FormEvent } from 'react'
import { useSubmit } from '../../../hooks/use-submit'

interface VerificationFormProps {
  /** Names the method in the label ("Code sent to Work phone"). */
  readonly methodLabel: string
  readonly onVerify: (code: string) => Promise<void>
}

/** The 6-digit code box shown after "Send code"; the API's reason (wrong or expired code) shows beside it. */
export function VerificationForm({ methodLabel, onVerify }: VerificationFormProps) {
  const id = useId()
  const [code, setCode] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['code'])
  const error = fieldErrors['code'] ?? formError

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = code.replace(/\s/g, '')
    await submit(() => onVerify(trimmed), /^\d{6}$/.test(trimmed) ? {} : { code: 'Enter the 6 digits from the message' })
  }

  return (
    <form className="verify-form" onSubmit={onFormSubmit} noValidate>
      <label htmlFor={id}>Code sent to {methodLabel}</label>
      <div className="verify-form__row">
        <input
          id={id}
          className="verify-form__code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          placeholder="123456"
          value={code}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button button--small button--primary" disabled={pending}>{pending ? 'Checking…' : 'Verify'}</button>
      </div>
      {error !== undefined && <p className="field__error" id={`${id}-error`}>{error}</p>}
    </form>
  )
}
