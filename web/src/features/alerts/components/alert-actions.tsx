import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { Dialog } from '../../../components/dialog'
import type { AlertRecord, User } from '../../../types/api'
import { acknowledgeAlert } from '../api/acknowledge-alert'
import { escalateAlert } from '../api/escalate-alert'
import { reassignAlert } from '../api/reassign-alert'
import { recordOutcome } from '../api/record-outcome'
import { resolveAlert } from '../api/resolve-alert'
import { OutcomeForm } from './outcome-form'
import { ReassignForm } from './reassign-form'

interface AlertActionsProps {
  readonly alert: AlertRecord
  /** Whether the signed-in person may act on it, and if not, what that needs (from the API). */
  readonly viewer: { readonly mayAct: boolean; readonly why: string | null }
  readonly users: readonly User[]
  /** Called after any change the API accepted, to reload the alert. */
  readonly onChanged: () => void
}

type Open = 'resolve' | 'outcome' | 'reassign' | undefined

/** Acknowledge, Resolve, Escalate now and Reassign (or Record outcome once resolved); API refusals show inline. */
export function AlertActions({ alert, viewer, users, onChanged }: AlertActionsProps) {
  const [open, setOpen] = useState<Open>()
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()

  const run = async (name: string, action: () => Promise<unknown>) => {
    setBusy(name)
    setError(undefined)
    try {
      await action()
      onChanged()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(undefined)
    }
  }
  const afterDialog = () => {
    setOpen(undefined)
    setError(undefined)
    onChanged()
  }

  const resolved = alert.status === 'resolved'
  // A resolved alert with its outcome recorded has nothing left to do.
  if (resolved && alert.outcome !== null && error === undefined) return null
  // Someone who may not act sees why, instead of buttons that would only be refused.
  if (!viewer.mayAct) return <p className="muted alert-actions">{viewer.why ?? 'You may not act on this alert.'}</p>
  return (
    <div className="alert-actions">
      <div className="button-group" role="group" aria-label="Alert actions">
        {alert.status === 'triggered' && (
          <button type="button" className="button button--primary" disabled={busy !== undefined} onClick={() => void run('ack', () => acknowledgeAlert(alert.id))}>
            {busy === 'ack' ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        )}
        {!resolved && (
          <button type="button" className={alert.status === 'acknowledged' ? 'button button--primary' : 'button'} onClick={() => setOpen('resolve')}>
            Resolve…
          </button>
        )}
        {!resolved && (
          <button type="button" className="button" title="Fire the next escalation step at once" disabled={busy !== undefined} onClick={() => void run('escalate', () => escalateAlert(alert.id))}>
            {busy === 'escalate' ? 'Escalating…' : 'Escalate now'}
          </button>
        )}
        {!resolved && <button type="button" className="button" onClick={() => setOpen('reassign')}>Reassign…</button>}
        {resolved && alert.outcome === null && (
          <button type="button" className="button button--primary" onClick={() => setOpen('outcome')}>Record outcome…</button>
        )}
      </div>
      {error !== undefined && <Alert>{error}</Alert>}
      <Dialog title="Resolve alert" open={open === 'resolve'} onClose={() => setOpen(undefined)}>
        <OutcomeForm outcomeRequired={false} submitLabel="Resolve alert" onCancel={() => setOpen(undefined)} onSubmit={async (input) => { await resolveAlert(alert.id, input); afterDialog() }} />
      </Dialog>
      <Dialog title="Record outcome" open={open === 'outcome'} onClose={() => setOpen(undefined)}>
        <OutcomeForm outcomeRequired submitLabel="Record outcome" onCancel={() => setOpen(undefined)} onSubmit={async (input) => { await recordOutcome(alert.id, input); afterDialog() }} />
      </Dialog>
      <Dialog title="Reassign alert" open={open === 'reassign'} onClose={() => setOpen(undefined)}>
        <ReassignForm users={users} onCancel={() => setOpen(undefined)} onSubmit={async (userIds) => { await reassignAlert(alert.id, userIds); afterDialog() }} />
      </Dialog>
    </div>
  )
}
