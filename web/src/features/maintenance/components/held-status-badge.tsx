import type { MaintenanceHeldAlert } from '../../../types/api'

const CHIPS: Readonly<Record<MaintenanceHeldAlert['status'], { readonly label: string; readonly className: string; readonly title: string }>> = {
  held: { label: 'Held', className: 'outcome--held', title: 'Stored, nobody paged: it pages at the window’s end if still open' },
  released: { label: 'Released', className: 'outcome--paged', title: 'Still open at the window’s end: it paged then' },
  dropped: { label: 'Dropped', className: 'outcome--resolved', title: 'Closed before the window ended: it never paged' },
}

/** What became of an alert a maintenance window held. */
export function HeldStatusBadge({ status }: { readonly status: MaintenanceHeldAlert['status'] }) {
  const chip = CHIPS[status] ?? { label: status, className: '', title: status }
  return <span className={`badge ${chip.className}`} title={chip.title}>{chip.label}</span>
}
