/** The fields the UI reads from Tend API responses (see /api/openapi.json); instants are RFC 3339 UTC strings. */

export interface User {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  readonly isAdmin: boolean
  readonly isDemo: boolean
  /** Local "HH:MM" times in the user's zone; the API sends both, older fixtures may not. */
  readonly sleepHours?: { readonly start: string; readonly end: string }
  readonly workingHours?: { readonly days: readonly string[]; readonly start: string; readonly end: string }
}

/** The short form of a person embedded in shifts and handoffs. */
export interface UserRef {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
}

export interface Team {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly timeZone: string
  readonly isDemo: boolean
}

export interface TeamMember {
  readonly userId: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  /** The member's role in the team, e.g. `admin` or `responder`. */
  readonly role: string
}

export interface Service {
  readonly id: string
  readonly name: string
  readonly teamId: string
  readonly description: string
  /** Ids of the services this one depends on. */
  readonly dependsOn: readonly string[]
  /** The policy that pages for this service's alerts; null pages the owning team's admins. */
  readonly escalationPolicyId?: string | null
  readonly isDemo: boolean
}

export interface Layer {
  readonly id: string
  readonly name: string
  readonly timeZone: string | null
  readonly members: readonly string[]
}

export interface Schedule {
  readonly id: string
  readonly name: string
  readonly teamId: string
  readonly description: string
  /** IANA zone the schedule's local times are written in. */
  readonly timeZone: string
  readonly layers: readonly Layer[]
  readonly isDemo: boolean
}

/** Where a shift comes from: a rotation layer, an override, or nobody (a gap). */
export interface ShiftSource {
  readonly type: 'layer' | 'override' | 'gap'
  readonly layerId?: string
  readonly overrideId?: string
  readonly kind?: string
}

/** A `[start, end)` stretch with one person on call, or nobody when `user` is null. */
export interface Shift {
  readonly start: string
  readonly end: string
  readonly user: UserRef | null
  readonly source: ShiftSource
}

export interface Override {
  readonly id: string
  readonly scheduleId: string
  readonly userId: string
  readonly replacesUserId: string | null
  /** `manual`, `swap` or `relief`. */
  readonly kind: string
  readonly start: string
  readonly end: string
  readonly reason: string
}

export interface ScheduleShifts {
  readonly from: string
  readonly to: string
  readonly final: readonly Shift[]
  readonly layers: readonly { readonly id: string; readonly name: string; readonly shifts: readonly Shift[] }[]
  readonly overrides: readonly Override[]
}

export interface Handoff {
  readonly at: string
  readonly from: UserRef | null
  readonly to: UserRef | null
}

/** Who is on call on one schedule at `at` (the server's clock unless asked for another instant). */
export interface OnCall {
  readonly scheduleId: string
  readonly scheduleName: string
  readonly teamId: string
  readonly at: string
  readonly shift: Shift
  readonly nextHandoff: Handoff | null
}

export interface ListResponse<T> {
  readonly items: readonly T[]
}

/** triggered → acknowledged → resolved. */
export type AlertStatus = 'triggered' | 'acknowledged' | 'resolved'

/** High pages at once, day or night; low waits for the person's working hours. */
export type Urgency = 'high' | 'low'

/** What a resolved alert turned out to be. */
export type AlertOutcome = 'actionable' | 'noise' | 'duplicate'

/** An alert as the API lists it (named `AlertRecord` so it never shadows the `Alert` message box). */
export interface AlertRecord {
  readonly id: string
  readonly serviceId: string
  readonly serviceName: string
  readonly teamId: string
  readonly dedupKey: string
  readonly status: AlertStatus
  readonly urgency: Urgency
  readonly summary: string
  readonly source: string
  readonly severity: string
  readonly component: string | null
  readonly group: string | null
  readonly class: string | null
  readonly details: Readonly<Record<string, unknown>>
  readonly links: readonly { readonly href: string; readonly text?: string }[]
  /** `integration:<id>`, `manual`, or a system source. */
  readonly origin: string
  readonly createdAt: string
  readonly lastEventAt: string
  readonly eventCount: number
  readonly acknowledgedAt: string | null
  /** The user id of who acknowledged. */
  readonly acknowledgedBy: string | null
  readonly resolvedAt: string | null
  readonly resolvedBy: string | null
  readonly outcome: AlertOutcome | null
  readonly outcomeNote: string | null
  readonly nextEscalationAt: string | null
}

/** One entry of an alert's timeline, oldest first. */
export interface TimelineEntry {
  readonly at: string
  /** `triggered`, `escalated`, `notified`, `notification_failed`, `acknowledged`, … */
  readonly kind: string
  /** Who did it: an email, `Tend`, or `integration:<name>`. */
  readonly actor: string
  readonly message: string
}

/** One attempt to reach one person on one channel. */
export interface NotificationRecord {
  readonly id: string
  readonly alertId: string | null
  readonly userId: string
  readonly channel: string
  /** `alert`, `test`, `verification`, … */
  readonly kind: string
  readonly urgency: string
  readonly interrupting: boolean
  /** `pending`, `sending`, `sent`, `failed`, `dead`, `bundled` or `cancelled`. */
  readonly status: string
  readonly notBefore: string
  readonly attempts: number
  readonly lastError: string | null
  readonly subject: string
  readonly createdAt: string
  readonly sentAt: string | null
}

export interface AlertDetail {
  readonly alert: AlertRecord
  readonly timeline: readonly TimelineEntry[]
  readonly notifications: readonly NotificationRecord[]
  /** What the signed-in person may do with it; `why` says what acting needs when they may not. */
  readonly viewer: { readonly mayAct: boolean; readonly why: string | null }
}

export interface PolicyTarget {
  readonly type: 'user' | 'schedule'
  readonly id: string
}

export interface PolicyStep {
  readonly id: string
  readonly delayMinutes: number
  readonly targets: readonly PolicyTarget[]
}

export interface EscalationPolicy {
  readonly id: string
  readonly teamId: string
  readonly name: string
  readonly description: string
  /** Extra passes through the steps when nobody acknowledges. */
  readonly repeatCount: number
  readonly steps: readonly PolicyStep[]
  /** People in the policy who cannot be woken; only single-policy answers carry it. */
  readonly warnings?: readonly string[]
}

/** `email`, `webhook`, `slack`, `sms`, `voice` or `push`. */
export type ContactMethodType = 'email' | 'webhook' | 'slack' | 'sms' | 'voice' | 'push'

export interface ContactMethod {
  readonly id: string
  readonly userId: string
  readonly type: ContactMethodType
  readonly label: string
  readonly address: string
  /** Whether it wakes the person (pages during sleep hours go only to these). */
  readonly interrupting: boolean
  readonly verified: boolean
  readonly verifiedAt: string | null
  /** A webhook's signing secret, sent once when the method is created. */
  readonly signingSecret?: string
}

export interface NotificationRule {
  readonly id: string
  readonly userId: string
  readonly contactMethodId: string
  readonly urgency: Urgency
  readonly delayMinutes: number
}

/** Whether one person on a schedule or policy can be woken, and why not. */
export interface Readiness {
  readonly userId: string
  readonly name: string
  readonly ready: boolean
  readonly problems: readonly string[]
  /** Names of the schedules and policies the person is on. */
  readonly onCallIn: readonly string[]
}

/** The answer to "send a code" or "send a test". */
export interface QueuedMessage {
  readonly notificationId: string
  readonly status: string
  readonly message: string
}

/** Which alerts a mitigation rule acts on; every given condition must hold. */
export interface MitigationMatch {
  /** Regular expression on the alert's summary, e.g. "out of memory|OOMKilled". */
  readonly summaryPattern?: string
  /** Regular expression on the dedup key. */
  readonly dedupKeyPattern?: string
  /** Exact label values (Alertmanager labels, or custom details at the top level). */
  readonly labels?: Readonly<Record<string, string>>
  readonly severities?: readonly string[]
  readonly source?: string
}

/** An HTTP call (an orchestrator's restart endpoint, say), or a command from an agent's allow-list. */
export type MitigationAction =
  | { readonly type: 'http'; readonly method: string; readonly url: string; readonly body?: unknown; readonly timeoutSeconds: number }
  | { readonly type: 'agent'; readonly agentId: string; readonly command: string; readonly timeoutSeconds: number }

export interface MitigationRule {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  readonly match: MitigationMatch
  readonly action: MitigationAction
  /** before: hold the page while mitigating; parallel: page as usual and mitigate too. */
  readonly mode: 'before' | 'parallel'
  readonly verifyMinutes: number
  /** At most `maxRuns` runs per `perMinutes` for one alert key; past that a human is paged. */
  readonly loopGuard: { readonly maxRuns: number; readonly perMinutes: number }
  readonly paused: boolean
  /** Records what it would do and does nothing; new rules start so. */
  readonly dryRun: boolean
  readonly createdBy: string | null
  readonly createdAt: string
  readonly updatedAt: string
  /** The HMAC key of the rule's HTTP calls, sent once when the rule is created. */
  readonly signingSecret?: string
}

/** How a rule is doing, from its runs and follow-ups. */
export interface MitigationReport {
  readonly ruleId: string
  readonly name: string
  /** Real runs (not dry runs). */
  readonly runs: number
  readonly dryRuns: number
  readonly succeeded: number
  /** Succeeded over finished real runs; null before any finished. */
  readonly successRate: number | null
  readonly keptFromPaging: number
  readonly byStatus: Readonly<Record<string, number>>
  readonly followUps: { readonly total: number; readonly open: number; readonly closed: number; readonly oldestOpenHours: number | null }
  /** Follow-ups pile up unanswered: the rule keeps fixing symptoms while nobody investigates. */
  readonly mitigatingWithoutInvestigation: boolean
}

/** pending → running → verifying → succeeded, or one of the outcomes that page a human. */
export type MitigationRunStatus = 'pending' | 'running' | 'verifying' | 'succeeded' | 'failed' | 'not_cleared' | 'timed_out' | 'refused' | 'looping' | 'dry_run'

export interface MitigationRun {
  readonly id: string
  readonly ruleId: string
  readonly alertId: string
  readonly targetKey: string
  readonly status: MitigationRunStatus
  readonly dryRun: boolean
  /** "POST https://…" or `agent command "restart-api"`. */
  readonly actionSummary: string
  /** The action's output (HTTP answer or the command's last 8 KiB). */
  readonly resultText: string | null
  readonly exitCode: number | null
  readonly startedAt: string | null
  readonly finishedAt: string | null
  readonly createdAt: string
}

/** A low-urgency work item, due at the team's next working morning. */
export interface FollowUp {
  readonly id: string
  readonly teamId: string
  readonly serviceId: string | null
  readonly alertId: string | null
  readonly runId: string | null
  /** `mitigation`, … */
  readonly kind: string
  readonly title: string
  readonly body: string
  readonly dueAt: string
  readonly status: 'open' | 'closed'
  readonly closedBy: string | null
  readonly closedAt: string | null
  readonly closeNote: string | null
  /** Hours from filing to now (or to closing), by the server's clock. */
  readonly ageHours: number
  readonly createdAt: string
}

/** A host that runs allow-listed commands for mitigation rules. */
export interface MitigationAgent {
  readonly id: string
  readonly teamId: string
  readonly name: string
  readonly tokenPrefix: string
  /** Command names from the agent's own allow-list, as it last reported them. */
  readonly commands: readonly string[]
  readonly lastSeenAt: string | null
  readonly createdAt: string
}

// ---- On-call health (GET /teams/:id/oncall-health and friends) ----------------------------

/** A person as on-call health answers name them, with their own zone. */
export interface HealthPersonRef {
  readonly id: string
  readonly name: string
  readonly timeZone: string
}

/** Pages by weekday (Monday first) and local hour 0–23, each page in its person's own zone. */
export interface HealthHeatmap {
  readonly weekdays: readonly string[]
  /** counts[weekdayIndex][hour] */
  readonly counts: readonly (readonly number[])[]
  readonly total: number
}

/** The burden figures of a person or of the team over the report's range. */
export interface BurdenFigures {
  readonly pages: number
  readonly sleepHoursPages: number
  readonly offHoursPages: number
  readonly workingHoursPages: number
  readonly wakeUps: number
  readonly nightsDisturbed: number
  readonly incidents: number
  /** Null when the person was never on call in the range. */
  readonly incidentsPer12hShift: number | null
  readonly overIncidentBar: boolean
  /** 0–1 */
  readonly onCallShare: number
  readonly overOnCallShareBar: boolean
  readonly onCallHours: number
  readonly engagedMinutes: number
  readonly engagedOffHoursMinutes: number
  readonly acknowledged: number
  readonly meanTimeToAckSeconds: number | null
  readonly heatmap: HealthHeatmap
}

export interface PersonBurden extends BurdenFigures {
  readonly userId: string
  readonly name: string
  readonly timeZone: string
  readonly longestOnCallHours: number
}

/** Sleep-hours pages close together in one night: one wake-up. */
export interface HealthWakeUp {
  readonly userId: string
  readonly timeZone: string
  /** The local date the night began, in the person's zone. */
  readonly night: string
  readonly start: string
  readonly end: string
  readonly alertIds: readonly string[]
}

/** active, needed (nobody eligible: the tired person kept the pager), declined, taken_over or ended. */
export type ReliefStatus = 'active' | 'needed' | 'declined' | 'taken_over' | 'ended'

/** A relief override: the pager handed from a tired person to a replacement for a recovery period. */
export interface Relief {
  readonly id: string
  readonly teamId: string
  readonly scheduleId: string
  readonly scheduleName: string
  readonly tired: HealthPersonRef
  readonly replacement: HealthPersonRef | null
  readonly overrideId: string | null
  readonly start: string
  readonly end: string
  readonly status: ReliefStatus
  /** Why relief was due, with the wake-up times in the tired person's zone. */
  readonly reason: string
  readonly night: string
  readonly outcomeNote: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** The answer to decline / take over: who has the pager now, in words. */
export interface ReliefActionResult {
  readonly relief: Relief
  /** 'reassigned', 'tired-keeps-pager' or 'taken-over'. */
  readonly outcome: string
  readonly message: string
}

/** A person woken in the night who starts late (or takes the day off). */
export interface SleepInNotice {
  readonly id: string
  readonly user: HealthPersonRef
  readonly teamId: string
  readonly night: string
  /** The first wake-up of the night. */
  readonly wokenAt: string
  readonly expectedStartAt: string
  /** The team's text, with the person's zone and the team's. */
  readonly message: string
  readonly createdAt: string
}

/** The team's night-page budget in the current on-call week. */
export interface NightBudget {
  readonly teamId: string
  readonly budget: number
  readonly spent: number
  readonly remaining: number
  readonly exhausted: boolean
  readonly weekStart: string
  readonly gatesDeploys: boolean
  /** Services that caused this week's wake-ups, noisiest first. */
  readonly causedBy: readonly { readonly serviceId: string; readonly serviceName: string; readonly wakeUps: number; readonly alerts: number }[]
  readonly summary: string
}

/** What to change, with the figures that triggered it and where the bar comes from. */
export interface HealthRecommendation {
  /** nights-disturbed, pages-concentrated, rotation-too-small, shifts-too-long, incidents-per-shift, on-call-share */
  readonly code: string
  /** info, warning or critical */
  readonly severity: string
  readonly message: string
  readonly figures: Readonly<Record<string, number | string>>
  readonly source: string
}

/** Google SRE's rotation sizes applied to the team. */
export interface RotationSizing {
  readonly people: number
  readonly sites: readonly { readonly zone: string; readonly people: number }[]
  readonly tiers: number
  readonly coverage: string
  readonly neededPerSite: number
  readonly needed: number
  readonly shortSites: readonly { readonly zone: string; readonly people: number }[]
  readonly basis: string
  readonly text: string
}

/** On-call health of a team over [from, to). */
export interface TeamHealthReport {
  readonly team: { readonly id: string; readonly name: string; readonly timeZone: string }
  readonly from: string
  readonly to: string
  /** The server's now when the report was made. */
  readonly generatedAt: string
  readonly people: readonly PersonBurden[]
  readonly totals: BurdenFigures & { readonly people: number; readonly nightsDisturbedPerWeek: number; readonly coveredHours: number }
  readonly wakeUps: readonly HealthWakeUp[]
  readonly reliefs: readonly Relief[]
  readonly sleepIns: readonly SleepInNotice[]
  readonly budget: NightBudget
  readonly recommendations: readonly HealthRecommendation[]
  readonly rotation: RotationSizing
  readonly sources: readonly string[]
}

/** The weekly report of one ISO week. */
export interface WeeklyHealthReport {
  /** "2026-W48" */
  readonly week: string
  readonly subject: string
  readonly text: string
  readonly report: TeamHealthReport
  readonly compensation: readonly {
    readonly userId: string
    readonly name: string
    readonly engagedOffHoursMinutes: number
    readonly sleepHoursWakeUps: number
    readonly factor: number
    readonly engagedCreditMinutes: number
    readonly wakeUpCreditMinutes: number
    readonly minutesInLieu: number
  }[]
}

/** A team's on-call health settings (the defaults until saved: `updatedAt` null). */
export interface TeamHealthSettings {
  readonly teamId: string
  readonly wakeUpSpanMinutes: number
  readonly sleepIn: { readonly mode: string; readonly hours: number }
  readonly relief: { readonly wakeUpsPerNight: number; readonly wakeUpsPerWeek: number; readonly recovery: { readonly mode: string; readonly hours?: number } }
  readonly nightPageBudget: number
  readonly compensation: { readonly factor: number; readonly countSleepHoursPagesAsMinutes: number }
  readonly autoRelief: boolean
  readonly weeklyReport: { readonly enabled: boolean; readonly weekday: string; readonly time: string }
  readonly budgetGatesDeploys: boolean
  readonly updatedAt: string | null
}

/** Where a team's notices and weekly report go. */
export interface TeamChannel {
  readonly id: string
  readonly teamId: string
  /** email, slack or webhook */
  readonly type: string
  readonly label: string
  /** Whole for team admins, masked for others. */
  readonly address: string
  readonly createdAt: string
  /** Webhooks: the x-tend-signature key, only in the answer that created the channel. */
  readonly signingSecret?: string
}

/** A message to a team channel, with its delivery status. */
export interface TeamMessage {
  readonly id: string
  readonly channelId: string
  readonly kind: string
  readonly subject: string
  readonly text: string
  /** pending, sending, sent or dead */
  readonly status: string
  readonly attempts: number
  readonly lastError: string | null
  readonly createdAt: string
  readonly sentAt: string | null
}

/* ---- Change safety (features/changes) ---- */

/** draft → submitted → approved → in_progress → done / rolled_back; cancelled from draft, submitted or approved. */
export type ChangeState = 'draft' | 'submitted' | 'approved' | 'in_progress' | 'done' | 'rolled_back' | 'cancelled'

/** standard (pre-approved, rehearsed), normal (reviewed) or emergency (may start before approval). */
export type ChangeType = 'standard' | 'normal' | 'emergency'

/** The state machine's actions on a change request. */
export type ChangeAction = 'submit' | 'approve' | 'start' | 'complete' | 'rollback' | 'cancel' | 'reopen'

/** A reason about one request field (`rollbackPlan.steps[0]`, `worstCase`, …). */
export interface FieldNote {
  readonly field: string
  readonly reason: string
}

export interface RollbackPlan {
  readonly steps: readonly string[]
  /** 0 = not estimated. */
  readonly estimatedMinutes: number
  readonly tested: boolean
  readonly testedHow: string
}

/** One rollback step as the API grades it. */
export interface RollbackStepGrade {
  readonly step: string
  /** Names an undo action and what it acts on. */
  readonly concrete: boolean
  /** Why it was rejected, or what makes it concrete or vague. */
  readonly why: string
  /** Rejected outright: placeholder, too-short or roll-forward. */
  readonly rejected: string | null
}

export interface RiskHint {
  readonly level: string
  readonly because: readonly string[]
}

/** A service a change can break: distance 0 = touched, 1 = depends on it directly, … */
export interface BlastRadiusEntry {
  readonly serviceId: string
  readonly serviceName: string
  readonly distance: number
  readonly teamId: string
  readonly teamName: string
  readonly onCall: readonly { readonly scheduleId: string; readonly scheduleName: string; readonly userId: string; readonly userName: string }[]
}

export interface ChangeApproval {
  readonly userId: string
  readonly userName: string
  /** `change`, or a freeze id (an exception). */
  readonly scope: string
  readonly freezeId: string | null
  readonly comment: string
  readonly at: string
}

export interface ChangeSummary {
  readonly id: string
  readonly number: number
  /** CR-<number> */
  readonly key: string
  readonly title: string
  readonly description: string
  readonly type: ChangeType
  readonly state: ChangeState
  readonly authorId: string
  readonly authorName: string
  readonly serviceIds: readonly string[]
  readonly services: readonly { readonly id: string; readonly name: string; readonly teamId: string }[]
  readonly worstCase: string
  readonly rollbackPlan: RollbackPlan
  readonly verificationSteps: readonly string[]
  readonly risk: string | null
  readonly riskHint: RiskHint | null
  readonly plannedAt: string | null
  readonly reviewDueAt: string | null
  readonly startedAt: string | null
  readonly finishedAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly approvals: readonly ChangeApproval[]
  /** Ids of freezes this change has an exception to. */
  readonly freezeExceptions: readonly string[]
}

export interface ChangeComment {
  readonly id: string
  readonly userId: string
  readonly userName: string
  readonly body: string
  readonly at: string
}

/** A recorded deployment or rollback. */
export interface Deployment {
  readonly id: string
  readonly serviceId: string
  readonly serviceName: string
  /** deploy or rollback */
  readonly kind: string
  readonly version: string
  readonly changeRequestId: string | null
  readonly changeKey: string | null
  readonly actor: string
  readonly actorUserId: string | null
  /** in_progress, succeeded, failed or rolled_back */
  readonly status: string
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly overrideReason: string | null
  readonly rollsBackId: string | null
  readonly source: string
}

/** One change request with what the viewer can do next and what still blocks submitting. */
export interface ChangeDetail extends ChangeSummary {
  readonly rollbackSteps: readonly RollbackStepGrade[]
  readonly comments: readonly ChangeComment[]
  readonly blastRadius: readonly BlastRadiusEntry[]
  readonly deployments: readonly Deployment[]
  /** What the state machine allows the viewer now (roles are checked on the action itself). */
  readonly nextActions: readonly ChangeAction[]
  readonly warnings: readonly FieldNote[]
  readonly toSubmit: readonly FieldNote[]
}

/** POST /changes/preview: a change checked without saving. */
export interface ChangePreview {
  readonly valid: boolean
  readonly errors: readonly FieldNote[]
  readonly warnings: readonly FieldNote[]
  readonly serviceIds: readonly string[]
  readonly rollbackSteps: readonly RollbackStepGrade[]
  readonly hasUsableRollbackPlan: boolean
  readonly riskHint: RiskHint
  readonly blastRadius: readonly BlastRadiusEntry[]
}

export interface FreezeScope {
  /** all, teams or services */
  readonly kind: string
  readonly teamIds?: readonly string[]
  readonly serviceIds?: readonly string[]
}

export interface Freeze {
  readonly id: string
  readonly name: string
  readonly start: string
  readonly end: string
  readonly scope: FreezeScope
  readonly reason: string
  /** Who may grant exceptions; empty = global administrators. */
  readonly approverIds: readonly string[]
  readonly active: boolean
  readonly exceptions: readonly { readonly changeId: string; readonly changeKey: string; readonly approvedBy: string; readonly comment: string; readonly at: string }[]
}

/** Weekly local hours: days `mon`…`sun`, "HH:MM" in the policy's zone; end ≤ start crosses midnight. */
export interface WeeklyHours {
  readonly days: readonly string[]
  readonly start: string
  readonly end: string
}

export interface DeployChecks {
  readonly requireOnCall: boolean
  readonly denyIfOnCallAsleep: boolean
  readonly denyIfOnCallRelieved: boolean
  readonly denyIfNightBudgetSpent: boolean
  readonly denyIfOpenHighUrgencyAlert: boolean
  readonly requireApprovedChange: boolean
}

export interface DeployPolicy {
  readonly timeZone: string
  readonly windows: readonly WeeklyHours[]
  readonly supportTailMinutes: number
  readonly staffedHours: WeeklyHours
  /** YYYY-MM-DD in the policy's zone. */
  readonly holidays: readonly string[]
  readonly checks: DeployChecks
}

export interface TeamDeployPolicy {
  readonly teamId: string
  /** Nothing stored: the default applies in the team's zone. */
  readonly isDefault: boolean
  readonly updatedAt: string | null
  readonly policy: DeployPolicy
  readonly services: readonly { readonly serviceId: string; readonly serviceName: string; readonly source: string; readonly policy: DeployPolicy }[]
}

/** One reason of the deploy gate: effect deny, warn or allow. */
export interface GateReason {
  readonly code: string
  readonly effect: string
  readonly message: string
  readonly until?: string
}

export interface DeployCheckResult {
  readonly checkId: string
  readonly allowed: boolean
  readonly kind: string
  readonly at: string
  readonly reasons: readonly GateReason[]
  readonly nextAllowedAt: string | null
  readonly service: { readonly id: string; readonly name: string; readonly teamId: string }
  readonly change: { readonly id: string; readonly key: string; readonly title: string; readonly state: string } | null
  readonly policy: DeployPolicy
  readonly policySource: string
  readonly facts: {
    readonly onCall: readonly { readonly from: string; readonly to: string; readonly userName: string | null; readonly asleepDuring: boolean; readonly relieved: boolean; readonly reachable: boolean }[]
    readonly openHighUrgencyAlerts: number
  }
  readonly blastRadius: readonly BlastRadiusEntry[]
}

/** A change near an alert: on its service, a dependency or a direct dependent. */
export interface RecentChange {
  /** deployment, rollback, change_request or change_event */
  readonly kind: string
  readonly id: string
  readonly at: string
  readonly serviceId: string
  readonly serviceName: string
  /** self, dependency or dependent */
  readonly relation: string
  readonly summary: string
  readonly version: string | null
  readonly actor: string | null
  readonly status: string | null
  readonly changeRequest: { readonly id: string; readonly key: string; readonly title: string; readonly state: string; readonly worstCase: string } | null
  readonly rollbackPlan: (RollbackPlan & { readonly source: string }) | null
  /** In the 3 h before the alert: a likely cause. */
  readonly within3h: boolean
  readonly ageMinutes: number
}

/** A `[start, end)` stretch as RFC 3339 with the policy zone's offset. */
export interface CalendarInterval {
  readonly start: string
  readonly end: string
}

export interface CalendarPolicyIntervals {
  readonly timeZone: string
  readonly supportTailMinutes: number
  readonly windows: readonly CalendarInterval[]
  readonly staffed: readonly CalendarInterval[]
  /** When a deploy may start (window ∩ support tail − holidays − team-wide freezes), end included. */
  readonly deployable: readonly CalendarInterval[]
  readonly holidays: readonly (CalendarInterval & { readonly date: string })[]
}

export interface ChangeCalendar {
  readonly from: string
  readonly to: string
  readonly teams: readonly (CalendarPolicyIntervals & {
    readonly teamId: string
    readonly teamName: string
    readonly policySource: string
    readonly serviceOverrides: readonly (CalendarPolicyIntervals & { readonly serviceId: string; readonly serviceName: string })[]
  })[]
  readonly freezes: readonly Freeze[]
  readonly changeRequests: readonly ChangeSummary[]
  readonly deployments: readonly Deployment[]
}

/** elite, high or below-high (DORA 2024). */
export interface DoraFigures {
  readonly deployments: number
  readonly deploymentsPerWeek: number
  readonly changeFailureRate: number | null
  readonly medianTimeToRestoreMinutes: number | null
  readonly shareInsideWindows: number | null
  readonly bands: { readonly deploymentFrequency: string; readonly changeFailureRate: string | null; readonly timeToRestore: string | null }
  readonly summary: string
}

export interface ChangeMetrics {
  readonly teamId: string
  readonly from: string
  readonly to: string
  readonly deployImpact: {
    readonly deploys: number
    /** Cumulative shares (0–1) of deploy-related first alerts. */
    readonly buckets: { readonly within1h: number; readonly within3h: number; readonly within6h: number; readonly within24h: number; readonly total: number }
    readonly configuredTailMinutes: number
    readonly suggestedTailMinutes: number | null
    readonly shareWithinConfiguredTail: number | null
    readonly coverageTarget: number
    readonly note: string
  }
  readonly dora: {
    readonly team: DoraFigures
    readonly services: readonly (DoraFigures & { readonly serviceId: string; readonly serviceName: string })[]
    readonly published: string
  }
}

// ---- Alarm quality: heartbeats, alarms, event rules, noise ------------------------------------

/** new (never pinged), up, late (fewer than N missed), down (N missed in a row), failing (reported failure). */
export type HeartbeatStatus = 'new' | 'up' | 'late' | 'down' | 'failing'

/** When pings are expected: every fixed interval after the last one, or at each cron time in a zone. */
export type HeartbeatSchedule =
  | { readonly kind: 'interval'; readonly intervalSeconds: number }
  | { readonly kind: 'cron'; readonly cron: string; readonly timeZone: string }

/** `immediate`: one `/fail` alarms; `after_n`: N failures in a row alarm. */
export type HeartbeatFailMode = 'immediate' | 'after_n'

export interface Heartbeat {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  /** The first characters of the ping token, to tell URLs apart; the full URL is shown once. */
  readonly tokenPrefix: string
  readonly spec: {
    readonly schedule: HeartbeatSchedule
    readonly graceSeconds: number
    /** N: the alert opens only after N consecutive missed pings. */
    readonly missesToAlarm: number
    readonly failMode: HeartbeatFailMode
  }
  readonly status: HeartbeatStatus
  readonly alertOpen: boolean
  readonly lastPingAt: string | null
  readonly lastStartAt: string | null
  readonly lastFailAt: string | null
  readonly nextCheckAt: string
  readonly createdAt: string
}

export interface HeartbeatPing {
  readonly kind: 'success' | 'start' | 'fail'
  readonly at: string
  /** What the job sent (`--data-binary @log`), up to 10 KiB. */
  readonly body: string | null
  readonly remote: string | null
}

export interface HeartbeatDetail {
  readonly heartbeat: Heartbeat
  /** Newest first. */
  readonly pings: readonly HeartbeatPing[]
}

/** The answer to creating a heartbeat: the ping URL is in it once, and never again. */
export interface HeartbeatCreated {
  readonly heartbeat: Heartbeat
  readonly pingUrl: string
}

/** CloudWatch's alarm states. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
export type AlarmStatistic = 'avg' | 'min' | 'max' | 'sum' | 'count' | 'p50' | 'p90' | 'p99'
export type AlarmComparison = '>' | '>=' | '<' | '<='
/** CloudWatch's TreatMissingData. */
export type MissingDataPolicy = 'missing' | 'breaching' | 'notBreaching' | 'ignore'
/** The windows SLO burn rates are measured over. */
export type BurnWindow = '5m' | '30m' | '1h' | '6h' | '3d'

export interface MetricSelector {
  readonly metric: string
  readonly selector: Readonly<Record<string, string>>
}

export interface ThresholdAlarmSpec extends MetricSelector {
  readonly statistic: AlarmStatistic
  readonly periodSeconds: number
  readonly comparison: AlarmComparison
  readonly threshold: number
  /** Once in ALARM, datapoints are judged against this instead (hysteresis). */
  readonly recoveryThreshold: number | null
  /** N. */
  readonly evaluationPeriods: number
  /** M. */
  readonly datapointsToAlarm: number
  readonly treatMissingData: MissingDataPolicy
}

export interface SloAlarmSpec {
  readonly good: MetricSelector
  readonly total: MetricSelector
  readonly slo: { readonly target: number; readonly periodDays: number }
}

export interface AlarmDefinition {
  readonly kind: 'threshold' | 'slo'
  readonly threshold: ThresholdAlarmSpec | null
  readonly slo: SloAlarmSpec | null
  readonly severity: string
  readonly okPeriodsToResolve: number
  readonly flap: { readonly low: number; readonly high: number }
}

/** An SLO alarm's last figures. */
export interface SloFigures {
  readonly page: boolean
  readonly ticket: boolean
  readonly burnRates: Readonly<Record<BurnWindow, number | null>>
  readonly thresholds: readonly { readonly severity: 'page' | 'ticket'; readonly longWindow: BurnWindow; readonly shortWindow: BurnWindow; readonly burnRate: number }[]
  readonly budgetRemaining: number
  readonly goodEvents: number
  readonly totalEvents: number
}

/** What the engine last concluded about an alarm. */
export interface AlarmEvaluation {
  readonly periodEnd: string
  readonly evaluatedAt: string | null
  readonly reason: string
  readonly okStreak: number
  readonly percentStateChange: number
  /** Threshold alarms: one value per period of the evaluation range, oldest first. */
  readonly values?: readonly (number | null)[]
  readonly breaching?: number
  readonly evaluated?: number
  readonly slo?: SloFigures
}

export interface AlarmAlertRef {
  readonly id: string
  readonly status: string
  readonly urgency: string
  readonly createdAt: string
}

export interface Alarm {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  readonly kind: 'threshold' | 'slo'
  readonly definition: AlarmDefinition
  readonly state: AlarmState
  readonly stateReason: string
  readonly stateChangedAt: string
  /** Flapping alarms keep one alert open across the flips and page nobody again. */
  readonly flapping: boolean
  readonly percentStateChange: number
  readonly alert: AlarmAlertRef | null
  /** SLO alarms: the low-urgency ticket of a slow burn. */
  readonly ticket: AlarmAlertRef | null
  readonly budgetRemaining: number | null
  readonly burnRates: Readonly<Record<BurnWindow, number | null>> | null
  readonly evaluation: AlarmEvaluation | null
  readonly nextCheckAt: string
  readonly createdAt: string
  readonly updatedAt: string
}

export interface AlarmHistoryEntry {
  readonly at: string
  readonly from: AlarmState
  readonly to: AlarmState
  readonly reason: string
}

/** The per-period values a threshold alarm judges, oldest first; each `at` is the start of its period. */
export interface AlarmSeries {
  readonly periodSeconds: number
  readonly statistic: string
  readonly threshold: number
  readonly recoveryThreshold: number | null
  readonly items: readonly { readonly at: string; readonly value: number | null }[]
}

export interface ThresholdSuggestion {
  readonly alarmId: string
  readonly comparison: AlarmComparison
  readonly currentThreshold: number
  readonly suggested: number
  readonly firesPerWeekAtCurrent: number
  readonly firesPerWeekAtSuggested: number
  readonly catchesActionable: number
  readonly missesActionable: number
  readonly because: string
  readonly from: string
  readonly to: string
  readonly periods: number
  readonly actionableWindows: readonly { readonly from: string; readonly to: string }[]
  readonly targetAlertsPerWeek: number
}

export type EventConditionOp = 'equals' | 'contains' | 'matches' | 'in' | 'exists'

export interface EventCondition {
  readonly field: string
  readonly op: EventConditionOp
  readonly value?: string
  readonly values?: readonly string[]
  readonly pattern?: string
  readonly ignoreCase?: boolean
}

export interface EventRuleActions {
  readonly suppress: boolean
  readonly setUrgency: Urgency | null
  readonly routeTo: string | null
  readonly pageIfFires: { readonly times: number; readonly withinMinutes: number; readonly per: 'dedupKey' | 'rule' } | null
  readonly pageIfStillOpenAfter: { readonly minutes: number } | null
}

/** A service's event rule; rules run in `position` order and the first match decides. */
export interface EventRule {
  readonly id: string
  readonly serviceId: string
  readonly position: number
  readonly name: string
  readonly disabled: boolean
  readonly conditions: readonly EventCondition[]
  readonly actions: EventRuleActions
  readonly createdAt: string
  readonly updatedAt: string
}

/** An alert an event rule (or flap detection) holds back. */
export interface HeldEvent {
  readonly id: string
  readonly serviceId: string
  readonly ruleId: string | null
  /** `page` (still-open hold) or `resolve` (flapping source). */
  readonly kind: string
  readonly alertId: string
  readonly dedupKey: string
  readonly reason: string
  readonly releaseAt: string
  /** held, released or dropped. */
  readonly status: string
  readonly outcomeNote: string | null
  readonly settledAt: string | null
  readonly createdAt: string
}

/** One inbound event of a service, with the rule that suppressed or held it. */
export interface ServiceEvent {
  readonly id: string
  readonly receivedAt: string
  readonly action: string
  readonly dedupKey: string
  readonly sourceType: string | null
  /** suppressed, held, paged, flapping when a rule or flap detection acted; else opened, deduplicated, … */
  readonly outcome: string
  readonly detail: string | null
  readonly summary: string | null
  readonly alertId: string | null
  readonly alertServiceId: string | null
  readonly rule: { readonly id: string; readonly name: string | null } | null
  readonly reason: string | null
  readonly urgency: string | null
  readonly hold: HeldEvent | null
}

/** An inbound dedup key that flaps now. */
export interface FlappingSource {
  readonly dedupKey: string
  readonly percentChange: number
  readonly events: number
  readonly lastEventAt: string
  readonly alertId: string | null
}

/** One alarm's line in the noise report. */
export interface NoisyAlarm {
  /** alarm:<id>, heartbeat:<id>, class:<class> or dedup:<key>. */
  readonly key: string
  readonly label: string
  readonly serviceId: string
  readonly serviceName: string
  readonly alarmId: string | null
  readonly heartbeatId: string | null
  readonly lastAlertId: string
  readonly alerts: number
  readonly pages: number
  readonly noiseShare: number | null
  readonly duplicateShare: number | null
  readonly actionableShare: number | null
  readonly unmarked: number
  readonly selfResolvedWithinMinutes: number
  /** Estimated wasted interruptions. */
  readonly score: number
  readonly suggestion: string
  readonly thresholdSuggestion: ThresholdSuggestion | null
}

export interface NoiseReport {
  readonly from: string
  readonly to: string
  readonly items: readonly NoisyAlarm[]
}

/** Where a maintenance window stands at the server's now. */
export type MaintenancePhase = 'scheduled' | 'active' | 'ended' | 'cancelled'

/** A maintenance window on one service: alerts opened inside it page only at its end, if still open. */
export interface MaintenanceWindow {
  readonly id: string
  readonly serviceId: string
  readonly reason: string
  readonly start: string
  readonly end: string
  readonly phase: MaintenancePhase
  /** Who ended or cancelled it early; null when it ran (or runs) its course. */
  readonly endedBy: string | null
  readonly createdAt: string
}

/** An alert a maintenance window held: held until the end, released (paged) then, or dropped (closed in time). */
export interface MaintenanceHeldAlert {
  readonly alertId: string
  readonly dedupKey: string
  readonly summary: string
  readonly heldAt: string
  readonly status: 'held' | 'released' | 'dropped'
  readonly outcome: string | null
  readonly settledAt: string | null
}

export interface MaintenanceWindowDetail {
  readonly window: MaintenanceWindow
  readonly held: readonly MaintenanceHeldAlert[]
}
