import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Dialog } from '../../../components/dialog'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { Relief, ReliefActionResult, TeamMember } from '../../../types/api'
import { takeOverRelief } from '../api/take-over-relief'

interface ReliefTakeOverDialogProps {
  readonly relief: Relief
  /** The team's members; team admins may hand the relief to any of them. */
  readonly members: readonly TeamMember[]
  readonly currentUserId: string
  readonly canAdmin: boolean
  /** A loud, primary button (a relief nobody could take). */
  readonly primary?: boolean
  readonly onDone: (result: ReliefActionResult) => void
}

/** "Take over…" and its dialog: you (or, for team admins, a chosen member) hold the pager for the rest of the relief. */
export function ReliefTakeOverDialog({ relief, members, currentUserId, canAdmin, primary = false, onDone }: ReliefTakeOverDialogProps) {
  const candidates = members.filter((m) => m.userId !== relief.tired.id && m.userId !== relief.replacement?.id && m.role !== 'observer')
  const selfIsCandidate = candidates.some((m) => m.userId === currentUserId)
  const [open, setOpen] = useState(false)
  const [userId, setUserId] = useState(selfIsCandidate || candidates.length === 0 ? currentUserId : (candidates[0]?.userId ?? currentUserId))
  const { pending, fieldErrors, formError, submit } = useSubmit(['userId'])
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(async () => {
      const result = await takeOverRelief(relief.id, userId === currentUserId ? undefined : userId)
      setOpen(false)
      onDone(result)
    })
  }
  return (
    <>
      <button type="button" className={primary ? 'button button--small button--primary' : 'button button--small'} onClick={() => setOpen(true)}>
        Take over<span className="visually-hidden"> the relief for {relief.tired.name}</span>
      </button>
      <Dialog title={`Take over the relief for ${relief.tired.name}`} open={open} onClose={() => setOpen(false)}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <p>
            Whoever takes over holds the pager on {relief.scheduleName} in place of {relief.tired.name} until the relief ends
            {relief.replacement === null ? '' : `; ${relief.replacement.name} is off it`}. The team is told.
          </p>
          {formError !== undefined && <Alert>{formError}</Alert>}
          {canAdmin ? (
            <Field label="Who takes the pager" error={fieldErrors['userId']} hint="Team admins may hand it to another member; members take it themselves.">
              {(control) => (
                <select {...control} value={userId} onChange={(e) => setUserId(e.target.value)}>
                  {!selfIsCandidate && <option value={currentUserId}>You</option>}
                  {candidates.map((m) => (
                    <option key={m.userId} value={m.userId}>{m.userId === currentUserId ? `You (${m.name})` : m.name} · {m.timeZone}</option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            fieldErrors['userId'] !== undefined && <Alert>{fieldErrors['userId']}</Alert>
          )}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>Cancel</button>
            <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Taking over…' : 'Take over'}</button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
