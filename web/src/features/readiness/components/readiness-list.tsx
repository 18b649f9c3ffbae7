import { Alert } from '../../../components/alert'
import { Link } from '../../../components/link'
import type { Readiness } from '../../../types/api'

interface ReadinessListProps {
  readonly items: readonly Readiness[]
  /** Whose schedules and policies these are: a team's name. */
  readonly scope: string
}

/** People on call who cannot be woken, each linking to their notification settings; or a calm all-clear. */
export function ReadinessList({ items, scope }: ReadinessListProps) {
  const notReady = items.filter((r) => !r.ready)
  if (notReady.length === 0) {
    return <p className="readiness-ok">✓ Everyone on the schedules and policies of {scope} can be woken.</p>
  }
  return (
    <Alert tone="warning">
      <p>
        <strong>{notReady.length === 1 ? '1 person' : `${notReady.length} people`} on the schedules and policies of {scope} cannot be woken.</strong> A page to them at night reaches nobody.
      </p>
      <ul className="readiness-list" aria-label="People who cannot be woken">
        {notReady.map((r) => (
          <li key={r.userId}>
            <Link to={`/people/${r.userId}/notifications`}>{r.name}</Link>: {r.problems.join('; ')}
            {r.onCallIn.length > 0 && <span className="muted"> (on {r.onCallIn.join(', ')})</span>}
          </li>
        ))}
      </ul>
    </Alert>
  )
}
