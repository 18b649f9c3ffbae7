import type { ReactNode } from 'react'
import { Link } from '../components/link'
import { useAuth } from '../features/auth/hooks/use-auth'
import { ApprovalCountBadge } from '../features/changes/components/approval-count-badge'
import { FollowUpCountBadge } from '../features/mitigation/components/follow-up-count-badge'
import { useAtParam } from '../hooks/use-at-param'
import { useLocation } from '../lib/history'

/** What people use day to day, always in the bar. */
const NAV = [
  { to: '/', label: 'On call', active: (path: string) => path === '/' },
  { to: '/alerts', label: 'Alerts', active: (path: string) => path.startsWith('/alerts') },
  { to: '/schedules', label: 'Schedules', active: (path: string) => path.startsWith('/schedules') },
  { to: '/changes', label: 'Changes', active: (path: string) => path.startsWith('/changes') },
  { to: '/alarms', label: 'Alarms', active: (path: string) => path.startsWith('/alarms') },
  { to: '/follow-ups', label: 'Follow-ups', active: (path: string) => path.startsWith('/follow-ups') },
  { to: '/health', label: 'Health', active: (path: string) => path === '/health' || /^\/teams\/[^/]+\/health/.test(path) },
] as const

/** What is set up once and changed now and then, behind one "Setup" menu so the bar fits one line. */
const SETUP = [
  { to: '/policies', label: 'Policies', active: (path: string) => path.startsWith('/policies') },
  { to: '/mitigation', label: 'Mitigation', active: (path: string) => path.startsWith('/mitigation') },
  { to: '/maintenance', label: 'Maintenance', active: (path: string) => path.startsWith('/maintenance') },
  { to: '/teams', label: 'Teams', active: (path: string) => path.startsWith('/teams') && !/^\/teams\/[^/]+\/health/.test(path) },
  { to: '/people', label: 'People', active: (path: string) => path.startsWith('/people') },
  { to: '/services', label: 'Services', active: (path: string) => path.startsWith('/services') },
] as const

/** The navigation bar and the page area of the signed-in app. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const { user, signOut } = useAuth()
  const { pathname } = useLocation()
  const at = useAtParam()
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <nav className="topbar__inner" aria-label="Main">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">◆</span> Tend
          </Link>
          <ul className="nav">
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="nav__link" aria-current={item.active(pathname) ? 'page' : undefined}>
                  {item.label}
                  {item.to === '/follow-ups' && <FollowUpCountBadge />}
                  {item.to === '/changes' && <ApprovalCountBadge user={user} />}
                </Link>
              </li>
            ))}
            <li>
              <details className="nav__menu" key={pathname}>
                <summary className="nav__link" aria-current={SETUP.some((i) => i.active(pathname)) ? 'page' : undefined}>
                  Setup
                </summary>
                <ul className="nav__menu-list">
                  {SETUP.map((item) => (
                    <li key={item.to}>
                      <Link to={item.to} className="nav__link" aria-current={item.active(pathname) ? 'page' : undefined}>
                        {item.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          </ul>
          <div className="topbar__user">
            <Link
              to="/me/notifications"
              className="topbar__name"
              title={`${user.email}: your contact methods and notification rules`}
              aria-current={pathname === '/me/notifications' ? 'page' : undefined}
            >
              {user.name}
            </Link>
            <button type="button" className="button button--ghost button--small" onClick={signOut}>Sign out</button>
          </div>
        </nav>
      </header>
      {at !== undefined && (
        <p className="time-banner" role="status">
          Showing on-call as of <strong>{at}</strong> (the <code>?at=</code> parameter), not now.
        </p>
      )}
      <main id="main" className="page">{children}</main>
    </>
  )
}
