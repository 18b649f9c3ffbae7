import type { ChangeMetrics, DoraFigures as Figures } from '../../../types/api'

const pct = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 1000) / 10}%`)
const restore = (minutes: number | null) => (minutes === null ? 'n/a' : minutes < 120 ? `${Math.round(minutes)} min` : `${Math.round((minutes / 60) * 10) / 10} h`)

/** A DORA band as a chip: elite, high or below-high. */
function Band({ band }: { readonly band: string | null }) {
  if (band === null) return null
  return <span className={`badge dora-band dora-band--${band}`}>{band}</span>
}

function FigureList({ f }: { readonly f: Figures }) {
  return (
    <dl className="figures dora-figures">
      <div>
        <dt>Deploys a week</dt>
        <dd>{Math.round(f.deploymentsPerWeek * 10) / 10} <Band band={f.bands.deploymentFrequency} /></dd>
      </div>
      <div>
        <dt>Change failure rate</dt>
        <dd>{pct(f.changeFailureRate)} <Band band={f.bands.changeFailureRate} /></dd>
      </div>
      <div>
        <dt>Time to restore</dt>
        <dd>{restore(f.medianTimeToRestoreMinutes)} <Band band={f.bands.timeToRestore} /></dd>
      </div>
      <div>
        <dt>Inside windows</dt>
        <dd>{pct(f.shareInsideWindows)}</dd>
      </div>
      <div>
        <dt>Deploys</dt>
        <dd>{f.deployments}</dd>
      </div>
    </dl>
  )
}

/** DORA's four keys for the team and each service, banded against the published 2024 clusters. */
export function DoraFigures({ dora }: { readonly dora: ChangeMetrics['dora'] }) {
  return (
    <div className="dora">
      <FigureList f={dora.team} />
      <p className="muted">{dora.team.summary}</p>
      {dora.services.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">DORA figures by service</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="table__num">Deploys a week</th>
                <th scope="col" className="table__num">Change failure rate</th>
                <th scope="col" className="table__num">Time to restore</th>
                <th scope="col" className="table__num">Inside windows</th>
              </tr>
            </thead>
            <tbody>
              {dora.services.map((s) => (
                <tr key={s.serviceId}>
                  <th scope="row">{s.serviceName}</th>
                  <td className="table__num">{Math.round(s.deploymentsPerWeek * 10) / 10} <Band band={s.bands.deploymentFrequency} /></td>
                  <td className="table__num">{pct(s.changeFailureRate)} <Band band={s.bands.changeFailureRate} /></td>
                  <td className="table__num">{restore(s.medianTimeToRestoreMinutes)} <Band band={s.bands.timeToRestore} /></td>
                  <td className="table__num">{pct(s.shareInsideWindows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="dora__published field__hint">{dora.published}</p>
    </div>
  )
}
