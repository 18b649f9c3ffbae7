import type { HeartbeatStatus } from '../../../types/api'

const CHIPS: Readonly<Record<HeartbeatStatus, { readonly label: string; readonly title: string }>> = {
  new: { label: 'New', title: 'Never pinged, and nothing is due yet' },
  up: { label: 'Up', title: 'The last run reported in on time' },
  late: { label: 'Late', title: 'A ping is overdue, but fewer than N in a row were missed: nobody is paged yet' },
  down: { label: 'Down', title: 'N pings in a row were missed: its alert is open' },
  failing: { label: 'Failing', title: 'The job reported failure: its alert is open' },
}

/** A heartbeat's status: Up (green), New (grey), Late (amber), Down and Failing (red). */
export function HeartbeatStatusChip({ status }: { readonly status: HeartbeatStatus }) {
  const chip = CHIPS[status] ?? { label: status, title: status }
  return <span className={`badge hb-chip hb-chip--${status}`} title={chip.title}>{chip.label}</span>
}
