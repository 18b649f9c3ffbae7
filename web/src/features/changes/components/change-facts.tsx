import { formatDateTime, formatRelative, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { ChangeDetail } from '../../../types/api'
import { CHANGE_TYPES } from '../utils/change-labels'

/** "Tue 24 Nov, 11:00 CET (in 2 h)" in `zone`. */
function when(iso: string, zone: string, now: Instant): string {
  const at = parseInstant(iso)
  return `${formatDateTime(at, zone)} ${zoneAbbreviation(at, zone)} (${formatRelative(at, now)})`
}

/** Who, what, where and when of a change, with the author's risk beside Tend's. */
export function ChangeFacts({ change, zone, now }: { readonly change: ChangeDetail; readonly zone: string; readonly now: Instant }) {
  const type = CHANGE_TYPES.find((t) => t.value === change.type)
  return (
    <dl className="facts change-facts">
      <dt>Type</dt>
      <dd>
        {type?.label ?? change.type} <span className="muted">· {type?.explain}</span>
      </dd>
      <dt>Author</dt>
      <dd>{change.authorName}</dd>
      <dt>Services touched</dt>
      <dd>{change.services.map((s) => s.name).join(', ') || <span className="text-danger">none named</span>}</dd>
      <dt>Planned for</dt>
      <dd>{change.plannedAt === null ? <span className="muted">not planned yet</span> : when(change.plannedAt, zone, now)}</dd>
      <dt>Risk</dt>
      <dd>
        {change.risk === null ? <span className="muted">author’s estimate not given</span> : <span className={`badge risk risk--${change.risk}`}>{change.risk}</span>}
        {change.riskHint !== null && (
          <span className="muted">
            {' '}· Tend suggests <span className={`badge risk risk--${change.riskHint.level}`}>{change.riskHint.level}</span>: {change.riskHint.because.join('; ')}
          </span>
        )}
      </dd>
      {change.startedAt !== null && (
        <>
          <dt>Started</dt>
          <dd>{when(change.startedAt, zone, now)}</dd>
        </>
      )}
      {change.finishedAt !== null && (
        <>
          <dt>Finished</dt>
          <dd>{when(change.finishedAt, zone, now)}</dd>
        </>
      )}
      {change.reviewDueAt !== null && (
        <>
          <dt>Review due</dt>
          <dd className={parseInstant(change.reviewDueAt) < now ? 'text-danger' : undefined}>{when(change.reviewDueAt, zone, now)}</dd>
        </>
      )}
    </dl>
  )
}
