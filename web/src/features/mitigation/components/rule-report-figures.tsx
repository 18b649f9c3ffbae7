import type { MitigationReport } from '../../../types/api'
import { formatWait } from '../utils/follow-up-age'

/** A rule's figures in one row: runs, success rate, alerts kept from paging, open follow-ups and the oldest one's age. */
export function RuleReportFigures({ report }: { readonly report: MitigationReport }) {
  const rate = report.successRate === null ? '—' : `${Math.round(report.successRate * 100)}%`
  const oldest = report.followUps.oldestOpenHours
  return (
    <dl className="figures">
      <div>
        <dt>Runs</dt>
        <dd>{report.runs}{report.dryRuns > 0 && <span className="figures__sub"> +{report.dryRuns} dry</span>}</dd>
      </div>
      <div>
        <dt>Success rate</dt>
        <dd>{rate}</dd>
      </div>
      <div>
        <dt>Kept from paging</dt>
        <dd>{report.keptFromPaging}</dd>
      </div>
      <div>
        <dt>Open follow‑ups</dt>
        <dd className={report.followUps.open > 0 ? 'figures__attention' : undefined}>{report.followUps.open}</dd>
      </div>
      <div>
        <dt>Oldest open</dt>
        <dd>{oldest === null ? '—' : formatWait(oldest)}</dd>
      </div>
    </dl>
  )
}
