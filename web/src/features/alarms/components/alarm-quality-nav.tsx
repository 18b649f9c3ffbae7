import { Link } from '../../../components/link'
import { useLocation } from '../../../lib/history'

const TABS = [
  { to: '/alarms', label: 'Alarms', active: (p: string) => p === '/alarms' || (p.startsWith('/alarms/') && !/^\/alarms\/(heartbeats|event-rules|noise)(\/|$)/.test(p)) },
  { to: '/alarms/heartbeats', label: 'Heartbeats', active: (p: string) => p.startsWith('/alarms/heartbeats') },
  { to: '/alarms/event-rules', label: 'Event rules', active: (p: string) => p.startsWith('/alarms/event-rules') },
  { to: '/alarms/noise', label: 'Noise report', active: (p: string) => p.startsWith('/alarms/noise') },
] as const

/**
 * The alarm-quality pages' own navigation: alarms, heartbeats, event rules and the noise report.
 * `query` (e.g. `?service=…`) carries the page's service or team filter to the others.
 */
export function AlarmQualityNav({ query = '' }: { readonly query?: string }) {
  const { pathname } = useLocation()
  return (
    <nav className="tabs aq-tabs aq-scroll-tabs" aria-label="Alarm quality">
      {TABS.map((t) => (
        <Link key={t.to} to={`${t.to}${query}`} className="tabs__tab" aria-current={t.active(pathname) ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  )
}
