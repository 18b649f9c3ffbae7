import type { ChangeState } from '../../../types/api'
import { STATE_LABELS } from '../utils/change-labels'

/** A change request's state as a coloured chip. */
export function ChangeStateChip({ state }: { readonly state: ChangeState }) {
  return <span className={`badge change-state change-state--${state}`}>{STATE_LABELS[state] ?? state}</span>
}
