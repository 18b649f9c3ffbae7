import { Link } from '../../../components/link'

/** The three views of a team's on-call health. */
export type HealthView = 'dashboard' | 'report' | 'settings'

const VIEWS: readonly { readonly view: HealthView; readonly label: string; readonly suffix: string }[] = [
  { view: 'dashboard', label: 'Dashboard', suffix: '' },
  { view: 'report', label: 'Weekly report', suffix: '/report' },
  { view: 'settings', label: 'Settings', suffix: '/settings' },
]

/** The path of a team's health view. */
export const healthPath = (teamId: string, view: HealthView = 'dashboard'): string =>
  `/teams/${encodeURIComponent(teamId)}/health${VIEWS.find((v) => v.view === view)?.suffix ?? ''}`

/** Tabs between a team's dashboard, weekly report and settings. */
export function HealthTabs({ teamId, current }: { readonly teamId: string; readonly current: HealthView }) {
  return (
    <nav className="tabs" aria-label="On-call health views">
      {VIEWS.map((v) => (
        <Link key={v.view} to={healthPath(teamId, v.view)} className="tabs__tab" aria-current={v.view === current ? 'page' : undefined}>
          {v.label}
        </Link>
      ))}
    </nav>
  )
}
