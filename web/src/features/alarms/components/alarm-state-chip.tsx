import type { AlarmState } from '../../../types/api'

const CHIPS: Readonly<Record<AlarmState, { readonly label: string; readonly title: string }>> = {
  OK: { label: 'OK', title: 'Within the threshold' },
  ALARM: { label: 'ALARM', title: 'M of the last N periods breach: its alert is open' },
  INSUFFICIENT_DATA: { label: 'INSUFFICIENT DATA', title: 'No data to judge (missing data treated as missing): opens and resolves nothing' },
}

/** An alarm's state in CloudWatch's words: OK (green), ALARM (red), INSUFFICIENT DATA (grey). */
export function AlarmStateChip({ state }: { readonly state: AlarmState }) {
  const chip = CHIPS[state] ?? { label: state, title: state }
  return <span className={`badge alarm-chip alarm-chip--${state.toLowerCase()}`} title={chip.title}>{chip.label}</span>
}
