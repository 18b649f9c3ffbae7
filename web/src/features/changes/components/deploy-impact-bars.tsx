import type { ChangeMetrics } from '../../../types/api'

const pct = (share: number) => `${Math.round(share * 100)}%`
const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`)

const BUCKETS = [
  { key: 'within1h', label: '1 h', minutes: 60 },
  { key: 'within3h', label: '3 h', minutes: 180 },
  { key: 'within6h', label: '6 h', minutes: 360 },
  { key: 'within24h', label: '24 h', minutes: 1440 },
] as const

/**
 * How soon after a deploy its first high-urgency alert came, as cumulative bars, with what the
 * configured support tail covers and the tail that would have covered the target share.
 */
export function DeployImpactBars({ impact }: { readonly impact: ChangeMetrics['deployImpact'] }) {
  const { buckets } = impact
  const target = pct(impact.coverageTarget)
  return (
    <div className="impact">
      <p className="impact__lead">
        Of <strong>{buckets.total}</strong> deploy-related alert{buckets.total === 1 ? '' : 's'} after {impact.deploys} deploy{impact.deploys === 1 ? '' : 's'}, the first came within:
      </p>
      <ul className="impact-bars" aria-label="Share of deploy-related alerts by delay after the deploy">
        {BUCKETS.map((b) => {
          const share = buckets[b.key]
          const covered = b.minutes <= impact.configuredTailMinutes
          return (
            <li key={b.key} className="impact-bars__row">
              <span className="impact-bars__label">{b.label}</span>
              <span className="impact-bars__track">
                <span className={covered ? 'impact-bars__bar impact-bars__bar--covered' : 'impact-bars__bar'} style={{ width: pct(share) }} />
              </span>
              <span className="impact-bars__value">{buckets.total === 0 ? '—' : pct(share)}</span>
            </li>
          )
        })}
      </ul>
      <p className="impact__tail" data-testid="tail-coverage">
        {buckets.total === 0 ? (
          <>No deploy-related alerts yet. </>
        ) : (
          <>
            A 3 h tail covers <strong>{pct(buckets.within3h)}</strong>; your configured tail of <strong>{hours(impact.configuredTailMinutes)}</strong> covers{' '}
            <strong>{impact.shareWithinConfiguredTail === null ? 'n/a' : pct(impact.shareWithinConfiguredTail)}</strong>.{' '}
          </>
        )}
        {impact.suggestedTailMinutes === null ? (
          <>The tail that would have covered {target}: not enough data yet.</>
        ) : (
          <>
            The tail that would have covered {target} is <strong>{hours(impact.suggestedTailMinutes)}</strong>
            {impact.suggestedTailMinutes > impact.configuredTailMinutes ? ' — longer than yours.' : impact.suggestedTailMinutes < impact.configuredTailMinutes ? ' — shorter than yours.' : ', as configured.'}
          </>
        )}
      </p>
      <p className="muted">{impact.note}</p>
    </div>
  )
}
