import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Dialog } from '../../../components/dialog'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Relief, ReliefActionResult } from '../../../types/api'
import { declineRelief } from '../api/decline-relief'

interface ReliefDeclineDialogProps {
  readonly relief: Relief
  readonly onDone: (result: ReliefActionResult) => void
}

/** "Decline…" and its dialog: the override ends now; the next eligible person takes the rest, or the tired person keeps the pager. */
export function ReliefDeclineDialog({ relief, onDone }: ReliefDeclineDialogProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['reason'])
  const replacement = relief.replacement?.name ?? 'the replacement'
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(async () => {
      const result = await declineRelief(relief.id, reason)
      setOpen(false)
      onDone(result)
    })
  }
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Decline…<span className="visually-hidden"> the relief for {relief.tired.name}</span>
      </button>
      <Dialog title={`Decline the relief for ${relief.tired.name}`} open={open} onClose={() => setOpen(false)}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <p>
            {replacement} stops holding the pager for {relief.tired.name} now. Tend hands the rest to the next eligible person (never someone who declined it);
            if nobody can, {relief.tired.name} keeps the pager and everyone is told.
          </p>
          {formError !== undefined && <Alert>{formError}</Alert>}
          <Field label="Why (optional)" error={fieldErrors['reason']} hint="Shown to the team with the outcome.">
            {(control) => <input {...control} type="text" maxLength={500} placeholder="I am ill" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>Cancel</button>
            <button type="submit" className="button button--danger" disabled={pending}>{pending ? 'Declining…' : 'Decline relief'}</button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
