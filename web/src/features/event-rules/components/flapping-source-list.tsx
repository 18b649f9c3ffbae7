import { Link } from '../../../components/link'
import { formatAge, parseInstant, type Instant } from '../../../lib/time'
import type { FlappingSource } from '../../../types/api'

/** The service's inbound dedup keys that flap now: their resolves are held so a flip does not page again. */
export function FlappingSourceList({ sources, now }: { readonly sources: readonly FlappingSource[]; readonly now: Instant }) {
  if (sources.length === 0) return null
  return (
    <section className="card" aria-labelledby="flapping-heading">
      <h2 id="flapping-heading">Flapping now</h2>
      <p className="muted">While a source flaps, its resolves are held until it stays quiet for 15 minutes: it pages once, not on every flip.</p>
      <ul className="aq-flapping">
        {sources.map((s) => (
          <li key={s.dedupKey}>
            <code>{s.dedupKey}</code> <span className="badge badge--flapping">Flapping</span> {Math.round(s.percentChange)}% state change over {s.events} events, last {formatAge(parseInstant(s.lastEventAt), now)}
            {s.alertId !== null && <> · <Link to={`/alerts/${s.alertId}`}>its alert</Link></>}
          </li>
        ))}
      </ul>
    </section>
  )
}
