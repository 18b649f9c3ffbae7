import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Dialog } from '../../../components/dialog'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { FollowUp } from '../../../types/api'
import { closeFollowUp } from '../api/close-follow-up'

interface FollowUpCloseDialogProps {
  readonly followUp: FollowUp
  readonly onClosed: (closed: FollowUp) => void
}

/** A "Close…" button and its dialog; the note (what was found or done) is required, and the API says why when it is missing. */
export function FollowUpCloseDialog({ followUp, onClosed }: FollowUpCloseDialogProps) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['note'])
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(async () => {
      const closed = await closeFollowUp(followUp.id, note)
      setOpen(false)
      onClosed(closed)
    })
  }
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Close…<span className="visually-hidden"> {followUp.title}</span>
      </button>
      <Dialog title="Close follow-up" open={open} onClose={() => setOpen(false)}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <p className="muted">{followUp.title}</p>
          {formError !== undefined && <Alert>{formError}</Alert>}
          <Field label="What did you find or do?" error={fieldErrors['note']} hint="Required: the cause, the fix, or the ticket it became. It stays with the alert's history.">
            {(control) => <textarea {...control} rows={4} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>Cancel</button>
            <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Closing…' : 'Close follow-up'}</button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
