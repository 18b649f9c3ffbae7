import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { AlertOutcome } from '../../../types/api'
import type { OutcomeInput } from '../api/resolve-alert'

interface OutcomeFormProps {
  /** Resolving may leave the outcome for later; recording one afterwards may not. */
  readonly outcomeRequired: boolean
  readonly submitLabel: string
  readonly onSubmit: (input: OutcomeInput) => Promise<unknown>
  readonly onCancel: () => void
}

const OUTCOMES: readonly { readonly value: AlertOutcome; readonly label: string; readonly hint: string }[] = [
  { value: 'actionable', label: 'Actionable', hint: 'a person had to act' },
  { value: 'noise', label: 'Noise', hint: 'it should not have paged anyone' },
  { value: 'duplicate', label: 'Duplicate', hint: 'another alert already covered it' },
]

/** What an alert turned out to be, and a note: it feeds the noisiest-alarm ranking. */
export function OutcomeForm({ outcomeRequired, submitLabel, onSubmit, onCancel }: OutcomeFormProps) {
  const [outcome, setOutcome] = useState<AlertOutcome | ''>('')
  const [note, setNote] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['outcome', 'note'])

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = outcomeRequired && outcome === '' ? { outcome: 'Choose what the alert was' } : {}
    await submit(() => onSubmit({ ...(outcome === '' ? {} : { outcome }), ...(note.trim() === '' ? {} : { note: note.trim() }) }), local)
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <fieldset className={fieldErrors['outcome'] === undefined ? 'fieldset' : 'fieldset field--invalid'}>
        <legend>What was it?{outcomeRequired ? '' : ' (optional)'}</legend>
        <div className="choice-list">
          {!outcomeRequired && (
            <label className="checkbox">
              <input type="radio" name="outcome" value="" checked={outcome === ''} onChange={() => setOutcome('')} />
              <span>Decide later</span>
            </label>
          )}
          {OUTCOMES.map((o) => (
            <label key={o.value} className="checkbox">
              <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
              <span>{o.label} <span className="muted">— {o.hint}</span></span>
            </label>
          ))}
        </div>
        {fieldErrors['outcome'] !== undefined && <p className="field__error">{fieldErrors['outcome']}</p>}
      </fieldset>
      <Field label="Note (optional)" error={fieldErrors['note']}>
        {(control) => <textarea {...control} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  )
}
