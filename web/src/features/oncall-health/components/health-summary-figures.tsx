import { formatDay, formatDuration, zoneAbbreviation } from '../../../lib/time'
import type { TeamHealthReport } from '../../../types/api'

/** The range in the team's zone and the team's totals in one row. */
export function HealthSummaryFigures({ report }: { readonly report: TeamHealthReport }) {
  const zone = report.team.timeZone
  const from = Date.parse(report.from)
  const to = Date.parse(report.to)
  const t = report.totals
  return (
    <section aria-label="Team totals" className="health-summary">
      <p className="muted">
        {formatDay(from, zone)} – {formatDay(to - 1, zone)} ({zoneAbbreviation(to, zone)}), {t.people} {t.people === 1 ? 'person' : 'people'} on the team’s rotations.
      </p>
      <dl className="figures figures--6">
        <div><dt>Pages</dt><dd>{t.pages}</dd></div>
        <div><dt>In sleep hours</dt><dd className={t.sleepHoursPages > 0 ? 'figures__attention' : undefined}>{t.sleepHoursPages}</dd></div>
        <div><dt>Wake-ups</dt><dd>{t.wakeUps}</dd></div>
        <div><dt>Nights disturbed</dt><dd>{t.nightsDisturbed}<span className="figures__sub"> {t.nightsDisturbedPerWeek}/week</span></dd></div>
        <div><dt>Engaged off hours</dt><dd>{formatDuration(t.engagedOffHoursMinutes * 60_000)}</dd></div>
        <div><dt>Mean time to ack</dt><dd>{t.meanTimeToAckSeconds === null ? '—' : formatDuration(t.meanTimeToAckSeconds * 1000)}</dd></div>
      </dl>
    </section>
  )
}
