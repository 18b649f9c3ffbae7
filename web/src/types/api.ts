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
