import type { Alert } from '../alerts/index.js'
import type { MitigationMatch } from './model.js'

/** Regular expressions from rules are length-limited when saved; this caches their compilation. */
const compiled = new Map<string, RegExp>()
function regex(pattern: string): RegExp {
  let r = compiled.get(pattern)
  if (r === undefined) {
    r = new RegExp(pattern, 'i')
    if (compiled.size > 1000) compiled.clear()
    compiled.set(pattern, r)
  }
  return r
}

/** The labels an alert carries: Alertmanager labels, else its top-level string details. */
export function alertLabels(alert: Pick<Alert, 'details'>): Record<string, string> {
  const labels = alert.details['labels']
  const source = typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : alert.details
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string'))
}

/** Whether every condition of the match holds for the alert. Pure. */
export function matchesAlert(match: MitigationMatch, alert: Pick<Alert, 'dedupKey' | 'summary' | 'severity' | 'source' | 'details'>): boolean {
  if (match.dedupKeyPattern !== undefined && !regex(match.dedupKeyPattern).test(alert.dedupKey)) return false
  if (match.summaryPattern !== undefined && !regex(match.summaryPattern).test(alert.summary)) return false
  if (match.severities !== undefined && match.severities.length > 0 && !match.severities.includes(alert.severity)) return false
  if (match.source !== undefined && match.source !== alert.source) return false
  if (match.labels !== undefined) {
    const labels = alertLabels(alert)
    for (const [k, v] of Object.entries(match.labels)) if (labels[k] !== v) return false
  }
  return true
}

/** Whether the rule may run again for a target: fewer than maxRuns runs in the last perMinutes. */
export function loopGuardAllows(recentRunTimes: readonly number[], now: number, guard: { maxRuns: number; perMinutes: number }): boolean {
  return recentRunTimes.filter((t) => t > now - guard.perMinutes * 60_000).length < guard.maxRuns
}
