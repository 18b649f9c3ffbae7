import type { MitigationRule } from '../../../types/api'
import { ruleState, type RuleState } from '../utils/rule-describe'

const CHIPS: Readonly<Record<RuleState, { readonly label: string; readonly title: string }>> = {
  active: { label: 'Active', title: 'Acts on matching alerts' },
  dry_run: { label: 'Dry run', title: 'Records what it would do and does nothing' },
  paused: { label: 'Paused', title: 'Does nothing; matching alerts page as usual' },
}

/** Whether a rule acts: Active (green), Dry run (amber), Paused (grey). */
export function RuleStatusChip({ rule }: { readonly rule: Pick<MitigationRule, 'paused' | 'dryRun'> }) {
  const state = ruleState(rule)
  return <span className={`badge rule-chip rule-chip--${state}`} title={CHIPS[state].title}>{CHIPS[state].label}</span>
}
