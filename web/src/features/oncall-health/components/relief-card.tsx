import { formatDateTime, formatRelative, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { Relief, ReliefActionResult, TeamMember } from '../../../types/api'
import { reliefActions, reliefStatusLabel } from '../utils/relief-state'
import { ReliefDeclineDialog } from './relief-decline-dialog'
import { ReliefTakeOverDialog } from './relief-take-over-dialog'

interface ReliefCardProps {
  readonly relief: Relief
  readonly now: Instant
  readonly members: readonly TeamMember[]
  readonly currentUserId: string
  readonly canAdmin: boolean
  readonly onDone: (result: ReliefActionResult) => void
}

/** "until Thu 26 Nov, 04:00 CET (in 1 d 17 h)", in the tired person's zone. */
function until(end: Instant, zone: string, now: Instant): string {
  return `${formatDateTime(end, zone)} ${zoneAbbreviation(end, zone)} (${formatRelative(end, now)})`
}

/** One relief in force: tired → replacement, until when and why, with Decline and Take over; a relief nobody could take is loud. */
export function ReliefCard({ relief, now, members, currentUserId, canAdmin, onDone }: ReliefCardProps) {
  const zone = relief.tired.timeZone
  const end = Date.parse(relief.end)
  const actions = reliefActions(relief)
  const needed = relief.status === 'needed'
  const involved = relief.replacement?.id === currentUserId
  // Members take a relief over themselves; observers cannot, admins may hand it to anyone on the team.
  const mayTakeOver = canAdmin || members.some((m) => m.userId === currentUserId && m.role !== 'observer')
  return (
    <article className={needed ? 'relief relief--needed' : 'relief'} aria-label={`Relief for ${relief.tired.name}`} data-testid="relief">
      {needed ? (
        <p className="relief__headline">
          <strong>Relief needed, nobody eligible</strong> — {relief.tired.name} still has the pager on {relief.scheduleName}.
        </p>
      ) : (
        <p className="relief__headline">
          <span className={`badge relief-chip relief-chip--${relief.status}`}>{reliefStatusLabel(relief.status)}</span>{' '}
          <strong>{relief.tired.name}</strong> <span aria-label="handed to">→</span> <strong>{relief.replacement?.name ?? 'nobody'}</strong>
          <span className="muted"> on {relief.scheduleName}</span>
        </p>
      )}
      <dl className="facts relief__facts">
        <dt>Until</dt>
        <dd>{until(end, zone, now)}</dd>
        <dt>Why</dt>
        <dd>{relief.reason}</dd>
        {relief.outcomeNote !== null && (
          <>
            <dt>Outcome</dt>
            <dd>{relief.outcomeNote}</dd>
          </>
        )}
      </dl>
      <div className="button-group relief__actions">
        {actions.takeOver && mayTakeOver && <ReliefTakeOverDialog relief={relief} members={members} currentUserId={currentUserId} canAdmin={canAdmin} primary={needed} onDone={onDone} />}
        {actions.decline && (canAdmin || involved) && <ReliefDeclineDialog relief={relief} onDone={onDone} />}
      </div>
    </article>
  )
}
