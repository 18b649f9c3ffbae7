/**
 * The deploy gate: "may this service deploy (or roll back) at instant T?", pure. Callers load the
 * policy, freezes, change and on-call facts, call evaluateDeploy, and store or print the decision.
 * Precedence and defaults are documented in evaluate.ts and policy.ts.
 * @module
 */
export type {
  AllowWindow,
  DeployPolicy,
  Freeze,
  FreezeScope,
  GateChange,
  GateChangeState,
  GateChecks,
  GateDecision,
  GateFacts,
  GateInput,
  GateReason,
  GateReasonCode,
  GateReasonEffect,
  OnCallFact,
  StaffedHours,
  Validated,
} from './model.js'
export { evaluateDeploy } from './evaluate.js'
export { DEFAULT_HORIZON_DAYS, nextAllowedTime } from './time-rules.js'
export type { TimeRuleInput } from './time-rules.js'
export {
  DEFAULT_DEPLOY_POLICY,
  DEFAULT_GATE_CHECKS,
  DEFAULT_SUPPORT_TAIL_MINUTES,
  MAX_SUPPORT_TAIL_MINUTES,
  validateDeployPolicy,
} from './policy.js'
export type { DeployPolicyInput, WeeklyHoursInput } from './policy.js'
export { ACTIVE_CHANGE_STATES, freezeAppliesTo, validateFreeze } from './freezes.js'
export type { FreezeInput } from './freezes.js'
export { MAX_HOLIDAY_EVENT_DAYS, parseHolidayCalendar } from './holiday-calendar.js'
export type { HolidayCalendar } from './holiday-calendar.js'
export type { Interval } from './intervals.js'
export { mergeIntervals, intersectIntervals, subtractIntervals } from './intervals.js'
export { holidayIntervals, staffedPeriods, supportTailIntervals, windowIntervals } from './calendar.js'
export { describeInstant, describeDuration } from './describe.js'
// Stores: policies (team + per-service overrides), freezes, and the facts a deploy check gathers.
export type { DeployPolicyOverride, HolidayImport, ServiceDeployPolicy, TeamDeployPolicy } from './policy-store.js'
export {
  clearServicePolicy,
  effectiveServicePolicy,
  importTeamHolidays,
  listServiceOverrides,
  loadTeamPolicy,
  mergeOverride,
  resetTeamPolicy,
  setServicePolicy,
  setTeamPolicy,
} from './policy-store.js'
export type { FreezeBody, StoredFreeze } from './freeze-store.js'
export { createFreeze, deleteFreeze, freezeTeamIds, getFreeze, listFreezes, mayApproveException, updateFreeze } from './freeze-store.js'
export type { NightBudgetFact } from './gate-facts.js'
export { gatherGateFacts, nightBudgetFact, onCallFacts, openHighUrgencyAlertCount, sleepOverlaps } from './gate-facts.js'
