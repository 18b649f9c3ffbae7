import { useState } from 'react'
import { Link } from '../../../components/link'
import { formatDateTime, formatDuration, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { RecentChange } from '../../../types/api'
import { RollbackRecordForm } from './rollback-record-form'

const KIND: Readonly<Record<string, string>> = { deployment: 'Deployment', rollback: 'Rollback', change_request: 'Change request', change_event: 'Change event' }
const RELATION: Readonly<Record<string, string>> = { self: 'this service', dependency: 'a dependency', dependent: 'a dependent' }

/** "40 min before the alert", "2 h 5 min after the alert". */
function relative(ageMinutes: number, at: number, alertAt: number): string {
  if (at > alertAt) return `${formatDuration(at - alertAt)} after the alert`
  return ageMinutes < 1 ? 'just before the alert' : `${formatDuration(ageMinutes * 60_000)} before the alert`
}

interface RecentChangeItemProps {
  readonly change: RecentChange
  readonly alertAt: number
  readonly zone: string
  readonly onRolledBack: (message: string) => void
}

/** One recent change: what, where and when relative to the alert, its change request, its way back, and Roll back for deployments. */
export function RecentChangeItem({ change: r, alertAt, zone, onRolledBack }: RecentChangeItemProps) {
  const [rollingBack, setRollingBack] = useState(false)
  const at = parseInstant(r.at)
  const canRollBack = r.kind === 'deployment' && r.status !== 'rolled_back'
  const plan = r.rollbackPlan
  return (
    <li className={r.within3h ? 'recent-change recent-change--likely' : 'recent-change'} data-testid="recent-change">
      <div className="recent-change__header">
        {r.within3h && <span className="badge badge--bad">Likely cause</span>}
        <span className="badge">{KIND[r.kind] ?? r.kind}</span>
        <strong className="recent-change__summary">{r.summary}</strong>
      </div>
      <p className="recent-change__meta muted">
        {formatDateTime(at, zone)} {zoneAbbreviation(at, zone)} · <strong>{relative(r.ageMinutes, at, alertAt)}</strong> · on {RELATION[r.relation] ?? r.relation}
        {r.relation !== 'self' && ` (${r.serviceName})`}
        {r.status === 'rolled_back' && <> · <span className="badge badge--warn">rolled back</span></>}
      </p>
      {r.changeRequest !== null && (
        <p className="recent-change__cr">
          <Link to={`/changes/${r.changeRequest.key}`}><span className="change-key">{r.changeRequest.key}</span> {r.changeRequest.title}</Link>{' '}
          <span className="muted">({r.changeRequest.state.replace('_', ' ')}) · worst case: {r.changeRequest.worstCase}</span>
        </p>
      )}
      {plan !== null && (
        <details className="recent-change__plan">
          <summary>
            Rollback plan: {plan.steps.length === 1 ? '1 step' : `${plan.steps.length} steps`}
            {plan.estimatedMinutes > 0 && `, about ${plan.estimatedMinutes} min`}
            {plan.source === 'previous-version' ? ' (redeploy the previous version)' : r.changeRequest !== null ? ` (from ${r.changeRequest.key})` : ''}
          </summary>
          <ol>{plan.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
          {plan.tested && <p className="muted">Rehearsed: {plan.testedHow}</p>}
        </details>
      )}
      {canRollBack && !rollingBack && (
        <div className="button-group">
          <button type="button" className="button button--danger" onClick={() => setRollingBack(true)}>
            Roll back<span className="visually-hidden"> {r.serviceName} {r.version ?? ''}</span>
          </button>
        </div>
      )}
      {canRollBack && rollingBack && (
        <RollbackRecordForm
          change={r}
          onCancel={() => setRollingBack(false)}
          onRecorded={(message) => {
            setRollingBack(false)
            onRolledBack(message)
          }}
        />
      )}
    </li>
  )
}
