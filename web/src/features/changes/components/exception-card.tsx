import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { Link } from '../../../components/link'
import { formatDateTime, formatRange, parseInstant, zoneAbbreviation } from '../../../lib/time'
import { grantFreezeException } from '../api/grant-freeze-exception'
import type { ExceptionRequest } from '../utils/approvals'

/** A change planned inside a freeze the viewer may grant exceptions to: the freeze, the change, and Grant. */
export function ExceptionCard({ request, zone, onGranted }: { readonly request: ExceptionRequest; readonly zone: string; readonly onGranted: (message: string) => void }) {
  const { change: c, freeze } = request
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()
  const planned = c.plannedAt === null ? null : parseInstant(c.plannedAt)
  const grant = async () => {
    setPending(true)
    setError(undefined)
    try {
      await grantFreezeException(c.key, freeze.id)
      onGranted(`Granted ${c.key} an exception to “${freeze.name}”.`)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <article className="card approval-card approval-card--freeze" aria-labelledby={`exception-${c.id}-${freeze.id}`}>
      <header className="approval-card__header">
        <h3 id={`exception-${c.id}-${freeze.id}`}>
          <Link to={`/changes/${c.key}`}><span className="change-key">{c.key}</span> {c.title}</Link>
        </h3>
        <span className="freeze-name">{freeze.name}</span>
      </header>
      <p>
        {planned === null ? 'Not planned: it would deploy now, ' : `Planned ${formatDateTime(planned, zone)} ${zoneAbbreviation(planned, zone)}, `}
        inside the freeze “{freeze.name}” ({formatRange(parseInstant(freeze.start), parseInstant(freeze.end), zone)}){freeze.reason === '' ? '' : `: ${freeze.reason}`}.
      </p>
      <p className="muted">State: {c.state.replace('_', ' ')} · by {c.authorName} · worst case: {c.worstCase}</p>
      {error !== undefined && <Alert>{error}</Alert>}
      <div className="approval-card__actions">
        <button type="button" className="button" disabled={pending} onClick={() => void grant()}>
          Grant exception<span className="visually-hidden"> to {freeze.name} for {c.key}</span>
        </button>
        <Link to={`/changes/${c.key}`}>Read all of it →</Link>
      </div>
    </article>
  )
}
