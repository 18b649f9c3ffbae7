import type { MaintenancePhase } from '../../../types/api'

const CHIPS: Readonly<Record<MaintenancePhase, { readonly label: string; readonly className: string; readonly title: string }>> = {
  scheduled: { label: 'Scheduled', className: 'badge--status-acknowledged', title: 'Not begun yet: alerts page as usual until it starts' },
  active: { label: 'Active', className: 'badge--warn', title: 'Alerts from monitoring on this service are stored but page nobody until the end' },
  ended: { label: 'Ended', className: '', title: 'Over: alerts still open at the end paged then' },
  cancelled: { label: 'Cancelled', className: '', title: 'Cancelled before it began' },
}

/** A maintenance window's phase: Active (amber), Scheduled (blue), Ended and Cancelled (grey). */
export function MaintenancePhaseBadge({ phase }: { readonly phase: MaintenancePhase }) {
  const chip = CHIPS[phase] ?? { label: phase, className: '', title: phase }
  return <span className={`badge ${chip.className}`} title={chip.title}>{chip.label}</span>
}
