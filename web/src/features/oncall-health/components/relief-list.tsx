import type { Instant } from '../../../lib/time'
import type { Relief, ReliefActionResult, TeamMember } from '../../../types/api'
import { isCurrentRelief, reliefStatusLabel } from '../utils/relief-state'
import { ReliefCard } from './relief-card'

interface ReliefListProps {
  readonly reliefs: readonly Relief[]
  readonly now: Instant
  readonly members: readonly TeamMember[]
  readonly currentUserId: string
  readonly canAdmin: boolean
  /** The outcome of the last Decline or Take over, in the server's words. */
  readonly outcome: ReliefActionResult | undefined
  readonly onDone: (result: ReliefActionResult) => void
}

/** Reliefs in force now (a 'needed' one first), with the last action's outcome, and the most recent past ones. */
export function ReliefList({ reliefs, now, members, currentUserId, canAdmin, outcome, onDone }: ReliefListProps) {
  const current = reliefs.filter((r) => isCurrentRelief(r, now)).sort((a, b) => Number(b.status === 'needed') - Number(a.status === 'needed'))
  const past = reliefs.filter((r) => !isCurrentRelief(r, now)).slice(0, 5)
  return (
    <section className="card health-card" aria-labelledby="reliefs-title">
      <h2 id="reliefs-title">Reliefs</h2>
      <p className="muted">People woken too often in one night or week hand the pager to a rested teammate for a recovery period; nobody is left uncovered.</p>
      {outcome !== undefined && (
        <div className="alert alert--info relief-outcome" role="status" data-testid="relief-outcome">
          <p>{outcome.message}</p>
        </div>
      )}
      {current.length === 0 ? (
        <p className="empty">Nobody is relieved now.</p>
      ) : (
        <div className="reliefs">
          {current.map((r) => <ReliefCard key={r.id} relief={r} now={now} members={members} currentUserId={currentUserId} canAdmin={canAdmin} onDone={onDone} />)}
        </div>
      )}
      {past.length > 0 && (
        <details className="reliefs__past">
          <summary>Earlier reliefs ({past.length})</summary>
          <ul>
            {past.map((r) => (
              <li key={r.id}>
                <span className="badge">{reliefStatusLabel(r.status)}</span> {r.tired.name} → {r.replacement?.name ?? 'nobody'}, night of {r.night}
                {r.outcomeNote !== null && <span className="muted"> — {r.outcomeNote}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
