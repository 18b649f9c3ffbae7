/**
 * Change requests, pure: validation (worst case, rollback plan, never roll-forward), the state
 * machine with the two-person rule, blast radius, a risk hint, and the measurements that test
 * Tend's own assumptions (deploy-to-alert delays, DORA metrics). Storage and HTTP sit on top.
 * @module
 */
export type { ChangeRequestFields, ChangeRequestInput, ChangeState, ChangeType, ChangeValidation, Risk, RollbackPlan } from './model.js'
export { CHANGE_STATES, CHANGE_TYPES, RISKS } from './model.js'
export { MAX_ROLLBACK_MINUTES, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, validateChangeRequest } from './validate.js'
export { hasUsableRollbackPlan, rejectStep, ROLLBACK_GUIDE, ROLLBACK_STEP_EXAMPLES, rollbackStepQuality } from './rollback-plan.js'
export { mentionsDatabase, riskHint } from './risk.js'
export type { RiskFactors, RiskHint } from './risk.js'
export { CHANGE_ACTIONS, transition } from './transition.js'
export type { ChangeAction, ChangeForTransition, TransitionErrorCode, TransitionResult } from './transition.js'
export { blastRadius } from './blast-radius.js'
export type { BlastRadiusEntry } from './blast-radius.js'
export { DEFAULT_ATTRIBUTION_WINDOW_MS, DEFAULT_MIN_SAMPLES, deployImpactDistribution, TAIL_COVERAGE } from './deploy-impact.js'
export type { AlertRecord, DeployImpactDistribution, DeployImpactOptions, DeployRecord } from './deploy-impact.js'
export { DORA_2024, doraMetrics } from './dora.js'
export type { DoraBand, DoraInput, DoraMetrics } from './dora.js'
export { gateChangeOf } from './gate-change.js'
// Stores and commands: change requests, approvals and exceptions, deploy checks, deployments,
// the incident view's recent changes, metrics and the change calendar.
export type { ChangeApproval, ChangeComment, ChangeFilter, ChangeRequest } from './store.js'
export { changeKey, findChange, getChange, listChanges, listComments, parseChangeKey } from './store.js'
export type { ChangeBody, ChangeResult } from './commands.js'
export { addChangeComment, createChange, hasRoleOnChange, notesOf, owningTeamIds, updateChange } from './commands.js'
export { actOnChange, allowedChangeActions, approveFreezeException, CHANGE_REVIEW_FOLLOW_UP, revokeFreezeException } from './actions.js'
export { reviewDueAt } from './review-due.js'
export type { LiveBlastRadiusEntry, OnCallPerson } from './live-blast-radius.js'
export { liveBlastRadius } from './live-blast-radius.js'
export type { ChangePreview, RollbackStepGrade } from './preview.js'
export { previewChange } from './preview.js'
export type { DeployCheck, DeployCheckInput, DeployCheckRecord } from './deploy-check.js'
export { listDeployChecks, runDeployCheck } from './deploy-check.js'
export type { Deployment, DeploymentFilter, DeploymentKind, DeploymentStatus, RollbackInput, StartDeploymentInput } from './deployments.js'
export { finishDeployment, getDeployment, listDeployments, previousVersion, rollbackDeployment, startDeployment } from './deployments.js'
export type { ChangeRelation, RecentChange } from './recent-changes.js'
export { LIKELY_CAUSE_MS, latestChangeLine, RECENT_CHANGES_WINDOW_MS, recentChanges } from './recent-changes.js'
export type { ChangeMetrics, DeployImpactReport, DoraReport } from './change-metrics.js'
export { DORA_PUBLISHED_TEXT, teamChangeMetrics } from './change-metrics.js'
export type { CalendarTeam, ChangeCalendar, PolicyIntervals } from './change-calendar.js'
export { changeCalendar, checkCalendarRange, MAX_CALENDAR_DAYS } from './change-calendar.js'
