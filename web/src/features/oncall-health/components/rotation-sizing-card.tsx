import type { RotationSizing } from '../../../types/api'

const TIERS: Readonly<Record<number, string>> = { 1: 'primary only', 2: 'primary and secondary' }

/** Google SRE's rotation sizes applied to the team: people per site now against what its coverage needs, with the arithmetic. */
export function RotationSizingCard({ rotation }: { readonly rotation: RotationSizing }) {
  const short = new Set(rotation.shortSites.map((s) => s.zone))
  const missing = Math.max(0, rotation.needed - rotation.people)
  return (
    <section className="card health-card" aria-labelledby="rotation-title" data-testid="rotation">
      <h2 id="rotation-title">Rotation size</h2>
      <dl className="figures figures--4">
        <div>
          <dt>People</dt>
          <dd className={missing > 0 ? 'figures__attention' : undefined}>{rotation.people}</dd>
        </div>
        <div>
          <dt>Needed</dt>
          <dd>{rotation.needed}<span className="figures__sub"> ({rotation.neededPerSite} per site)</span></dd>
        </div>
        <div>
          <dt>Coverage</dt>
          <dd>{rotation.coverage}</dd>
        </div>
        <div>
          <dt>Tiers</dt>
          <dd>{rotation.tiers}<span className="figures__sub"> {TIERS[rotation.tiers] ?? ''}</span></dd>
        </div>
      </dl>
      {rotation.sites.length > 0 && (
        <table className="table rotation-sites" aria-label="People per site">
          <thead>
            <tr><th scope="col">Site (time zone)</th><th scope="col" className="table__num">People</th><th scope="col" className="table__num">Needed</th></tr>
          </thead>
          <tbody>
            {rotation.sites.map((s) => (
              <tr key={s.zone}>
                <td>{s.zone}</td>
                <td className={short.has(s.zone) ? 'table__num text-danger' : 'table__num'}>{s.people}</td>
                <td className="table__num">{rotation.neededPerSite}{short.has(s.zone) && <span className="health-sub">short by {rotation.neededPerSite - s.people}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="rotation__math">{rotation.text}</p>
    </section>
  )
}
