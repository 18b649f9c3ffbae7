import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { Link } from '../../../components/link'
import type { ChangeAction, ChangeDetail } from '../../../types/api'
import { actOnChange } from '../api/act-on-change'
import { awaitsEmergencyReview, mayApprove, type Viewer } from '../utils/approvals'
import { ACTION_LABELS } from '../utils/change-labels'

interface ChangeActionsProps {
  readonly change: ChangeDetail
  /** Undefined while the viewer's team roles load. */
  readonly viewer: Viewer | undefined
  readonly teamNames: (ids: readonly string[]) => string
  readonly onChanged: (message: string) => void
}

const DONE: Readonly<Record<ChangeAction, string>> = {
  submit: 'Submitted for review: it waits in the approvers’ inbox.',
  approve: 'Approved.',
  start: 'Started.',
  complete: 'Marked done.',
  rollback: 'Recorded as rolled back.',
  cancel: 'Cancelled.',
  reopen: 'Back to draft: earlier approvals were cleared.',
}

/** What the viewer can do with the change now, the two-person rule when they wrote it, and an optional comment. */
export function ChangeActions({ change, viewer, teamNames, onChanged }: ChangeActionsProps) {
  const [comment, setComment] = useState('')
  const [confirming, setConfirming] = useState<ChangeAction>()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()
  const isAuthor = viewer !== undefined && viewer.id === change.authorId
  const approvable = change.state === 'submitted' || awaitsEmergencyReview(change)
  const owners = teamNames([...new Set(change.services.map((s) => s.teamId))])
  const shown = ACTION_LABELS.filter(({ action }) => change.nextActions.includes(action) && (action !== 'approve' || (viewer !== undefined && mayApprove(change, viewer))))
  const editable = change.state === 'draft' || change.state === 'submitted'

  const act = async (action: ChangeAction) => {
    setPending(true)
    setError(undefined)
    try {
      await actOnChange(change.key, action, comment)
      setComment('')
      setConfirming(undefined)
      onChanged(DONE[action])
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }

  return (
    <section className="card change-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="visually-hidden">Actions</h2>
      {error !== undefined && <Alert>{error}</Alert>}
      {approvable && isAuthor && (
        <p className="change-actions__rule" data-testid="two-person-rule">
          <strong>Two-person rule:</strong> you wrote this change, so you cannot approve it. A responder of {owners} must read and approve it; it waits in their Approvals inbox.
        </p>
      )}
      {approvable && !isAuthor && viewer !== undefined && !mayApprove(change, viewer) && !change.approvals.some((a) => a.userId === viewer.id && a.scope === 'change') && (
        <p className="muted">Approving needs the responder role on {owners}.</p>
      )}
      {change.state === 'draft' && change.toSubmit.length > 0 && <p className="muted">Fix what blocks submitting (below) before submitting it for review.</p>}
      {shown.length > 0 && (
        <>
          <div className="field change-actions__comment">
            <label htmlFor="change-action-comment">Comment (optional; kept with an approval)</label>
            <textarea id="change-action-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <div className="button-group">
            {shown.map(({ action, label, danger }) =>
              danger === true && confirming !== action ? (
                <button key={action} type="button" className="button button--danger" disabled={pending} onClick={() => setConfirming(action)}>{label}…</button>
              ) : (
                <button
                  key={action}
                  type="button"
                  className={danger === true ? 'button button--danger' : action === 'approve' || action === 'submit' ? 'button button--primary' : 'button'}
                  disabled={pending || (action === 'submit' && change.toSubmit.length > 0)}
                  onClick={() => void act(action)}
                >
                  {danger === true ? `Confirm: ${label.toLowerCase()} ${change.key}` : label}
                </button>
              ),
            )}
            {editable && <Link to={`/changes/${change.key}/edit`} className="button">Edit</Link>}
          </div>
        </>
      )}
      {shown.length === 0 && editable && (
        <div className="button-group">
          <Link to={`/changes/${change.key}/edit`} className="button">Edit</Link>
        </div>
      )}
      {shown.length === 0 && !editable && !approvable && <p className="muted">Nothing more to do with this change.</p>}
    </section>
  )
}
