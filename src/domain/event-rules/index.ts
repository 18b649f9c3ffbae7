/**
 * Event rules: per-service, ordered rules applied to inbound trigger events before they page.
 * Conditions test the summary, source, severity, component, group, class, dedup key, labels
 * and custom details; actions suppress, set urgency, reroute, page only after N fires in M
 * minutes, or page only if still open after D minutes. First matching rule wins.
 * Pure: no I/O and no clock; fire counts come in through RecentFires.
 * @module
 */
export type {
  ConditionField,
  ConditionOp,
  EventCondition,
  EventDecision,
  EventRule,
  EventRuleActions,
  EventRuleDecision,
  PageIfFires,
  RecentFires,
} from './model.js'
export { CONDITION_OPS } from './model.js'
export { conditionMatches, conditionsMatch, EVENT_FIELDS, fieldValue } from './conditions.js'
export { evaluateEventRules, fireKey } from './evaluate.js'
export type { EventConditionInput, EventRuleActionsInput, EventRuleInput } from './normalize.js'
export { EVENT_RULE_LIMITS, normalizeEventRule } from './normalize.js'
export { MAX_MATCH_INPUT, MAX_PATTERN_LENGTH, regexProblem } from './safe-regex.js'
// Stored rules and the intake hook (I/O; the functions above stay pure).
export type { EventRuleBody, StoredEventRule } from './store.js'
export { createEventRule, deleteEventRule, eventRuleFromRow, getEventRule, listEventRules, reorderEventRules, updateEventRule } from './store.js'
export type { ApplyEvent, EventDecisionOutcome, RuledJob } from './apply.js'
export { EVENT_RULES_ACTOR, RULED_SOURCES, withEventRules } from './apply.js'
export type { PlainTriggers, ServiceKey } from './plain-triggers.js'
export { foldPlainTriggers, plainTriggerLookup } from './plain-triggers.js'
export type { HeldEvent } from './held.js'
export { listHeldEvents, pruneRuleFires, settleDueHolds } from './held.js'
export type { FlappingSource, InboundFlap } from './inbound-flapping.js'
export { FLAP_SETTLE_MS, foldFlapping, INBOUND_FLAP_WINDOW_MS, inboundFlapState, listFlappingSources } from './inbound-flapping.js'
export type { ServiceEvent, ServiceEventFilter } from './service-events.js'
export { DECISION_OUTCOMES, listServiceEvents } from './service-events.js'
