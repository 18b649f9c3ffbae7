/**
 * Event rule types: per-service rules applied to inbound trigger events before anyone is
 * notified. A rule has conditions (all must match) and actions.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Severity } from '../services/index.js'
import type { Urgency } from '../users/index.js'

// Local copies of two enums, so this pure module does not load the services and users stores.
export const RULE_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const satisfies readonly Severity[]
export const RULE_URGENCIES = ['high', 'low'] as const satisfies readonly Urgency[]

/**
 * The event fields a condition can test: `summary`, `source`, `severity`, `component`,
 * `group`, `class`, `dedupKey`, `details.<dot.path>` (custom details; array items by index,
 * `details.hosts.0`) and `labels.<name>` (shorthand for `details.labels.<name>`, where the
 * Alertmanager adapter puts an alert's labels).
 */
export type ConditionField = string

/** One test on one field. String comparisons are case-sensitive unless `ignoreCase`. */
export type EventCondition =
  | { readonly field: ConditionField; readonly op: 'equals' | 'contains'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly field: ConditionField; readonly op: 'matches'; readonly pattern: string; readonly ignoreCase: boolean }
  | { readonly field: ConditionField; readonly op: 'in'; readonly values: readonly string[] }
  | { readonly field: ConditionField; readonly op: 'exists' }

export type ConditionOp = EventCondition['op']
export const CONDITION_OPS: readonly ConditionOp[] = ['equals', 'contains', 'matches', 'in', 'exists']

/** "Page only if it fires `times` times within `withinMinutes`", counted per dedup key or per rule. */
export interface PageIfFires {
  readonly times: number
  readonly withinMinutes: number
  readonly per: 'dedupKey' | 'rule'
}

/** What a matching rule does. Several may combine; see evaluate.ts for how. */
export interface EventRuleActions {
  /** Keep the alert, notify nobody. */
  readonly suppress: boolean
  readonly setUrgency: Urgency | null
  /** Service id the alert is raised on instead. */
  readonly routeTo: string | null
  readonly pageIfFires: PageIfFires | null
  /** "Only if still open after D minutes." */
  readonly pageIfStillOpenAfter: { readonly minutes: number } | null
}

/** A validated event rule (see normalizeEventRule). Rules are evaluated in list order. */
export interface EventRule {
  readonly id: string
  readonly disabled: boolean
  readonly conditions: readonly EventCondition[]
  readonly actions: EventRuleActions
}

/**
 * Counts of earlier fires, kept by the caller (the store). `firesInWindow` returns how many
 * fires were recorded under `key` in (now − withinMs, now], not counting the event being
 * evaluated; after evaluating, the caller records this fire under the decision's `fireKey`.
 */
export interface RecentFires {
  firesInWindow(key: string, withinMs: number): number
}

/**
 * - `page`: proceed as usual (notify per urgency; low urgency still waits for working hours).
 * - `suppress`: store the alert, notify nobody.
 * - `hold`: store the alert and page at `holdUntil` only if it is still open then.
 */
export type EventDecision = 'page' | 'suppress' | 'hold'

/** The outcome of evaluateEventRules for one event. */
export interface EventRuleDecision {
  /** The rule that matched, or null. */
  readonly ruleId: string | null
  readonly decision: EventDecision
  readonly holdUntil?: Instant
  readonly urgency?: Urgency
  readonly routeTo?: string
  /** Set when the rule counts fires: record this fire under this key. */
  readonly fireKey?: string
  readonly reason: string
}
