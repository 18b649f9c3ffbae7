import type { ChangeAction, ChangeState, ChangeType } from '../../../types/api'

/** How each state reads in a chip. */
export const STATE_LABELS: Readonly<Record<ChangeState, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  in_progress: 'In progress',
  done: 'Done',
  rolled_back: 'Rolled back',
  cancelled: 'Cancelled',
}

/** The change types in the order the form offers them, each with the one line that tells them apart. */
export const CHANGE_TYPES: readonly { readonly value: ChangeType; readonly label: string; readonly explain: string }[] = [
  { value: 'normal', label: 'Normal', explain: 'Reviewed: a teammate approves it before it starts.' },
  { value: 'standard', label: 'Standard', explain: 'Routine and rehearsed: approved on submit, so its rollback must have been tested and its risk is not high.' },
  { value: 'emergency', label: 'Emergency', explain: 'Fixing an incident: may start before approval, and a teammate must review it within a working day.' },
]

/** Button labels of the state machine's actions, in the order the page shows them. */
export const ACTION_LABELS: readonly { readonly action: ChangeAction; readonly label: string; readonly danger?: boolean }[] = [
  { action: 'submit', label: 'Submit for review' },
  { action: 'approve', label: 'Approve' },
  { action: 'start', label: 'Start' },
  { action: 'complete', label: 'Complete' },
  { action: 'rollback', label: 'Roll back', danger: true },
  { action: 'reopen', label: 'Reopen as draft' },
  { action: 'cancel', label: 'Cancel change', danger: true },
]

/** States a list filter can ask for; `open` is the API's shorthand for the four unfinished ones. */
export const STATE_FILTERS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'draft', label: 'Drafts' },
  { value: 'submitted', label: 'Submitted' },
  { value: 'approved', label: 'Approved' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'rolled_back', label: 'Rolled back' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: '', label: 'All' },
]

/**
 * Steps the API names as good rollback steps (its ROLLBACK_STEP_EXAMPLES), shown before the first
 * step is written; once steps exist the API's own grading and messages take over.
 */
export const ROLLBACK_EXAMPLES: readonly string[] = ['redeploy the previous version (v1.42.0)', 'run down migration 20261120-add-index', 'turn off flag checkout_v2']

/** "touched", "1 hop", "2 hops": how far a service in the blast radius is from the change. */
export function distanceLabel(distance: number): string {
  if (distance === 0) return 'touched'
  return distance === 1 ? 'depends on it directly' : `${distance} hops away`
}
