import type { ReactNode } from 'react'
import { navigate } from '../../../lib/history'
import type { Team } from '../../../types/api'
import { HealthTabs, healthPath, type HealthView } from './health-tabs'

interface HealthPageHeaderProps {
  readonly team: Team
  readonly teams: readonly Team[]
  readonly view: HealthView
  /** Controls on the right of the title (the range picker, say). */
  readonly children?: ReactNode
}

/** The title of a team's health pages with the principle they serve, a team switcher and the view tabs. */
export function HealthPageHeader({ team, teams, view, children }: HealthPageHeaderProps) {
  return (
    <>
      <div className="page__header page__header--actions">
        <div>
          <h1>On-call health: {team.name}</h1>
          <p className="muted page__lead">
            The cost of on-call is carried by the company, not the individual. Every page is counted in the person’s own time zone and hours;
            Tend tells people woken at night to start late and relieves those woken again.
          </p>
        </div>
        {teams.length > 1 && (
          <label className="health-team-switch">
            Team{' '}
            <select value={team.id} onChange={(e) => navigate(healthPath(e.target.value, view))}>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="health-toolbar">
        <HealthTabs teamId={team.id} current={view} />
        {children}
      </div>
    </>
  )
}
