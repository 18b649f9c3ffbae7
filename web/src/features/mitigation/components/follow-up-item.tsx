import { Fragment } from 'react'
import { Link } from '../../../components/link'
import { formatDateTime, formatRelative, formatTime, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { FollowUp } from '../../../types/api'
import { formatAgeHours } from '../utils/follow-up-age'
import { parseFollowUpBody } from '../utils/follow-up-body'
import { FollowUpCloseDialog } from './follow-up-close-dialog'
import { RunOutput } from './run-output'

interface FollowUpItemProps {
  readonly followUp: FollowUp
  /** The viewer's zone: due and closing times are shown there. */
  readonly zone: string
  /** The owning team, whose working morning the follow-up is due in. */
  readonly team: { readonly name: string; readonly timeZone: string } | undefined
  readonly serviceName: string | undefined
  /** The server's now, for "in 8 h" and "overdue". */
  readonly now: Instant
  readonly nameOf: (userIdOrLabel: string) => string
  readonly onClosed: (closed: FollowUp) => void
}

/** One follow-up: when it is due (viewer's zone, and the team's when different), what happened, and Close. */
export function FollowUpItem({ followUp: f, zone, team, serviceName, now, nameOf, onClosed }: FollowUpItemProps) {
  const due = parseInstant(f.dueAt)
  const body = parseFollowUpBody(f.body)
  const overdue = f.status === 'open' && due < now
  const alertFact = body.facts.find((x) => x.label === 'Alert')
  const when = (at: Instant) => `${formatDateTime(at, zone)} ${zoneAbbreviation(at, zone)}`
  return (
    <article className={`card follow-up${overdue ? ' follow-up--overdue' : ''}`} aria-labelledby={`follow-up-${f.id}`}>
      <header className="follow-up__header">
        <h3 id={`follow-up-${f.id}`}>{f.title}</h3>
        {f.status === 'open' && <FollowUpCloseDialog followUp={f} onClosed={onClosed} />}
      </header>
      <p className="follow-up__meta">
        {f.status === 'open' ? (
          <span className={overdue ? 'follow-up__due follow-up__due--overdue' : 'follow-up__due'} data-testid="follow-up-due">
            Due <strong>{when(due)}</strong> ({overdue ? `overdue by ${formatRelative(now, due).replace(/^in /, '')}` : formatRelative(due, now)})
          </span>
        ) : (
          <span className="badge badge--good">Closed</span>
        )}
        {team !== undefined && team.timeZone !== zone && (
          <span className="muted"> · {formatTime(due, team.timeZone)} {zoneAbbreviation(due, team.timeZone)} for {team.name}</span>
        )}
        <span className="muted">
          {' '}· {f.status === 'closed' ? `closed ${formatAgeHours(f.ageHours)} after filing` : f.ageHours === 0 ? 'filed just now' : `filed ${formatAgeHours(f.ageHours)} ago`}
          {serviceName !== undefined && <> · {serviceName}</>}
          {team !== undefined && <> · {team.name}</>}
        </span>
      </p>
      {body.lead.length > 0 && <p className="follow-up__lead">{body.lead.join('\n')}</p>}
      {(body.facts.length > 0 || body.output !== null) && (
        <dl className="facts follow-up__facts">
          {body.facts.map((x) => (
            <Fragment key={x.label}>
              <dt>{x.label}</dt>
              <dd>{x.label === 'Alert' && f.alertId !== null ? <Link to={`/alerts/${f.alertId}`}>{x.value}</Link> : x.label === 'Action' ? <code>{x.value}</code> : x.value}</dd>
            </Fragment>
          ))}
          {body.output !== null && (
            <>
              <dt>Output</dt>
              <dd><RunOutput text={body.output} /></dd>
            </>
          )}
        </dl>
      )}
      {f.alertId !== null && (
        <p>
          <Link to={`/alerts/${f.alertId}`}>Open the alert’s timeline<span className="visually-hidden">{alertFact === undefined ? '' : `: ${alertFact.value}`}</span> →</Link>
        </p>
      )}
      {f.status === 'closed' && (
        <div className="follow-up__closed">
          <p className="muted">
            Closed {f.closedBy === null ? '' : `by ${nameOf(f.closedBy)} `}{f.closedAt === null ? '' : `on ${when(parseInstant(f.closedAt))}`}:
          </p>
          <blockquote className="follow-up__note">{f.closeNote}</blockquote>
        </div>
      )}
    </article>
  )
}
