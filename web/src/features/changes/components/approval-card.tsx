import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { Link } from '../../../components/link'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { ChangeSummary } from '../../../types/api'
import { actOnChange } from '../api/act-on-change'
import { awaitsEmergencyReview } from '../utils/approvals'
import { CHANGE_TYPES } from '../utils/change-labels'

interface ApprovalCardProps {
  readonly change: ChangeSummary
  readonly zone: string
  readonly onApproved: (message: string) => void
}

/** A change waiting for the viewer's approval: enough to judge it (worst case, way back, risk), Approve, and a link to all of it. */
export function ApprovalCard({ change: c, zone, onApproved }: ApprovalCardProps) {
  const [comment, setComment] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()
  const review = awaitsEmergencyReview(c)
  const planned = c.plannedAt === null ? null : parseInstant(c.plannedAt)
  const approve = async () => {
    setPending(true)
    setError(undefined)
    try {
      await actOnChange(c.key, 'approve', comment)
      onApproved(review ? `Reviewed ${c.key}: its review follow-up is closed.` : `Approved ${c.key}. ${c.authorName} can start it.`)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <article className="card approval-card" aria-labelledby={`approval-${c.id}`}>
      <header className="approval-card__header">
        <h3 id={`approval-${c.id}`}>
          <Link to={`/changes/${c.key}`}><span className="change-key">{c.key}</span> {c.title}</Link>
        </h3>
        {review ? <span className="badge badge--warn">Emergency: review after the fact</span> : <span className="badge">{CHANGE_TYPES.find((t) => t.value === c.type)?.label ?? c.type} change</span>}
      </header>
      <p className="muted">
        {c.authorName} · {c.services.map((s) => s.name).join(', ')}
        {planned !== null && <> · planned {formatDateTime(planned, zone)} {zoneAbbreviation(planned, zone)}</>}
        {c.riskHint !== null && <> · Tend’s risk: <span className={`badge risk risk--${c.riskHint.level}`}>{c.riskHint.level}</span></>}
      </p>
      <dl className="facts approval-card__facts">
        <dt>Worst case</dt>
        <dd>{c.worstCase}</dd>
        <dt>Way back</dt>
        <dd>
          <ol>{c.rollbackPlan.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
          <span className="muted">{c.rollbackPlan.estimatedMinutes > 0 ? `about ${c.rollbackPlan.estimatedMinutes} min` : 'time not estimated'} · {c.rollbackPlan.tested ? 'rehearsed' : 'not rehearsed'}</span>
        </dd>
      </dl>
      {error !== undefined && <Alert>{error}</Alert>}
      <div className="approval-card__actions">
        <label className="visually-hidden" htmlFor={`approve-comment-${c.id}`}>Comment on {c.key}</label>
        <input id={`approve-comment-${c.id}`} type="text" placeholder="Comment (optional)" value={comment} onChange={(e) => setComment(e.target.value)} />
        <button type="button" className="button button--primary" disabled={pending} onClick={() => void approve()}>
          {review ? 'Mark reviewed' : 'Approve'}<span className="visually-hidden"> {c.key}</span>
        </button>
        <Link to={`/changes/${c.key}`}>Read all of it →</Link>
      </div>
    </article>
  )
}
