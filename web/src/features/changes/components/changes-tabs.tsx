import { Link } from '../../../components/link'

const TABS = [
  { to: '/changes', label: 'Change requests' },
  { to: '/changes/inbox', label: 'Approvals' },
  { to: '/changes/calendar', label: 'Calendar' },
  { to: '/changes/policy', label: 'Deploy policy' },
  { to: '/changes/check', label: 'Deploy check' },
] as const

/** The change-safety pages, as tabs under each page's title. */
export function ChangesTabs({ current }: { readonly current: (typeof TABS)[number]['to'] }) {
  return (
    <nav className="tabs changes-tabs" aria-label="Change safety">
      {TABS.map((t) => (
        <Link key={t.to} to={t.to} className="tabs__tab" aria-current={t.to === current ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  )
}
