import { api } from '../../../lib/api-client'
import type { MitigationRule } from '../../../types/api'
import type { MitigationRuleInput } from './create-mitigation-rule'

/** What a PATCH may change: the rule's fields, pausing, and leaving dry-run. */
export type MitigationRulePatch = Partial<MitigationRuleInput> & { readonly paused?: boolean; readonly dryRun?: boolean }

/** Edits a rule, pauses or resumes it, or takes it out of dry-run. */
export function updateMitigationRule(id: string, patch: MitigationRulePatch): Promise<MitigationRule> {
  return api.patch<MitigationRule>(`/mitigation-rules/${encodeURIComponent(id)}`, patch)
}
