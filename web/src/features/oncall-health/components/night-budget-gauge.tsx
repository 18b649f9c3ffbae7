import { Link } from '../../../components/link'
import { formatDateTime, zoneAbbreviation } from '../../../lib/time'
import type { NightBudget } from '../../../types/api'

interface NightBudgetGaugeProps {
  readonly budget: NightBudget
  /** The team's zone: the on-call week starts at its handoff there. */
  readonly zone: string
  readonly settingsPath: string
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * The night-page budget of the current on-call week: one slot per accepted sleep-hours wake-up,
 * filled as they are spent, red beyond the budget; when spent, the noisiest sources and whether
 * non-urgent deploys of them are denied until the budget recovers.
 */
export function NightBudgetGauge({ budget, zone, settingsPath }: NightBudgetGaugeProps) {
  const weekStart = Date.parse(budget.weekStart)
  const slots = Math.max(budget.budget, budget.spent)
  const over = Math.max(0, budget.spent - budget.budget)
  const headline = budget.exhausted
    ? over > 0
      ? `Spent: ${budget.spent} of ${budget.budget} (${over} over)`
      : `Spent: ${budget.spent} of ${budget.budget}`
    : `${budget.spent} of ${budget.budget} spent · ${budget.remaining} left`
  return (
    <section className={budget.exhausted ? 'card health-card budget budget--exhausted' : 'card health-card budget'} aria-labelledby="budget-title" data-testid="night-budget">
      <h2 id="budget-title">Night-page budget</h2>
      <p className="muted">
        Sleep-hours wake-ups the team accepts per on-call week, from its own services. This week began {formatDateTime(weekStart, zone)} {zoneAbbreviation(weekStart, zone)}.
      </p>
      <p className="budget__headline" role="status">{headline}</p>
      <div className="budget__slots" role="img" aria-label={budget.summary}>
        {slots === 0 ? (
          <span className="muted">A budget of 0: any night page spends it.</span>
        ) : (
          Array.from({ length: slots }, (_, i) => (
            <span key={i} className={i < Math.min(budget.spent, budget.budget) ? 'budget__slot budget__slot--spent' : i < budget.budget ? 'budget__slot' : 'budget__slot budget__slot--over'} />
          ))
        )}
      </div>
      {budget.exhausted && (
        <div className="budget__sources">
          {budget.causedBy.length > 0 && (
            <>
              <p><strong>Noisiest sources</strong> this week:</p>
              <ul>
                {budget.causedBy.map((s) => (
                  <li key={s.serviceId}>
                    {s.serviceName}: {plural(s.wakeUps, 'wake-up', 'wake-ups')}, {plural(s.alerts, 'alert', 'alerts')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">
            {budget.gatesDeploys
              ? 'Non-urgent deploys of these services are denied until the budget recovers.'
              : <>Deploys are not gated by the budget (<Link to={settingsPath}>settings</Link>).</>}{' '}
            Tend filed a follow-up for the next working morning.
          </p>
        </div>
      )}
    </section>
  )
}
