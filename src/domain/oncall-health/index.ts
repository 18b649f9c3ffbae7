/**
 * On-call health: what on-call costs each person and team, and what Tend does about it (design
 * §1.2, "the cost of on-call is carried by the company, not the individual").
 *
 * The files exported first are pure: no I/O, no clock; `now` and every range are parameters. The
 * stored part (settings, channels, reliefs, notices, reports) loads their inputs and writes the
 * results, listed at the end. The flow:
 *   notifications → derivePages → classifyPages → groupWakeUps
 *     → measureBurden → recommend / compensationRows → toCsv
 *     → computeSleepIn → sleepInNoticeForPerson / sleepInNoticeForTeam
 *     → planRelief (reliefNeeded, chooseReplacement, reliefRange) · budgetStatus · heatmap
 * Sources for every bar are in sre-targets.ts and each file's header.
 * @module
 */
export type {
  AlertRecord,
  ClassifiedPage,
  NotificationRecord,
  OnCallShift,
  Page,
  PageBucket,
  PersonHours,
  SleepPeriod,
  TimeRange,
  WakeUp,
} from './model.js'
export { PAGE_BUCKETS } from './model.js'
export { derivePages, reachedPersonInterrupting } from './pages.js'
export { classifyInstant, classifyPage, classifyPages } from './classify.js'
export { dailyWindowOn, inWorkingHours, sleepPeriodAt, workingWindowOn, workingWindowsOverlapping } from './hours-windows.js'
export type { DisturbedNight } from './wake-ups.js'
export { DEFAULT_WAKE_UP_SPAN_MINUTES, disturbedNights, groupWakeUps } from './wake-ups.js'
export type { Engagement } from './engagement.js'
export { measureEngagement } from './engagement.js'
export type { BurdenFigures, BurdenInput, BurdenReport, PersonBurden, TeamBurden } from './metrics.js'
export { measureBurden } from './metrics.js'
export type { SleepIn, SleepInInput, SleepInPolicy } from './sleep-in.js'
export { computeSleepIn, DEFAULT_SLEEP_IN_POLICY } from './sleep-in.js'
export { sleepInNoticeForPerson, sleepInNoticeForTeam } from './sleep-in-notice.js'
export type { RecoveryRule, ReliefNeed, ReliefRule } from './relief.js'
export { DEFAULT_RECOVERY_HOURS, DEFAULT_RELIEF_RULE, reliefNeeded, reliefRange } from './relief.js'
export type { Replacement, ReplacementCandidate, ReplacementInput, Skipped } from './replacement.js'
export { chooseReplacement } from './replacement.js'
export type { ReliefOverride, ReliefPlan, ReliefPlanInput } from './relief-plan.js'
export { planRelief } from './relief-plan.js'
export type { BudgetStatus, NoisySource } from './budget.js'
export { budgetStatus, budgetSummary, DEFAULT_NIGHT_PAGE_BUDGET, noisiestSources } from './budget.js'
export type { Heatmap } from './heatmap.js'
export { interruptionHeatmap, sumHeatmaps } from './heatmap.js'
export type { OnCallTiers, RotationSizing, SiteCount } from './rotation-sizing.js'
export { describeNeed, describeSites, sizeRotation } from './rotation-sizing.js'
export type {
  Recommendation,
  RecommendationCode,
  RecommendationLimits,
  RecommendationSeverity,
  RotationShape,
} from './recommendations.js'
export { DEFAULT_RECOMMENDATION_LIMITS, recommend } from './recommendations.js'
export type { CompensationPolicy, CompensationRow } from './compensation.js'
export { COMPENSATION_CSV_HEADER, compensationRows, DEFAULT_COMPENSATION_POLICY, toCsv } from './compensation.js'
export type { CsvCell } from './csv.js'
export { csvField, renderCsv } from './csv.js'
export type { OnCallHealthPolicy, OnCallHealthPolicyInput } from './policy.js'
export { DEFAULT_ON_CALL_HEALTH_POLICY, normalizeOnCallHealthPolicy } from './policy.js'
export { PAGERDUTY_OPERATIONAL_REVIEWS, SRE, SRE_BOOK_ON_CALL, TEND_PRINCIPLE_COST } from './sre-targets.js'
// Stored on-call health (with I/O): settings, team channels and their outbox, reliefs, sleep-in
// notices, the engine's work (health-cycle, pager-budget, weekly-report-delivery) and reports.
// The deploy gate reads teamNightBudgetStatus; isRelieved says whether a relief covers an instant.
export type { TeamHealthSettings, TeamHealthSettingsInput, TeamHealthSettingsRecord, WeeklyReportSchedule } from './team-settings.js'
export {
  DEFAULT_TEAM_HEALTH_SETTINGS,
  loadTeamHealthSettings,
  loadTeamHealthSettingsRecord,
  normalizeTeamHealthSettings,
  saveTeamHealthSettings,
} from './team-settings.js'
export { onCallWeekStart } from './on-call-week.js'
export type { BudgetSource, TeamNightBudget } from './team-budget.js'
export { teamNightBudgetStatus } from './team-budget.js'
export type { Relief, ReliefStatus } from './reliefs.js'
export { findRelief, isRelieved, listReliefs } from './reliefs.js'
export type { TeamChannel, TeamChannelInput, TeamChannelType } from './team-channels.js'
export { createTeamChannel, deleteTeamChannel, getTeamChannel, listTeamChannels, maskAddress, MAX_TEAM_CHANNELS, TEAM_CHANNEL_TYPES, updateTeamChannel } from './team-channels.js'
export type { NewTeamMessage, TeamMessage, TeamMessageKind, TeamMessageStatus } from './team-messages.js'
export { claimDueTeamMessages, enqueueTeamMessage, listTeamMessages, recordTeamDelivery } from './team-messages.js'
export type { SleepInNotice } from './sleep-in-store.js'
export { listSleepInNotices } from './sleep-in-store.js'
export type { HealthCtx, ReliefOutcome } from './relief-auto.js'
export { ON_CALL_HEALTH_ACTOR, RELIEF_NEEDED_ORIGIN } from './relief-auto.js'
export type { ReliefActionResult } from './relief-actions.js'
export { declineRelief, endDueReliefs, takeOverRelief } from './relief-actions.js'
export type { HealthRun, PageCursor } from './health-cycle.js'
export { PAGE_LOOKBACK_MS, processNewPages } from './health-cycle.js'
export { checkPagerBudget } from './pager-budget.js'
export { lastReportSlot, sendDueWeeklyReports } from './weekly-report-delivery.js'
export { isoWeekOf, isoWeekRange, parseIsoWeek, previousIsoWeek } from './iso-week.js'
export type { RotationReport, TeamHealthReport } from './team-report.js'
export { MAX_REPORT_RANGE_MS, teamHealthReport } from './team-report.js'
export type { WeeklyReport } from './weekly-report.js'
export { weeklyReport } from './weekly-report.js'
