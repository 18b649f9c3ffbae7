import type { MitigationRunStatus } from '../../../types/api'
import { RUN_STATUS } from '../utils/run-status'

/** A run's status: green when it worked, red when a human was paged, grey while in flight. */
export function RunStatusBadge({ status }: { readonly status: MitigationRunStatus }) {
  const s = RUN_STATUS[status] ?? { label: status, tone: 'neutral', hint: '' }
  return <span className={`badge run-badge run-badge--${s.tone}`} title={s.hint}>{s.label}</span>
}
