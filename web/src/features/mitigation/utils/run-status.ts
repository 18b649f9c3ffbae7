import type { MitigationRunStatus } from '../../../types/api'

/** How a run status reads and looks: good (it worked), bad (a human was paged), or neutral (in flight, dry run). */
export const RUN_STATUS: Readonly<Record<MitigationRunStatus, { readonly label: string; readonly tone: 'good' | 'bad' | 'neutral' | 'warn'; readonly hint: string }>> = {
  pending: { label: 'Pending', tone: 'neutral', hint: 'about to run the action' },
  running: { label: 'Running', tone: 'neutral', hint: 'the action is running' },
  verifying: { label: 'Verifying', tone: 'neutral', hint: 'the action ran; waiting for the alert to clear' },
  succeeded: { label: 'Succeeded', tone: 'good', hint: 'the alert cleared; nobody was paged' },
  failed: { label: 'Failed', tone: 'bad', hint: 'the action failed; a human was paged' },
  not_cleared: { label: 'Did not clear', tone: 'bad', hint: 'the action ran but the alert stayed; a human was paged' },
  timed_out: { label: 'Timed out', tone: 'bad', hint: 'no answer in time; a human was paged' },
  refused: { label: 'Refused', tone: 'bad', hint: "the agent's allow-list does not have the command; a human was paged" },
  looping: { label: 'Looping', tone: 'bad', hint: 'ran too often for this alert; stopped and paged a human' },
  dry_run: { label: 'Dry run', tone: 'warn', hint: 'recorded what it would do; did nothing' },
}

/** Whether a run is still in flight (worth refreshing for). */
export const isRunInFlight = (status: MitigationRunStatus) => status === 'pending' || status === 'running' || status === 'verifying'
