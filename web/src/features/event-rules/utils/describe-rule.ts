import type { EventCondition, EventRuleActions } from '../../../types/api'

/** `summary contains “canary”`, one condition in words. */
export function describeCondition(c: EventCondition): string {
  const ci = c.ignoreCase === true ? ' (any case)' : ''
  switch (c.op) {
    case 'equals':
      return `${c.field} is “${c.value ?? ''}”${ci}`
    case 'contains':
      return `${c.field} contains “${c.value ?? ''}”${ci}`
    case 'matches':
      return `${c.field} matches /${c.pattern ?? ''}/${c.ignoreCase === true ? 'i' : ''}`
    case 'in':
      return `${c.field} is one of ${(c.values ?? []).map((v) => `“${v}”`).join(', ')}`
    case 'exists':
      return `${c.field} is present`
  }
}

/** "every event", or the conditions joined with "and". */
export function describeConditions(conditions: readonly EventCondition[]): string {
  return conditions.length === 0 ? 'every event' : conditions.map(describeCondition).join(' and ')
}

/** What the rule does, one phrase per action; `serviceName` names a route target. */
export function describeActions(a: EventRuleActions, serviceName: (id: string) => string): readonly string[] {
  const out: string[] = []
  if (a.suppress) out.push('suppress: keep the alert, notify nobody')
  if (a.setUrgency !== null) out.push(`set urgency ${a.setUrgency}`)
  if (a.routeTo !== null) out.push(`route to ${serviceName(a.routeTo)}`)
  if (a.pageIfFires !== null) out.push(`page only if it fires ${a.pageIfFires.times} times in ${a.pageIfFires.withinMinutes} min (per ${a.pageIfFires.per === 'rule' ? 'rule' : 'dedup key'})`)
  if (a.pageIfStillOpenAfter !== null) out.push(`page only if still open after ${a.pageIfStillOpenAfter.minutes} min`)
  return out
}
