import { formatDuration } from '../../../lib/time'
import type { WeeklyHealthReport } from '../../../types/api'

/** The weekly report as the team channels receive it, and the time in lieu it credits each person. */
export function WeeklyReportView({ report }: { readonly report: WeeklyHealthReport }) {
  const total = report.compensation.reduce((s, c) => s + c.minutesInLieu, 0)
  return (
    <>
      <section className="card health-card" aria-labelledby="report-title">
        <h2 id="report-title">{report.subject}</h2>
        <pre className="code-block weekly-report__text" data-testid="weekly-report-text">{report.text}</pre>
      </section>
      <section className="card health-card" aria-labelledby="lieu-title">
        <h2 id="lieu-title">Time in lieu</h2>
        <p className="muted">Engaged off-hours time × the team’s factor, plus a credit per sleep-hours wake-up: what the company owes back.</p>
        {report.compensation.length === 0 ? (
          <p className="empty">Nobody was on call this week.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Time in lieu">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col" className="table__num">Engaged off hours</th>
                  <th scope="col" className="table__num">× factor</th>
                  <th scope="col" className="table__num">Wake-ups</th>
                  <th scope="col" className="table__num">Wake-up credit</th>
                  <th scope="col" className="table__num">Time in lieu</th>
                </tr>
              </thead>
              <tbody>
                {report.compensation.map((c) => (
                  <tr key={c.userId}>
                    <th scope="row">{c.name}</th>
                    <td className="table__num">{formatDuration(c.engagedOffHoursMinutes * 60_000)}</td>
                    <td className="table__num">{c.factor} = {formatDuration(c.engagedCreditMinutes * 60_000)}</td>
                    <td className="table__num">{c.sleepHoursWakeUps}</td>
                    <td className="table__num">{formatDuration(c.wakeUpCreditMinutes * 60_000)}</td>
                    <td className="table__num"><strong>{formatDuration(c.minutesInLieu * 60_000)}</strong></td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Team</th>
                  <td colSpan={4} />
                  <td className="table__num"><strong>{formatDuration(total * 60_000)}</strong></td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
