import type { HealthRecommendation } from '../../../types/api'
import { recommendationFigures } from '../utils/recommendation-figures'
import { CitationLinks } from './citation-links'

const SEVERITY: Readonly<Record<string, { readonly label: string; readonly className: string }>> = {
  critical: { label: 'Critical', className: 'badge badge--bad' },
  warning: { label: 'Warning', className: 'badge badge--warn' },
  info: { label: 'Info', className: 'badge' },
}

/** What to change, most urgent first, each with the figures that triggered it and its source. */
export function RecommendationList({ recommendations, sources }: { readonly recommendations: readonly HealthRecommendation[]; readonly sources: readonly string[] }) {
  const rank = (s: string) => ['critical', 'warning', 'info'].indexOf(s)
  const sorted = [...recommendations].sort((a, b) => rank(a.severity) - rank(b.severity))
  return (
    <section className="card health-card" aria-labelledby="recommendations-title" data-testid="recommendations">
      <h2 id="recommendations-title">Recommendations</h2>
      {sorted.length === 0 ? (
        <p className="empty">Nothing to change: the burden is within every bar in this range.</p>
      ) : (
        <ul className="recommendations">
          {sorted.map((r) => {
            const severity = SEVERITY[r.severity] ?? { label: r.severity, className: 'badge' }
            const figures = recommendationFigures(r.code, r.figures)
            return (
              <li key={r.code} className={`recommendation recommendation--${r.severity}`} data-code={r.code}>
                <p><span className={severity.className}>{severity.label}</span> {r.message}</p>
                {figures.length > 0 && (
                  <dl className="recommendation__figures" aria-label="Figures">
                    {figures.map((f) => (
                      <div key={f.label}>
                        <dt>{f.label}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                <p className="recommendation__source">Source: <CitationLinks source={r.source} /></p>
              </li>
            )
          })}
        </ul>
      )}
      <div className="health-sources">
        <h3>Where the bars come from</h3>
        <ul>
          {sources.map((src) => <li key={src}><CitationLinks source={src} /></li>)}
        </ul>
      </div>
    </section>
  )
}
