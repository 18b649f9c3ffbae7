import type { MitigationAction, MitigationMatch, MitigationRule } from '../../../types/api'

/** Whether a rule acts: paused beats dry run, which beats active. */
export type RuleState = 'active' | 'dry_run' | 'paused'

/** The state a rule's chip shows. */
export function ruleState(rule: Pick<MitigationRule, 'paused' | 'dryRun'>): RuleState {
  if (rule.paused) return 'paused'
  return rule.dryRun ? 'dry_run' : 'active'
}

const orList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`)

/**
 * The conditions of a match in words, one per condition (all must hold).
 * @example describeMatch({ summaryPattern: 'OOM', severities: ['critical'] }) // ['summary matches /OOM/', 'severity is critical']
 */
export function describeMatch(match: MitigationMatch): string[] {
  const parts: string[] = []
  if (match.summaryPattern !== undefined) parts.push(`summary matches /${match.summaryPattern}/`)
  if (match.dedupKeyPattern !== undefined) parts.push(`dedup key matches /${match.dedupKeyPattern}/`)
  for (const [k, v] of Object.entries(match.labels ?? {})) parts.push(`label ${k} = ${v}`)
  if (match.severities !== undefined && match.severities.length > 0) parts.push(`severity is ${orList(match.severities)}`)
  if (match.source !== undefined) parts.push(`source is ${match.source}`)
  return parts
}

/** What the action does, in words: "POST https://…" or `run "restart-api" on api-host-1`. */
export function describeAction(action: MitigationAction, agentName: (id: string) => string | undefined): string {
  if (action.type === 'http') return `${action.method} ${action.url}`
  return `run “${action.command}” on ${agentName(action.agentId) ?? 'a removed agent'}`
}

const minutes = (n: number) => (n === 1 ? '1 min' : `${n} min`)

/** How the rule behaves around the page: hold or page in parallel, verification, loop guard. */
export function describeBehaviour(rule: Pick<MitigationRule, 'mode' | 'verifyMinutes' | 'loopGuard'>): string {
  const mode = rule.mode === 'before' ? 'Holds the page while it works' : 'Pages as usual and mitigates in parallel'
  const runs = rule.loopGuard.maxRuns === 1 ? '1 run' : `${rule.loopGuard.maxRuns} runs`
  return `${mode}; waits up to ${minutes(rule.verifyMinutes)} for the alert to clear; at most ${runs} per ${minutes(rule.loopGuard.perMinutes)} for one alert, then pages a human.`
}
